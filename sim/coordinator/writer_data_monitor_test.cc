// WriterDataMonitor: SIM-SHUT-01 and BT-05 on what a writer does to its DATABASE_LOGFILES files
// while its handlers run — first driven directly (the session's calls in miniature), then
// through the coordinator (Coordinator::AttachStorage) with scripted writers that truncate their
// log through the coordinator's volumes().
#include "sim/coordinator/writer_data_monitor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/coordinator/cow_harness.h"
#include "vsssim/metadata/create_writer_metadata.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::CowHarness;
using vss::BackupType;
using vss::WriterEvent;

constexpr const char* kLog = "C:\\Logs\\db.ldf";
constexpr const char* kData = "C:\\Sql\\db.mdf";
const Guid kSet{1, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}};
const Guid kOtherSet{9, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}};

// One database component: data C:\Sql\*.mdf, logs C:\Logs\*.ldf (recursive).
metadata::WriterMetadata DbMetadata() {
  metadata::ComponentDescription c;
  c.type = vss::ComponentType::VSS_CT_DATABASE;
  c.name = "db";
  metadata::FileSpec data;
  data.path = "C:\\Sql";
  data.filespec = "*.mdf";
  c.database_files.push_back(data);
  metadata::FileSpec logs;
  logs.path = "C:\\Logs";
  logs.filespec = "*.ldf";
  logs.recursive = true;
  c.log_files.push_back(logs);
  metadata::WriterMetadata m;
  m.components.push_back(c);
  return m;
}

// The monitor over volume C: with one log and one data file, driven as a session drives it.
class Coordinator_WriterDataMonitor : public ::testing::Test {
 protected:
  Coordinator_WriterDataMonitor()
      : trace_(clock_), volumes_(clock_), monitor_(volumes_, trace_), metadata_(DbMetadata()) {
    storage::VolumeOptions o;
    o.name = "C:";
    o.size_bytes = 1 << 20;
    EXPECT_EQ(volumes_.CreateVolume(o, &c_), hr::S_OK);
    EXPECT_EQ(c_->PutFile(kLog, std::string(18, 'l')), hr::S_OK);
    EXPECT_EQ(c_->PutFile(kData, std::string(40, 'd')), hr::S_OK);
  }

  // One handler of writer "writer:DB" in a session of requester "r1": `body` is the handler.
  template <class Body>
  void Handle(WriterEvent event, BackupType type, Body body, bool succeeded = true,
              const Guid& set = kSet, bool restore = false) {
    HandlerRun run;
    run.requester = "r1";
    run.writer = "writer:DB";
    run.event = event;
    run.backup_type = type;
    run.snapshot_set = set;
    run.restore = restore;
    run.metadata = &metadata_;
    monitor_.BeforeHandler(run);
    body();
    monitor_.AfterHandler("writer:DB", succeeded);
  }
  void Handle(WriterEvent event, BackupType type) { Handle(event, type, Nothing); }
  static void Nothing() {}
  void Truncate() { ASSERT_EQ(c_->SetFileSize(kLog, 0), hr::S_OK); }

  // "RULE title path expected / actual" of every finding, in order.
  std::vector<std::string> Findings() const {
    std::vector<std::string> out;
    for (const trace::Entry& e : trace_.entries()) {
      if (e.kind != trace::EntryKind::kFinding) continue;
      EXPECT_EQ(e.from, "writer:DB");
      EXPECT_EQ(e.Get("requester"), "r1");
      out.push_back(e.rule + " " + e.name + " " + std::string(e.Get("event")) + " " +
                    std::string(e.Get("path")) + " " + std::string(e.Get("expected")) + " / " +
                    std::string(e.Get("actual")));
    }
    return out;
  }

  runtime::Clock clock_;
  trace::Trace trace_;
  storage::VolumeManager volumes_;
  WriterDataMonitor monitor_;
  metadata::WriterMetadata metadata_;
  storage::Volume* c_ = nullptr;
};

