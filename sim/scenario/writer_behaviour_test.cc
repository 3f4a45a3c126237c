// Tests of writer behaviour beyond its handlers (docs/scenario-format.md "timer", "set-flag,
// clear-flag", "wedge", "extend", service steps): when a timer fires and what it does to the
// writer's state in the session (WRT-TIME-01, GAP-02), which <on> applies under flags, that a
// conditional <on> shadows nothing, that <extend> goes first, and what a service restart clears.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

constexpr char kVolume[] = R"(<volume name="C:" size="16MiB"/>)";
constexpr char kComponent[] =
    R"(<component name="db" type="filegroup" selectable="yes"><files path="C:\db" filespec="*"/></component>)";

// One backup of W by requester `as`, status gathered after BackupComplete, then released.
std::string Backup(const std::string& as) {
  const std::string a = " as=\"" + as + "\"";
  return "<call method=\"InitializeForBackup\"" + a +
         "/>"
         "<call method=\"SetBackupState\"" +
         a +
         " select-components=\"yes\" backup-type=\"VSS_BT_FULL\"/>"
         "<call method=\"GatherWriterMetadata\"" +
         a + "/><call method=\"AddComponent\"" + a +
         " writer=\"W\" component=\"db\"/>"
         "<call method=\"StartSnapshotSet\"" +
         a + "/><call method=\"AddToSnapshotSet\"" + a +
         " volume=\"C:\"/>"
         "<call method=\"PrepareForBackup\"" +
         a + "/><call method=\"DoSnapshotSet\"" + a + "/><call method=\"SetBackupSucceeded\"" + a +
         " writer=\"W\" component=\"db\" succeeded=\"yes\"/><call method=\"BackupComplete\"" + a +
         "/><call method=\"GatherWriterStatus\"" + a + "/>";
}

std::string Scenario(const std::string& writer_body, const std::string& steps,
                     const std::string& writer_attributes = "") {
  return std::string("<scenario name=\"t\" seed=\"5\">") + kVolume + "<writer name=\"W\"" +
         writer_attributes + ">" + kComponent + writer_body + "</writer><requester>" + steps +
         "</requester></scenario>";
}

LoadResult Load(const std::string& text) { return LoadScenarioText(text, "test.xml"); }

RunResult RunText(const std::string& text) {
  LoadResult loaded = Load(text);
  EXPECT_TRUE(loaded.ok()) << loaded.ErrorText();
  if (!loaded.ok()) return {};
  return RunScenario(*loaded.scenario, {});
}

// The writer states the trace shows for W in `requester`'s session, in order.
std::vector<std::string> States(const RunResult& r, const std::string& requester) {
  std::vector<std::string> out;
  for (const trace::Entry& e : r.trace->entries()) {
    if (e.kind == trace::EntryKind::kState && e.from == "writer:W" &&
        e.Get("requester") == requester) {
      const std::string failure(e.Get("failure"));
      out.push_back(std::string(e.name) + (failure.empty() ? "" : " " + failure));
    }
  }
  return out;
}

std::size_t Count(const RunResult& r, const std::string& note) {
  std::size_t n = 0;
  for (const trace::Entry& e : r.trace->entries()) n += std::string(e.name) == note ? 1 : 0;
  return n;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  for (const std::string& x : v) {
    if (x == s) return true;
  }
  return false;
}

// KB 915331, BUG-01: armed 2 s after Freeze, Thaw (at 0 s) disarms it only once armed: it fires
// 60 s after arming and the writer shows FAILED_AT_FREEZE with the timeout (the phase of the
// event that armed it, GAP-02). With unless-since="start" the early Thaw disarms it.
TEST(Scenario_WriterTimer, UnlessSinceArmedMissesAnEarlyThaw_WRT_TIME_01) {
  const std::string timer =
      R"(<timer start="Freeze" arm-delay="2s" after="60s" unless="Thaw" SINCE>)"
      R"(<set-writer-failure code="VSS_E_WRITERERROR_TIMEOUT"/></timer>)";
  std::string racy = timer;
  racy.replace(racy.find("SINCE"), 5, "unless-since=\"armed\"");
  std::string fixed = timer;
  fixed.replace(fixed.find("SINCE"), 5, "unless-since=\"start\"");
  const std::string steps = Backup("r") + "<advance by=\"90s\"/><release as=\"r\"/>";
  RunResult bug = RunText(Scenario(racy, steps));
  EXPECT_TRUE(Contains(States(bug, "r"), "VSS_WS_FAILED_AT_FREEZE VSS_E_WRITERERROR_TIMEOUT"));
  EXPECT_EQ(Count(bug, "timer fired"), 1u);
  RunResult ok = RunText(Scenario(fixed, steps));
  EXPECT_FALSE(Contains(States(ok, "r"), "VSS_WS_FAILED_AT_FREEZE VSS_E_WRITERERROR_TIMEOUT"));
  EXPECT_EQ(Count(ok, "timer fired"), 0u);
  EXPECT_EQ(Count(ok, "timer disarmed"), 1u);
}

