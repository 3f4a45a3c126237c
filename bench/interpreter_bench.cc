// Benchmarks for the scenario interpreter: a whole `vsssim run` of bundled fixtures (load +
// world setup with real file bytes + steps + verdict + digest), and the Mermaid / JSON Lines
// renderers over its trace. Figures go in closing notes, never into test assertions.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/loader.h"
#include "vsssim/trace/jsonl.h"
#include "vsssim/trace/mermaid.h"

namespace vsssim::scenario {
namespace {

Scenario Load(const std::string& relative) {
  LoadResult loaded = LoadScenarioFile(std::string(VSSSIM_FIXTURES_DIR) + "/" + relative);
  if (!loaded.ok()) std::abort();
  return *loaded.scenario;
}

// Run and judge a scenario already loaded; items = trace entries.
void BM_RunScenario(benchmark::State& state, const char* file) {
  const Scenario scenario = Load(file);
  std::size_t entries = 0;
  for (auto _ : state) {
    RunResult result = RunScenario(scenario);
    entries += result.trace->size();
    benchmark::DoNotOptimize(result.digest.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(entries));
}
BENCHMARK_CAPTURE(BM_RunScenario, full_backup, "bvt/full-backup.xml");
BENCHMARK_CAPTURE(BM_RunScenario, torn_write, "examples/torn-write.xml");
BENCHMARK_CAPTURE(BM_RunScenario, freeze_window_three_writers,
                  "regression/bug_14_freeze_window_exhausted.xml");

void BM_RenderMermaid(benchmark::State& state) {
  RunResult result = RunScenario(Load("bvt/full-backup.xml"));
  for (auto _ : state) benchmark::DoNotOptimize(trace::RenderMermaid(*result.trace).data());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(result.trace->size()));
}
BENCHMARK(BM_RenderMermaid);

void BM_RenderJsonLines(benchmark::State& state) {
  RunResult result = RunScenario(Load("bvt/full-backup.xml"));
  for (auto _ : state) benchmark::DoNotOptimize(trace::RenderJsonLines(*result.trace).data());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(result.trace->size()));
}
BENCHMARK(BM_RenderJsonLines);

}  // namespace
}  // namespace vsssim::scenario