// Checks SIM-SHUT-01: a BackupShutdown that truncates a log file with no BackupComplete before
// it is a finding naming the file, the size it had and the size it has.
TEST_F(Coordinator_WriterDataMonitor, SIM_SHUT_01_TruncationInShutdownWithoutComplete) {
  Handle(WriterEvent::kBackupShutdown, BackupType::VSS_BT_FULL, [this] { Truncate(); });
  EXPECT_EQ(Findings(), std::vector<std::string>{
                            "SIM-SHUT-01 log truncated in BackupShutdown without BackupComplete "
                            "BackupShutdown C:\\Logs\\db.ldf keeps its 18 bytes / 0 bytes"});
}

// Checks SIM-SHUT-01 for a log file deleted, or shrunk by a rewrite, in BackupShutdown.
TEST_F(Coordinator_WriterDataMonitor, SIM_SHUT_01_DeletedOrRewrittenShorter) {
  Handle(WriterEvent::kBackupShutdown, BackupType::VSS_BT_FULL,
         [this] { ASSERT_EQ(c_->DeleteFile(kLog), hr::S_OK); });
  ASSERT_EQ(c_->PutFile(kLog, std::string(18, 'l')), hr::S_OK);
  Handle(WriterEvent::kBackupShutdown, BackupType::VSS_BT_FULL,
         [this] { ASSERT_EQ(c_->PutFile(kLog, "tail"), hr::S_OK); });
  EXPECT_EQ(Findings(), (std::vector<std::string>{
                            "SIM-SHUT-01 log truncated in BackupShutdown without BackupComplete "
                            "BackupShutdown C:\\Logs\\db.ldf keeps its 18 bytes / deleted",
                            "SIM-SHUT-01 log truncated in BackupShutdown without BackupComplete "
                            "BackupShutdown C:\\Logs\\db.ldf keeps its 18 bytes / 4 bytes"}));
}

// Checks that SIM-SHUT-01 concerns log files only, and shrinking only: a growing log and a
// truncated database file in BackupShutdown are no finding.
TEST_F(Coordinator_WriterDataMonitor, SIM_SHUT_01_GrowthAndDataFilesAreNoFinding) {
  Handle(WriterEvent::kBackupShutdown, BackupType::VSS_BT_FULL, [this] {
    ASSERT_EQ(c_->AppendFile(kLog, "more"), hr::S_OK);
    ASSERT_EQ(c_->SetFileSize(kData, 0), hr::S_OK);
  });
  EXPECT_TRUE(Findings().empty());
}

// Checks WRT-SHUT-01 / SIM-SHUT-01: after a successful BackupComplete of the same snapshot set,
// BackupShutdown may truncate (the backup finished); the mark ends with that BackupShutdown.
TEST_F(Coordinator_WriterDataMonitor, SIM_SHUT_01_SuccessfulCompleteOfTheSetAllowsIt) {
  Handle(WriterEvent::kBackupComplete, BackupType::VSS_BT_FULL);
  EXPECT_TRUE(monitor_.Completed("writer:DB", kSet));
  Handle(WriterEvent::kBackupShutdown, BackupType::VSS_BT_FULL, [this] { Truncate(); });
  EXPECT_TRUE(Findings().empty());
  EXPECT_FALSE(monitor_.Completed("writer:DB", kSet));
}

// Checks that only a successful BackupComplete of that snapshot set counts: one that failed,
// or one of another set, leaves a truncating BackupShutdown a SIM-SHUT-01 finding.
TEST_F(Coordinator_WriterDataMonitor, SIM_SHUT_01_FailedOrOtherSetCompleteDoesNotCount) {
  Handle(WriterEvent::kBackupComplete, BackupType::VSS_BT_FULL, Nothing, /*succeeded=*/false);
  Handle(WriterEvent::kBackupComplete, BackupType::VSS_BT_FULL, Nothing, true, kOtherSet);
  EXPECT_FALSE(monitor_.Completed("writer:DB", kSet));
  Handle(WriterEvent::kBackupShutdown, BackupType::VSS_BT_FULL, [this] { Truncate(); });
  EXPECT_EQ(Findings().size(), 1u);
}

