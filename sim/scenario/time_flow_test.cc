// Tests of time as VSS lets it flow (issue "Fidelity round 2"): replies traced when handlers
// return on the virtual clock, events to one writer one at a time, the writers of a level in
// parallel, the freeze window until OnThaw returns (KB 2996928), and the flagship example.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

using runtime::Duration;
using std::chrono::seconds;

RunResult RunText(const std::string& text) {
  LoadResult loaded = LoadScenarioText(text, "time.xml");
  EXPECT_TRUE(loaded.ok()) << loaded.ErrorText();
  if (!loaded.ok()) return {};
  return RunScenario(*loaded.scenario);
}

RunResult RunFile(const std::string& path) {
  LoadResult loaded = LoadScenarioFile(path);
  EXPECT_TRUE(loaded.ok()) << loaded.ErrorText();
  if (!loaded.ok()) return {};
  return RunScenario(*loaded.scenario);
}

// One writer event as seen in the trace: what, and when.
struct Seen {
  trace::EntryKind kind;
  std::string name;
  Duration at;
};

// The events delivered to and the replies of `actor`, in trace order.
std::vector<Seen> EventsOf(const RunResult& r, std::string_view actor) {
  std::vector<Seen> out;
  for (const trace::Entry& e : r.trace->entries()) {
    const bool event = e.kind == trace::EntryKind::kEvent && e.to == actor;
    const bool reply = e.kind == trace::EntryKind::kReply && e.from == actor;
    if (event || reply) out.push_back({e.kind, std::string(e.name), e.time.since_start});
  }
  return out;
}

const Seen* Find(const std::vector<Seen>& seen, trace::EntryKind kind, std::string_view name,
                 std::size_t nth = 0) {
  for (const Seen& s : seen) {
    if (s.kind == kind && s.name == name && nth-- == 0) return &s;
  }
  return nullptr;
}

std::string Writer(const std::string& name, const std::string& level, const std::string& on) {
  return "<writer name=\"" + name + "\" level=\"" + level +
         "\"><restore-method method=\"VSS_RME_RESTORE_IF_CAN_REPLACE\" "
         "writer-restore=\"VSS_WRE_NEVER\"/><component name=\"c\" type=\"filegroup\" "
         "selectable=\"yes\"><files path=\"C:\\" +
         name + "\" filespec=\"*\"/></component>" + on + "</writer>";
}

std::string Scenario(const std::string& writers, const std::string& steps,
                     const std::string& expect = "") {
  return "<scenario name=\"time\" seed=\"3\"><volume name=\"C:\" size=\"16MiB\"/>" + writers +
         "<requester><call method=\"InitializeForBackup\"/>"
         "<call method=\"SetBackupState\" select-components=\"no\" backup-type=\"VSS_BT_FULL\"/>"
         "<call method=\"GatherWriterMetadata\"/><call method=\"StartSnapshotSet\"/>"
         "<call method=\"AddToSnapshotSet\" volume=\"C:\"/>" +
         steps + "</requester><expect>" + expect + "</expect></scenario>";
}

// Checks that the flagship example delivers its Identify between DemoDB's Freeze and Thaw: the
// Identify is asked for 2 s into a 5 s OnFreeze and reaches the writer as OnFreeze returns.
TEST(Scenario_TimeFlow, FlagshipExampleIdentifiesBetweenFreezeAndThaw) {
  RunResult r = RunFile(std::string(VSSSIM_FIXTURES_DIR) + "/examples/identify-during-freeze.xml");
  ASSERT_TRUE(r.trace);
  EXPECT_TRUE(r.passed());
  const std::vector<Seen> seen = EventsOf(r, "writer:DemoDB");
  const Seen* freeze = Find(seen, trace::EntryKind::kEvent, "Freeze");
  const Seen* frozen = Find(seen, trace::EntryKind::kReply, "Freeze");
  const Seen* identify = Find(seen, trace::EntryKind::kEvent, "Identify", 1);
  const Seen* thaw = Find(seen, trace::EntryKind::kEvent, "Thaw");
  ASSERT_TRUE(freeze && frozen && identify && thaw);
  EXPECT_LT(freeze, identify);
  EXPECT_LT(identify, thaw);
  EXPECT_EQ(frozen->at, seconds(5)) << "the reply comes when the 5 s handler returns";
  EXPECT_EQ(identify->at, seconds(5)) << "the Identify waits for OnFreeze to return";
  bool asked_at_2s = false;
  for (const trace::Entry& e : r.trace->entries()) {
    if (e.name == "Identify requested") asked_at_2s = e.time.since_start == seconds(2);
  }
  EXPECT_TRUE(asked_at_2s);
}

