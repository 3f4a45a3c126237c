// SIM-QUIESCE-01 in the coordinator (Coordinator::AttachStorage): a writer's Freeze that returned
// true starts quiescence of its file sets; the shadow copies are compared after the provider
// commit; Thaw or Abort ends it. Writers here reach the volume through the coordinator's
// volumes() from their handlers, or keep writing in the background through clock timers.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "sim/coordinator/cow_harness.h"
#include "vsssim/metadata/create_writer_metadata.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::CowHarness;
using vss::WriterEvent;

constexpr const char* kDb = "C:\\A\\db.dat";
constexpr const char* kRule = "SIM-QUIESCE-01";

// The writer's own handler writes to `path` through the coordinator's volumes.
void Write(Coordinator& vss, const std::string& path, const std::string& bytes) {
  ASSERT_NE(vss.volumes(), nullptr);
  vss.volumes()->Find(path)->PutFile(path, bytes);
}

// A Freeze handler that returns true but leaves background I/O running: `bytes` reach kDb
// `after` the handler returned (a timer on the virtual clock).
writer::ScriptedWriter::Behavior LeakyFreeze(CowHarness& h, std::string bytes,
                                             runtime::Duration after) {
  writer::ScriptedWriter::Behavior b;
  b.action = [&h, bytes, after](writer::ScriptedWriter&) {
    h.clock.ScheduleAfter(after, [&h, bytes] { Write(h.vss, kDb, bytes); });
  };
  return b;
}

// Checks SIM-QUIESCE-01 for a write that lands while the writer is frozen and before the
// point-in-time image (flush phase of CommitSnapshots): "write during freeze", and the torn
// shadow copy differs from the content at Freeze ("shadow copy differs from freeze").
TEST(Coordinator_Quiesce, SIM_QUIESCE_01_WriteWhileFrozenTearsTheShadowCopy) {
  CowHarness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  ASSERT_EQ(h.C().PutFile(kDb, "at-freeze"), hr::S_OK);
  h.provider.set_flush_duration(std::chrono::milliseconds(5));
  a.On(WriterEvent::kFreeze, LeakyFreeze(h, "torn!", std::chrono::milliseconds(1)));
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);

  EXPECT_EQ(h.Findings(kRule),
            (std::vector<std::string>{"write during freeze", "shadow copy differs from freeze"}));
  // The checker's comparison: the shadow copy holds the torn bytes, not those at Freeze.
  EXPECT_EQ(h.Shadow(d.snapshot_id(), kDb), "torn!");
  EXPECT_NE(h.Shadow(d.snapshot_id(), kDb), "at-freeze");
  for (const trace::Entry& e : h.trace.entries()) {
    if (e.kind == trace::EntryKind::kFinding && e.rule == kRule) {
      EXPECT_EQ(e.from, "writer:A");
      EXPECT_EQ(e.Get("path"), kDb);
    }
  }
  EXPECT_FALSE(h.vss.quiesce_monitor()->IsQuiescing("A"));  // ended at Thaw
}

// Checks SIM-QUIESCE-01 for a write issued during the hold phase: it is held, so the shadow copy
// equals the content at Freeze, but the write still reached the writer's file while frozen.
TEST(Coordinator_Quiesce, SIM_QUIESCE_01_HeldWriteIsFoundButTheShadowCopyIsClean) {
  CowHarness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  ASSERT_EQ(h.C().PutFile(kDb, "at-freeze"), hr::S_OK);
  h.provider.set_commit_duration(std::chrono::milliseconds(5));
  a.On(WriterEvent::kFreeze, LeakyFreeze(h, "late", std::chrono::milliseconds(1)));
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);
  EXPECT_EQ(h.Findings(kRule), std::vector<std::string>{"write during freeze"});
  EXPECT_EQ(h.Shadow(d.snapshot_id(), kDb), "at-freeze");
  EXPECT_EQ(h.Live(kDb), "late");
}

