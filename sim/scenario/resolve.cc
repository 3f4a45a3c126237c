// The cross-reference pass: runs once the scenario and its includes are read, and checks what
// no single element can: unique names, references that resolve, files that fit their volume.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "sim/scenario/load.h"
#include "vsssim/storage/volume_name.h"

namespace vsssim::scenario::internal {
namespace {

std::vector<std::string_view> WriterNames(const Scenario& s) {
  std::vector<std::string_view> names;
  for (const Writer& w : s.writers) names.push_back(w.name);
  return names;
}

std::vector<std::string_view> VolumeNames(const Scenario& s) {
  std::vector<std::string_view> names;
  for (const Volume& v : s.volumes) names.push_back(v.name);
  return names;
}

struct Resolver {
  Scenario* s;
  Errors* errors;
  // Indexes, so that a large scenario resolves in O(n log n).
  std::map<std::string, const Writer*> writer_index;
  std::set<std::tuple<std::string, std::string, std::string>> component_index;
  std::set<std::string> requesters;

  void Index() {
    for (const Writer& w : s->writers) {
      writer_index.emplace(w.name, &w);
      for (const Component& c : w.components) {
        component_index.emplace(w.name, c.logical_path, c.name);
      }
    }
  }
  const Writer* FindWriter(const std::string& name) const {
    auto it = writer_index.find(name);
    return it == writer_index.end() ? nullptr : it->second;
  }

  void Error(const SourceLocation& where, std::string message) {
    errors->Add(where, std::move(message));
  }

  void CheckWriter(const SourceLocation& where, std::string_view context, const std::string& name) {
    if (name.empty() || FindWriter(name) != nullptr) return;
    std::string message = std::string(context) + ": no writer named " + Quote(name);
    std::string_view hint = Suggest(name, WriterNames(*s));
    if (!hint.empty()) message += "; did you mean \"" + std::string(hint) + "\"?";
    Error(where, std::move(message));
  }

  // <stop-service> & co.: a scripted writer, or a service= some scripted writer declares
  // (otherwise the step would act on nothing).
  void CheckServiceStep(const Step& step) {
    const std::string context = "<" + std::string(NameOf(step.kind)) + ">";
    if (!step.writer.empty()) {
      CheckWriter(step.where, context, step.writer);
      const Writer* w = FindWriter(step.writer);
      if (w != nullptr && !w->exec.empty()) {
        Error(step.where, context + ": writer " + Quote(step.writer) +
                              " is a writer process (exec=), not under simulated service control");
      }
      return;
    }
    std::vector<std::string_view> services;
    for (const Writer& w : s->writers) {
      if (w.service == step.service) return;
      if (!w.service.empty()) services.push_back(w.service);
    }
    std::string message = context + ": no writer declares service=" + Quote(step.service);
    std::string_view hint = Suggest(step.service, services);
    if (!hint.empty()) message += "; did you mean \"" + std::string(hint) + "\"?";
    Error(step.where, std::move(message));
  }

  void CheckVolume(const SourceLocation& where, std::string_view context, const std::string& name) {
    if (s->FindVolume(name) != nullptr) return;
    std::string message = std::string(context) + ": no volume " + Quote(name) + " is declared";
    std::string declared;
    for (std::string_view v : VolumeNames(*s))
      declared += (declared.empty() ? "" : ", ") + std::string(v);
    message += declared.empty() ? " (the scenario declares none)" : " (declared: " + declared + ")";
    Error(where, std::move(message));
  }

