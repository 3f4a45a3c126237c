// Checks the backup path end to end: the event sequence each writer sees (WRT-SEQ-01), freeze
// order (WRT-SEQ-09), Identify injected anywhere (WRT-IDENTIFY-01, SIM-IDENTIFY-01), requester
// death (REQ-LIFE-04, WRT-SEQ-07), writerless contexts (CTX-NW-01..03) and the freeze window
// on the virtual clock (WRT-TIME-01).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "sim/coordinator/test_harness.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;
using vss::WriterEvent;
using vss::WriterState;
using Events = std::vector<std::string>;

const Events kFullBackup = {"Identify", "PrepareForBackup", "PrepareForSnapshot", "Freeze",
                            "Thaw",     "PostSnapshot",     "BackupComplete",     "BackupShutdown"};

// Checks that a full backup delivers the documented sequence to every writer and ends STABLE,
// with auto-release snapshots removed at Release (WRT-SEQ-01, WRT-STATE-02..08, REQ-LIFE-04).
TEST(Coordinator_Backup, WRT_SEQ_01_FullLifecycleThreeWriters) {
  Harness h;
  h.AddWriter("A");
  h.AddWriter("B", vss::ApplicationLevel::VSS_APP_BACK_END);
  h.AddWriter("C", vss::ApplicationLevel::VSS_APP_SYSTEM);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kRelease), hr::S_OK);
  for (const auto& w : h.writers) {
    EXPECT_EQ(h.vss.WriterStateIn(d.requester(), *w), WriterState::VSS_WS_STABLE);
  }
  std::vector<storage::SnapshotProperties> snapshots;
  EXPECT_EQ(d.requester().Query(kGuidNull, vss::ObjectType::VSS_OBJECT_NONE,
                                vss::ObjectType::VSS_OBJECT_SNAPSHOT, &snapshots),
            hr::S_OK);
  EXPECT_EQ(snapshots.size(), 1u);
  ASSERT_EQ(d.Run(BackupDriver::kRelease), hr::S_OK);
  for (const char* w : {"writer:A", "writer:B", "writer:C"}) EXPECT_EQ(h.EventsTo(w), kFullBackup);
  EXPECT_TRUE(h.provider.Query().empty());  // REQ-LIFE-04: auto-release snapshot deleted
  EXPECT_TRUE(h.Entries(trace::EntryKind::kFinding).empty());
  EXPECT_EQ(h.writers[0]->last_shutdown_snapshot_set().IsNull(), false);  // WRT-SEQ-08
}

// Checks the provider call order around the writer events (PRV-02, WRT-SEQ-10).
TEST(Coordinator_Backup, PRV_02_ProviderCallOrder) {
  Harness h;
  h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  const Events expected = {"BeginPrepareSnapshot",     "EndPrepareSnapshots",
                           "PreCommitSnapshots",       "CommitSnapshots",
                           "PostCommitSnapshots",      "PreFinalCommitSnapshots",
                           "PostFinalCommitSnapshots", "DeleteSnapshot"};
  EXPECT_EQ(h.provider.calls(), expected);
  // Freeze comes after EndPrepareSnapshots and Thaw after PostCommitSnapshots.
  std::vector<std::string> order;
  for (const trace::Entry& e : h.trace.entries()) {
    if (e.kind == trace::EntryKind::kProvider || e.kind == trace::EntryKind::kEvent) {
      order.push_back(e.name);
    }
  }
  auto pos = [&](const std::string& n) {
    return std::find(order.begin(), order.end(), n) - order.begin();
  };
  EXPECT_LT(pos("EndPrepareSnapshots"), pos("Freeze"));
  EXPECT_LT(pos("Freeze"), pos("CommitSnapshots"));
  EXPECT_LT(pos("PostCommitSnapshots"), pos("Thaw"));
  EXPECT_LT(pos("PostFinalCommitSnapshots"), pos("PostSnapshot"));
}

