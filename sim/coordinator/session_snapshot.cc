// Session: DoSnapshotSet — the provider calls (PRV-02) interleaved with the writer events
// PrepareForSnapshot, Freeze, Thaw, PostSnapshot (WRT-SEQ-01, WRT-SEQ-10), the freeze window
// (WRT-TIME-01) and Abort generation (WRT-ABORT-01).
#include <algorithm>
#include <utility>

#include "sim/coordinator/session.h"
#include "vsssim/storage/provider_rules.h"

namespace vsssim::coordinator {

using namespace trace::literals;  // "vss"_kept: texts the trace keeps uncopied

namespace {

using vss::WriterEvent;

}  // namespace

HResult Session::ProviderCall(trace::KeptText method, HResult r, trace::AttributeArg extra) {
  // PRV-07, REQ-CALL-16: the one mapping of provider results (storage/provider_rules.h).
  const HResult passed = storage::NormalizeProviderResult(r);
  const HResultText returned(r), result(passed);
  trace::AttributeArg all[4];  // snapshot-set, extra, returned, hr
  std::size_t n = 0;
  all[n++] = {"snapshot-set"_kept, set_id_text_};
  if (!extra.key.view().empty()) all[n++] = extra;
  if (passed != r) all[n++] = {"returned"_kept, returned.view()};
  all[n++] = {"hr"_kept, result.view()};
  vss_.trace().Append(trace::EntryKind::kProvider, "vss"_kept, "provider"_kept, method,
                      trace::AttributeArgs(all, n));
  return passed;
}

boost::container::small_vector<storage::Provider*, 4> Session::SetProviders() const {
  boost::container::small_vector<storage::Provider*, 4> out;
  for (const VolumeInSet& v : volumes_) {
    if (std::find(out.begin(), out.end(), v.provider) == out.end()) out.push_back(v.provider);
  }
  return out;
}

HResult Session::DoSnapshotSet(AsyncPtr* async) {
  Call(Method::kDoSnapshotSet);
  if (auto e = Gate(Method::kDoSnapshotSet)) return *e;
  if (context_ == vss::SnapshotContext::VSS_CTX_ALL) {  // CTX-ALL-01
    return Done(Method::kDoSnapshotSet, hr::VSS_E_BAD_STATE, "CTX-ALL-01");
  }
  if (creation_begun_) return Done(Method::kDoSnapshotSet, vss_.choices().repeated_call);
  if (WriterContext()) {
    if (!gathered_) {  // REQ-ORDER-05, CTX-W-01
      return Done(Method::kDoSnapshotSet, hr::VSS_E_BAD_STATE, "REQ-ORDER-05");
    }
    if (phase_.phase() != Phase::kPreparedForBackup) {  // REQ-ORDER-11
      return Done(Method::kDoSnapshotSet, hr::VSS_E_BAD_STATE, "REQ-ORDER-11");
    }
  }
  HResult started = StartAsync(Method::kDoSnapshotSet, async);
  if (started != hr::S_OK) return started;
  creation_begun_ = true;  // REQ-ORDER-12: the volume list is frozen from here
  Schedule(runtime::Duration{0}, [this] { SnapshotBegin(); });
  return Done(Method::kDoSnapshotSet, hr::S_OK);
}

void Session::SnapshotBegin() {
  for (const VolumeInSet& v : volumes_) {  // PRV-02
    HResult r =
        ProviderCall("BeginPrepareSnapshot"_kept,
                     v.provider->BeginPrepareSnapshot(bcd_.snapshot_set_id, v.snapshot_id, v.volume,
                                                      context_, SnapshotAttributes()),
                     {"volume", v.volume});
    if (r.Failed()) return FailCreation(r);
  }
  for (storage::Provider* p : SetProviders()) {
    end_prepared_ = true;
    HResult r =
        ProviderCall("EndPrepareSnapshots"_kept, p->EndPrepareSnapshots(bcd_.snapshot_set_id));
    if (r.Failed()) return FailCreation(r);
  }
  if (!WriterContext()) return SnapshotCommit();  // CTX-NW-03: no writer events
  Broadcast(WriterEvent::kPrepareForSnapshot, Targets(),
            [this](bool veto) { SnapshotAfterPrepare(veto); });
}

void Session::SnapshotAfterPrepare(bool veto) {
  // WRT-RET-03, WRT-ABORT-01: a PrepareForSnapshot veto fails the set but generates no Abort;
  // the requester's AbortBackup sends it (REQ-ABORT-02, BUG-16).
  if (veto) return FailCreation(vss_.choices().writer_veto_result);
  Broadcast(WriterEvent::kFreeze, FreezeOrder(), [this](bool veto_freeze) {
    if (veto_freeze || abort_requested_) return AbortCreation();  // WRT-ABORT-01 (a)
    SnapshotCommit();
  });
}

void Session::SnapshotCommit() { CommitFrom(0); }

void Session::CommitFrom(std::size_t i) {
  const auto providers = SetProviders();
  if (i == providers.size()) return SnapshotCommitted();
  storage::Provider* p = providers[i];
  HResult r = ProviderCall("PreCommitSnapshots"_kept, p->PreCommitSnapshots(bcd_.snapshot_set_id));
  if (r.Succeeded()) {
    const HResult returned = p->CommitSnapshots(bcd_.snapshot_set_id);
    if (returned == hr::VSS_S_ASYNC_PENDING) {  // LIM-06: the provider holds writes
      vss_.trace().Append(trace::EntryKind::kNote, "vss", "provider",
                          "CommitSnapshots holding writes", {{"requester", name_}}, "LIM-06");
      p->WhenCommitReturns(bcd_.snapshot_set_id, [this, i](HResult result) {
        Schedule(runtime::Duration{0}, [this, i, result] {
          AfterCommit(i, ProviderCall("CommitSnapshots"_kept, result));
        });
      });
      return;
    }
    r = ProviderCall("CommitSnapshots"_kept, returned);
    return AfterCommit(i, r);
  }
  AfterCommit(i, r);
}

void Session::AfterCommit(std::size_t i, HResult commit_result) {
  storage::Provider* p = SetProviders()[i];
  HResult r = commit_result;
  if (r.Succeeded()) {
    const auto count = static_cast<std::int32_t>(volumes_.size());
    r = ProviderCall("PostCommitSnapshots"_kept,
                     p->PostCommitSnapshots(bcd_.snapshot_set_id, count));
  }
  if (r.Failed()) {
    if (!WriterContext()) return FailCreation(r);
    failure_result_ = r;
    return AbortCreation();  // WRT-ABORT-01 (d)
  }
  CommitFrom(i + 1);
}

void Session::SnapshotCommitted() {
  committed_ = true;
  CheckQuiesce();  // SIM-QUIESCE-01: shadow copies vs the content when Freeze returned
  if (!WriterContext()) return SnapshotFinalCommit();
  ParticipantList order = FreezeOrder();
  if (vss_.choices().thaw_in_reverse_order) std::reverse(order.begin(), order.end());  // GAP-07
  Broadcast(WriterEvent::kThaw, order, [this](bool veto) { SnapshotAfterThaw(veto); });
}

void Session::SnapshotAfterThaw(bool veto) {
  if (veto || abort_requested_) return AbortCreation();  // WRT-RET-03: a failed Thaw aborts
  SnapshotFinalCommit();
}

void Session::SnapshotFinalCommit() {
  for (storage::Provider* p : SetProviders()) {
    HResult r = ProviderCall("PreFinalCommitSnapshots"_kept,
                             p->PreFinalCommitSnapshots(bcd_.snapshot_set_id));
    if (r.Succeeded()) {
      r = ProviderCall("PostFinalCommitSnapshots"_kept,
                       p->PostFinalCommitSnapshots(bcd_.snapshot_set_id));
    }
    if (r.Failed()) return FailCreation(r);  // thawed writers get no Abort (WRT-SEQ-06)
  }
  auto succeed = [this](bool) {
    // WRT-RET-03: a PostSnapshot failure generates no Abort and does not fail the set.
    snapshot_created_ = true;
    ReleaseCreationSlot();  // LIM-12: the slot is held until DoSnapshotSet ends
    ApplyPhase(RequesterPhaseMachine::Change::kSnapshotSucceeded);
    FinishOp(hr::S_OK);
  };
  if (!WriterContext()) return succeed(false);
  Broadcast(WriterEvent::kPostSnapshot, Targets(), succeed);
}

void Session::AbortCreation() {
  abort_requested_ = true;
  Broadcast(WriterEvent::kAbort, AbortTargets(), [this](bool) {
    FailCreation(failure_result_.Failed() ? failure_result_ : vss_.choices().writer_veto_result);
  });
}

void Session::FailCreation(HResult result) {
  CancelFreezeWindows();
  EndAllQuiesce();
  if (committed_) {
    DeleteSetSnapshots();
  } else if (end_prepared_) {
    for (storage::Provider* p : SetProviders()) {  // PRV-06: only after EndPrepareSnapshots
      ProviderCall("AbortSnapshots"_kept, p->AbortSnapshots(bcd_.snapshot_set_id));
    }
  }
  ReleaseCreationSlot();
  ApplyPhase(RequesterPhaseMachine::Change::kSnapshotFailed);
  FinishOp(result);
}

void Session::OnFreezeWindowExpired(Participant& p) {
  // WRT-TIME-01: VSS fails the writer with VSS_E_WRITERERROR_TIMEOUT and generates Abort. The
  // window runs from Freeze delivery until OnThaw returns (KB 2996928: a Thaw deadlock shows as
  // FAILED_AT_FREEZE with the timeout code; Choices::freeze_window_until_thaw_returns).
  p.freeze_window = 0;
  p.machine.ExpireFreezeWindow();
  vss_.trace().Append(trace::EntryKind::kNote, "vss", p.registered.actor, "freeze window expired",
                      {{"requester", name_}}, "WRT-TIME-01");
  TraceState(p);
  if (abort_requested_) return;
  abort_requested_ = true;
  // The fan-out under way goes no further (its replies are still traced as handlers return).
  // Abort goes out now; a writer still inside a handler gets it when that handler returns
  // (Choices::serialise_events_per_writer).
  ++fanout_.generation;
  Schedule(runtime::Duration{0}, [this] { AbortCreation(); });
}

void Session::CancelFreezeWindows() {
  for (auto& p : participants_) {
    CancelFreezeWindow(*p);
  }
}

void Session::DeleteSetSnapshots() {
  for (const VolumeInSet& v : volumes_) {
    ProviderCall("DeleteSnapshot"_kept, v.provider->DeleteSnapshot(v.snapshot_id),
                 {"snapshot", GuidText(v.snapshot_id).view()});
  }
  committed_ = false;
}

void Session::ReleaseCreationSlot() {
  if (vss_.creating_session() == this) vss_.set_creating_session(nullptr);
}

}  // namespace vsssim::coordinator