  void Uniqueness() {
    std::map<std::string, const Writer*> writers;
    std::multimap<Guid, const Writer*> ids;
    for (const Writer& w : s->writers) {
      if (w.name.empty()) continue;
      auto [it, fresh] = writers.emplace(w.name, &w);
      if (!fresh) {
        Error(w.where, "<writer>: a second writer named " + Quote(w.name) + " (the first is at " +
                           it->second->where.ToString() + ")");
      }
      if (w.class_id) {
        // Instances of one writer class share its id, each with its own instance name: VSS
        // routes restores by it (WRT-INIT-05, REQ-RST-12).
        auto [first, last] = ids.equal_range(*w.class_id);
        for (auto it = first; it != last; ++it) {
          const Writer& other = *it->second;
          if (w.instance_name.empty() || other.instance_name.empty() ||
              w.instance_name == other.instance_name) {
            Error(w.where, "<writer>: id " + w.class_id->ToString() + " is also the id of writer " +
                               Quote(other.name) +
                               "; instances of one class need distinct instance= names");
            break;
          }
        }
        ids.emplace(*w.class_id, &w);
      }
    }
    std::map<std::string, const Volume*> volumes;  // by case-folded name: "c:\MNT\" is "C:\mnt\"
    for (const Volume& v : s->volumes) {
      auto [it, fresh] = volumes.emplace(storage::FoldCase(v.name), &v);
      if (!fresh && !v.name.empty()) {
        Error(v.where, "<volume>: a second volume " + Quote(v.name) + " (the first is at " +
                           it->second->where.ToString() + ")");
      }
    }
  }

  // A mount folder is a folder of another declared volume (AddToSnapshotSet: "the path of a
  // mounted folder"): the longest declared name above it.
  void MountFolders() {
    for (const Volume& v : s->volumes) {
      std::optional<storage::VolumeName> name = storage::ParseVolumeName(v.name);
      if (!name || name->kind != storage::VolumeNameKind::kMountFolder) continue;
      std::string_view folder = name->prefix();
      const Volume* host = nullptr;
      for (const std::string& key : storage::VolumeKeysOf(folder)) {
        if (key == name->key) continue;  // the volume itself
        host = s->FindVolume(key);
        if (host != nullptr) break;
      }
      if (host == nullptr) {
        Error(v.where, "<volume>: the mount folder " + Quote(v.name) +
                           " is on no declared volume (declare " +
                           storage::VolumeNameOf(folder).value_or("") + "\\ too)");
      } else if (!host->host_dir.empty()) {  // mounting would make a folder in the directory
        Error(v.where, "<volume>: the mount folder " + Quote(v.name) + " is on " + host->name +
                           ", a host directory (" + host->host_dir +
                           "): volumes cannot be mounted in a host directory");
      }
    }
  }

  // The declared volume `path` lies on, or an error naming the root it would need.
  const Volume* VolumeOf(const SourceLocation& where, std::string_view context,
                         const std::string& path) {
    const Volume* v = s->VolumeOfPath(path);
    if (v == nullptr) {
      CheckVolume(where, context, storage::VolumeNameOf(path).value_or(path) + "\\");
    }
    return v;
  }

  void Files() {
    std::map<std::string, const File*> paths;
    std::map<std::string, std::uint64_t> used;
    for (File& f : s->files) {
      if (f.path.empty()) continue;
      const Volume* v = VolumeOf(f.where, "<file>", f.path);
      if (v == nullptr) continue;
      f.volume = v->name;
      auto [it, fresh] = paths.emplace(f.path, &f);
      if (!fresh) {
        Error(f.where, "<file>: " + Quote(f.path) + " is already declared at " +
                           it->second->where.ToString());
      }
      if (!v->host_dir.empty()) {  // only the writer and a restore change a host directory
        Error(f.where, "<file>: " + Quote(f.path) + " is on " + v->name + ", a host directory (" +
                           v->host_dir +
                           "): its files are the directory's; put the file there instead");
        continue;
      }
      std::uint64_t blocks =
          f.size_bytes / v->block_size_bytes + (f.size_bytes % v->block_size_bytes != 0 ? 1 : 0);
      std::uint64_t& total = used[v->name];
      total += blocks * v->block_size_bytes;
      if (total > v->size_bytes) {
        Error(f.where, "<file>: " + Quote(f.path) + " does not fit on " + v->name +
                           " (its files need more than the volume's " +
                           std::to_string(v->size_bytes) + " bytes)");
      }
    }
  }

