#include "sim/scenario/step_runner.h"

#include "sim/scenario/service_steps.h"
#include "vsssim/runtime/input_file.h"
#include "vsssim/scenario/loader.h"
#include "vsssim/scenario/values.h"
#include "vsssim/vss/enum_table.h"

namespace vsssim::scenario {
namespace {

std::string Hr(HResult h) { return ToString(h); }

// bcd-file="...": relative to the scenario file that names it (the loader checked that it
// is a regular file of at most LoadOptions::max_file_bytes that reads and is not empty).
std::string ReadRelative(const SourceLocation& where, const std::string& path) {
  return runtime::ReadInputFile(RelativeToFile(where.file, path), LoadOptions{}.max_file_bytes)
      .bytes.value_or("");
}

}  // namespace

void StepRunner::Run(const Step& step) {
  // Steps of no requester: they must not create one (Scenario::requesters).
  if (step.kind == StepKind::kIdentify) {  // WRT-IDENTIFY-01: any party, any moment
    const writer::Writer* only = step.writer.empty() ? nullptr : &world_.writer(step.writer);
    world_.vss().InjectIdentify("tool:identify", only);
    return;
  }
  if (step.kind == StepKind::kAdvance) {
    world_.clock().AdvanceBy(step.by);
    return;
  }
  if (step.kind == StepKind::kCheckState || step.kind == StepKind::kBcd) return RunCheck(step);
  if (IsServiceStep(step.kind)) return RunServiceStep(world_, step);  // service_steps.cc
  if (step.kind == StepKind::kEndHold) return EndHold(step);
  coordinator::Requester& r = world_.requester(step.requester);
  RequesterState& state = requesters_[step.requester];
  const std::size_t begin = trace_.size();
  const std::string actor = "requester:" + step.requester;
  switch (step.kind) {
    case StepKind::kCall: {
      Outcome outcome = Call(step, r, state);
      if (!outcome.unsupported.empty()) {
        Fail(step, std::string(step.method->name), "a simulated method", outcome.unsupported);
        return;
      }
      Check(step, std::string(step.method->name), outcome);
      if (step.method->name == "GatherWriterMetadata" && outcome.result.Succeeded()) {
        world_.OnMetadataGathered(step.requester);  // an external engine's writer instances
      }
      // A failure the scenario itself expects is not a finding.
      if (step.expect && outcome.result.Failed() && step.expect->Matches(outcome.result)) {
        excused_.push_back({begin, trace_.size(), actor});
      }
      return;
    }
    case StepKind::kTerminate:  // REQ-LIFE-04: the process dies; not a requester mistake
      world_.vss().Terminate(r);
      excused_.push_back({begin, trace_.size(), actor});
      return;
    case StepKind::kRelease: {
      Outcome outcome{r.Release()};
      Check(step, "Release", outcome);
      return;
    }
    case StepKind::kIdentify:
    case StepKind::kAdvance:
    case StepKind::kCheckState:
    case StepKind::kBcd:
    case StepKind::kStopService:
    case StepKind::kStartService:
    case StepKind::kRestartService:
    case StepKind::kEndHold:
      return;  // played above
    case StepKind::kWait:
    case StepKind::kCancel: {
      Outcome outcome(hr::VSS_E_BAD_STATE);
      const char* what = step.kind == StepKind::kWait ? "wait" : "cancel";
      if (state.pending == nullptr) {
        Fail(step, what, "an operation left pending by wait=\"no\"", "nothing pending");
        return;
      }
      if (step.kind == StepKind::kWait) {
        outcome.result = state.pending->Wait();
        HResult status;
        state.pending->QueryStatus(&status);
        outcome.async_status = status;
      } else {
        outcome.result = state.pending->Cancel();
      }
      state.pending = nullptr;
      Check(step, what, outcome);
      return;
    }
  }
}

StepRunner::Outcome StepRunner::Call(const Step& step, coordinator::Requester& r,
                                     RequesterState& state) {
  const std::string_view m = step.method->name;
  coordinator::AsyncPtr async;
  if (m == "InitializeForBackup" || m == "InitializeForRestore") {
    std::string bcd;
    if (auto name = step.Get<std::string>("bcd")) bcd = saved_documents_[*name];
    if (auto file = step.Get<std::string>("bcd-file")) bcd = ReadRelative(step.where, *file);
    return {m == "InitializeForBackup" ? r.InitializeForBackup(bcd) : r.InitializeForRestore(bcd)};
  }
  if (m == "SetContext") {
    return {r.SetContext(static_cast<std::uint32_t>(*step.Get<std::uint64_t>("context")))};
  }
  if (m == "SetBackupState") {
    return {r.SetBackupState(*step.Get<bool>("select-components"),
                             step.Get<bool>("bootable-system-state").value_or(false),
                             *step.GetEnum<vss::BackupType>("backup-type"),
                             step.Get<bool>("partial-file-support").value_or(false))};
  }
  if (m == "EnableWriterClasses") return {r.EnableWriterClasses(ClassIds(step, "writers"))};
  if (m == "DisableWriterClasses") return {r.DisableWriterClasses(ClassIds(step, "writers"))};
  if (m == "DisableWriterInstances") {
    std::vector<Guid> ids;
    const auto names =
        step.Get<std::vector<std::string>>("writers").value_or(std::vector<std::string>{});
    for (const std::string& w : names) {
      ids.push_back(world_.registered(w).instance_id);
    }
    return {r.DisableWriterInstances(ids)};
  }
  // The call first, then the handle: argument evaluation order is unspecified.
  HResult started;
  if (m == "GatherWriterMetadata") started = r.GatherWriterMetadata(&async);
  if (m == "PrepareForBackup") started = r.PrepareForBackup(&async);
  if (m == "DoSnapshotSet") started = r.DoSnapshotSet(&async);
  if (m == "BackupComplete") started = r.BackupComplete(&async);
  if (m == "GatherWriterStatus") started = r.GatherWriterStatus(&async);
  if (m == "PreRestore") started = r.PreRestore(&async);
  if (m == "PostRestore") started = r.PostRestore(&async);
  if (step.method->async) return CallAsync(step, started, async, state);
  if (m == "StartSnapshotSet") {
    Outcome o{r.StartSnapshotSet(&state.snapshot_set)};
    if (o.result.Succeeded()) world_.set_snapshot_set(step.requester, state.snapshot_set);
    return o;
  }
  if (m == "AddToSnapshotSet") {
    const std::string volume = *step.Get<std::string>("volume");
    Guid snapshot;
    Outcome o{r.AddToSnapshotSet(volume, step.Get<Guid>("provider").value_or(Guid{}), &snapshot)};
    if (o.result.Succeeded()) state.snapshots[volume] = snapshot;
    return o;
  }
  if (m == "SaveAsXML") {
    std::string xml;
    Outcome o{r.SaveAsXML(&xml)};
    if (auto name = step.Get<std::string>("save-as")) saved_documents_[*name] = xml;
    return o;
  }
  if (m == "AbortBackup") return {r.AbortBackup()};
  if (m == "Release") return {r.Release()};
  if (m == "GetSessionId") {
    Guid id;
    return {r.GetSessionId(&id)};
  }
  if (m == "AddComponent" || m == "SetBackupOptions" || m == "SetPreviousBackupStamp" ||
      m == "SetBackupSucceeded") {
    return CallComponent(step, r);
  }
  if (m == "GetWriterStatusCount" || m == "GetWriterStatus" || m == "FreeWriterStatus") {
    return CallStatus(step, r);
  }
  if (m == "GetWriterMetadataCount" || m == "GetWriterMetadata" || m == "FreeWriterMetadata") {
    return CallMetadata(step, r);
  }
  if (step.method->restore || m == "StopService" || m == "StartService") {
    return CallRestore(step, r);
  }
  return CallAdmin(step, r, state);
}

StepRunner::Outcome StepRunner::CallAsync(const Step& step, HResult started,
                                          coordinator::AsyncPtr async, RequesterState& state) {
  Outcome o{started};
  if (started.Failed() || async == nullptr) return o;
  if (!step.wait) {  // wait="no": the result is the call's own; <wait/> finishes it
    state.pending = async;
    state.pending_step = &step;
    if (step.expect_status) {  // QueryStatus now, before any wait (VSS_S_ASYNC_PENDING)
      HResult status;
      async->QueryStatus(&status);
      o.async_status = status;
    }
    return o;
  }
  o.result = async->Wait();
  HResult status;
  async->QueryStatus(&status);
  o.async_status = status;
  return o;
}

void StepRunner::Check(const Step& step, const std::string& what, const Outcome& o) {
  if (step.expect) {
    // Without expect-status, expect= accepts Wait's result or QueryStatus's; with it, Wait's.
    bool ok = step.expect->Matches(o.result) ||
              (!step.expect_status && o.async_status && step.expect->Matches(*o.async_status));
    if (!ok) {
      std::string actual = Hr(o.result);
      if (o.async_status && *o.async_status != o.result) {
        actual += " (async status " + Hr(*o.async_status) + ")";
      }
      Fail(step, what + " expect", step.expect->ToString(), actual);
    }
  }
  if (step.expect_status) CheckStatus(step, what, o);  // E: step_checks.cc
  if (step.expect_count) {
    if (!o.count) {
      Fail(step, what + " expect-count", std::to_string(*step.expect_count),
           "no count (the call failed with " + Hr(o.result) + ")");
    } else if (*o.count != *step.expect_count) {
      Fail(step, what + " expect-count", std::to_string(*step.expect_count),
           std::to_string(*o.count));
    }
  }
  if (step.expect_state || step.expect_failure || step.expect_application_error ||
      step.expect_message) {
    if (!o.status) {
      Fail(step, what + " expect-state", "a writer status",
           "none (the call returned " + Hr(o.result) + ")");
      return;
    }
    if (step.expect_state && *step.expect_state != o.status->state) {
      Fail(step, what + " expect-state", std::string(vss::NameOf(*step.expect_state)),
           std::string(vss::NameOf(o.status->state)));
    }
    if (step.expect_failure && *step.expect_failure != o.status->failure) {
      Fail(step, what + " expect-failure", Hr(*step.expect_failure), Hr(o.status->failure));
    }
    // GetWriterStatusEx (WRT-ERR-02): the application error and message of SetWriterFailureEx.
    if (step.expect_application_error &&
        *step.expect_application_error != o.status->application_failure) {
      Fail(step, what + " expect-application-error", Hr(*step.expect_application_error),
           Hr(o.status->application_failure));
    }
    if (step.expect_message && *step.expect_message != o.status->application_message) {
      Fail(step, what + " expect-message", Quote(*step.expect_message),
           Quote(o.status->application_message));
    }
  }
}

void StepRunner::Fail(const Step& step, std::string what, std::string expected,
                      std::string actual) {
  failures_.push_back({step.where, std::move(what), std::move(expected), std::move(actual)});
}

std::vector<Guid> StepRunner::ClassIds(const Step& step, std::string_view arg) {
  if (auto ids = step.Get<std::vector<Guid>>("class-ids")) return *ids;
  std::vector<Guid> out;
  if (auto names = step.Get<std::vector<std::string>>(arg)) {
    for (const std::string& w : *names) out.push_back(world_.writer(w).identity().class_id);
  }
  return out;
}

}  // namespace vsssim::scenario
