// Checks the suite's own machinery on a scripted writer: the world it builds, the backup run
// it drives, the rule matching and the file-set helpers the checks rely on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "conformance/writer/backup_run.h"
#include "conformance/writer/scenarios.h"
#include "conformance/writer/wall_times.h"
#include "conformance/writer/world.h"
#include "vsssim/storage/volume.h"
#include "vsssim/writer/scripted_writer.h"

namespace vsssim::conformance {
namespace {

WriterUnderTest Scripted(std::function<void(writer::ScriptedWriter&)> setup = {}) {
  return {"Scripted", [setup](WriterContext&) -> std::unique_ptr<writer::Writer> {
            writer::WriterIdentity id;
            id.class_id.data1 = 0x5c0ffee1u;
            id.name = "Scripted";
            auto w = std::make_unique<writer::ScriptedWriter>(id);
            if (setup) setup(*w);
            return w;
          }};
}

// Checks that exact IDs and '*' prefixes match, and nothing else does.
TEST(Suite_World, RuleMatchesExactAndPrefix) {
  EXPECT_TRUE(RuleMatches("WRT-CALL-04", {"WRT-CALL-*"}));
  EXPECT_TRUE(RuleMatches("WRT-RET-02", {"WRT-THREAD-01", "WRT-RET-02"}));
  EXPECT_FALSE(RuleMatches("WRT-RET-02", {"WRT-RET-0"}));  // rule-id-ok: a truncated ID
  EXPECT_FALSE(RuleMatches("WMD-01", {"WRT-*"}));
}

// Checks that a world has C: and D:, registers the writer and that a full BackupRun delivers
// the documented sequence (WRT-SEQ-01) and captures the writer's metadata.
TEST(Suite_World, WRT_SEQ_01_FullRunOfAScriptedWriter) {
  World world(Scripted());
  ASSERT_NE(world.volumes().Find("C:"), nullptr);
  ASSERT_NE(world.volumes().Find("D:"), nullptr);
  BackupRun run(world, "r1");
  ASSERT_EQ(run.RunAll(), hr::S_OK);
  EXPECT_TRUE(run.identified());
  EXPECT_EQ(run.selected_count(), 1);
  EXPECT_EQ(SessionEvents(world, "r1"), FullSequence());
  ASSERT_EQ(world.FileSets(World::Sets::kAll).size(), 1u);
  EXPECT_TRUE(world.FileSets(World::Sets::kLogs).empty());
  EXPECT_EQ(UnusedVolumes(world), std::vector<std::string>{"D:\\"});
}

// Checks that WriterSuiteOptions::host_volumes makes C: and D: fresh host directories that a
// writer process could write with ordinary file I/O, that a file written there is what the
// volume sees, and that the directories are gone with the world (no data left behind).
TEST(Suite_World, HostVolumesAreFreshDirectoriesRemovedWithTheWorld) {
  WriterUnderTest writer = Scripted();
  writer.options.host_volumes = true;
  std::filesystem::path c_dir;
  {
    World world(writer);
    const storage::Volume* c = world.volumes().Find("C:");
    const storage::Volume* d = world.volumes().Find("D:");
    ASSERT_NE(c, nullptr);
    ASSERT_NE(d, nullptr);
    ASSERT_TRUE(c->host_backed());
    ASSERT_TRUE(d->host_backed());
    c_dir = c->host_dir();
    EXPECT_NE(c_dir, std::filesystem::path(d->host_dir()));
    EXPECT_TRUE(std::filesystem::is_empty(c_dir));
    std::ofstream(c_dir / "note.txt", std::ios::binary) << "written outside vsssim";
    std::optional<std::string> host = c->HostPath("C:\\note.txt");
    ASSERT_TRUE(host.has_value());
    EXPECT_EQ(std::filesystem::path(*host), c_dir / "note.txt");
  }
  EXPECT_FALSE(std::filesystem::exists(c_dir));
}

// Checks that findings are attributed to the writer under test: a thrown exception in Thaw
// appears as WRT-RET-02 in Findings() and as a reply with threw=yes.
TEST(Suite_World, WRT_RET_02_FindingsOfTheWriter) {
  World world(Scripted([](writer::ScriptedWriter& w) {
    writer::ScriptedWriter::Behavior b;
    b.throws = true;
    w.On(vss::WriterEvent::kThaw, b);
  }));
  BackupRun run(world, "r1");
  EXPECT_TRUE(run.RunAll().Failed());
  EXPECT_EQ(world.Findings({"WRT-RET-02"}).size(), 1u);
  bool threw = false;
  for (const Reply& r : Replies(world)) threw = threw || (r.event == "Thaw" && r.threw);
  EXPECT_TRUE(threw);
}

// Checks that the slow companion makes the writer's freeze window expire (WRT-TIME-01): the
// writer gets Abort instead of Thaw.
TEST(Suite_World, WRT_TIME_01_SlowCompanionExpiresTheWindow) {
  WorldOptions options;
  options.slow_companion = true;
  World world(Scripted(), options);
  BackupRun run(world, "r1");
  ASSERT_EQ(run.RunRange(0, BackupRun::kDoSnapshotSet), hr::S_OK);
  EXPECT_TRUE(run.Run(BackupRun::kDoSnapshotSet).Failed());
  const std::vector<std::string> events = SessionEvents(world, "r1");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back(), "Abort");
}

// Checks that every World gives the writer's application its warmup before the first requester
// step and between_steps before each further one (docs/conformance.md, "Application time"),
// as the writer's WriterSuiteOptions say.
TEST(Suite_World, ApplicationTimeBeforeAndBetweenSteps) {
  WriterUnderTest writer = Scripted();
  writer.options.warmup = std::chrono::seconds(3);
  writer.options.between_steps = std::chrono::milliseconds(250);
  World world(writer);
  EXPECT_EQ(world.clock().Now().since_start, runtime::Duration(std::chrono::seconds(3)));
  BackupRun run(world, "r1");
  ASSERT_EQ(run.Run(BackupRun::kInitialize), hr::S_OK);
  EXPECT_EQ(world.clock().Now().since_start, runtime::Duration(std::chrono::seconds(3)));
  ASSERT_EQ(run.Run(BackupRun::kSetBackupState), hr::S_OK);
  EXPECT_EQ(world.clock().Now().since_start, runtime::Duration(std::chrono::milliseconds(3250)));
}

// Checks that the suite's own requester breaks no requester rule (REQ-*) in a full backup, an
// AbortBackup while frozen and a requester death — the runs every check is made of — so no
// excerpt blames the user for the suite's requester.
TEST(Suite_World, SuiteRequesterBreaksNoRequesterRule) {
  TakeSuiteRequesterFindings();
  {
    World world(Scripted());
    BackupRun(world, "full").RunAll();
    BackupRun aborted(world, "aborted");
    coordinator::AsyncPtr async;
    ASSERT_TRUE(RunUntilEvent(world, aborted, "Freeze", &async));
    async->Cancel();
    aborted.requester().AbortBackup();
    aborted.Run(BackupRun::kRelease);
    BackupRun dies(world, "dies");
    dies.RunRange(0, BackupRun::kSetBackupSucceeded);
    world.vss().Terminate(dies.requester());
  }
  {
    // A writer that vetoes Freeze, and a check that walks every step regardless (as
    // IdentifyInjectedAnywhere does): no SetBackupSucceeded/BackupComplete after the failed
    // DoSnapshotSet (REQ-ORDER-15), AbortBackup before Release (REQ-ABORT-02).
    World world(Scripted([](writer::ScriptedWriter& w) {
      writer::ScriptedWriter::Behavior veto;
      veto.returns = false;
      veto.failure = hr::VSS_E_WRITERERROR_RETRYABLE;
      w.On(vss::WriterEvent::kFreeze, veto);
    }));
    BackupRun run(world, "vetoed");
    for (int s = 0; s < BackupRun::kStepCount; ++s) run.Run(static_cast<BackupRun::Step>(s));
  }
  EXPECT_EQ(TakeSuiteRequesterFindings(), std::vector<std::string>{});
}

// Checks that the wall-time wrapper forwards the probe of the writer under test and that a
// handler at or past its real timeout marks the writer blocked, with the rule, while a shorter
// one does not (wall_times.h; durations given, nothing sleeps).
TEST(Suite_WallTime, RecordsBlocksAtTheTimeout) {
  WallTimes& times = WallTimes::Get();
  times.Clear();
  EXPECT_FALSE(times.Record({"W", "t", "OnFreeze", std::chrono::milliseconds(1500)},
                            std::chrono::seconds(60), "WRT-TIME-01"));
  EXPECT_EQ(times.BlockOf("W"), nullptr);
  EXPECT_TRUE(times.Record({"W", "t", "OnFreeze", std::chrono::seconds(3)}, std::chrono::seconds(2),
                           "WRT-TIME-01"));
  ASSERT_NE(times.BlockOf("W"), nullptr);
  EXPECT_EQ(times.BlockOf("W")->rule, "WRT-TIME-01");
  EXPECT_EQ(times.Slowest(1).front().wall, std::chrono::seconds(3));
  times.Clear();
}

}  // namespace
}  // namespace vsssim::conformance