// Checks freeze order FRONT_END, BACK_END, SYSTEM and thaw in reverse (WRT-SEQ-09, GAP-07).
TEST(Coordinator_Backup, WRT_SEQ_09_FreezeOrderByApplicationLevel) {
  Harness h;
  h.AddWriter("Sys", vss::ApplicationLevel::VSS_APP_SYSTEM);
  h.AddWriter("Back", vss::ApplicationLevel::VSS_APP_BACK_END);
  h.AddWriter("Front", vss::ApplicationLevel::VSS_APP_FRONT_END);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  std::vector<std::string> freeze, thaw;
  for (const trace::Entry& e : h.trace.entries()) {
    if (e.kind != trace::EntryKind::kEvent) continue;
    if (e.name == "Freeze") freeze.push_back(e.to);
    if (e.name == "Thaw") thaw.push_back(e.to);
  }
  EXPECT_EQ(freeze, (Events{"writer:Front", "writer:Back", "writer:Sys"}));
  EXPECT_EQ(thaw, (Events{"writer:Sys", "writer:Back", "writer:Front"}));
}

// The reference run for injection tests: the full backup, with an optional Identify injected
// before driver step `inject_before_step` or before the `inject_before_event`-th writer event.
struct InjectionRun {
  std::string rendering;
  std::vector<WriterState> states;
  std::string bcd;
};

InjectionRun RunWithInjection(int inject_before_step, int inject_before_event) {
  Harness h;
  h.AddWriter("A");
  h.AddWriter("B", vss::ApplicationLevel::VSS_APP_BACK_END);
  int event_count = 0;
  h.vss.SetBeforeEventHook([&](std::string_view, std::string_view, vss::WriterEvent) {
    if (event_count++ == inject_before_event) h.vss.InjectIdentify("tool:diskshadow");
  });
  BackupDriver d(h, "r1");
  InjectionRun run;
  for (int s = 0; s < BackupDriver::kStepCount; ++s) {
    if (s == inject_before_step) h.vss.InjectIdentify("tool:diskshadow");
    if (s == BackupDriver::kRelease) {
      for (const auto& w : h.writers) run.states.push_back(h.vss.WriterStateIn(d.requester(), *w));
      d.requester().SaveAsXML(&run.bcd);
    }
    EXPECT_EQ(d.Run(static_cast<BackupDriver::Step>(s)), hr::S_OK) << "step " << s;
  }
  run.rendering = h.RenderWithout("tool:diskshadow");
  return run;
}

// Checks that an Identify from another party at any point of a backup — between any two
// requester calls and between any two writer events, Freeze and Thaw included — leaves every
// other event, result, writer state and the BCD unchanged (WRT-IDENTIFY-01, SIM-IDENTIFY-01).
TEST(Coordinator_Identify, WRT_IDENTIFY_01_InjectedAnywhereChangesNothing) {
  const InjectionRun baseline = RunWithInjection(-1, -1);
  ASSERT_FALSE(baseline.rendering.empty());
  int points = 0;
  for (int step = 0; step < BackupDriver::kStepCount; ++step, ++points) {
    const InjectionRun run = RunWithInjection(step, -1);
    EXPECT_EQ(run.rendering, baseline.rendering) << "before step " << step;
    EXPECT_EQ(run.states, baseline.states) << "before step " << step;
    EXPECT_EQ(run.bcd, baseline.bcd) << "before step " << step;
  }
  for (int event = 0; event < 16; ++event, ++points) {  // 2 writers x 8 events
    const InjectionRun run = RunWithInjection(-1, event);
    EXPECT_EQ(run.rendering, baseline.rendering) << "before event " << event;
    EXPECT_EQ(run.states, baseline.states) << "before event " << event;
  }
  EXPECT_GE(points, 8);
}

// Checks that the injected Identify really reached the writers and was marked as such.
TEST(Coordinator_Identify, WRT_IDENTIFY_01_InjectedIdentifyIsDeliveredAndTagged) {
  Harness h;
  auto& a = h.AddWriter("A");
  h.vss.InjectIdentify("tool:vssadmin");
  ASSERT_EQ(a.received(), std::vector<WriterEvent>{WriterEvent::kIdentify});
  const auto events = h.Entries(trace::EntryKind::kEvent);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]->Get("by"), "tool:vssadmin");
}