// Checks that a reply is traced when the handler returns, not when the event was delivered.
TEST(Scenario_TimeFlow, ReplyAtTheEndOfTheHandler) {
  RunResult r = RunText(
      Scenario(Writer("A", "FRONT_END", "<on event=\"PrepareForBackup\" delay=\"7s\"/>"),
               "<call method=\"PrepareForBackup\"/><call method=\"AbortBackup\"/><release/>"));
  ASSERT_TRUE(r.trace);
  const std::vector<Seen> seen = EventsOf(r, "writer:A");
  const Seen* event = Find(seen, trace::EntryKind::kEvent, "PrepareForBackup");
  const Seen* reply = Find(seen, trace::EntryKind::kReply, "PrepareForBackup");
  ASSERT_TRUE(event && reply);
  EXPECT_EQ(event->at, Duration{0});
  EXPECT_EQ(reply->at, seconds(7));
}

// Checks that the writers of one event get it at the same instant: a slow writer does not
// delay another (Choices::parallel_delivery), and the fan-out ends with the slowest.
TEST(Scenario_TimeFlow, WritersGetAnEventInParallel) {
  RunResult r = RunText(
      Scenario(Writer("A", "FRONT_END", "<on event=\"PrepareForBackup\" delay=\"5s\"/>") +
                   Writer("B", "FRONT_END", "<on event=\"PrepareForBackup\" delay=\"3s\"/>"),
               "<call method=\"PrepareForBackup\"/><call method=\"AbortBackup\"/><release/>"));
  ASSERT_TRUE(r.trace);
  const std::vector<Seen> seen_a = EventsOf(r, "writer:A");
  const std::vector<Seen> seen_b = EventsOf(r, "writer:B");
  const Seen* a = Find(seen_a, trace::EntryKind::kReply, "PrepareForBackup");
  const Seen* b_event = Find(seen_b, trace::EntryKind::kEvent, "PrepareForBackup");
  const Seen* b = Find(seen_b, trace::EntryKind::kReply, "PrepareForBackup");
  ASSERT_TRUE(a && b && b_event);
  EXPECT_EQ(b_event->at, Duration{0});
  EXPECT_EQ(b->at, seconds(3));
  EXPECT_EQ(a->at, seconds(5));
  const Seen* abort = Find(seen_b, trace::EntryKind::kEvent, "Abort");
  ASSERT_TRUE(abort);
  EXPECT_EQ(abort->at, seconds(5)) << "AbortBackup waits for the PrepareForBackup async";
}

// Checks that Freeze goes level by level (WRT-SEQ-09): the back end is frozen only after the
// front end's OnFreeze returned.
TEST(Scenario_TimeFlow, FreezeWaitsForTheLevelBefore) {
  RunResult r = RunText(
      Scenario(Writer("Front", "FRONT_END", "<on event=\"Freeze\" delay=\"4s\"/>") +
                   Writer("Back", "BACK_END", ""),
               "<call method=\"PrepareForBackup\"/><call method=\"DoSnapshotSet\"/>"
               "<call method=\"BackupComplete\"/><call method=\"GatherWriterStatus\"/><release/>"));
  ASSERT_TRUE(r.trace);
  const std::vector<Seen> seen = EventsOf(r, "writer:Back");
  const Seen* back = Find(seen, trace::EntryKind::kEvent, "Freeze");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->at, seconds(4));
}