// Checks that writes outside the frozen window are no finding (SIM-QUIESCE-01): before Freeze
// (PrepareForSnapshot), inside the Freeze handler before it returns (flushing, also a
// background write due before the handler's spent time ends), in the Thaw handler and after
// Thaw (PostSnapshot). The shadow copy holds the content at the moment Freeze returned.
TEST(Coordinator_Quiesce, SIM_QUIESCE_01_WritesBeforeFreezeReturnsOrAfterThawAreClean) {
  CowHarness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  ASSERT_EQ(h.C().PutFile(kDb, "v0"), hr::S_OK);
  h.provider.set_flush_duration(std::chrono::milliseconds(5));
  auto writes = [&h](std::string bytes) {
    writer::ScriptedWriter::Behavior b;
    b.action = [&h, bytes](writer::ScriptedWriter&) { Write(h.vss, kDb, bytes); };
    return b;
  };
  a.On(WriterEvent::kPrepareForSnapshot, writes("prepared"));
  writer::ScriptedWriter::Behavior freeze;
  freeze.delay = std::chrono::milliseconds(3);  // the handler returns 3 ms after delivery
  freeze.action = [&h](writer::ScriptedWriter&) {
    Write(h.vss, kDb, "flushed");
    h.clock.ScheduleAfter(std::chrono::milliseconds(2),
                          [&h] { Write(h.vss, kDb, "flushed-in-background"); });
  };
  a.On(WriterEvent::kFreeze, freeze);
  a.On(WriterEvent::kThaw, writes("thawing"));
  a.On(WriterEvent::kPostSnapshot, writes("after-thaw"));
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_TRUE(h.Findings(kRule).empty());
  EXPECT_EQ(h.Live(kDb), "after-thaw");
}

// Checks that the shadow copy compared is the content when Freeze returned: read before the
// Release, it holds exactly the frozen bytes of a clean writer.
TEST(Coordinator_Quiesce, SIM_QUIESCE_01_CleanWriterShadowEqualsContentAtFreeze) {
  CowHarness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  ASSERT_EQ(h.C().PutFile(kDb, "stable"), hr::S_OK);
  writer::ScriptedWriter::Behavior thaw;
  thaw.action = [&h](writer::ScriptedWriter&) { Write(h.vss, kDb, "resumed"); };
  a.On(WriterEvent::kThaw, thaw);
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);
  EXPECT_TRUE(h.Findings(kRule).empty());
  EXPECT_EQ(h.Shadow(d.snapshot_id(), kDb), "stable");
  EXPECT_EQ(h.Live(kDb), "resumed");
}

// Checks the writer's file sets come from its metadata: database and log files count, and a
// write to a file of an exclude set (AddExcludeFiles) or outside every set is no finding.
TEST(Coordinator_Quiesce, SIM_QUIESCE_01_FileSetsFromMetadataHonourExcludes) {
  CowHarness h;
  writer::ScriptedWriter& a = h.AddWriter("Sql");
  a.SetIdentify([](metadata::CreateWriterMetadata& m) {
    m.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                       vss::WriterRestore::VSS_WRE_NEVER, false);
    m.AddComponent(vss::ComponentType::VSS_CT_DATABASE, "", "db", "db", {}, false, false, true,
                   true);
    m.AddDatabaseFiles("", "db", "C:\\Sql", "*.mdf");
    m.AddDatabaseLogFiles("", "db", "C:\\Logs", "*.ldf");
    m.AddExcludeFiles("C:\\Sql", "*.tmp", false);
  });
  ASSERT_EQ(h.C().PutFile("C:\\Sql\\a.mdf", "m"), hr::S_OK);
  ASSERT_EQ(h.C().PutFile("C:\\Logs\\a.ldf", "l"), hr::S_OK);
  writer::ScriptedWriter::Behavior freeze;
  freeze.action = [&h](writer::ScriptedWriter&) {
    h.clock.ScheduleAfter(std::chrono::milliseconds(1), [&h] {
      Write(h.vss, "C:\\Sql\\scratch.tmp", "excluded");
      Write(h.vss, "C:\\Other\\x.mdf", "not the writer's");
      Write(h.vss, "C:\\Logs\\a.ldf", "log grew");
    });
  };
  a.On(WriterEvent::kFreeze, freeze);
  h.provider.set_commit_duration(std::chrono::milliseconds(5));
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);
  ASSERT_EQ(h.Findings(kRule), std::vector<std::string>{"write during freeze"});
  for (const trace::Entry& e : h.trace.entries()) {
    if (e.kind == trace::EntryKind::kFinding && e.rule == kRule) {
      EXPECT_EQ(e.Get("path"), "C:\\Logs\\a.ldf");
    }
  }
}

