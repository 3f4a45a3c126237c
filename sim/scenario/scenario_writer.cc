#include "sim/scenario/scenario_writer.h"

#include <stdexcept>
#include <string>
#include <thread>

#include "sim/scenario/observations.h"
#include "vsssim/metadata/component.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/storage/path.h"
#include "vsssim/writer/writer_components.h"

namespace vsssim::scenario {
namespace {

using vss::WriterEvent;

// FILETIME ticks (100 ns) of a virtual duration since the start of the run.
std::uint64_t FileTimeTicks(runtime::Duration d) {
  return static_cast<std::uint64_t>(d.count() / 100);
}

bool SameComponent(metadata::Component& c, const Action& action) {
  if (action.component.empty()) return true;
  std::string name;
  std::string logical_path;
  c.GetComponentName(&name);
  c.GetLogicalPath(&logical_path);
  return name == action.component && logical_path == action.logical_path;
}

}  // namespace

ScenarioWriter::ScenarioWriter(const scenario::Writer& model, const Scenario& scenario,
                               storage::VolumeManager& volumes, runtime::Clock& clock,
                               runtime::Random random, Guid class_id)
    : writer::Writer(writer::WriterIdentity{class_id, model.name, model.instance_name, model.usage,
                                            model.source, model.level, model.freeze_timeout}),
      model_(model),
      scenario_(scenario),
      volumes_(volumes),
      clock_(clock),
      random_(std::move(random)) {}

bool ScenarioWriter::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  Declare(metadata);
  return Handle(WriterEvent::kIdentify);
}
bool ScenarioWriter::OnPrepareBackup(writer::WriterComponents* c) {
  return Handle(WriterEvent::kPrepareForBackup, c);
}
bool ScenarioWriter::OnPostSnapshot(writer::WriterComponents* c) {
  return Handle(WriterEvent::kPostSnapshot, c);
}
bool ScenarioWriter::OnBackupComplete(writer::WriterComponents* c) {
  return Handle(WriterEvent::kBackupComplete, c);
}
bool ScenarioWriter::OnBackupShutdown(const Guid& /*snapshot_set_id*/) {
  return Handle(WriterEvent::kBackupShutdown);
}
bool ScenarioWriter::OnPreRestore(writer::WriterComponents* c) {
  return Handle(WriterEvent::kPreRestore, c);
}
bool ScenarioWriter::OnPostRestore(writer::WriterComponents* c) {
  return Handle(WriterEvent::kPostRestore, c);
}

// WMD-02..10: the model's declarations, in the order a real writer makes them.
void ScenarioWriter::Declare(metadata::CreateWriterMetadata& m) const {
  if (model_.schema) m.SetBackupSchema(*model_.schema);
  if (const auto& rm = model_.restore_method) {
    m.SetRestoreMethod(rm->method, rm->service, rm->user_procedure, rm->writer_restore,
                       rm->reboot_required);
  }
  for (const Component& c : model_.components) {
    m.AddComponent(c.type, c.logical_path, c.name, c.caption, {}, c.restore_metadata,
                   c.notify_on_backup_complete, c.selectable, c.selectable_for_restore, c.flags);
    for (const FileSet& f : c.database_files) {
      m.AddDatabaseFiles(c.logical_path, c.name, f.path, f.filespec, f.backup_type_mask);
    }
    for (const FileSet& f : c.log_files) {
      m.AddDatabaseLogFiles(c.logical_path, c.name, f.path, f.filespec, f.backup_type_mask);
    }
    for (const FileSet& f : c.files) {
      m.AddFilesToFileGroup(c.logical_path, c.name, f.path, f.filespec, f.recursive,
                            f.alternate_path, f.backup_type_mask);
    }
  }
  for (const FileSet& f : model_.excludes) m.AddExcludeFiles(f.path, f.filespec, f.recursive);
  for (const AlternateLocationMapping& a : model_.alternate_location_mappings) {
    m.AddAlternateLocationMapping(a.path, a.filespec, a.recursive, a.destination);
  }
}

// Several <on> for one event apply in file order: the first whose condition holds (if=,
// unless-flag=) and that has covered fewer than its times= occurrences. Without conditions this
// is "each covers `times` consecutive occurrences" (behaviour.h).
bool ScenarioWriter::Applies(const std::string& if_flag, const std::string& unless_flag) const {
  return (if_flag.empty() || HasFlag(if_flag)) && (unless_flag.empty() || !HasFlag(unless_flag));
}

const Behaviour* ScenarioWriter::BehaviourFor(WriterEvent event) {
  behaviour_uses_.resize(model_.behaviours.size(), 0);
  for (std::size_t i = 0; i < model_.behaviours.size(); ++i) {
    const Behaviour& b = model_.behaviours[i];
    if (b.event != event || !Applies(b.if_flag, b.unless_flag)) continue;
    if (b.times && behaviour_uses_[i] >= *b.times) continue;
    ++behaviour_uses_[i];
    return &b;
  }
  return nullptr;
}

