#include "sim/backup/restore_plan.h"

#include <algorithm>
#include <optional>

#include "sim/backup/file_sources.h"
#include "vsssim/metadata/selection.h"

namespace vsssim::backup {
namespace {

using metadata::AlternateLocationMapping;
using metadata::FileSpec;
using vss::RestoreMethod;
using vss::RestoreTarget;

enum class Route {
  kOriginal,         // the default path
  kMapping,          // the alternate location mapping (must exist: ALT-03)
  kMappingIfAbsent,  // IF_NOT_THERE with originals present: mapping when absent there too
  kNone,             // nothing is restored
};

std::string Join(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir.back() == '\\') return dir + name;
  return dir + "\\" + name;
}

bool SameTriple(const std::string& path, const std::string& filespec, bool recursive,
                const FileSpec& set) {
  return recursive == set.recursive && metadata::SamePath(path, set.path) &&
         metadata::SamePath(filespec, set.filespec);
}

class Planner {
 public:
  Planner(const PlanInput& in, std::vector<DataProblem>* problems)
      : in_(in), problems_(problems), tree_(*in.wmd) {}

  ComponentPlan Plan() {
    const metadata::ComponentState& cs = *in_.state;
    plan_.result.component.writer_id = in_.writer->writer_id;
    plan_.result.component.instance_id = in_.writer->instance_id;
    plan_.result.component.logical_path = cs.logical_path;
    plan_.result.component.name = cs.name;
    plan_.result.component.member_logical_path = cs.logical_path;
    plan_.result.component.member_name = cs.name;
    for (const FileRecord& r : in_.set->files) {
      if (Selected(r.component)) records_.push_back(&r);
    }
    plan_.has_records = !records_.empty();
    Route route = ChooseRoute();
    if (cs.restore_target == RestoreTarget::VSS_RT_DIRECTED) PlanDirected();  // DT-01
    for (const FileRecord* r : records_) {
      if (std::find(directed_sources_.begin(), directed_sources_.end(), r) !=
          directed_sources_.end())
        continue;
      if (auto dest = Destination(route, r->file_set, r->path)) {
        plan_.writes.push_back({r, *dest});
      }
    }
    bool continuation = !in_.set->base_label.empty();
    if (continuation && in_.options->apply_removals && route != Route::kNone &&
        route != Route::kMappingIfAbsent) {  // DATA-CHOICE-MANIFEST
      for (const ManifestEntry& m : in_.set->removed) {
        if (!Selected(m.component)) continue;
        if (auto dest = Destination(route, m.file_set, m.path)) plan_.deletions.push_back(*dest);
      }
    }
    return std::move(plan_);
  }

 private:
  void Problem(std::string rule, std::string message) {
    problems_->push_back({std::move(rule), plan_.result.component.name + ": " + message});
  }

  // The record belongs to this selected component (and to a restore subcomponent, SEL-07).
  bool Selected(const ComponentRef& c) const {
    const metadata::ComponentState& cs = *in_.state;
    if (c.writer_id != in_.writer->writer_id) return false;
    if (c.instance_id != in_.writer->instance_id && !in_.writer->instance_id.IsNull()) return false;
    if (!metadata::SamePath(c.logical_path, cs.logical_path) ||
        !metadata::SamePath(c.name, cs.name))
      return false;
    if (cs.restore_subcomponents.empty()) return true;
    const metadata::ComponentDescription* member =
        tree_.Find({c.member_logical_path, c.member_name});
    for (const metadata::RestoreSubcomponent& s : cs.restore_subcomponents) {
      const metadata::ComponentDescription* sub = tree_.Find({s.logical_path, s.component_name});
      if (sub == nullptr || member == nullptr) continue;
      if (sub == member || metadata::ComponentTree::IsBelow(*member, *sub)) return true;
    }
    return false;
  }

  const AlternateLocationMapping* MappingFor(const FileSpec& set) const {
    if (!in_.wmd->restore_method) return nullptr;
    for (const AlternateLocationMapping& m : in_.wmd->restore_method->alternate_location_mappings) {
      if (SameTriple(m.path, m.filespec, m.recursive, set)) return &m;  // ALT-02, MATCH-01
    }
    return nullptr;
  }

  bool AllMapped() const {
    return std::all_of(records_.begin(), records_.end(),
                       [&](const FileRecord* r) { return MappingFor(r->file_set) != nullptr; });
  }
  bool Exists(const std::string& path) const {
    const storage::Volume* v = in_.live->Find(path);
    return v != nullptr && v->Live().Stat(path).has_value();
  }
  bool Replaceable(const std::string& path) const {
    const auto& locked = in_.options->locked_paths;
    return std::none_of(locked.begin(), locked.end(),
                        [&](const std::string& l) { return metadata::SamePath(l, path); });
  }
  bool AllReplaceable() const {
    return std::all_of(records_.begin(), records_.end(),
                       [&](const FileRecord* r) { return Replaceable(r->path); });
  }

  Route RequireMappings(const char* why) {
    if (AllMapped()) return Route::kMapping;
    Problem("ALT-03", std::string(why) +
                          " but a file set has no alternate location mapping; "
                          "nothing is restored (writer error)");
    return Route::kNone;
  }

