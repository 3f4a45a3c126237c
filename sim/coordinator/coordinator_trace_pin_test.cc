// Pins the trace of fixed lifecycles to the digests the simulator produced before the
// performance work of the coordinator issue (bench/coordinator_bench.cc): any optimisation of
// the trace, the coordinator or the writer state machine must leave traces byte-identical
// (SIM-DET-01; the rendering and digest are the contract of docs/trace-format.md).
//
// If a deliberate behaviour change moves one of these digests, re-pin it in the same change and
// say why in its description; never re-pin to make an optimisation pass.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "sim/coordinator/test_harness.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;
using vss::WriterEvent;

// VSSSIM_PRINT_TRACE=1 prints the traces, to diff them when a pin breaks.
void MaybePrint(const trace::Trace& t) {
  if (std::getenv("VSSSIM_PRINT_TRACE") != nullptr)
    std::fputs(trace::RenderText(t).c_str(), stdout);
}

// The lifecycle bench/coordinator_bench.cc times: writers W0..W(n-1), all FRONT_END.
std::string RunBenchLifecycle(int writers, std::size_t* entries) {
  Harness h;
  for (int i = 0; i < writers; ++i) h.AddWriter("W" + std::to_string(i));
  BackupDriver d(h, "r1");
  EXPECT_EQ(d.RunAll(), hr::S_OK);
  *entries = h.trace.size();
  MaybePrint(h.trace);
  return trace::Digest(h.trace);
}

// Checks that the 3-writer benchmark lifecycle still produces the pinned trace (SIM-DET-01).
TEST(Coordinator_TracePin, SIM_DET_01_ThreeWriterLifecycleDigest) {
  std::size_t entries = 0;
  EXPECT_EQ(RunBenchLifecycle(3, &entries), "a2f33c92e9ba238b");
  EXPECT_EQ(entries, 148u);
}

// Checks that the 1- and 10-writer benchmark lifecycles still produce their pinned traces.
TEST(Coordinator_TracePin, SIM_DET_01_OneAndTenWriterLifecycleDigests) {
  std::size_t entries = 0;
  EXPECT_EQ(RunBenchLifecycle(1, &entries), "c55ee6db219c7534");
  EXPECT_EQ(RunBenchLifecycle(10, &entries), "93e6d24e0bc8d2b1");
}

// Runs DoSnapshotSet to its failure, then status, AbortBackup and Release; returns the digest.
std::string RunFailingSnapshot(Harness& h) {
  BackupDriver d(h, "r1");
  EXPECT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_NE(d.Run(BackupDriver::kDoSnapshotSet), hr::S_OK);
  AsyncPtr async;
  EXPECT_EQ(d.requester().GatherWriterStatus(&async), hr::S_OK);
  async->Wait();
  EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);
  EXPECT_EQ(d.requester().Release(), hr::S_OK);
  MaybePrint(h.trace);
  return trace::Digest(h.trace);
}

// Checks that the timeout and exception paths keep their trace: a writer outliving its freeze
// window and one throwing in OnAbort (WRT-TIME-01, WRT-RET-02, WRT-STATE-09/13, WRT-ABORT-01).
// Re-pinned by "Fidelity round 2" (time that flows like VSS's): Slow's Freeze reply is traced
// at 70 s, when its handler returns, not at 0 s; the Abort reaches Slow after that reply
// (Choices::serialise_events_per_writer) and the later levels after Slow's, at 70 s.
TEST(Coordinator_TracePin, SIM_DET_01_TimeoutAndThrowDigest) {
  Harness h;
  auto& slow = h.AddWriter("Slow");
  h.AddWriter("Other", vss::ApplicationLevel::VSS_APP_BACK_END);
  auto& thrower = h.AddWriter("Thrower", vss::ApplicationLevel::VSS_APP_SYSTEM);
  writer::ScriptedWriter::Behavior sleep;
  sleep.delay = std::chrono::seconds(70);
  slow.On(WriterEvent::kFreeze, sleep);
  writer::ScriptedWriter::Behavior boom;
  boom.throws = true;
  thrower.On(WriterEvent::kAbort, boom);
  EXPECT_EQ(RunFailingSnapshot(h), "eb48e1d58bd66a3c");
}

// Checks that the veto path keeps its trace: a Freeze vetoed with a failure code, the others
// aborted (WRT-RET-01, WRT-STATE-04/13, WRT-ABORT-01 (a), WRT-SEQ-09).
TEST(Coordinator_TracePin, SIM_DET_01_FreezeVetoDigest) {
  Harness h;
  auto& veto = h.AddWriter("Veto");
  h.AddWriter("Back", vss::ApplicationLevel::VSS_APP_BACK_END);
  writer::ScriptedWriter::Behavior fail;
  fail.returns = false;
  fail.failure = hr::VSS_E_WRITERERROR_RETRYABLE;
  veto.On(WriterEvent::kFreeze, fail);
  EXPECT_EQ(RunFailingSnapshot(h), "ae32ef3b9673795b");
}

}  // namespace
}  // namespace vsssim::coordinator
