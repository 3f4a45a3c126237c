// Checks writer-side rules as the coordinator enforces them (CATALOGUE.md §3): findings for
// writers that break a rule (WRT-IDENTIFY-03, WRT-ERR-01/02, WRT-THREAD-01, WRT-RET-02,
// WRT-SHUT-03), Abort generation (WRT-RET-03, WRT-ABORT-01), the getters a handler sees
// (§3.6), the components handed to handlers and who gets events (WRT-SEQ-04).
#include <gtest/gtest.h>

#include <thread>

#include "sim/coordinator/test_harness.h"
#include "vsssim/metadata/component.h"
#include "vsssim/writer/writer_components.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;
using vss::WriterEvent;
using vss::WriterState;
using Events = std::vector<std::string>;
using Behavior = writer::ScriptedWriter::Behavior;

Behavior Veto(HResult code) {
  Behavior b;
  b.failure = code;
  b.returns = false;
  return b;
}

// Checks that SetWriterFailure in OnIdentify is a finding and is ignored (WRT-IDENTIFY-03).
TEST(Coordinator_WriterRules, WRT_IDENTIFY_03_NoSetWriterFailureInIdentify) {
  Harness h;
  auto& a = h.AddWriter("A");
  Behavior b;
  b.failure = hr::VSS_E_WRITERERROR_RETRYABLE;
  a.On(WriterEvent::kIdentify, b);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_TRUE(h.HasFinding("WRT-IDENTIFY-03"));
  EXPECT_EQ(h.EventsTo("writer:A").back(), "BackupShutdown");
}

// Checks that a failure code outside the documented list is a finding, is kept (documented
// choice) and marks the writer failed without vetoing (WRT-ERR-01, GAP-06).
TEST(Coordinator_WriterRules, WRT_ERR_01_UndocumentedFailureCode) {
  Harness h;
  auto& a = h.AddWriter("A");
  Behavior b;
  b.failure = hr::E_FAIL;
  a.On(WriterEvent::kPrepareForBackup, b);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kPrepareForBackup + 1), hr::S_OK);
  EXPECT_TRUE(h.HasFinding("WRT-ERR-01"));
  EXPECT_EQ(h.vss.WriterStateIn(d.requester(), a), WriterState::VSS_WS_FAILED_AT_PREPARE_BACKUP);
  EXPECT_EQ(h.vss.WriterFailureIn(d.requester(), a), hr::E_FAIL);
}

// Checks SetWriterFailureEx with PARTIAL_FAILURE and an application code and message, as
// GetWriterStatus(Ex) shows them (WRT-ERR-02, WRT-RET-06).
TEST(Coordinator_WriterRules, WRT_ERR_02_SetWriterFailureEx) {
  Harness h;
  auto& a = h.AddWriter("A");
  Behavior b;
  b.action = [](writer::ScriptedWriter& w) {
    w.SetWriterFailureEx(hr::VSS_E_WRITERERROR_PARTIAL_FAILURE, hr::E_OUTOFMEMORY, "disk full");
  };
  a.On(WriterEvent::kPostSnapshot, b);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet + 1), hr::S_OK);
  EXPECT_FALSE(h.HasFinding("WRT-ERR-02"));
  AsyncPtr async;
  ASSERT_EQ(d.requester().GatherWriterStatus(&async), hr::S_OK);
  async->Wait();
  WriterStatus s;
  ASSERT_EQ(d.requester().GetWriterStatus(0, &s), hr::S_OK);
  EXPECT_EQ(s.state, WriterState::VSS_WS_FAILED_AT_POST_SNAPSHOT);
  EXPECT_EQ(s.failure, hr::VSS_E_WRITERERROR_PARTIAL_FAILURE);
  EXPECT_EQ(s.application_failure, hr::E_OUTOFMEMORY);
  EXPECT_EQ(s.application_message, "disk full");
}

