// <volume host-dir>: scenarios on a real directory (docs/scenario-format.md "volume",
// storage/host_directory.h) — load errors, the backup data path and restore byte for byte, the
// directory left alone without a restore, SIM-QUIESCE-01 for a write in the freeze window.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/storage/scoped_host_dir.h"
#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/loader.h"
#include "vsssim/scenario/values.h"

namespace vsssim::scenario {
namespace {

namespace fs = std::filesystem;
using storage::testing::ScopedHostDir;

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// A backup of C:\Data\*.mdf from the host directory @DIR@, then (@RESTORE@) a restore; the
// writer does @ON@.
constexpr char kScenario[] = R"(<scenario name="host" seed="3">
  <volume name="C:" host-dir="@DIR@"/>
  <writer name="W">
    <restore-method method="VSS_RME_RESTORE_IF_CAN_REPLACE" writer-restore="VSS_WRE_ALWAYS"/>
    <component name="db" type="database" selectable="yes">
      <database-files path="C:\Data" filespec="*.mdf"/>
    </component>
    @ON@
  </writer>
  <requester>
    <call as="full" method="InitializeForBackup"/>
    <call as="full" method="SetBackupState" select-components="yes" backup-type="VSS_BT_FULL"/>
    <call as="full" method="GatherWriterMetadata"/>
    <call as="full" method="AddComponent" writer="W" component="db"/>
    <call as="full" method="StartSnapshotSet"/>
    <call as="full" method="AddToSnapshotSet" volume="C:"/>
    <call as="full" method="PrepareForBackup"/>
    <call as="full" method="DoSnapshotSet"/>
    <backup-data as="full" medium="m" set="full"/>
    <call as="full" method="SetBackupSucceeded" writer="W" component="db" succeeded="yes"/>
    <call as="full" method="SaveAsXML" save-as="bcd"/>
    <call as="full" method="BackupComplete"/>
    <release as="full"/>
    @RESTORE@
  </requester>
  @EXPECT@
</scenario>)";

constexpr char kRestore[] = R"(
    <call as="restore" method="InitializeForRestore" bcd="bcd"/>
    <call as="restore" method="GatherWriterMetadata"/>
    <call as="restore" method="SetSelectedForRestore" writer="W" component="db" selected="yes"/>
    <call as="restore" method="PreRestore"/>
    <restore-data as="restore" medium="m" set="full"/>
    <call as="restore" method="PostRestore"/>
    <release as="restore"/>)";

// Every byte value, then a seeded pattern: 96 KiB that a text-mode or short copy would break.
std::string Binary() {
  std::string out;
  for (int i = 0; i < 256; ++i) out += static_cast<char>(i);
  std::uint32_t x = 12345;
  while (out.size() < (96u << 10)) {
    x = x * 1103515245u + 12345u;
    out += static_cast<char>(x >> 24);
  }
  return out;
}

class Scenario_HostDir : public ::testing::Test {
 protected:
  Scenario_HostDir() : dir_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {
    dir_.Put("Data/db.mdf", Binary());
    dir_.Put("Data/notes.txt", "not in the component");
  }

  std::string Text(const std::string& on, const std::string& restore,
                   const std::string& expect) const {
    std::string text = Replace(kScenario, "@DIR@", dir_.dir().string());
    text = Replace(text, "@ON@", on);
    text = Replace(text, "@RESTORE@", restore);
    return Replace(text, "@EXPECT@", expect.empty() ? "" : "<expect>" + expect + "</expect>");
  }

  RunResult Run(const std::string& text) const {
    LoadResult loaded = LoadScenarioText(text, (dir_.root() / "host.xml").string());
    EXPECT_TRUE(loaded.ok()) << loaded.ErrorText();
    if (!loaded.ok()) return {};
    return RunScenario(*loaded.scenario);
  }

  std::size_t QuiesceFindings(const RunResult& r) const {
    return static_cast<std::size_t>(
        std::count_if(r.findings.begin(), r.findings.end(),
                      [](const ObservedFinding& f) { return f.rule == "SIM-QUIESCE-01"; }));
  }

  ScopedHostDir dir_;
};

// Checks that a file damaged by the writer at PreRestore is put back byte for byte from the
// backup of the shadow copy (the backup data path reads the image, restore writes the
// directory), and that no snapshot area is left next to the directory.
TEST_F(Scenario_HostDir, BackupAndRestoreAreByteForByte) {
  const std::string on =
      R"(<on event="PreRestore"><write file="C:\Data\db.mdf" offset="1KiB" size="8KiB"/></on>)";
  RunResult r =
      Run(Text(on, kRestore, R"(<same-data path="C:\Data" as-snapshot-of="full" exact="yes"/>)"));
  EXPECT_TRUE(r.passed());
  for (const ExpectationFailure& f : r.failures) ADD_FAILURE() << f.what << ": " << f.actual;
  EXPECT_EQ(dir_.Get("Data/db.mdf"), Binary());
  EXPECT_EQ(dir_.Get("Data/notes.txt"), "not in the component");
  EXPECT_EQ(dir_.RootEntries(), 1);  // the volume's directory only: the image is gone
}