// Checks that a requester dying after each step makes VSS send BackupShutdown without
// BackupComplete (after discovery), deliver Abort to frozen writers only, and delete
// auto-release snapshots (REQ-LIFE-04, WRT-SEQ-07, WRT-SHUT-04, BUG-03).
TEST(Coordinator_Termination, REQ_LIFE_04_DeathAtEachStepYieldsBackupShutdown) {
  for (int stop = BackupDriver::kInitialize; stop < BackupDriver::kRelease; ++stop) {
    Harness h;
    h.AddWriter("A");
    BackupDriver d(h, "r1");
    ASSERT_EQ(d.RunRange(0, stop + 1), hr::S_OK) << stop;
    h.vss.Terminate(d.requester());
    const Events events = h.EventsTo("writer:A");
    const bool discovered = stop >= BackupDriver::kGatherWriterMetadata;
    const bool completed = stop >= BackupDriver::kBackupComplete;
    if (!discovered) {
      EXPECT_TRUE(events.empty()) << stop;
      continue;
    }
    ASSERT_FALSE(events.empty()) << stop;
    EXPECT_EQ(events.back(), "BackupShutdown") << stop;
    EXPECT_EQ(std::count(events.begin(), events.end(), "BackupComplete"), completed ? 1 : 0)
        << stop;
    EXPECT_EQ(std::count(events.begin(), events.end(), "Abort"), 0) << stop;
    EXPECT_TRUE(h.provider.Query().empty()) << stop;
    EXPECT_EQ(h.writers[0]->last_shutdown_snapshot_set().IsNull(),
              stop < BackupDriver::kDoSnapshotSet)
        << stop;  // WRT-SEQ-08: NULL when no snapshot was made
    EXPECT_EQ(d.requester().AbortBackup(), hr::VSS_E_BAD_STATE) << stop;  // REQ-LIFE-02
  }
}

// Checks death in the middle of DoSnapshotSet, between Freeze and Thaw: the frozen writer gets
// exactly one Abort (WRT-SEQ-06), then BackupShutdown; the set is aborted at the provider.
TEST(Coordinator_Termination, WRT_SEQ_06_DeathBetweenFreezeAndThaw) {
  Harness h;
  h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  AsyncPtr async;
  ASSERT_EQ(d.requester().DoSnapshotSet(&async), hr::S_OK);
  HResult status;
  async->QueryStatus(&status);
  EXPECT_EQ(status, hr::VSS_S_ASYNC_PENDING);  // ASYNC-02
  while (h.EventsTo("writer:A").back() != "Freeze") ASSERT_TRUE(h.clock.FireNext());
  h.vss.Terminate(d.requester());
  const Events expected = {"Identify", "PrepareForBackup", "PrepareForSnapshot", "Freeze",
                           "Abort",    "BackupShutdown"};
  EXPECT_EQ(h.EventsTo("writer:A"), expected);
  EXPECT_EQ(h.provider.calls().back(), "AbortSnapshots");
  EXPECT_TRUE(h.provider.Query().empty());
  EXPECT_EQ(h.clock.PendingCount(), 0u);  // no freeze window left behind
}

// Checks that a normal Release after BackupComplete sends BackupShutdown after it (WRT-SEQ-07).
TEST(Coordinator_Termination, WRT_SEQ_07_ReleaseAfterBackupCompleteSendsShutdownLast) {
  Harness h;
  h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  const Events events = h.EventsTo("writer:A");
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[events.size() - 2], "BackupComplete");
  EXPECT_EQ(events.back(), "BackupShutdown");
}

// Checks the writerless contexts: AddComponent, PrepareForBackup and BackupComplete fail, no
// snapshot event reaches a writer, and the set is still created (CTX-NW-01..03, GAP-03);
// NAS_ROLLBACK snapshots survive Release, FILE_SHARE_BACKUP ones do not (CTX-GEN-06).
TEST(Coordinator_Context, CTX_NW_01_03_WriterlessContexts) {
  for (auto context : {vss::SnapshotContext::VSS_CTX_FILE_SHARE_BACKUP,
                       vss::SnapshotContext::VSS_CTX_NAS_ROLLBACK}) {
    SCOPED_TRACE(vss::ToString(context));
    Harness h;
    auto& a = h.AddWriter("A");
    auto r = h.vss.CreateVssBackupComponents("r1");
    ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
    ASSERT_EQ(r->SetContext(static_cast<std::uint32_t>(context)), hr::S_OK);
    ASSERT_EQ(r->SetBackupState(true, false, vss::BackupType::VSS_BT_FULL), hr::S_OK);
    AsyncPtr async;
    ASSERT_EQ(r->GatherWriterMetadata(&async), hr::S_OK);  // CTX-NW-01: optional but allowed
    async->Wait();
    Guid instance = h.vss.writers()[0].instance_id;
    EXPECT_EQ(r->AddComponent(instance, a.identity().class_id, vss::ComponentType::VSS_CT_FILEGROUP,
                              "", "AData"),
              hr::VSS_E_BAD_STATE);
    Guid set, snapshot;
    ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
    ASSERT_EQ(r->AddToSnapshotSet("C:\\", kGuidNull, &snapshot), hr::S_OK);
    EXPECT_EQ(r->PrepareForBackup(&async), hr::VSS_E_BAD_STATE);
    ASSERT_EQ(r->DoSnapshotSet(&async), hr::S_OK);
    EXPECT_EQ(async->Wait(), hr::S_OK);
    EXPECT_EQ(r->BackupComplete(&async), hr::VSS_E_BAD_STATE);
    EXPECT_EQ(h.EventsTo("writer:A"), Events{"Identify"});
    EXPECT_TRUE(h.HasFinding("CTX-NW-02"));
    storage::SnapshotProperties props;
    ASSERT_EQ(r->GetSnapshotProperties(snapshot, &props), hr::S_OK);
    EXPECT_EQ(props.context, context);
    ASSERT_EQ(r->Release(), hr::S_OK);
    EXPECT_EQ(h.EventsTo("writer:A"), (Events{"Identify", "BackupShutdown"}));
    const bool persistent = context == vss::SnapshotContext::VSS_CTX_NAS_ROLLBACK;
    EXPECT_EQ(h.provider.Query().size(), persistent ? 1u : 0u);
  }
}

