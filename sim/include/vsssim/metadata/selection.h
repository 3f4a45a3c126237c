// Component selection rules SEL-01..11 (../shared/spec/CATALOGUE.md §2.9) over one writer's
// WMD: logical-path hierarchy, selectable ancestors, required components, component sets
// with implicit inclusion, selectable-for-restore subcomponents and dependencies.
//
// Hierarchy (SEL-10): component B is below component A when B's logical path equals A's
// logical path joined with A's name ("lp\name", or "name" at top level), or starts with that
// followed by '\'. Comparison is case-insensitive.
//
// Thread safety: immutable after construction. REQUIRES: the WriterMetadata outlives it.
#ifndef VSSSIM_METADATA_SELECTION_H_
#define VSSSIM_METADATA_SELECTION_H_

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "vsssim/metadata/file_semantics.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/vss/guid.h"

namespace vsssim::metadata {

// (logical path, name) of a component.
using ComponentKey = std::pair<std::string, std::string>;

class ComponentTree {
 public:
  explicit ComponentTree(const WriterMetadata& wmd) : wmd_(wmd) {}

  const ComponentDescription* Find(const ComponentKey& key) const;
  // Is `descendant` below `ancestor` (SEL-10)?
  static bool IsBelow(const ComponentDescription& descendant, const ComponentDescription& ancestor);
  // The nearest selectable ancestor, or nullptr (SEL-02..04).
  const ComponentDescription* SelectableAncestor(const ComponentDescription& c) const;
  // SEL-02: non-selectable without a selectable ancestor.
  bool IsRequired(const ComponentDescription& c) const;
  // SEL-05: every component below `c` (recursively), in document order.
  std::vector<const ComponentDescription*> Members(const ComponentDescription& c) const;

  // Problems with an explicit selection of this writer's components (AddComponent calls):
  // unknown components (VSS_E_OBJECT_NOT_FOUND at AddComponent), SEL-02 missing required
  // components, SEL-04 non-selectable components with a selectable ancestor and selectable
  // subcomponents whose selectable ancestor is also added.
  std::vector<RuleProblem> CheckBackupSelection(
      const std::vector<ComponentKey>& explicit_keys) const;
  // SEL-05: everything the explicit selection includes: the explicit components and the
  // members of each selectable explicit component. Document order, no duplicates.
  std::vector<const ComponentDescription*> Included(
      const std::vector<ComponentKey>& explicit_keys) const;
  // SEL-07/08: may `sub` be restored alone (AddRestoreSubcomponent) under the explicitly
  // backed-up `parent`? Empty problem when it may.
  RuleProblem CheckRestoreSubcomponent(const ComponentKey& parent, const ComponentKey& sub) const;

 private:
  const WriterMetadata& wmd_;
};

// SEL-11: dependencies of the selected components of every writer whose target is not
// selected. `selected` maps writer class id -> selected (explicit or implicit) components.
std::vector<RuleProblem> CheckDependencies(const std::vector<const WriterMetadata*>& writers,
                                           const std::map<Guid, std::set<ComponentKey>>& selected);

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_SELECTION_H_
