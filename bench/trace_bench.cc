// Benchmarks for the trace: appending the entries a backup writes, and rendering/digesting a
// whole trace (docs/trace-format.md). Figures go in closing notes, never into test assertions.
#include <benchmark/benchmark.h>

#include <string>

#include "vsssim/runtime/clock.h"
#include "vsssim/trace/text.h"
#include "vsssim/trace/trace.h"

namespace vsssim::trace {
namespace {

// One writer event as the coordinator records it: event, reply, state (3 entries).
void AppendWriterEvent(Trace& trace, const std::string& writer) {
  trace.Append(EntryKind::kEvent, "vss", writer, "PrepareForSnapshot", {{"requester", "r1"}});
  trace.Append(EntryKind::kReply, writer, "vss", "PrepareForSnapshot", {{"returned", "true"}});
  trace.Append(EntryKind::kState, writer, "", "VSS_WS_WAITING_FOR_FREEZE", {{"requester", "r1"}});
}

// A trace of about the size a 3-writer backup writes (150 entries), built once per iteration;
// items = entries appended. Building the clock and the empty trace is part of the iteration.
void BM_TraceAppendBackupSized(benchmark::State& state) {
  const std::string writers[] = {"writer:W0", "writer:W1", "writer:W2"};
  constexpr int kRounds = 50;
  for (auto _ : state) {
    runtime::Clock clock;
    Trace trace(clock);
    for (int i = 0; i < kRounds; ++i) AppendWriterEvent(trace, writers[i % 3]);
    benchmark::DoNotOptimize(trace.entries().data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kRounds * 3);
}
BENCHMARK(BM_TraceAppendBackupSized);

// Rendering and digesting that trace (what every determinism check does once per run).
void BM_TraceDigest(benchmark::State& state) {
  runtime::Clock clock;
  Trace trace(clock);
  for (int i = 0; i < 50; ++i) AppendWriterEvent(trace, "writer:W" + std::to_string(i % 3));
  for (auto _ : state) {
    std::string digest = Digest(trace);
    benchmark::DoNotOptimize(digest.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(trace.size()));
}
BENCHMARK(BM_TraceDigest);

}  // namespace
}  // namespace vsssim::trace
