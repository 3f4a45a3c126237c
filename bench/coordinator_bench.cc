// Benchmarks for the coordinator: a full backup lifecycle (Identify -> BackupShutdown) with 1, 3
// and 10 writers, and raw event dispatch through the per-session writer state machine.
// Figures go in closing notes, never into test assertions.
#include "sim/writer/writer_machine.h"
// (writer_machine.h first: it includes msm.h, which configures Boost.)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "sim/coordinator/test_harness.h"
#include "vsssim/writer/writer_state_machine.h"

// Heap allocations are counted (this program replaces the global operator new) so the
// lifecycle benchmark can report how many a backup makes: malloc/free was a quarter of its
// cost (docs/perf-lifecycle.md).
namespace {
std::size_t g_allocations = 0;
}  // namespace

#if defined(__GNUC__) && !defined(__clang__)
// g++ pairs the std::free below with the std::malloc in operator new and warns, though both
// operators are replaced together here.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;

// One full backup of §2.2 per iteration, Identify -> BackupShutdown: CreateVssBackupComponents,
// the canonical sequence with status checks, SaveAsXML, BackupComplete and Release, for N
// writers. Building the coordinator and subscribing the writers is outside the timed region.
// Harnesses are built and freed in batches of kBatch: PauseTiming/ResumeTiming read the CPU
// clock through a system call, and per iteration that overhead was a large part of the figure.
void BM_BackupLifecycle(benchmark::State& state) {
  constexpr int kBatch = 16;
  const int writers = static_cast<int>(state.range(0));
  std::size_t entries = 0;
  std::size_t allocations = 0;
  std::int64_t lifecycles = 0;
  std::vector<std::unique_ptr<Harness>> batch;
  while (state.KeepRunningBatch(kBatch)) {
    state.PauseTiming();
    batch.clear();
    for (int b = 0; b < kBatch; ++b) {
      batch.push_back(std::make_unique<Harness>());
      for (int i = 0; i < writers; ++i) batch.back()->AddWriter("W" + std::to_string(i));
    }
    state.ResumeTiming();
    const std::size_t allocations_before = g_allocations;
    for (auto& h : batch) {
      BackupDriver d(*h, "r1");
      HResult r = d.RunAll();
      benchmark::DoNotOptimize(r);
    }
    allocations += g_allocations - allocations_before;
    lifecycles += kBatch;
    state.PauseTiming();
    entries = batch.back()->trace.size();
    batch.clear();
    state.ResumeTiming();
  }
  state.counters["trace_entries"] = static_cast<double>(entries);
  state.counters["allocations"] =
      static_cast<double>(allocations) / static_cast<double>(lifecycles == 0 ? 1 : lifecycles);
}
BENCHMARK(BM_BackupLifecycle)->Arg(1)->Arg(3)->Arg(10)->Unit(benchmark::kMicrosecond);

// The same, including building the coordinator, subscribing the writers and freeing the trace.
void BM_BackupLifecycleWithSetup(benchmark::State& state) {
  const int writers = static_cast<int>(state.range(0));
  for (auto _ : state) {
    Harness h;
    for (int i = 0; i < writers; ++i) h.AddWriter("W" + std::to_string(i));
    BackupDriver d(h, "r1");
    HResult r = d.RunAll();
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_BackupLifecycleWithSetup)->Arg(3)->Unit(benchmark::kMicrosecond);

// Raw dispatch: one event through the writer state machine's Boost.MSM back-end per iteration,
// i.e. process_event with a cheap event. PrepareForBackup in Stable is a real row of the table
// (Stable -> Stable, WRT-STATE-02), so the machine never needs a reset and the loop measures
// dispatch alone; the machine escapes and memory is clobbered, so nothing is hoisted.
void BM_WriterStateMachineDispatch(benchmark::State& state) {
  writer::machine::Machine machine;
  machine.start();
  benchmark::DoNotOptimize(&machine);
  for (auto _ : state) {
    benchmark::DoNotOptimize(machine.process_event(writer::machine::PrepareForBackup{}));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_WriterStateMachineDispatch);

// The same through the public wrapper: WriterStateMachine::Deliver (an out-of-line call, the
// vss::WriterEvent switch and the last-event bookkeeping around the same dispatch).
void BM_WriterStateMachineDeliver(benchmark::State& state) {
  writer::WriterStateMachine machine;
  for (auto _ : state) {
    benchmark::DoNotOptimize(machine.Deliver(vss::WriterEvent::kPrepareForBackup));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_WriterStateMachineDeliver);

// A writer's whole backup sequence (7 events) on a fresh machine, per iteration: includes
// creating the machine; items = events.
void BM_WriterStateMachineSequence(benchmark::State& state) {
  using E = vss::WriterEvent;
  constexpr E kSequence[] = {
      E::kPrepareForBackup, E::kPrepareForSnapshot, E::kFreeze,        E::kThaw,
      E::kPostSnapshot,     E::kBackupComplete,     E::kBackupShutdown};
  for (auto _ : state) {
    writer::WriterStateMachine machine;
    for (E e : kSequence) benchmark::DoNotOptimize(machine.Deliver(e));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(std::size(kSequence)));
}
BENCHMARK(BM_WriterStateMachineSequence);

// The same dispatch without resets: Abort on an aborted machine (WRT-ABORT-02, idempotent),
// i.e. the cost of one MSM dispatch plus the wrapper.
void BM_WriterStateMachineIdempotentAbort(benchmark::State& state) {
  writer::WriterStateMachine machine;
  machine.Deliver(vss::WriterEvent::kAbort);
  for (auto _ : state) benchmark::DoNotOptimize(machine.Deliver(vss::WriterEvent::kAbort));
}
BENCHMARK(BM_WriterStateMachineIdempotentAbort);

// Reading the reported state (what GetWriterStatus does per writer).
void BM_WriterStateMachineState(benchmark::State& state) {
  writer::WriterStateMachine machine;
  machine.Deliver(vss::WriterEvent::kPrepareForSnapshot);
  for (auto _ : state) benchmark::DoNotOptimize(machine.state());
}
BENCHMARK(BM_WriterStateMachineState);

}  // namespace
}  // namespace vsssim::coordinator