// Checks that SetWriterFailure and GetSessionId from another thread are findings and have no
// effect (WRT-THREAD-01).
TEST(Coordinator_WriterRules, WRT_THREAD_01_CallsFromAnotherThread) {
  Harness h;
  auto& a = h.AddWriter("A");
  Guid seen_from_worker;
  Behavior b;
  b.action = [&seen_from_worker](writer::ScriptedWriter& w) {
    std::thread worker([&] {
      w.SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
      seen_from_worker = w.GetSessionId();
    });
    worker.join();
  };
  a.On(WriterEvent::kFreeze, b);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_EQ(h.Entries(trace::EntryKind::kFinding, "WRT-THREAD-01").size(), 2u);
  EXPECT_TRUE(seen_from_worker.IsNull());
  EXPECT_EQ(h.EventsTo("writer:A"),
            (Events{"Identify", "PrepareForBackup", "PrepareForSnapshot", "Freeze", "Thaw",
                    "PostSnapshot", "BackupComplete", "BackupShutdown"}));
}

// Checks that an exception escaping a handler is recorded, the writer fails in that phase
// and the simulator carries on (WRT-RET-02): in PostSnapshot the set still succeeds.
TEST(Coordinator_WriterRules, WRT_RET_02_ExceptionIsAFindingNotACrash) {
  Harness h;
  auto& a = h.AddWriter("A");
  Behavior b;
  b.throws = true;
  a.On(WriterEvent::kPostSnapshot, b);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet + 1), hr::S_OK);
  EXPECT_TRUE(h.HasFinding("WRT-RET-02"));
  EXPECT_EQ(h.vss.WriterStateIn(d.requester(), a), WriterState::VSS_WS_FAILED_AT_POST_SNAPSHOT);
  EXPECT_EQ(h.vss.WriterFailureIn(d.requester(), a), hr::VSS_E_WRITERERROR_NONRETRYABLE);
  ASSERT_EQ(d.RunRange(BackupDriver::kStatusAfterSnapshot, BackupDriver::kStepCount), hr::S_OK);
}

// Checks Abort generation: a Freeze veto makes VSS abort every writer (WRT-RET-03,
// WRT-ABORT-01 (a)); an exception in Freeze counts as a veto (WRT-RET-02).
TEST(Coordinator_WriterRules, WRT_RET_03_FreezeVetoGeneratesAbort) {
  for (bool throws : {false, true}) {
    Harness h;
    auto& a = h.AddWriter("A");
    h.AddWriter("B", vss::ApplicationLevel::VSS_APP_BACK_END);
    Behavior b = Veto(hr::VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT);
    b.throws = throws;
    a.On(WriterEvent::kFreeze, b);
    BackupDriver d(h, "r1");
    ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
    EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_UNEXPECTED_WRITER_ERROR);
    const Events expected = {"Identify", "PrepareForBackup", "PrepareForSnapshot", "Freeze",
                             "Abort"};
    EXPECT_EQ(h.EventsTo("writer:A"), expected);
    EXPECT_EQ(h.EventsTo("writer:B"), expected);
    EXPECT_EQ(h.vss.WriterStateIn(d.requester(), a), WriterState::VSS_WS_FAILED_AT_FREEZE);
    EXPECT_EQ(h.provider.calls().back(), "AbortSnapshots");
  }
}