// Checks that an Abort sent while the writer is still inside OnFreeze (the requester dies 2 s
// into a 5 s OnFreeze) is delivered when OnFreeze returns (Choices::serialise_events_per_writer).
TEST(Scenario_TimeFlow, AbortWaitsForTheRunningHandler) {
  RunResult r = RunText(Scenario(Writer("A", "FRONT_END", "<on event=\"Freeze\" delay=\"5s\"/>"),
                                 "<call method=\"PrepareForBackup\"/>"
                                 "<call method=\"DoSnapshotSet\" wait=\"no\"/>"
                                 "<advance by=\"2s\"/><terminate/>"));
  ASSERT_TRUE(r.trace);
  const std::vector<Seen> seen = EventsOf(r, "writer:A");
  const Seen* frozen = Find(seen, trace::EntryKind::kReply, "Freeze");
  const Seen* abort = Find(seen, trace::EntryKind::kEvent, "Abort");
  const Seen* shutdown = Find(seen, trace::EntryKind::kEvent, "BackupShutdown");
  ASSERT_TRUE(frozen && abort && shutdown);
  EXPECT_LT(frozen, abort);
  EXPECT_EQ(abort->at, seconds(5));
  EXPECT_LT(abort, shutdown);
}

// Checks that a handler that never returns is reported when VSS stops waiting for it
// (writer_event_timeout, 180 s), not at the instant it was delivered.
TEST(Scenario_TimeFlow, HungHandlerIsReportedAtTheTimeout) {
  RunResult r =
      RunText(Scenario(Writer("A", "FRONT_END", "<on event=\"PrepareForBackup\" hang=\"yes\"/>"),
                       "<call method=\"PrepareForBackup\"/><release/>"));
  ASSERT_TRUE(r.trace);
  const std::vector<Seen> seen = EventsOf(r, "writer:A");
  const Seen* reply = Find(seen, trace::EntryKind::kReply, "PrepareForBackup");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->at, seconds(180));
  bool not_responding_at_timeout = false;
  for (const trace::Entry& e : r.trace->entries()) {
    if (e.kind == trace::EntryKind::kState && e.from == "writer:A" &&
        e.Get("failure") == "VSS_E_WRITER_NOT_RESPONDING") {
      not_responding_at_timeout = e.time.since_start == seconds(180);
    }
  }
  EXPECT_TRUE(not_responding_at_timeout);
}

// Checks KB 2996928: a Thaw that outlasts the freeze window fails the writer with
// FAILED_AT_FREEZE and VSS_E_WRITERERROR_TIMEOUT (the window runs until OnThaw returns), and
// DoSnapshotSet fails.
TEST(Scenario_TimeFlow, SlowThawTimesOutTheFreezeWindow_KB2996928) {
  RunResult r = RunText(Scenario(
      Writer("A", "FRONT_END", "<on event=\"Thaw\" delay=\"70s\"/>"),
      "<call method=\"PrepareForBackup\"/>"
      "<call method=\"DoSnapshotSet\" expect=\"VSS_E_UNEXPECTED_WRITER_ERROR\"/>"
      "<call method=\"GatherWriterStatus\"/>"
      "<call method=\"GetWriterStatus\" writer=\"A\" expect-state=\"VSS_WS_FAILED_AT_FREEZE\" "
      "expect-failure=\"VSS_E_WRITERERROR_TIMEOUT\"/>"
      "<call method=\"AbortBackup\"/><release/>"));
  ASSERT_TRUE(r.trace);
  for (const ExpectationFailure& f : r.failures) ADD_FAILURE() << f.what << ": " << f.actual;
  bool expired = false;
  for (const trace::Entry& e : r.trace->entries()) {
    if (e.name == "freeze window expired") expired = e.time.since_start == seconds(60);
  }
  EXPECT_TRUE(expired);
}

}  // namespace
}  // namespace vsssim::scenario