// times= arms the timer on the first N START occurrences only, over the whole run.
TEST(Scenario_WriterTimer, TimesCountsStartOccurrencesOverTheRun) {
  const std::string timer =
      R"(<timer start="PrepareForBackup" times="1" after="1s"><set-flag name="x"/></timer>)";
  RunResult r = RunText(Scenario(
      timer, Backup("r1") + "<release as=\"r1\"/>" + Backup("r2") + "<release as=\"r2\"/>"));
  EXPECT_EQ(Count(r, "timer armed"), 1u);
}

// A flag set in one session makes a conditional <on> apply in the next; it does not shadow the
// unconditional <on> after it, and a service restart clears the flag (not the times= count).
TEST(Scenario_WriterFlags, ConditionalOnAndRestart_WRT_INIT_04) {
  const std::string body =
      R"(<on event="PostSnapshot" times="1"><set-flag name="broken"/></on>)"
      R"(<on event="PrepareForBackup" if="broken" fail="VSS_E_WRITERERROR_RETRYABLE"/>)"
      R"(<on event="PrepareForBackup" delay="1s"/>)";
  RunResult r = RunText(Scenario(body, Backup("r1") + "<release as=\"r1\"/>" + Backup("r2") +
                                           "<release as=\"r2\"/><restart-service writer=\"W\"/>" +
                                           Backup("r3") + "<release as=\"r3\"/>"));
  EXPECT_FALSE(
      Contains(States(r, "r1"), "VSS_WS_FAILED_AT_PREPARE_BACKUP VSS_E_WRITERERROR_RETRYABLE"));
  EXPECT_TRUE(
      Contains(States(r, "r2"), "VSS_WS_FAILED_AT_PREPARE_BACKUP VSS_E_WRITERERROR_RETRYABLE"));
  EXPECT_FALSE(
      Contains(States(r, "r3"), "VSS_WS_FAILED_AT_PREPARE_BACKUP VSS_E_WRITERERROR_RETRYABLE"));
}

// The "never applies" check ignores conditional <on>s, and still catches unconditional ones.
TEST(Scenario_WriterFlags, ConditionalOnShadowsNothing) {
  EXPECT_TRUE(Load(Scenario(R"(<on event="Freeze" if="f"/><on event="Freeze"/>)", "")).ok());
  // After an unconditional <on> without times=, even a conditional one never applies.
  EXPECT_FALSE(Load(Scenario(R"(<on event="Freeze"/><on event="Freeze" if="f"/>)", "")).ok());
  LoadResult never = Load(Scenario(R"(<on event="Freeze"/><on event="Freeze"/>)", ""));
  EXPECT_FALSE(never.ok());
  EXPECT_NE(never.ErrorText().find("never applies"), std::string::npos);
}

// <extend> puts its behaviours and timers before the writer's own.
TEST(Scenario_Extend, BehavioursGoFirst) {
  const std::string text =
      std::string("<scenario name=\"t\">") + kVolume + "<writer name=\"W\">" + kComponent +
      R"(<on event="Freeze" delay="1s"/><timer start="Thaw" after="1s"><wedge/></timer></writer>)"
      R"(<extend writer="W"><on event="Freeze" times="1" fail="VSS_E_WRITERERROR_RETRYABLE"/>)"
      R"(<timer start="Freeze" after="2s"><wedge/></timer></extend></scenario>)";
  LoadResult r = Load(text);
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  const Writer& w = r.scenario->writers[0];
  ASSERT_EQ(w.behaviours.size(), 2u);
  EXPECT_TRUE(w.behaviours[0].failure.has_value());
  ASSERT_EQ(w.timers.size(), 2u);
  EXPECT_EQ(w.timers[0].start, vss::WriterEvent::kFreeze);
}

// A wedged writer hangs in its next handler (not responding, WRT-TIME-05) and is missing from
// the next gather; restarting its own process clears the wedge and it answers again.
TEST(Scenario_Wedge, UntilItsProcessRestarts_WRT_TIME_05) {
  const std::string body = R"(<on event="PostSnapshot" times="1"><wedge/></on>)";
  const std::string gather =
      R"(<call method="InitializeForBackup" as="g"/><call method="GatherWriterMetadata" as="g"/>)"
      R"(<call method="GetWriterMetadataCount" as="g" expect-count="0"/><release as="g"/>)";
  RunResult r = RunText(Scenario(body, Backup("r1") + "<release as=\"r1\"/>" + gather +
                                           "<restart-service writer=\"W\"/>" + Backup("r3") +
                                           "<release as=\"r3\"/>"));
  EXPECT_TRUE(
      Contains(States(r, "r1"), "VSS_WS_FAILED_AT_BACKUP_COMPLETE VSS_E_WRITER_NOT_RESPONDING"));
  EXPECT_TRUE(r.failures.empty()) << r.failures.front().what;  // expect-count 0 held
  EXPECT_FALSE(
      Contains(States(r, "r3"), "VSS_WS_FAILED_AT_BACKUP_COMPLETE VSS_E_WRITER_NOT_RESPONDING"));
}

}  // namespace
}  // namespace vsssim::scenario
