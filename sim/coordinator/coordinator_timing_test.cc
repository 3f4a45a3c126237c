// Tests of event timing on the virtual clock (session_events.cc) and the choices that shape
// it: parallel_delivery, serialise_events_per_writer, freeze_window_until_thaw_returns.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "sim/coordinator/test_harness.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;
using vss::WriterEvent;
using Behavior = writer::ScriptedWriter::Behavior;

Behavior Spend(int seconds) {
  Behavior b;
  b.delay = std::chrono::seconds(seconds);
  return b;
}

// The virtual time (in whole seconds) of the n-th entry of `kind` named `name` between `vss`
// and `writer_actor`; -1 when there is none.
long long At(const Harness& h, trace::EntryKind kind, std::string_view writer_actor,
             std::string_view name, int nth = 0) {
  for (const trace::Entry& e : h.trace.entries()) {
    const bool mine = e.to == writer_actor || e.from == writer_actor;
    if (e.kind == kind && mine && e.name == name && nth-- == 0) {
      return std::chrono::duration_cast<std::chrono::seconds>(e.time.since_start).count();
    }
  }
  return -1;
}

// Checks that with parallel_delivery off the writers of one event get it one after another,
// each after the previous handler returned.
TEST(Coordinator_Timing, SequentialDeliveryWhenParallelIsOff) {
  Choices choices;
  choices.parallel_delivery = false;
  Harness h(choices);
  h.AddWriter("A").On(WriterEvent::kPrepareForBackup, Spend(5));
  h.AddWriter("B").On(WriterEvent::kPrepareForBackup, Spend(3));
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_EQ(At(h, trace::EntryKind::kEvent, "writer:B", "PrepareForBackup"), 5);
  EXPECT_EQ(At(h, trace::EntryKind::kReply, "writer:B", "PrepareForBackup"), 8);
}

// Checks the default: both writers get PrepareForBackup at 0 s, and the operation ends with the
// slowest handler.
TEST(Coordinator_Timing, ParallelDeliveryByDefault) {
  Harness h;
  h.AddWriter("A").On(WriterEvent::kPrepareForBackup, Spend(5));
  h.AddWriter("B").On(WriterEvent::kPrepareForBackup, Spend(3));
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_EQ(At(h, trace::EntryKind::kEvent, "writer:B", "PrepareForBackup"), 0);
  EXPECT_EQ(At(h, trace::EntryKind::kReply, "writer:B", "PrepareForBackup"), 3);
  EXPECT_EQ(At(h, trace::EntryKind::kReply, "writer:A", "PrepareForBackup"), 5);
  EXPECT_EQ(At(h, trace::EntryKind::kEvent, "writer:B", "PrepareForSnapshot"), 5);
}

// Checks that an injected Identify waits for the handler the writer is inside (5 s OnFreeze)
// and that its reply is traced when OnIdentify returns (WRT-IDENTIFY-01).
TEST(Coordinator_Timing, InjectedIdentifyWaitsForTheRunningHandler) {
  Harness h;
  auto& a = h.AddWriter("A");
  a.On(WriterEvent::kFreeze, Spend(5));
  a.On(WriterEvent::kIdentify, Spend(1));
  bool injected = false;
  h.vss.SetBeforeEventHook([&](std::string_view, std::string_view, WriterEvent e) {
    if (e == WriterEvent::kFreeze && !injected) {
      injected = true;
      h.clock.ScheduleAfter(std::chrono::seconds(2), [&] { h.vss.InjectIdentify("tool:x"); });
    }
  });
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  // Identify #0 is the session's (1 s: Freeze comes at 1 s, returns at 6 s); #1 the injected
  // one, asked for at 3 s.
  const long long frozen = At(h, trace::EntryKind::kReply, "writer:A", "Freeze");
  EXPECT_EQ(frozen, 6);
  EXPECT_EQ(At(h, trace::EntryKind::kEvent, "writer:A", "Identify", 1), frozen);
  EXPECT_EQ(At(h, trace::EntryKind::kReply, "writer:A", "Identify", 1), frozen + 1);
  EXPECT_EQ(At(h, trace::EntryKind::kEvent, "writer:A", "Thaw"), frozen + 1)
      << "Thaw waits for the injected Identify's handler";
}

// Checks that with serialise_events_per_writer off an Abort reaches a writer while it is still
// inside OnFreeze.
TEST(Coordinator_Timing, AbortDuringHandlerWhenSerialisationIsOff) {
  Choices choices;
  choices.serialise_events_per_writer = false;
  Harness h(choices);
  h.AddWriter("A").On(WriterEvent::kFreeze, Spend(70));
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_NE(d.Run(BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(At(h, trace::EntryKind::kEvent, "writer:A", "Abort"), 60);
  EXPECT_EQ(At(h, trace::EntryKind::kReply, "writer:A", "Freeze"), -1) << "still inside OnFreeze";
  h.vss.FinishRunningHandlers();
  EXPECT_EQ(At(h, trace::EntryKind::kReply, "writer:A", "Freeze"), 70);
}

// Checks that with freeze_window_until_thaw_returns off a slow Thaw no longer times out.
TEST(Coordinator_Timing, WindowEndsAtThawDeliveryWhenChosen) {
  Choices choices;
  choices.freeze_window_until_thaw_returns = false;
  Harness h(choices);
  h.AddWriter("A").On(WriterEvent::kThaw, Spend(70));
  BackupDriver d(h, "r1");
  EXPECT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_FALSE(h.HasFinding("WRT-TIME-01"));
  EXPECT_TRUE(h.Entries(trace::EntryKind::kNote, "WRT-TIME-01").empty());
}

}  // namespace
}  // namespace vsssim::coordinator