  void Actions() {
    for (const Writer& w : s->writers) {
      for (const Behaviour& b : w.behaviours) {
        for (const Action& a : b.actions) {
          if (a.kind != ActionKind::kWrite || a.file.empty()) continue;
          std::optional<storage::ParsedPath> path = storage::ParsePath(a.file);
          if (!path || path->components.empty()) {
            Error(a.where, "write: " + Quote(a.file) + " is not an absolute path (\"C:\\db\\x\")");
          } else if (const Volume* v = VolumeOf(a.where, "write", a.file)) {
            // A write that ends past its volume's end can never happen: the file it writes
            // would not fit (docs/scenario-format.md, "Limits"). Refused here, not at run time
            // where it would look like the writer's failure.
            if (v->host_dir.empty() && a.size_bytes <= v->size_bytes &&
                a.offset > v->size_bytes - a.size_bytes) {
              Error(a.where, "write: " + Quote(a.file) + " from offset " +
                                 std::to_string(a.offset) + " for " + std::to_string(a.size_bytes) +
                                 " bytes ends past the end of " + v->name + " (" +
                                 std::to_string(v->size_bytes) + " bytes)");
            } else if (v->host_dir.empty() && a.size_bytes > v->size_bytes) {
              Error(a.where, "write: " + Quote(a.file) + ": " + std::to_string(a.size_bytes) +
                                 " bytes is more than all of " + v->name + " (" +
                                 std::to_string(v->size_bytes) + " bytes)");
            }
          }
        }
      }
    }
  }

  // Component references are soft: a step that expects a failure may name a missing one.
  void CheckComponent(const Step& step) {
    auto writer = step.Get<std::string>("writer");
    auto name = step.Get<std::string>("component");
    if (!writer || !name) return;
    const Writer* w = FindWriter(*writer);
    if (w == nullptr) return;
    if (!w->exec.empty()) return;  // a writer process declares its components when it runs
    std::string path = step.Get<std::string>("logical-path").value_or("");
    if (component_index.count(std::make_tuple(*writer, path, *name)) != 0) return;
    if (step.expect && step.expect->kind != ExpectedResult::Kind::kSuccess &&
        !(step.expect->kind == ExpectedResult::Kind::kExact && step.expect->code.Succeeded())) {
      return;
    }
    Error(step.where, "<call>: writer " + Quote(*writer) + " has no component " +
                          Quote(path.empty() ? *name : path + "\\" + *name) +
                          " (give expect= a failure to call it anyway)");
  }

  void Steps() {
    std::set<std::string> saved;
    for (Step& step : s->steps) {
      if (!step.requester.empty() && requesters.insert(step.requester).second) {
        s->requesters.push_back(step.requester);
      }
      if (step.kind == StepKind::kIdentify) CheckWriter(step.where, "<identify>", step.writer);
      if (step.kind == StepKind::kCheckState) {
        CheckWriter(step.where, "<check-state>", step.writer);
      }
      if (step.kind == StepKind::kBcd) {  // E: the document must be saved by an earlier step
        CheckWriter(step.where, "<bcd>", step.bcd->writer);
        if (!step.bcd->document.empty() && saved.count(step.bcd->document) == 0) {
          Error(step.where, "<bcd>: no earlier SaveAsXML step saved " + Quote(step.bcd->document));
        }
      }
      if (step.kind == StepKind::kStopService || step.kind == StepKind::kStartService ||
          step.kind == StepKind::kRestartService) {
        CheckServiceStep(step);
      }
      if (step.kind != StepKind::kCall) continue;
      std::string context = "<call method=\"" + std::string(step.method->name) + "\">";
      for (Argument& a : step.args) {
        if (a.type == ArgType::kWriter) CheckWriter(step.where, context, a.text);
        if (a.type == ArgType::kWriterList) {
          for (const std::string& w : std::get<std::vector<std::string>>(a.value)) {
            CheckWriter(step.where, context, w);
          }
        }
        if (a.type == ArgType::kVolume) {
          bool expects_failure =
              step.expect && step.expect->kind != ExpectedResult::Kind::kSuccess &&
              !(step.expect->kind == ExpectedResult::Kind::kExact && step.expect->code.Succeeded());
          std::string& name = std::get<std::string>(a.value);
          if (const Volume* v = s->FindVolume(name)) {
            name = v->name;  // printed as declared (any spelling refers to it)
          } else if (!expects_failure) {
            CheckVolume(step.where, context, name);
          }
        }
        if (a.type == ArgType::kSaveName) saved.insert(a.text);
        if (a.type == ArgType::kSavedDocument && saved.count(a.text) == 0) {
          Error(step.where, context + ": no earlier SaveAsXML step saved " + Quote(a.text));
        }
      }
      CheckComponent(step);
    }
  }