// Checks that an aborted creation ends quiescence at Abort: a write after the Abort (the writer
// resumes) is no finding, and the monitor no longer watches the writer.
TEST(Coordinator_Quiesce, SIM_QUIESCE_01_AbortEndsQuiescence) {
  CowHarness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  writer::ScriptedWriter& b = h.AddWriter("B");
  ASSERT_EQ(h.C().PutFile(kDb, "x"), hr::S_OK);
  writer::ScriptedWriter::Behavior veto;
  veto.returns = false;
  b.On(WriterEvent::kFreeze, veto);
  writer::ScriptedWriter::Behavior resume;
  resume.action = [&h](writer::ScriptedWriter&) { Write(h.vss, kDb, "resumed"); };
  a.On(WriterEvent::kAbort, resume);
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_NE(d.Run(BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_TRUE(h.Findings(kRule).empty());
  EXPECT_FALSE(h.vss.quiesce_monitor()->IsQuiescing("A"));
  EXPECT_EQ(h.Live(kDb), "resumed");
}

// Checks the wiring is optional: without AttachStorage the same leaking writer gives no
// SIM-QUIESCE-01 finding (the coordinator has no monitor and no volumes).
TEST(Coordinator_Quiesce, SIM_QUIESCE_01_OffWithoutAttachedStorage) {
  CowHarness h(/*attach_storage=*/false);
  writer::ScriptedWriter& a = h.AddWriter("A");
  ASSERT_EQ(h.C().PutFile(kDb, "at-freeze"), hr::S_OK);
  h.provider.set_flush_duration(std::chrono::milliseconds(5));
  writer::ScriptedWriter::Behavior b;
  b.action = [&h](writer::ScriptedWriter&) {
    h.clock.ScheduleAfter(std::chrono::milliseconds(1), [&h] { h.C().PutFile(kDb, "torn!"); });
  };
  a.On(WriterEvent::kFreeze, b);
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);
  EXPECT_EQ(h.vss.quiesce_monitor(), nullptr);
  EXPECT_EQ(h.vss.volumes(), nullptr);
  EXPECT_TRUE(h.Findings(kRule).empty());
  EXPECT_EQ(h.Shadow(d.snapshot_id(), kDb), "torn!");
}

// Checks SetQuiesceMonitor + SetVolumes: a monitor the caller owns is driven the same way as
// the one AttachStorage makes (the torn write is found, in the caller's trace).
TEST(Coordinator_Quiesce, SIM_QUIESCE_01_CallerOwnedMonitor) {
  CowHarness h(/*attach_storage=*/false);
  storage::QuiesceMonitor monitor(h.volumes, h.trace);
  h.vss.SetQuiesceMonitor(&monitor);
  h.vss.SetVolumes(&h.volumes);
  writer::ScriptedWriter& a = h.AddWriter("A");
  ASSERT_EQ(h.C().PutFile(kDb, "at-freeze"), hr::S_OK);
  h.provider.set_flush_duration(std::chrono::milliseconds(5));
  a.On(WriterEvent::kFreeze, LeakyFreeze(h, "torn!", std::chrono::milliseconds(1)));
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);
  EXPECT_EQ(h.Findings(kRule),
            (std::vector<std::string>{"write during freeze", "shadow copy differs from freeze"}));
  EXPECT_FALSE(monitor.IsQuiescing("A"));
  h.vss.SetQuiesceMonitor(nullptr);
}

}  // namespace
}  // namespace vsssim::coordinator