bool ScenarioWriter::Handle(WriterEvent event, writer::WriterComponents* components) {
  if (observer_ != nullptr) observer_->Record(*this, event, components);  // observations.h
  received_.push_back(event);
  ++occurrences_[event];
  if (wedged_) {  // WRT-TIME-05: the process answers nothing until it restarts
    Note("wedged: the handler never returns", {{"event", std::string(vss::NameOf(event))}},
         "WRT-TIME-05");
    Hang();
    return true;
  }
  TimersOnEvent(event);  // writer_timers.cc
  const Behaviour* b = BehaviourFor(event);
  if (b == nullptr) return true;
  for (const Action& action : b->actions) {
    if (event == WriterEvent::kFreeze && action.kind == ActionKind::kWrite) {
      clock_.ScheduleAfter(runtime::Duration{0}, [this, action] { Write(action); });
      continue;
    }
    RunAction(action, components);
    if (IsProcessAction(action.kind)) RunProcessAction(action, event);
  }
  for (WriterBug bug : b->bugs) RunBug(bug, components);
  if (b->delay.count() > 0) Spend(b->delay);
  if (b->failure) {                            // fail= / veto-only=
    if (b->application_error || b->message) {  // WRT-ERR-02, WRT-RET-06
      SetWriterFailureEx(*b->failure, b->application_error.value_or(HResult{}),
                         b->message.value_or(""));
    } else {
      SetWriterFailure(*b->failure);
    }
  }
  if (b->hang) Hang();
  if (b->throws) throw std::runtime_error("scenario writer " + model_.name + " throws");
  return b->returns;
}

void ScenarioWriter::RunAction(const Action& action, writer::WriterComponents* components) {
  if (action.kind == ActionKind::kWrite) return Write(action);
  if (IsProcessAction(action.kind)) return;  // RunProcessAction (writer_timers.cc)
  if (action.kind == ActionKind::kTruncateLogs) {
    for (const Component& c : model_.components) {
      if (action.component.empty() ||
          (c.name == action.component && c.logical_path == action.logical_path)) {
        TruncateLogs(c);
      }
    }
    return;
  }
  if (components == nullptr) return;  // not in component mode, or no components here
  for (std::uint32_t i = 0; i < components->GetComponentCount(); ++i) {
    metadata::Component* c = nullptr;
    if (components->GetComponent(i, &c).Failed() || c == nullptr) continue;
    if (!SameComponent(*c, action)) continue;
    switch (action.kind) {
      case ActionKind::kSetBackupStamp:  // STAMP-01
        c->SetBackupStamp(action.value);
        break;
      case ActionKind::kSetBackupMetadata:  // WRT-CALL-03
        c->SetBackupMetadata(action.value);
        break;
      case ActionKind::kAddDifferencedFiles: {  // DIFF-01
        runtime::Duration t =
            action.last_modify_time ? *action.last_modify_time : clock_.Now().since_start;
        c->AddDifferencedFilesByLastModifyTime(action.path, action.filespec, action.recursive,
                                               FileTimeTicks(t));
        break;
      }
      case ActionKind::kAddPartialFile:  // PART-01..03
        c->AddPartialFile(action.path, action.filespec, action.ranges, action.metadata);
        break;
      case ActionKind::kSetRestoreTarget:  // WRT-CALL-11, RM-01
        c->SetRestoreTarget(action.restore_target);
        break;
      case ActionKind::kAddDirectedTarget:  // WRT-CALL-12, DT-01..03
        c->AddDirectedTarget(action.path, action.filespec, action.ranges, action.destination_path,
                             action.destination_filename, action.destination_ranges);
        break;
      case ActionKind::kSetPreRestoreFailureMsg:  // WRT-CALL-13
        c->SetPreRestoreFailureMsg(action.value);
        break;
      case ActionKind::kSetComponentFailure:  // WRT-RET-06, WRT-CALL-15: IVssComponentEx2
        c->SetFailure(action.code, action.application_error, action.message, 0);
        break;
      default:
        break;
    }
  }
}

// A write to a live file: during Freeze this is a torn snapshot (SIM-QUIESCE-01), which the
// storage layer's QuiesceMonitor reports.
void ScenarioWriter::Write(const Action& action) {
  storage::Volume* volume = volumes_.Find(action.file);
  if (volume == nullptr) return;
  // Pseudo-random bytes made a block at a time as they are written: the write costs the
  // blocks it fills, not a buffer of its size (the loader caps offset + size,
  // docs/scenario-format.md "Limits").
  volume->WritePattern(action.file, action.offset, action.size_bytes, random_.Next());
}

// What a log backup allows: the component's log files shrink to nothing.
void ScenarioWriter::TruncateLogs(const Component& component) {
  for (const File& file : scenario_.files) {
    for (const FileSet& set : component.log_files) {
      if (!storage::FileSetMatches({set.path, set.filespec, set.recursive}, file.path)) continue;
      if (storage::Volume* volume = volumes_.Find(file.path)) volume->SetFileSize(file.path, 0);
    }
  }
}

void ScenarioWriter::RunBug(WriterBug bug, writer::WriterComponents* components) {
  switch (bug) {
    case WriterBug::kSetFailureInIdentify:  // WRT-IDENTIFY-03
      SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
      break;
    case WriterBug::kChangeStateInIdentify:  // WRT-IDENTIFY-02: refused by the loader
      GetBackupType();                       // (invisible to VSS itself)
      break;
    case WriterBug::kFailureFromOtherThread: {  // WRT-THREAD-01
      std::thread worker([this] { SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE); });
      worker.join();
      break;
    }
    case WriterBug::kSnapshotSetIdInShutdown:  // WRT-SHUT-03
      GetCurrentSnapshotSetId();
      break;
    case WriterBug::kBackupMetadataTwice: {  // BCD-WIN-04
      Action twice;
      twice.kind = ActionKind::kSetBackupMetadata;
      twice.value = "first";
      RunAction(twice, components);
      twice.value = "second";
      RunAction(twice, components);
      break;
    }
    case WriterBug::kIgnoreAbort:  // SIM-ABORT-01: not observable yet; refused by the loader
      break;
  }
}

}  // namespace vsssim::scenario
