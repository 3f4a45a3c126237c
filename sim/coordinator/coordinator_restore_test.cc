// The restore path of the coordinator (CATALOGUE.md §2.4, §3.2, §5.7-§5.10): the requester
// restore API, writer delivery in restore mode, restore policies and the requester mistakes
// the simulator reports (REQ-RST-*).
#include <gtest/gtest.h>

#include "sim/coordinator/restore_harness.h"

namespace vsssim::coordinator {
namespace {

using testing::Act;
using testing::Backup;
using testing::BackupDriver;
using testing::Declare;
using testing::Harness;
using testing::kFileGroup;
using testing::Restore;
using testing::Veto;
using vss::RestoreMethod;
using vss::WriterEvent;
using vss::WriterRestore;

// Checks the canonical restore: Identify, PreRestore, PostRestore and no BackupShutdown
// (WRT-SEQ-02), no finding, and a STABLE writer after each event (WRT-STATE-10/11).
TEST(Coordinator_Restore, WRT_SEQ_02_CanonicalRestore) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a);
  Restore rs(h, Backup(h));
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  EXPECT_EQ(rs.StatusOf(0).state, vss::WriterState::VSS_WS_STABLE);
  ASSERT_NE(rs.ReadBack(), nullptr);
  ASSERT_EQ(rs.Status(a), hr::S_OK);
  ASSERT_EQ(rs.Post(), hr::S_OK);
  EXPECT_EQ(rs.StatusOf(0).state, vss::WriterState::VSS_WS_STABLE);
  EXPECT_EQ(rs.r->Release(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:A", "rst"),
            (std::vector<std::string>{"Identify", "PreRestore", "PostRestore"}));
  EXPECT_TRUE(h.Entries(trace::EntryKind::kFinding).empty()) << trace::RenderText(h.trace);
}

// Checks that a writer none of whose components is selected gets nothing after Identify
// (REQ-RST-04), and that selecting a component absent from the BCD fails (REQ-CALL-32).
TEST(Coordinator_Restore, REQ_RST_04_UnselectedWriterGetsNoRestoreEvents) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  writer::ScriptedWriter& b = h.AddWriter("B");
  Declare(a);
  Declare(b);
  Restore rs(h, Backup(h));
  EXPECT_EQ(rs.r->SetSelectedForRestore(a.identity().class_id, kFileGroup, "", "Nope", true),
            hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  ASSERT_NE(rs.ReadBack(), nullptr);
  ASSERT_EQ(rs.Status(a), hr::S_OK);
  ASSERT_EQ(rs.Post(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:B", "rst"), (std::vector<std::string>{"Identify"}));
  EXPECT_EQ(h.EventsTo("writer:A", "rst").size(), 3u);
}

// Checks the restore rows of the call order: backup calls on a restore instance and
// selection after PreRestore are VSS_E_BAD_STATE (REQ-LIFE-02, REQ-RST-03), a bad BCD is
// VSS_E_INVALID_XML_DOCUMENT (REQ-CALL-02), and AbortBackup is refused (REQ-RST-10).
TEST(Coordinator_Restore, REQ_RST_03_CallOrderOfTheRestorePath) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a);
  const std::string xml = Backup(h);
  auto bad = h.vss.CreateVssBackupComponents("bad");
  EXPECT_EQ(bad->InitializeForRestore("<not-a-bcd/>"), hr::VSS_E_INVALID_XML_DOCUMENT);
  Restore rs(h, xml);
  Guid set;
  EXPECT_EQ(rs.r->StartSnapshotSet(&set), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(rs.r->InitializeForBackup(), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(rs.r->AbortBackup(), hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(h.HasFinding("REQ-RST-10"));
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  EXPECT_EQ(rs.Select(a, false), hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(h.HasFinding("REQ-RST-03"));
  EXPECT_EQ(rs.r->SetRestoreState(vss::RestoreType::VSS_RTYPE_BY_COPY), hr::VSS_E_BAD_STATE);
}

// Checks that the requester's restore settings reach the writer's IVssComponent in
// PreRestore (AR-01, RO-01/02, NT-01, RT-01, SEL-07) and that the requester cannot set writer
// fields (BCD-WIN-05).
TEST(Coordinator_Restore, AR_01_RequesterSettingsReachTheWriter) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a, RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, WriterRestore::VSS_WRE_ALWAYS, "",
          vss::BackupSchema{0x100u | 0x4000u});  // NEW_TARGET | AUTHORITATIVE_RESTORE
  bool additional = false;
  bool authoritative = false;
  std::string options;
  std::uint32_t new_targets = 0;
  std::uint32_t subs = 0;
  vss::RestoreType type = vss::RestoreType::VSS_RTYPE_UNDEFINED;
  a.On(WriterEvent::kPreRestore, Act([&](writer::ScriptedWriter& w) {
         metadata::Component* c = nullptr;
         ASSERT_EQ(w.current_components()->GetComponent(0, &c), hr::S_OK);
         c->GetAdditionalRestores(&additional);
         c->GetAuthoritativeRestore(&authoritative);
         c->GetRestoreOptions(&options);
         c->GetNewTargetCount(&new_targets);
         c->GetRestoreSubcomponentCount(&subs);
         type = w.GetRestoreType();
       }));
  Restore rs(h, Backup(h));
  const Guid id = a.identity().class_id;
  EXPECT_EQ(rs.r->SetRestoreState(vss::RestoreType::VSS_RTYPE_BY_COPY), hr::S_OK);
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  EXPECT_EQ(rs.r->SetAdditionalRestores(id, kFileGroup, "", "AData", true), hr::S_OK);
  EXPECT_EQ(rs.r->SetRestoreOptions(id, kFileGroup, "", "AData", "\"Roll Forward\"=\"None\""),
            hr::S_OK);
  EXPECT_EQ(rs.r->SetAuthoritativeRestore(id, kFileGroup, "", "AData", true), hr::S_OK);
  EXPECT_EQ(rs.r->AddNewTarget(id, kFileGroup, "", "AData", "C:\\A", "*", true, "E:\\new"),
            hr::S_OK);
  EXPECT_EQ(rs.r->AddNewTarget(id, kFileGroup, "", "AData", "C:\\A", "*.x", true, "E:\\new"),
            hr::VSS_E_OBJECT_NOT_FOUND);  // MATCH-01
  EXPECT_EQ(rs.r->AddRestoreSubcomponent(id, kFileGroup, "", "AData", "AData", "Part", false),
            hr::S_OK);  // SEL-07
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  EXPECT_TRUE(additional);
  EXPECT_TRUE(authoritative);
  EXPECT_EQ(options, "\"Roll Forward\"=\"None\"");
  EXPECT_EQ(new_targets, 1u);
  EXPECT_EQ(subs, 1u);
  EXPECT_EQ(type, vss::RestoreType::VSS_RTYPE_BY_COPY);
  metadata::Component* c = rs.ReadBack();
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->SetRestoreTarget(vss::RestoreTarget::VSS_RT_DIRECTED), hr::VSS_E_BAD_STATE);
  EXPECT_FALSE(h.HasFinding("NT-01"));
  EXPECT_FALSE(h.HasFinding("REQ-CALL-37"));
}

// Checks that what the writer sets in PreRestore (restore target, directed target, failure
// message) is what the requester reads back after PreRestore, and that an object fetched
// before PreRestore is stale (WRT-CALL-11..13, REQ-CALL-25, DT-01).
TEST(Coordinator_Restore, WRT_CALL_11_WriterTargetsAreSeenAfterPreRestore) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a);
  a.On(WriterEvent::kPreRestore, Act([](writer::ScriptedWriter& w) {
         metadata::Component* c = nullptr;
         ASSERT_EQ(w.current_components()->GetComponent(0, &c), hr::S_OK);
         EXPECT_EQ(c->SetRestoreTarget(vss::RestoreTarget::VSS_RT_DIRECTED), hr::S_OK);
         EXPECT_EQ(c->AddDirectedTarget("C:\\A", "db.mdf", "0:4096", "C:\\A", "db2.mdf", "0:4096"),
                   hr::S_OK);
         EXPECT_EQ(c->SetPreRestoreFailureMsg("half"), hr::S_OK);
       }));
  Restore rs(h, Backup(h));
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  WriterComponentsExt* early = nullptr;
  ASSERT_EQ(rs.r->GetWriterComponents(0, &early), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  metadata::Component* stale = nullptr;
  EXPECT_EQ(early->GetComponent(0, &stale), hr::VSS_E_BAD_STATE);  // REQ-CALL-25
  metadata::Component* c = rs.ReadBack();
  ASSERT_NE(c, nullptr);
  vss::RestoreTarget target;
  ASSERT_EQ(c->GetRestoreTarget(&target), hr::S_OK);
  EXPECT_EQ(target, vss::RestoreTarget::VSS_RT_DIRECTED);
  std::uint32_t directed = 0;
  c->GetDirectedTargetCount(&directed);
  EXPECT_EQ(directed, 1u);
  std::string message;
  EXPECT_EQ(c->GetPreRestoreFailureMsg(&message), hr::S_OK);
  EXPECT_EQ(message, "half");
  EXPECT_FALSE(h.HasFinding("DT-01"));
}

// Checks REQ-RST-07 (component state not read back after PreRestore), REQ-RST-08 (no
// SetFileRestoreStatus for a selected component) and REQ-RST-09 (released before PostRestore).
TEST(Coordinator_Restore, REQ_RST_07_08_09_RequesterMistakesAreFindings) {
  {
    Harness h;
    writer::ScriptedWriter& a = h.AddWriter("A");
    Declare(a);
    Restore rs(h, Backup(h));
    ASSERT_EQ(rs.Select(a), hr::S_OK);
    ASSERT_NE(rs.ReadBack(), nullptr);  // read too early only
    ASSERT_EQ(rs.Pre(), hr::S_OK);
    ASSERT_EQ(rs.Post(), hr::S_OK);
    EXPECT_TRUE(h.HasFinding("REQ-RST-07"));
    EXPECT_TRUE(h.HasFinding("REQ-RST-08"));
    EXPECT_FALSE(h.HasFinding("REQ-RST-09"));
    rs.r->Release();
  }
  {
    Harness h;
    writer::ScriptedWriter& a = h.AddWriter("A");
    Declare(a);
    Restore rs(h, Backup(h));
    ASSERT_EQ(rs.Select(a), hr::S_OK);
    ASSERT_EQ(rs.Pre(), hr::S_OK);
    EXPECT_EQ(rs.r->Release(), hr::S_OK);
    EXPECT_TRUE(h.HasFinding("REQ-RST-09"));
    EXPECT_EQ(h.EventsTo("writer:A", "rst"), (std::vector<std::string>{"Identify", "PreRestore"}));
  }
}

// Checks that a PreRestore veto stops the restore of that writer's components: it shows
// FAILED_AT_PRE_RESTORE, gets no PostRestore, and marking its component restored is a
// finding; the other writer's restore goes on (WRT-RET-03, WRT-STATE-10).
TEST(Coordinator_Restore, WRT_RET_03_PreRestoreVetoStopsThatWritersRestore) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  writer::ScriptedWriter& b = h.AddWriter("B");
  Declare(a);
  Declare(b);
  a.On(WriterEvent::kPreRestore, Veto(hr::VSS_E_WRITERERROR_NONRETRYABLE));
  Restore rs(h, Backup(h));
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  ASSERT_EQ(rs.Select(b), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);  // Choices::restore_veto_result
  const WriterStatus s = rs.StatusOf(0);
  EXPECT_EQ(s.state, vss::WriterState::VSS_WS_FAILED_AT_PRE_RESTORE);
  EXPECT_EQ(s.failure, hr::VSS_E_WRITERERROR_NONRETRYABLE);
  ASSERT_NE(rs.ReadBack(), nullptr);
  EXPECT_EQ(rs.Status(a, vss::FileRestoreStatus::VSS_RS_NONE), hr::S_OK);
  EXPECT_FALSE(h.HasFinding("WRT-RET-03"));
  EXPECT_EQ(rs.Status(a), hr::S_OK);
  EXPECT_TRUE(h.HasFinding("WRT-RET-03"));
  ASSERT_EQ(rs.Status(b), hr::S_OK);
  ASSERT_EQ(rs.Post(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:A", "rst"), (std::vector<std::string>{"Identify", "PreRestore"}));
  EXPECT_EQ(h.EventsTo("writer:B", "rst"),
            (std::vector<std::string>{"Identify", "PreRestore", "PostRestore"}));
}

// Checks STOP_RESTORE_START: stopping and restarting the service between PreRestore and
// PostRestore is silent, and the writer hosted in it loses PostRestore (REQ-RST-11,
// WRT-SEQ-11); without the stop the requester breaks REQ-RST-11.
TEST(Coordinator_Restore, WRT_SEQ_11_StopRestoreStartLosesPostRestore) {
  for (bool stop : {true, false}) {
    Harness h;
    writer::ScriptedWriter& a = h.AddWriter("A");
    Declare(a, RestoreMethod::VSS_RME_STOP_RESTORE_START, WriterRestore::VSS_WRE_ALWAYS, "ASvc");
    Restore rs(h, Backup(h));
    ASSERT_EQ(rs.Select(a), hr::S_OK);
    ASSERT_EQ(rs.Pre(), hr::S_OK);
    if (stop) {
      EXPECT_EQ(h.vss.StopService("requester:rst", "ASvc"), hr::S_OK);
      EXPECT_FALSE(h.vss.WriterRunning(a));
      EXPECT_EQ(h.vss.StartService("requester:rst", "ASvc"), hr::S_OK);
    }
    ASSERT_NE(rs.ReadBack(), nullptr);
    ASSERT_EQ(rs.Status(a), hr::S_OK);
    ASSERT_EQ(rs.Post(), hr::S_OK);
    rs.r->Release();
    EXPECT_EQ(h.HasFinding("REQ-RST-11"), !stop);
    EXPECT_EQ(h.EventsTo("writer:A", "rst").back(), stop ? "PreRestore" : "PostRestore");
    EXPECT_EQ(!h.Entries(trace::EntryKind::kNote, "WRT-SEQ-11").empty(), stop);
  }
}

// Checks RESTORE_STOP_START: the writer gets PostRestore and the service must be stopped and
// started after it, before release (REQ-RST-11).
TEST(Coordinator_Restore, REQ_RST_11_RestoreStopStartAfterPostRestore) {
  for (bool cycle : {true, false}) {
    Harness h;
    writer::ScriptedWriter& a = h.AddWriter("A");
    Declare(a, RestoreMethod::VSS_RME_RESTORE_STOP_START, WriterRestore::VSS_WRE_ALWAYS, "ASvc");
    Restore rs(h, Backup(h));
    ASSERT_EQ(rs.Select(a), hr::S_OK);
    ASSERT_EQ(rs.Pre(), hr::S_OK);
    ASSERT_NE(rs.ReadBack(), nullptr);
    ASSERT_EQ(rs.Status(a), hr::S_OK);
    ASSERT_EQ(rs.Post(), hr::S_OK);
    if (cycle) {
      h.vss.StopService("requester:rst", "ASvc");
      h.vss.StartService("requester:rst", "ASvc");
    }
    rs.r->Release();
    EXPECT_EQ(h.EventsTo("writer:A", "rst").back(), "PostRestore");
    EXPECT_EQ(h.HasFinding("REQ-RST-11"), !cycle);
  }
}

// Checks the writer-restore policies: VSS_WRE_NEVER selection is a REQ-RST-06 finding;
// VSS_WRE_IF_REPLACE_FAILS gets PostRestore only when a replace failed (WRT-SEQ-12).
TEST(Coordinator_Restore, WRT_SEQ_12_WriterRestorePolicy) {
  for (auto status : {vss::FileRestoreStatus::VSS_RS_ALL, vss::FileRestoreStatus::VSS_RS_FAILED}) {
    Harness h;
    writer::ScriptedWriter& a = h.AddWriter("A");
    Declare(a, RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE,
            WriterRestore::VSS_WRE_IF_REPLACE_FAILS);
    Restore rs(h, Backup(h));
    ASSERT_EQ(rs.Select(a), hr::S_OK);
    ASSERT_EQ(rs.Pre(), hr::S_OK);
    ASSERT_NE(rs.ReadBack(), nullptr);
    ASSERT_EQ(rs.Status(a, status), hr::S_OK);
    ASSERT_EQ(rs.Post(), hr::S_OK);
    const bool post = status != vss::FileRestoreStatus::VSS_RS_ALL;
    EXPECT_EQ(h.EventsTo("writer:A", "rst").back(), post ? "PostRestore" : "PreRestore");
    EXPECT_FALSE(h.HasFinding("REQ-RST-06"));
  }
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a, RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, WriterRestore::VSS_WRE_NEVER);
  Restore rs(h, Backup(h));
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  EXPECT_TRUE(h.HasFinding("REQ-RST-06"));
}

// Checks AddAlternativeLocationMapping: accepted for a mapped file set between PreRestore
// and PostRestore, refused for an unmapped one (REQ-CALL-40, ALT-04), and visible to the
// writer in PostRestore; SetRangesFilePath without a partial file is OBJECT_NOT_FOUND.
TEST(Coordinator_Restore, ALT_04_AlternativeLocationMappingReachesPostRestore) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a);
  std::uint32_t mappings = 0;
  a.On(WriterEvent::kPostRestore, Act([&](writer::ScriptedWriter& w) {
         metadata::Component* c = nullptr;
         ASSERT_EQ(w.current_components()->GetComponent(0, &c), hr::S_OK);
         c->GetAlternateLocationMappingCount(&mappings);
       }));
  Restore rs(h, Backup(h));
  const Guid id = a.identity().class_id;
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  EXPECT_EQ(
      rs.r->AddAlternativeLocationMapping(id, kFileGroup, "", "AData", "C:\\A", "*", true, "D:\\A"),
      hr::VSS_E_BAD_STATE);  // before PreRestore
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  EXPECT_EQ(
      rs.r->AddAlternativeLocationMapping(id, kFileGroup, "", "AData", "C:\\A", "*", true, "D:\\A"),
      hr::S_OK);
  EXPECT_EQ(rs.r->AddAlternativeLocationMapping(id, kFileGroup, "", "AData", "C:\\A\\part", "*.p",
                                                false, "D:\\p"),
            hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(rs.r->SetRangesFilePath(id, kFileGroup, "", "AData", 0, "D:\\ranges"),
            hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_NE(rs.ReadBack(), nullptr);
  ASSERT_EQ(rs.Status(a), hr::S_OK);
  ASSERT_EQ(rs.Post(), hr::S_OK);
  EXPECT_EQ(mappings, 1u);
}

// Checks that the backup path is untouched by the restore rows: a backup instance refuses
// restore calls with VSS_E_BAD_STATE (REQ-LIFE-02).
TEST(Coordinator_Restore, REQ_LIFE_02_BackupInstanceRefusesRestoreCalls) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a);
  BackupDriver d(h, "b");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kAddComponents + 1), hr::S_OK);
  AsyncPtr async;
  EXPECT_EQ(d.requester().PreRestore(&async), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(
      d.requester().SetSelectedForRestore(a.identity().class_id, kFileGroup, "", "AData", true),
      hr::VSS_E_BAD_STATE);
  EXPECT_EQ(d.requester().InitializeForRestore(""), hr::VSS_E_BAD_STATE);
}

}  // namespace
}  // namespace vsssim::coordinator