// Checks that the restore does repair: without it, the damage the writer did stays (so the
// test above would fail if restore-data did not write the directory).
TEST_F(Scenario_HostDir, DamageWithoutRestoreStays) {
  const std::string on =
      R"(<on event="PostSnapshot"><write file="C:\Data\db.mdf" offset="1KiB" size="8KiB"/></on>)";
  RunResult r = Run(Text(on, "", ""));
  EXPECT_TRUE(r.passed());
  EXPECT_NE(dir_.Get("Data/db.mdf"), Binary());
  EXPECT_EQ(dir_.Get("Data/db.mdf").size(), Binary().size());
}

// Checks that a backup alone leaves the host directory as it was (same files, bytes and host
// modification times) and that a second run gives the same trace digest (SIM-DET-01).
TEST_F(Scenario_HostDir, BackupLeavesTheDirectoryAlone) {
  const fs::file_time_type before = fs::last_write_time(dir_.dir() / "Data" / "db.mdf");
  RunResult r = Run(Text("", "", ""));
  EXPECT_TRUE(r.passed());
  EXPECT_EQ(QuiesceFindings(r), 0u);
  EXPECT_EQ(Run(Text("", "", "")).digest, r.digest);  // SIM-DET-01: nothing host-specific
  EXPECT_EQ(dir_.Get("Data/db.mdf"), Binary());
  EXPECT_EQ(fs::last_write_time(dir_.dir() / "Data" / "db.mdf"), before);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::recursive_directory_iterator(dir_.dir())) ++entries;
  EXPECT_EQ(entries, 3);  // Data, Data/db.mdf, Data/notes.txt
  EXPECT_EQ(dir_.RootEntries(), 1);
}

// Checks SIM-QUIESCE-01 on a host-directory volume: a write to the writer's file at Freeze
// gives what it gives on a simulated volume — the observed write and the torn shadow copy —
// and the thaw comparison does not report the same write again.
TEST_F(Scenario_HostDir, SimQuiesce01_WriteAtFreezeIsReportedOnce) {
  const std::string on =
      R"(<on event="Freeze"><write file="C:\Data\db.mdf" offset="0" size="4KiB"/></on>)";
  RunResult r = Run(Text(on, "", R"(<finding rule="SIM-QUIESCE-01" writer="W"/>)"));
  EXPECT_TRUE(r.passed());
  std::vector<std::string> messages;
  for (const ObservedFinding& f : r.findings) {
    if (f.rule == "SIM-QUIESCE-01") messages.push_back(f.message);
  }
  EXPECT_EQ(messages,
            (std::vector<std::string>{"write during freeze", "shadow copy differs from freeze"}));
}

// Checks the load errors of host-dir=: a missing directory, a file, an empty value, size= or
// <file> on such a volume — each `file:line: what is wrong`.
TEST_F(Scenario_HostDir, BadHostDirIsALoadError) {
  const std::string file = (dir_.root() / "host.xml").string();
  auto error = [&](const std::string& text) {
    LoadResult loaded = LoadScenarioText(text, file);
    EXPECT_FALSE(loaded.ok());
    return loaded.ErrorText();
  };
  const std::string base = Text("", "", "");
  const std::string missing = (dir_.root() / "nowhere").string();
  EXPECT_EQ(error(Replace(base, dir_.dir().string(), missing)),
            file + ":2: <volume> attribute host-dir: " + Quote(missing) + " does not exist\n");
  const std::string regular = (dir_.dir() / "Data" / "db.mdf").string();
  EXPECT_EQ(error(Replace(base, dir_.dir().string(), regular)),
            file + ":2: <volume> attribute host-dir: " + Quote(regular) + " is not a directory\n");
  EXPECT_NE(error(Replace(base, dir_.dir().string(), "")).find(file + ":2: "), std::string::npos);
  EXPECT_NE(error(Replace(base, "host-dir=", "size=\"1MiB\" host-dir="))
                .find(file + ":2: <volume> attribute size: "),
            std::string::npos);
  EXPECT_NE(
      error(Replace(base, "</writer>", R"(<file path="C:\Data\x.mdf" size="4KiB"/></writer>)"))
          .find("is on C:\\, a host directory"),
      std::string::npos);
  EXPECT_NE(error(Replace(base, "</writer>", R"(</writer><volume name="C:\mnt\" size="1MiB"/>)"))
                .find("volumes cannot be mounted in a host directory"),
            std::string::npos);
  EXPECT_NE(error(R"(<scenario name="s"><volume name="C:"/></scenario>)")
                .find("missing required attribute size (or host-dir)"),
            std::string::npos);
}

// Checks that a relative host-dir= is relative to the scenario file's folder.
TEST_F(Scenario_HostDir, RelativeHostDirIsBesideTheScenario) {
  LoadResult loaded = LoadScenarioText(
      Replace(Text("", "", ""), dir_.dir().string(), dir_.dir().filename().string()),
      (dir_.root() / "host.xml").string());
  ASSERT_TRUE(loaded.ok()) << loaded.ErrorText();
  EXPECT_EQ(loaded.scenario->volumes.at(0).host_dir, dir_.dir().lexically_normal().string());
}

}  // namespace
}  // namespace vsssim::scenario