// Checks that a PrepareForSnapshot veto generates no Abort by itself, fails DoSnapshotSet, and
// the requester's AbortBackup then delivers it (WRT-RET-03, WRT-ABORT-01, BUG-16).
TEST(Coordinator_WriterRules, BUG_16_PrepareForSnapshotVetoThenAbortBackup) {
  Harness h;
  auto& a = h.AddWriter("A");
  a.On(WriterEvent::kPrepareForSnapshot, Veto(hr::VSS_E_WRITERERROR_NONRETRYABLE));
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  EXPECT_EQ(h.EventsTo("writer:A").back(), "PrepareForSnapshot");
  ASSERT_EQ(d.requester().AbortBackup(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:A"),
            (Events{"Identify", "PrepareForBackup", "PrepareForSnapshot", "Abort"}));
  EXPECT_EQ(h.vss.WriterStateIn(d.requester(), a),
            WriterState::VSS_WS_FAILED_AT_PREPARE_SNAPSHOT);  // WRT-STATE-09: failure kept
}

// Checks a Thaw veto: every writer is still thawed (writes must resume), the failing writer
// then gets Abort (WRT-STATE-05, WRT-RET-03), a writer thawed cleanly does not (WRT-SEQ-06),
// and the committed set is deleted.
TEST(Coordinator_WriterRules, WRT_STATE_05_ThawVeto) {
  Harness h;
  h.AddWriter("Front");
  auto& back = h.AddWriter("Back", vss::ApplicationLevel::VSS_APP_BACK_END);
  back.On(WriterEvent::kThaw, Veto(hr::VSS_E_WRITERERROR_RETRYABLE));
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  EXPECT_EQ(h.EventsTo("writer:Back"), (Events{"Identify", "PrepareForBackup", "PrepareForSnapshot",
                                               "Freeze", "Thaw", "Abort"}));
  EXPECT_EQ(h.EventsTo("writer:Front"),
            (Events{"Identify", "PrepareForBackup", "PrepareForSnapshot", "Freeze", "Thaw"}));
  EXPECT_EQ(h.vss.WriterStateIn(d.requester(), back), WriterState::VSS_WS_FAILED_AT_THAW);
  EXPECT_TRUE(h.provider.Query().empty());
}

// Checks that a PostSnapshot veto generates no Abort and the set is kept (WRT-RET-03,
// WRT-ABORT-04).
TEST(Coordinator_WriterRules, WRT_ABORT_04_PostSnapshotVetoNoAbort) {
  Harness h;
  auto& a = h.AddWriter("A");
  a.On(WriterEvent::kPostSnapshot, Veto(hr::VSS_E_WRITERERROR_RETRYABLE));
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet + 1), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:A").back(), "PostSnapshot");
  ASSERT_EQ(d.requester().AbortBackup(),
            hr::S_OK);  // REQ-ABORT-02, but no Abort after PostSnapshot
  EXPECT_EQ(h.EventsTo("writer:A").back(), "PostSnapshot");
}

// Checks that in component mode a writer none of whose components is added still gets
// PrepareForBackup ("Shadow Copy Creation Details": VSS calls OnPrepareBackup "for each
// participating writer"; GAP-08 settled for backups) and after it nothing but BackupShutdown
// (WRT-SEQ-04).
TEST(Coordinator_WriterRules, WRT_SEQ_04_UnselectedWriterGetsNoBackupEvents) {
  Harness h;
  h.AddWriter("A");
  auto& skipped = h.AddWriter("Skipped");
  skipped.SetIdentify([](metadata::CreateWriterMetadata&) {});  // no component to select
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:Skipped"),
            (Events{"Identify", "PrepareForBackup", "BackupShutdown"}));
}

// Checks what a handler sees through the CVssWriter getters (WRT-CALL-17..23, WRT-THREAD-02).
TEST(Coordinator_WriterRules, WRT_CALL_19_22_GettersInHandlers) {
  Harness h;
  auto& a = h.AddWriter("A");
  vss::BackupType type = vss::BackupType::VSS_BT_UNDEFINED;
  std::vector<std::string> volumes;
  bool affected = false, unaffected = true, selected = false;
  Guid set_in_freeze, session_in_writer;
  Behavior pb;
  pb.action = [&](writer::ScriptedWriter& w) {
    type = w.GetBackupType();
    selected = w.AreComponentsSelected();
    session_in_writer = w.GetSessionId();
  };
  a.On(WriterEvent::kPrepareForBackup, pb);
  Behavior ps;
  ps.action = [&](writer::ScriptedWriter& w) {
    volumes = w.GetCurrentVolumeArray();
    affected = w.IsPathAffected("c:\\data\\file.db");
    unaffected = w.IsPathAffected("D:\\other");
  };
  a.On(WriterEvent::kPrepareForSnapshot, ps);
  Behavior fz;
  fz.action = [&](writer::ScriptedWriter& w) { set_in_freeze = w.GetCurrentSnapshotSetId(); };
  a.On(WriterEvent::kFreeze, fz);
  Behavior bs;
  bs.action = [](writer::ScriptedWriter& w) { w.GetCurrentSnapshotSetId(); };
  a.On(WriterEvent::kBackupShutdown, bs);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kRelease), hr::S_OK);
  Guid session;
  ASSERT_EQ(d.requester().GetSessionId(&session), hr::S_OK);
  ASSERT_EQ(d.Run(BackupDriver::kRelease), hr::S_OK);
  EXPECT_EQ(type, vss::BackupType::VSS_BT_FULL);
  EXPECT_TRUE(selected);
  EXPECT_EQ(volumes, std::vector<std::string>{"C:\\"});
  EXPECT_TRUE(affected);
  EXPECT_FALSE(unaffected);
  EXPECT_FALSE(set_in_freeze.IsNull());
  EXPECT_EQ(set_in_freeze, a.last_shutdown_snapshot_set());
  EXPECT_EQ(session_in_writer, session);  // WRT-THREAD-02: one id for requester and writer
  EXPECT_TRUE(h.HasFinding("WRT-SHUT-03"));
}

