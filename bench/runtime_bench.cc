// Costs of the deterministic runtime that every simulated event pays: scheduling and firing
// timers, drawing random numbers, appending to the trace, and name <-> value conversion.
#include <benchmark/benchmark.h>

#include "vsssim/runtime/clock.h"
#include "vsssim/runtime/random.h"
#include "vsssim/trace/text.h"
#include "vsssim/trace/trace.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/hresult.h"

namespace {

using namespace vsssim;

void BM_ClockScheduleAndFire(benchmark::State& state) {
  runtime::Clock clock;
  int fired = 0;
  for (auto _ : state) {
    clock.ScheduleAfter(std::chrono::milliseconds(1), [&fired] { ++fired; });
    clock.FireNext();
  }
  benchmark::DoNotOptimize(fired);
}
BENCHMARK(BM_ClockScheduleAndFire);

void BM_ClockScheduleAndCancel(benchmark::State& state) {
  runtime::Clock clock;
  for (auto _ : state) {
    runtime::TimerId id = clock.ScheduleAfter(std::chrono::seconds(60), [] {});
    benchmark::DoNotOptimize(clock.Cancel(id));
  }
}
BENCHMARK(BM_ClockScheduleAndCancel);

void BM_RandomNext(benchmark::State& state) {
  runtime::Random random(1);
  for (auto _ : state) benchmark::DoNotOptimize(random.Next());
}
BENCHMARK(BM_RandomNext);

void BM_TraceAppend(benchmark::State& state) {
  runtime::Clock clock;
  trace::Trace trace(clock);
  for (auto _ : state) {
    trace.Append(trace::EntryKind::kEvent, "vss", "writer:W", "Freeze");
  }
  benchmark::DoNotOptimize(trace.size());
}
BENCHMARK(BM_TraceAppend);

void BM_ParseHResultByName(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ParseHResult("VSS_E_WRITERERROR_TIMEOUT"));
}
BENCHMARK(BM_ParseHResultByName);

void BM_WriterStateName(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(vss::NameOf(vss::WriterState::VSS_WS_FAILED_AT_BACKUPSHUTDOWN));
  }
}
BENCHMARK(BM_WriterStateName);

}  // namespace