// Checks that a writer that spends 70 s of virtual time in OnFreeze outlives its 60 s window:
// VSS aborts every writer, reports VSS_E_WRITERERROR_TIMEOUT in FAILED_AT_FREEZE, and fails
// DoSnapshotSet — all on the virtual clock (WRT-TIME-01, LIM-05, WRT-ABORT-01 (b)).
TEST(Coordinator_Timeout, WRT_TIME_01_FreezeWindowExpires) {
  Harness h;
  auto& slow = h.AddWriter("Slow");
  h.AddWriter("Other", vss::ApplicationLevel::VSS_APP_BACK_END);
  writer::ScriptedWriter::Behavior sleep;
  sleep.delay = std::chrono::seconds(70);
  slow.On(WriterEvent::kFreeze, sleep);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  EXPECT_GE(h.clock.Now().since_start, std::chrono::seconds(60));
  const Events slow_events = {"Identify", "PrepareForBackup", "PrepareForSnapshot", "Freeze",
                              "Abort"};
  EXPECT_EQ(h.EventsTo("writer:Slow"), slow_events);
  // The BACK_END writer was still waiting for its Freeze: it gets Abort instead.
  EXPECT_EQ(h.EventsTo("writer:Other"),
            (Events{"Identify", "PrepareForBackup", "PrepareForSnapshot", "Abort"}));
  EXPECT_EQ(h.vss.WriterStateIn(d.requester(), slow), WriterState::VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(h.vss.WriterFailureIn(d.requester(), slow), hr::VSS_E_WRITERERROR_TIMEOUT);
  EXPECT_FALSE(h.Entries(trace::EntryKind::kNote, "WRT-TIME-01").empty());
  // Status shows the same (REQ-STAT-04).
  AsyncPtr async;
  ASSERT_EQ(d.requester().GatherWriterStatus(&async), hr::S_OK);
  async->Wait();
  WriterStatus status;
  ASSERT_EQ(d.requester().GetWriterStatus(0, &status), hr::S_OK);
  EXPECT_EQ(status.writer_name, "Slow");
  EXPECT_EQ(status.failure, hr::VSS_E_WRITERERROR_TIMEOUT);
  EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);
  EXPECT_EQ(d.requester().Release(), hr::S_OK);
  EXPECT_TRUE(h.provider.Query().empty());
}

// Checks that a shorter custom window fires earlier and a writer within it is not aborted.
TEST(Coordinator_Timeout, WRT_TIME_01_WriterWithinWindowIsNotAborted) {
  Harness h;
  auto& a = h.AddWriter("A");
  writer::ScriptedWriter::Behavior sleep;
  sleep.delay = std::chrono::seconds(59);
  a.On(WriterEvent::kFreeze, sleep);
  BackupDriver d(h, "r1");
  EXPECT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:A"), kFullBackup);
}

