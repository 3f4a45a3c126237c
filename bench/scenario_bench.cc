// Loading scenario files: the issue's example (XML and its JSON twin) and a long generated
// scenario (many writers and steps), parsed, validated and cross-referenced. Figures go in
// closing notes; nothing here is asserted.
#include <fstream>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "vsssim/scenario/loader.h"

namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(VSSSIM_FIXTURES_DIR) + "/examples/" + name);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void Load(benchmark::State& state, const std::string& text, const std::string& name) {
  for (auto _ : state) {
    auto result = vsssim::scenario::LoadScenarioText(text, name);
    if (!result.ok()) state.SkipWithError(result.ErrorText().c_str());
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_LoadIssueExampleXml(benchmark::State& state) {
  Load(state, ReadFixture("identify-during-freeze.xml"), "identify-during-freeze.xml");
}
BENCHMARK(BM_LoadIssueExampleXml);

void BM_LoadIssueExampleJson(benchmark::State& state) {
  Load(state, ReadFixture("identify-during-freeze.json"), "identify-during-freeze.json");
}
BENCHMARK(BM_LoadIssueExampleJson);

// `writers` writers with one component each, and 10 steps per writer.
void BM_LoadGeneratedXml(benchmark::State& state) {
  std::string text = "<scenario name=\"big\"><volume name=\"C:\" size=\"1GiB\"/>";
  std::string steps;
  for (int i = 0; i < state.range(0); ++i) {
    std::string w = "W" + std::to_string(i);
    text += "<writer name=\"" + w +
            "\"><component name=\"c\" type=\"filegroup\">"
            "<files path=\"C:\\" +
            w +
            "\" filespec=\"*\"/></component>"
            "<on event=\"Freeze\" delay=\"1s\"/></writer>";
    for (int k = 0; k < 10; ++k) {
      steps += "<call method=\"AddComponent\" writer=\"" + w + "\" component=\"c\"/>";
    }
  }
  text += "<requester>" + steps + "</requester></scenario>";
  Load(state, text, "big.xml");
}
BENCHMARK(BM_LoadGeneratedXml)->Arg(10)->Arg(100)->ArgName("writers");

}  // namespace