// Checks BT-05: in a COPY backup no handler may truncate a log file — BackupComplete,
// PostSnapshot, and BackupShutdown even after a successful BackupComplete.
TEST_F(Coordinator_WriterDataMonitor, BT_05_CopyBackupNeverTruncates) {
  const std::string copy = "BT-05 log truncated in a COPY backup ";
  Handle(WriterEvent::kPostSnapshot, BackupType::VSS_BT_COPY, [this] { Truncate(); });
  ASSERT_EQ(c_->SetFileSize(kLog, 18), hr::S_OK);
  Handle(WriterEvent::kBackupComplete, BackupType::VSS_BT_COPY, [this] { Truncate(); });
  ASSERT_EQ(c_->SetFileSize(kLog, 18), hr::S_OK);
  Handle(WriterEvent::kBackupShutdown, BackupType::VSS_BT_COPY, [this] { Truncate(); });
  EXPECT_EQ(Findings(),
            (std::vector<std::string>{
                copy + "PostSnapshot C:\\Logs\\db.ldf keeps its 18 bytes / 0 bytes",
                copy + "BackupComplete C:\\Logs\\db.ldf keeps its 18 bytes / 0 bytes",
                copy + "BackupShutdown C:\\Logs\\db.ldf keeps its 18 bytes / 0 bytes"}));
}

// Checks that a COPY backup's BackupShutdown without BackupComplete that truncates breaks both
// rules: one finding each.
TEST_F(Coordinator_WriterDataMonitor, BT_05_AndSIM_SHUT_01_BothInACopyShutdown) {
  Handle(WriterEvent::kBackupShutdown, BackupType::VSS_BT_COPY, [this] { Truncate(); });
  std::vector<std::string> rules;
  for (const trace::Entry& e : trace_.entries()) {
    if (e.kind == trace::EntryKind::kFinding) rules.push_back(e.rule);
  }
  EXPECT_EQ(rules, (std::vector<std::string>{"SIM-SHUT-01", "BT-05"}));
}

// Checks what BT-05 allows: truncation in BackupComplete of FULL, INCREMENTAL, LOG and (only
// "usually not" truncated, no requirement) DIFFERENTIAL backups is no finding; Identify and
// restore sessions are not watched.
TEST_F(Coordinator_WriterDataMonitor, BT_05_OtherBackupTypesAndRestoresAreNoFinding) {
  for (BackupType type : {BackupType::VSS_BT_FULL, BackupType::VSS_BT_INCREMENTAL,
                          BackupType::VSS_BT_LOG, BackupType::VSS_BT_DIFFERENTIAL}) {
    ASSERT_EQ(c_->SetFileSize(kLog, 18), hr::S_OK);
    Handle(WriterEvent::kBackupComplete, type, [this] { Truncate(); });
  }
  ASSERT_EQ(c_->SetFileSize(kLog, 18), hr::S_OK);
  Handle(WriterEvent::kIdentify, BackupType::VSS_BT_COPY, [this] { Truncate(); });
  ASSERT_EQ(c_->SetFileSize(kLog, 18), hr::S_OK);
  Handle(
      WriterEvent::kBackupShutdown, BackupType::VSS_BT_COPY, [this] { Truncate(); }, true,
      kGuidNull, /*restore=*/true);
  EXPECT_TRUE(Findings().empty());
}

// --- Through the coordinator ---

// Writer "A" of the harness declares one database component with its log set C:\Logs\*.ldf,
// and its handler of `event` truncates C:\Logs\db.ldf through the coordinator's volumes.
writer::ScriptedWriter& TruncatingWriter(CowHarness& h, WriterEvent event) {
  writer::ScriptedWriter& a = h.AddWriter("A");
  a.SetIdentify([](metadata::CreateWriterMetadata& m) {
    m.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                       vss::WriterRestore::VSS_WRE_NEVER, false);
    m.AddComponent(vss::ComponentType::VSS_CT_DATABASE, "", "db", "db", {}, false, false, true,
                   true);
    m.AddDatabaseFiles("", "db", "C:\\Sql", "*.mdf");
    m.AddDatabaseLogFiles("", "db", "C:\\Logs", "*.ldf");
  });
  EXPECT_EQ(h.C().PutFile(kData, "data"), hr::S_OK);
  EXPECT_EQ(h.C().PutFile(kLog, "log records"), hr::S_OK);
  writer::ScriptedWriter::Behavior truncate;
  truncate.action = [&h](writer::ScriptedWriter&) {
    ASSERT_NE(h.vss.volumes(), nullptr);
    h.vss.volumes()->Find(kLog)->SetFileSize(kLog, 0);
  };
  a.On(event, truncate);
  return a;
}