// Checks that a writer hanging in Freeze is aborted at the window while the others get Abort,
// and status shows VSS_E_WRITER_NOT_RESPONDING for it (WRT-TIME-05, WRT-STATE-13).
TEST(Coordinator_Timeout, WRT_TIME_05_HangInFreeze) {
  Harness h;
  auto& hung = h.AddWriter("Hung");
  h.AddWriter("Other", vss::ApplicationLevel::VSS_APP_BACK_END);
  writer::ScriptedWriter::Behavior hang;
  hang.hang = true;
  hung.On(WriterEvent::kFreeze, hang);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  EXPECT_EQ(h.EventsTo("writer:Hung").back(), "Freeze");  // a hung writer gets nothing more
  EXPECT_EQ(h.EventsTo("writer:Other").back(), "Abort");
  AsyncPtr async;
  ASSERT_EQ(d.requester().GatherWriterStatus(&async), hr::S_OK);
  async->Wait();
  WriterStatus status;
  ASSERT_EQ(d.requester().GetWriterStatus(0, &status), hr::S_OK);
  EXPECT_EQ(status.failure, hr::VSS_E_WRITER_NOT_RESPONDING);
}

// Checks that the same seed gives the same trace, byte for byte (SIM-DET-01).
TEST(Coordinator_Determinism, SIM_DET_01_SameSeedSameTrace) {
  if (std::getenv("VSSSIM_PRINT_TRACE") != nullptr) {
    Harness h;
    h.AddWriter("A");
    BackupDriver d(h, "r1");
    d.RunAll();
    std::fputs(trace::RenderText(h.trace).c_str(), stdout);
  }
  auto run = [] {
    Harness h;
    h.AddWriter("A");
    h.AddWriter("B");
    BackupDriver d(h, "r1");
    d.RunAll();
    return trace::Digest(h.trace);
  };
  EXPECT_EQ(run(), run());
}

}  // namespace
}  // namespace vsssim::coordinator

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;
using Events = std::vector<std::string>;

// Checks a provider failure while writers are frozen: the undocumented code becomes
// VSS_E_UNEXPECTED_PROVIDER_ERROR (PRV-07), writers get Abort (WRT-ABORT-01 (d)) and the set is
// aborted at the provider.
TEST(Coordinator_Provider, PRV_07_CommitFailureAbortsFrozenWriters) {
  Harness h;
  h.AddWriter("A");
  h.provider.FailOn("CommitSnapshots", hr::E_FAIL);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_EQ(h.EventsTo("writer:A"),
            (Events{"Identify", "PrepareForBackup", "PrepareForSnapshot", "Freeze", "Abort"}));
  EXPECT_EQ(h.provider.calls().back(), "AbortSnapshots");
}

// Checks a provider veto before any writer is involved: DoSnapshotSet fails with the
// provider's code and AbortSnapshots is not called before EndPrepareSnapshots (PRV-06).
TEST(Coordinator_Provider, PRV_06_NoAbortSnapshotsBeforeEndPrepare) {
  Harness h;
  h.AddWriter("A");
  h.provider.FailOn("BeginPrepareSnapshot", hr::VSS_E_PROVIDER_VETO);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_PROVIDER_VETO);
  EXPECT_EQ(h.provider.calls(), Events{"BeginPrepareSnapshot"});
  EXPECT_EQ(h.EventsTo("writer:A").back(), "PrepareForBackup");
}

// Checks Async::Cancel of a DoSnapshotSet between Freeze and Thaw: the result is CANCELLED,
// the frozen writer gets Abort (WRT-SEQ-06) and the creation slot is free again (ASYNC-04,
// REQ-ABORT-07, LIM-12).
TEST(Coordinator_Provider, ASYNC_04_CancelSnapshotCreation) {
  Harness h;
  h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  AsyncPtr async;
  ASSERT_EQ(d.requester().DoSnapshotSet(&async), hr::S_OK);
  while (h.EventsTo("writer:A").back() != "Freeze") ASSERT_TRUE(h.clock.FireNext());
  EXPECT_EQ(async->Cancel(), hr::VSS_S_ASYNC_CANCELLED);
  HResult status;
  async->QueryStatus(&status);
  EXPECT_EQ(status, hr::VSS_S_ASYNC_CANCELLED);
  EXPECT_EQ(h.EventsTo("writer:A").back(), "Abort");
  BackupDriver other(h, "r2");
  EXPECT_EQ(other.RunRange(0, BackupDriver::kStartSnapshotSet + 1), hr::S_OK);
  EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);
  const Events events = h.EventsTo("writer:A", "r1");
  EXPECT_EQ(events.back(), "Abort");
  EXPECT_EQ(std::count(events.begin(), events.end(), "Abort"), 1);  // no second Abort
}

}  // namespace
}  // namespace vsssim::coordinator
