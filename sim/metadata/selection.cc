#include "vsssim/metadata/selection.h"

#include <algorithm>

namespace vsssim::metadata {
namespace {

std::string SetPath(const ComponentDescription& c) {
  // The logical path members of c's set start with (SEL-10).
  return c.logical_path.empty() ? c.name : c.logical_path + "\\" + c.name;
}

std::string Describe(const ComponentKey& k) {
  return k.first.empty() ? "\\" + k.second : "\\" + k.first + "\\" + k.second;
}

}  // namespace

const ComponentDescription* ComponentTree::Find(const ComponentKey& key) const {
  for (const ComponentDescription& c : wmd_.components) {
    if (SamePath(c.logical_path, key.first) && SamePath(c.name, key.second)) return &c;
  }
  return nullptr;
}

bool ComponentTree::IsBelow(const ComponentDescription& d, const ComponentDescription& a) {
  if (&d == &a) return false;
  return !d.logical_path.empty() && PathAtOrBelow(d.logical_path, SetPath(a));
}

const ComponentDescription* ComponentTree::SelectableAncestor(const ComponentDescription& c) const {
  const ComponentDescription* nearest = nullptr;
  for (const ComponentDescription& a : wmd_.components) {
    if (!a.selectable || !IsBelow(c, a)) continue;
    if (nearest == nullptr || SetPath(a).size() > SetPath(*nearest).size()) nearest = &a;
  }
  return nearest;
}

bool ComponentTree::IsRequired(const ComponentDescription& c) const {
  return !c.selectable && SelectableAncestor(c) == nullptr;  // SEL-02
}

std::vector<const ComponentDescription*> ComponentTree::Members(
    const ComponentDescription& c) const {
  std::vector<const ComponentDescription*> members;
  for (const ComponentDescription& m : wmd_.components) {
    if (IsBelow(m, c)) members.push_back(&m);
  }
  return members;
}

std::vector<RuleProblem> ComponentTree::CheckBackupSelection(
    const std::vector<ComponentKey>& explicit_keys) const {
  std::vector<RuleProblem> problems;
  std::vector<const ComponentDescription*> chosen;
  for (const ComponentKey& key : explicit_keys) {
    const ComponentDescription* c = Find(key);
    if (c == nullptr) {
      problems.push_back({"SEL-09", "component " + Describe(key) + " is not in the WMD of " +
                                        wmd_.identity.writer_name});
      continue;
    }
    chosen.push_back(c);
  }
  for (const ComponentDescription* c : chosen) {
    const ComponentDescription* ancestor = SelectableAncestor(*c);
    if (ancestor == nullptr) continue;
    if (!c->selectable) {
      problems.push_back({"SEL-04", "non-selectable component " + c->FullPath() +
                                        " has the selectable ancestor " + ancestor->FullPath() +
                                        " and must not be added explicitly"});
    } else if (std::find(chosen.begin(), chosen.end(), ancestor) != chosen.end()) {
      problems.push_back({"SEL-04", "selectable component " + c->FullPath() +
                                        " is already included through " + ancestor->FullPath()});
    }
  }
  if (!chosen.empty()) {  // SEL-02: a writer that takes part must have its required components
    for (const ComponentDescription& c : wmd_.components) {
      if (IsRequired(c) && std::find(chosen.begin(), chosen.end(), &c) == chosen.end()) {
        problems.push_back({"SEL-02", "required (non-selectable) component " + c.FullPath() +
                                          " of " + wmd_.identity.writer_name + " is not added"});
      }
    }
  }
  return problems;
}

std::vector<const ComponentDescription*> ComponentTree::Included(
    const std::vector<ComponentKey>& explicit_keys) const {
  std::vector<const ComponentDescription*> included;
  auto add = [&](const ComponentDescription* c) {
    if (std::find(included.begin(), included.end(), c) == included.end()) included.push_back(c);
  };
  for (const ComponentKey& key : explicit_keys) {
    const ComponentDescription* c = Find(key);
    if (c == nullptr) continue;
    add(c);
    if (c->selectable) {  // SEL-05: a selectable component defines a set
      for (const ComponentDescription* m : Members(*c)) add(m);
    }
  }
  std::vector<const ComponentDescription*> ordered;  // document order
  for (const ComponentDescription& c : wmd_.components) {
    if (std::find(included.begin(), included.end(), &c) != included.end()) ordered.push_back(&c);
  }
  return ordered;
}

RuleProblem ComponentTree::CheckRestoreSubcomponent(const ComponentKey& parent,
                                                    const ComponentKey& sub) const {
  const ComponentDescription* p = Find(parent);
  const ComponentDescription* s = Find(sub);
  if (p == nullptr || s == nullptr) {
    return {"SEL-07", "restore subcomponent " + Describe(sub) + " or its parent " +
                          Describe(parent) + " is not in the WMD"};
  }
  if (!IsBelow(*s, *p)) {
    return {"SEL-07", Describe(sub) + " is not a member of the set " + p->FullPath()};
  }
  if (s->logical_path.empty()) {
    return {"SEL-08", "selectable-for-restore is meaningless for top-level " + s->FullPath()};
  }
  if (!s->selectable_for_restore) {
    return {"SEL-07", s->FullPath() + " is not selectable for restore"};
  }
  return {};
}

std::vector<RuleProblem> CheckDependencies(const std::vector<const WriterMetadata*>& writers,
                                           const std::map<Guid, std::set<ComponentKey>>& selected) {
  std::vector<RuleProblem> problems;
  for (const WriterMetadata* w : writers) {
    auto mine = selected.find(w->identity.writer_id);
    if (mine == selected.end()) continue;
    for (const ComponentDescription& c : w->components) {
      if (mine->second.count({c.logical_path, c.name}) == 0) continue;
      for (const ComponentDependency& d : c.dependencies) {
        if (d.logical_path.rfind("\\\\", 0) == 0) continue;  // MATCH-04: remote, not checkable
        auto theirs = selected.find(d.writer_id);
        if (theirs == selected.end() ||
            theirs->second.count({d.logical_path, d.component_name}) == 0) {
          problems.push_back(
              {"SEL-11", c.FullPath() + " of " + w->identity.writer_name + " depends on " +
                             Describe({d.logical_path, d.component_name}) + " of writer " +
                             d.writer_id.ToString() + ", which is not selected"});
        }
      }
    }
  }
  return problems;
}

}  // namespace vsssim::metadata