  void ExpectationsRefer() {
    for (const auto& x : s->expect.events) CheckWriter(x.where, "<events>", x.writer);
    for (const auto& x : s->expect.no_events) CheckWriter(x.where, "<no-event>", x.writer);
    for (const auto& x : s->expect.findings) CheckWriter(x.where, "<finding>", x.writer);
    for (const auto& x : s->expect.same_data) {  // SIM-DATA-01: the shadow copies of a set
      bool taken = std::any_of(s->data_steps.begin(), s->data_steps.end(), [&](const DataStep& d) {
        return d.kind == DataStep::Kind::kBackup && d.set == x.label;
      });
      if (!taken) {
        Error(x.where, "<same-data>: no <backup-data> takes set " + Quote(x.label) +
                           " (as-snapshot-of names a backup set)");
      }
    }
    // E: <event>, <observed>, and as= of <events>/<no-event> (EventScope).
    auto scope = [&](const SourceLocation& where, const std::string& what, const EventScope& sc) {
      if (!sc.requester.empty() && requesters.count(sc.requester) == 0) {
        Error(where, what + ": no step runs as requester " + Quote(sc.requester));
      }
    };
    auto set_of = [&](const SourceLocation& where, const std::string& what,
                      const std::optional<SnapshotSetMatch>& m) {
      if (m && m->kind == SnapshotSetMatch::Kind::kOfRequester &&
          requesters.count(m->requester) == 0) {
        Error(where, what + ": snapshot-set: no step runs as requester " + Quote(m->requester) +
                         " (null, any or a requester name)");
      }
    };
    for (const auto& x : s->expect.events) scope(x.where, "<events>", x.scope);
    for (const auto& x : s->expect.no_events) scope(x.where, "<no-event>", x.scope);
    for (const auto& x : s->expect.event_times) {
      CheckWriter(x.where, "<event>", x.writer);
      scope(x.where, "<event>", x.scope);
      set_of(x.where, "<event>", x.snapshot_set);
      const Writer* w = FindWriter(x.writer);
      if (w != nullptr && !w->exec.empty() && x.snapshot_set &&
          x.event != vss::WriterEvent::kBackupShutdown) {  // only BackupShutdown's is traced
        Error(x.where, "<event>: snapshot-set of writer process " + Quote(x.writer) +
                           " is known for BackupShutdown only (its handlers are not observed)");
      }
    }
    for (const auto& x : s->expect.observed) {
      CheckWriter(x.where, "<observed>", x.writer);
      scope(x.where, "<observed>", x.scope);
      set_of(x.where, "<observed>", x.snapshot_set);
      const Writer* w = FindWriter(x.writer);
      if (w != nullptr && !w->exec.empty()) {
        Error(x.where, "<observed>: writer " + Quote(x.writer) +
                           " is a writer process; only a scripted writer's handlers are observed");
      }
    }
    for (const auto& x : s->expect.states) {
      CheckWriter(x.where, "<state>", x.writer);
      if (requesters.count(x.requester) == 0) {
        Error(x.where, "<state>: no step runs as requester " + Quote(x.requester));
      }
    }
  }
};

}  // namespace

void Resolve(Scenario* scenario, Errors* errors) {
  Resolver r{scenario, errors, {}, {}, {}};
  r.Index();
  r.Uniqueness();
  r.MountFolders();
  r.Files();
  r.Actions();
  r.Steps();
  r.ExpectationsRefer();
}

}  // namespace vsssim::scenario::internal
