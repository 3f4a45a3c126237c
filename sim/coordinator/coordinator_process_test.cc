// A writer whose process ended (sim/remote): unsubscribed (WRT-INIT-03) after the session it
// failed in reports it as not responding (WRT-TIME-05). The process is simulated by a probe
// over a flag the writer's handler sets, as a RemoteWriter's connection loss would.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "sim/coordinator/test_harness.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;
using vss::WriterEvent;

// Writers whose "process" has ended, with the reason, and the probe that reports them.
struct Processes {
  std::set<const writer::Writer*> gone;
  Coordinator::WriterGoneProbe Probe() {
    return [this](const writer::Writer& w) -> std::string {
      return gone.count(&w) != 0 ? "connection closed (killed by signal 9)" : "";
    };
  }
};

// A handler that "kills the process": its connection is gone and it never answers, as a
// RemoteWriter reports it (the hang path).
writer::ScriptedWriter::Behavior KilledIn(Processes& processes) {
  writer::ScriptedWriter::Behavior b;
  b.hang = true;
  b.action = [&processes](writer::ScriptedWriter& w) { processes.gone.insert(&w); };
  return b;
}

std::vector<WriterStatus> Statuses(Requester& r) {
  AsyncPtr async;
  EXPECT_EQ(r.GatherWriterStatus(&async), hr::S_OK);
  async->Wait();
  std::uint32_t count = 0;
  r.GetWriterStatusCount(&count);
  std::vector<WriterStatus> out(count);
  for (std::uint32_t i = 0; i < count; ++i) r.GetWriterStatus(i, &out[i]);
  return out;
}

// Checks that a writer killed mid-Freeze is VSS_E_WRITER_NOT_RESPONDING in the session it
// failed in, that a trace note says it unsubscribed, and that the next backup neither gathers
// it nor lists it in status while the other writer takes part as usual (WRT-INIT-03).
TEST(Coordinator_WriterProcess, WRT_INIT_03_KilledMidFreezeIsUnsubscribed) {
  Harness h;
  Processes processes;
  h.vss.SetWriterGoneProbe(processes.Probe());
  auto& killed = h.AddWriter("Killed");
  h.AddWriter("Other", vss::ApplicationLevel::VSS_APP_BACK_END);
  killed.On(WriterEvent::kFreeze, KilledIn(processes));

  BackupDriver first(h, "r1");
  ASSERT_EQ(first.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(first.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  std::vector<WriterStatus> in_failed = Statuses(first.requester());
  ASSERT_EQ(in_failed.size(), 2u);
  bool saw_killed = false;
  for (const WriterStatus& s : in_failed) {
    if (s.writer_name != "Killed") continue;
    saw_killed = true;
    EXPECT_EQ(s.failure, hr::VSS_E_WRITER_NOT_RESPONDING);  // WRT-TIME-05
  }
  EXPECT_TRUE(saw_killed);
  const auto notes = h.Entries(trace::EntryKind::kNote, "WRT-INIT-03");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0]->from, "writer:Killed");
  EXPECT_EQ(notes[0]->name, "Unsubscribe");
  EXPECT_EQ(notes[0]->Get("reason"), "connection closed (killed by signal 9)");
  EXPECT_FALSE(h.vss.WriterRunning(killed));
  first.Run(BackupDriver::kRelease);

  const std::size_t events_before = h.EventsTo("writer:Killed").size();
  BackupDriver second(h, "r2");
  EXPECT_EQ(second.RunRange(0, BackupDriver::kRelease), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:Killed").size(), events_before);  // absent from the gather
  EXPECT_EQ(h.EventsTo("writer:Other", "r2").back(), "BackupComplete");
  std::vector<WriterStatus> later = Statuses(second.requester());
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].writer_name, "Other");
  second.Run(BackupDriver::kRelease);
}

// Checks that a writer whose process ended between events (EOF = Unsubscribe) is not asked
// to Identify by the next gather nor by an injected Identify.
TEST(Coordinator_WriterProcess, WRT_INIT_03_EndedBetweenEventsIsNotGathered) {
  Harness h;
  Processes processes;
  h.vss.SetWriterGoneProbe(processes.Probe());
  auto& gone = h.AddWriter("Gone");
  h.AddWriter("Other");
  processes.gone.insert(&gone);
  h.vss.InjectIdentify("tester");
  BackupDriver d(h, "r1");
  EXPECT_EQ(d.RunRange(0, BackupDriver::kRelease), hr::S_OK);
  EXPECT_TRUE(h.EventsTo("writer:Gone").empty());
  EXPECT_EQ(h.EventsTo("writer:Other").back(), "BackupComplete");
  d.Run(BackupDriver::kRelease);
  EXPECT_EQ(h.Entries(trace::EntryKind::kNote, "WRT-INIT-03").size(), 1u);  // said once
}

// Checks that a writer whose process connects again subscribes with a new instance id and
// takes part in the next backup (WRT-INIT-04).
TEST(Coordinator_WriterProcess, WRT_INIT_04_ReconnectGetsANewInstance) {
  Harness h;
  Processes processes;
  h.vss.SetWriterGoneProbe(processes.Probe());
  auto& w = h.AddWriter("Back");
  const Guid first = h.vss.Registration(w)->instance_id;
  processes.gone.insert(&w);
  EXPECT_FALSE(h.vss.CheckWriterProcess(w));
  processes.gone.clear();
  const RegisteredWriter again = h.vss.RegisterWriter(w);
  EXPECT_NE(again.instance_id, first);
  EXPECT_FALSE(h.HasFinding("WRT-INIT-03"));  // not a "Subscribe called twice"
  BackupDriver d(h, "r1");
  EXPECT_EQ(d.RunRange(0, BackupDriver::kRelease), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:Back").back(), "BackupComplete");
  d.Run(BackupDriver::kRelease);
}

}  // namespace
}  // namespace vsssim::coordinator