// Checks the components handed to handlers: writable in PostSnapshot, read-only in
// BackupComplete (BCD-WIN-01/02, WRT-CALL-03/04), null outside component mode (SEL-01).
TEST(Coordinator_WriterRules, BCD_WIN_01_02_ComponentsInHandlers) {
  Harness h;
  auto& a = h.AddWriter("A");
  HResult stamp_result, late_result;
  Behavior post;
  post.action = [&](writer::ScriptedWriter& w) {
    metadata::Component* c = nullptr;
    ASSERT_NE(w.current_components(), nullptr);
    ASSERT_EQ(w.current_components()->GetComponentCount(), 1u);
    ASSERT_EQ(w.current_components()->GetComponent(0, &c), hr::S_OK);
    stamp_result = c->SetBackupStamp("stamp-42");
  };
  a.On(WriterEvent::kPostSnapshot, post);
  Behavior complete;
  complete.action = [&](writer::ScriptedWriter& w) {
    metadata::Component* c = nullptr;
    ASSERT_EQ(w.current_components()->GetComponent(0, &c), hr::S_OK);
    late_result = c->SetBackupMetadata("too late");
  };
  a.On(WriterEvent::kBackupComplete, complete);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kBackupComplete), hr::S_OK);
  std::string xml;
  ASSERT_EQ(d.requester().SaveAsXML(&xml), hr::S_OK);
  EXPECT_NE(xml.find("stamp-42"), std::string::npos);
  ASSERT_EQ(d.RunRange(BackupDriver::kBackupComplete, BackupDriver::kStepCount), hr::S_OK);
  EXPECT_EQ(stamp_result, hr::S_OK);
  EXPECT_EQ(late_result, hr::VSS_E_BAD_STATE);
  EXPECT_FALSE(h.Entries(trace::EntryKind::kFinding).empty());

  Harness plain;
  auto& b = plain.AddWriter("B");
  bool saw_null = false;
  Behavior check;
  check.action = [&saw_null](writer::ScriptedWriter& w) {
    saw_null = w.current_components() == nullptr;
  };
  b.On(WriterEvent::kPrepareForBackup, check);
  auto r = plain.vss.CreateVssBackupComponents("r1");
  r->InitializeForBackup();
  r->SetBackupState(false, false, vss::BackupType::VSS_BT_FULL);
  AsyncPtr async;
  r->GatherWriterMetadata(&async);
  async->Wait();
  Guid set, snap;
  r->StartSnapshotSet(&set);
  r->AddToSnapshotSet("C:\\", kGuidNull, &snap);
  r->PrepareForBackup(&async);
  async->Wait();
  EXPECT_TRUE(saw_null);  // SEL-01
}

// Checks that a writer hanging in PrepareForBackup is reported not responding and gets no
// further event of the session except nothing at all (WRT-TIME-05, WRT-STATE-13).
TEST(Coordinator_WriterRules, WRT_TIME_05_HangInPrepareForBackup) {
  Harness h;
  auto& a = h.AddWriter("A");
  Behavior hang;
  hang.hang = true;
  a.On(WriterEvent::kPrepareForBackup, hang);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kPrepareForBackup), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kPrepareForBackup), hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  AsyncPtr async;
  ASSERT_EQ(d.requester().GatherWriterStatus(&async), hr::S_OK);
  async->Wait();
  WriterStatus s;
  ASSERT_EQ(d.requester().GetWriterStatus(0, &s), hr::S_OK);
  EXPECT_EQ(s.failure, hr::VSS_E_WRITER_NOT_RESPONDING);
  EXPECT_EQ(s.state, WriterState::VSS_WS_FAILED_AT_PREPARE_BACKUP);
  ASSERT_EQ(d.requester().Release(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:A"), (Events{"Identify", "PrepareForBackup"}));
}

}  // namespace
}  // namespace vsssim::coordinator