// Checks SIM-SHUT-01 end to end: the requester dies after DoSnapshotSet, VSS sends BackupShutdown
// (WRT-SEQ-07) and the writer truncates its log there: one finding from the writer, in the
// dead requester's session, next to the BackupShutdown it happened in.
TEST(Coordinator_WriterData, SIM_SHUT_01_RequesterDiesAndShutdownTruncates) {
  CowHarness h;
  TruncatingWriter(h, WriterEvent::kBackupShutdown);
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kStatusAfterSnapshot), hr::S_OK);
  h.vss.Terminate(d.requester());
  EXPECT_EQ(h.Findings("SIM-SHUT-01"),
            std::vector<std::string>{"log truncated in BackupShutdown without BackupComplete"});
  const trace::Entry* finding = nullptr;
  for (const trace::Entry& e : h.trace.entries()) {
    if (e.kind == trace::EntryKind::kFinding && e.rule == "SIM-SHUT-01") finding = &e;
  }
  ASSERT_NE(finding, nullptr);
  EXPECT_EQ(finding->from, "writer:A");
  EXPECT_EQ(finding->Get("requester"), "r1");
  EXPECT_EQ(finding->Get("path"), kLog);
  EXPECT_EQ(finding->Get("expected"), "keeps its 11 bytes");
  EXPECT_EQ(finding->Get("actual"), "0 bytes");
  EXPECT_EQ(h.EventsTo("writer:A").back(), "BackupShutdown");
}

// Checks that a full backup that ends normally may truncate its logs in BackupComplete (BT-05:
// FULL may truncate) and that a BackupShutdown after that successful BackupComplete is no
// SIM-SHUT-01 finding either.
TEST(Coordinator_WriterData, SIM_SHUT_01_FullBackupThatCompletesIsNoFinding) {
  for (WriterEvent event : {WriterEvent::kBackupComplete, WriterEvent::kBackupShutdown}) {
    CowHarness h;
    TruncatingWriter(h, event);
    BackupDriver d(h.vss, "r1");
    ASSERT_EQ(d.RunAll(), hr::S_OK);
    EXPECT_EQ(h.Live(kLog), "");
    EXPECT_TRUE(h.Findings("SIM-SHUT-01").empty()) << vss::NameOf(event);
    EXPECT_TRUE(h.Findings("BT-05").empty()) << vss::NameOf(event);
  }
}

// Checks BT-05 end to end: a COPY backup whose writer truncates its log in BackupComplete.
TEST(Coordinator_WriterData, BT_05_CopyBackupCompleteTruncates) {
  CowHarness h;
  TruncatingWriter(h, WriterEvent::kBackupComplete);
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.Run(BackupDriver::kInitialize), hr::S_OK);
  ASSERT_EQ(d.requester().SetBackupState(true, false, BackupType::VSS_BT_COPY, false), hr::S_OK);
  ASSERT_EQ(d.RunRange(BackupDriver::kGatherWriterMetadata, BackupDriver::kStepCount), hr::S_OK);
  EXPECT_EQ(h.Findings("BT-05"), std::vector<std::string>{"log truncated in a COPY backup"});
  EXPECT_TRUE(h.Findings("SIM-SHUT-01").empty());
}

// Checks that without attached storage there is no monitor and no finding (traces unchanged).
TEST(Coordinator_WriterData, OffWithoutAttachedStorage) {
  CowHarness h(/*attach_storage=*/false);
  h.vss.SetVolumes(&h.volumes);
  TruncatingWriter(h, WriterEvent::kBackupShutdown);
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kStatusAfterSnapshot), hr::S_OK);
  h.vss.Terminate(d.requester());
  EXPECT_EQ(h.vss.writer_data_monitor(), nullptr);
  EXPECT_EQ(h.Live(kLog), "");
  EXPECT_TRUE(h.Findings("SIM-SHUT-01").empty());
}

}  // namespace
}  // namespace vsssim::coordinator