  Route ChooseRoute() {
    const metadata::ComponentState& cs = *in_.state;
    switch (cs.restore_target) {  // RM-01
      case RestoreTarget::VSS_RT_ORIGINAL_LOCATION:
      case RestoreTarget::VSS_RT_DIRECTED:  // others as RT_ORIGINAL: DATA-CHOICE-DIRECTED-OTHERS
        if (cs.restore_target == RestoreTarget::VSS_RT_ORIGINAL_LOCATION) return Route::kOriginal;
        break;
      case RestoreTarget::VSS_RT_ALTERNATE:
        return RequireMappings("restore target is VSS_RT_ALTERNATE");
      case RestoreTarget::VSS_RT_UNDEFINED:
        Problem("RM-01", "restore target VSS_RT_UNDEFINED (writer error); read as VSS_RT_ORIGINAL");
        break;
      default:
        break;
    }
    RestoreMethod method = in_.wmd->restore_method ? in_.wmd->restore_method->method
                                                   : RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE;
    bool continuation = !in_.set->base_label.empty();  // DATA-CHOICE-CHAIN-METHOD
    switch (method) {
      case RestoreMethod::VSS_RME_RESTORE_IF_NOT_THERE: {
        bool any = std::any_of(records_.begin(), records_.end(),
                               [&](const FileRecord* r) { return Exists(r->path); });
        return continuation || !any ? Route::kOriginal : Route::kMappingIfAbsent;
      }
      case RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE:
        if (continuation || AllReplaceable()) return Route::kOriginal;
        if (AllMapped()) return Route::kMapping;  // ALT-03 "may"
        Problem("RM-03",
                "VSS_RME_RESTORE_IF_CAN_REPLACE: a file cannot be replaced and there is "
                "no alternate location mapping; nothing is restored");
        return Route::kNone;
      case RestoreMethod::VSS_RME_RESTORE_TO_ALTERNATE_LOCATION:
        return RequireMappings("restore method is VSS_RME_RESTORE_TO_ALTERNATE_LOCATION");
      case RestoreMethod::VSS_RME_RESTORE_AT_REBOOT:
        plan_.staged_for_reboot = true;  // DATA-CHOICE-REBOOT
        return Route::kOriginal;
      case RestoreMethod::VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE:
        plan_.staged_for_reboot = !continuation && !AllReplaceable();
        return Route::kOriginal;
      case RestoreMethod::VSS_RME_STOP_RESTORE_START:
      case RestoreMethod::VSS_RME_RESTORE_STOP_START:
      case RestoreMethod::VSS_RME_CUSTOM:  // DATA-CHOICE-CUSTOM: default path
        return Route::kOriginal;
      default:
        Problem("RM-01", "restore method VSS_RME_UNDEFINED (writer error); nothing is restored");
        return Route::kNone;
    }
  }

  // Where a file of `set` at default path `path` goes; nullopt: not restored.
  std::optional<std::string> Destination(Route route, const FileSpec& set,
                                         const std::string& path) {
    for (const metadata::NewTarget& nt : in_.state->new_targets) {  // NT-02: overrides all
      if (!SameTriple(nt.path, nt.filespec, nt.recursive, set)) continue;
      if (!vss::HasAll(in_.wmd->backup_schema,
                       vss::BackupSchema::VSS_BS_WRITER_SUPPORTS_NEW_TARGET)) {
        Problem("NT-01", "new target for " + set.path +
                             " ignored: the writer lacks "
                             "VSS_BS_WRITER_SUPPORTS_NEW_TARGET");
        break;
      }
      Note("new-target");
      return Rebase(path, set.path, nt.alternate_path);
    }
    const AlternateLocationMapping* m = MappingFor(set);
    switch (route) {
      case Route::kOriginal:
        Note("original");
        return path;
      case Route::kMapping:
        return UseMapping(*m, path);
      case Route::kMappingIfAbsent:
        if (m != nullptr) {
          std::string dest = Rebase(path, m->path, m->destination);
          if (!Exists(dest)) return UseMapping(*m, path);
        }
        return std::nullopt;
      case Route::kNone:
        return std::nullopt;
    }
    return std::nullopt;
  }

  std::string UseMapping(const AlternateLocationMapping& m, const std::string& path) {
    Note("alternate");
    auto& used = plan_.result.mappings_used;  // ALT-04
    if (std::find(used.begin(), used.end(), m) == used.end()) used.push_back(m);
    return Rebase(path, m.path, m.destination);
  }

  void Note(const char* how) {
    std::string& h = plan_.result.how;
    if (h.empty()) {
      h = how;
    } else if (h != how) {
      h = "mixed";
    }
  }

  void PlanDirected() {
    for (const metadata::DirectedTarget& dt : in_.state->directed_targets) {
      std::string source = Join(dt.source_path, dt.source_filename);
      auto it = std::find_if(records_.begin(), records_.end(), [&](const FileRecord* r) {
        return metadata::SamePath(r->path, source);
      });
      if (it == records_.end()) {
        Problem("DT-03", "directed source " + source + " is not a backed-up file of the component");
        continue;
      }
      metadata::RuleProblem check = metadata::CheckDirectedTarget(dt);  // DT-02
      if (!check.ok()) {
        Problem(check.rule_id, check.message);
        continue;
      }
      PlannedDirected d;
      d.record = *it;
      d.source_ranges = *metadata::ParseRanges(dt.source_ranges);
      d.destination_ranges = *metadata::ParseRanges(dt.destination_ranges);
      d.destination = Join(dt.destination_path, dt.destination_filename);
      if (d.record->is_partial && d.record->ranges != d.source_ranges) {
        Problem("DT-03", "directed source ranges of partial file " + source +
                             " differ from its backed-up ranges");
        continue;
      }
      directed_sources_.push_back(*it);
      Note("directed");
      plan_.directed.push_back(std::move(d));
    }
  }

  const PlanInput& in_;
  std::vector<DataProblem>* problems_;
  metadata::ComponentTree tree_;
  ComponentPlan plan_;
  std::vector<const FileRecord*> records_;
  std::vector<const FileRecord*> directed_sources_;
};

}  // namespace

ComponentPlan PlanComponent(const PlanInput& in, std::vector<DataProblem>* problems) {
  return Planner(in, problems).Plan();
}

}  // namespace vsssim::backup
