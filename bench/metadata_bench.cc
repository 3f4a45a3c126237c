// Parsing and saving Writer Metadata Documents the size Windows produces: a System Writer
// document is about 2 MB with ~19,000 file entries (../shared/realworld/README.md). Target:
// parse + build the model in <= 20 ms (issue "Metadata"); figures go in closing notes.
#include <benchmark/benchmark.h>
#include <tinyxml2.h>

#include "sim/metadata/testing/sample_documents.h"
#include "vsssim/metadata/xml_codec.h"

namespace {

using vsssim::metadata::ReadBackupComponentsXml;
using vsssim::metadata::ReadWriterMetadataXml;
using vsssim::metadata::ToUtf16LE;
using vsssim::metadata::WriteWriterMetadataXml;

void BM_ParseSystemWriterWmd(benchmark::State& state) {
  const std::string doc = vsssim::metadata::testing::SystemWriterLikeWmd(19000, state.range(0));
  for (auto _ : state) {
    auto result = ReadWriterMetadataXml(doc);
    if (!result.ok()) state.SkipWithError("document did not parse");
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
  state.counters["bytes"] = static_cast<double>(doc.size());
}
BENCHMARK(BM_ParseSystemWriterWmd)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("one_line")
    ->Unit(benchmark::kMillisecond);

// Baseline: tinyxml2 alone on the same bytes (no validation, no model). The difference to
// BM_ParseSystemWriterWmd is what our reader costs.
void BM_TinyXml2OnlySystemWriterWmd(benchmark::State& state) {
  const std::string doc = vsssim::metadata::testing::SystemWriterLikeWmd(19000);
  for (auto _ : state) {
    tinyxml2::XMLDocument xml;
    xml.Parse(doc.data(), doc.size());
    benchmark::DoNotOptimize(xml.RootElement());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(BM_TinyXml2OnlySystemWriterWmd)->Unit(benchmark::kMillisecond);

void BM_ParseSystemWriterWmdUtf16(benchmark::State& state) {
  const std::string doc = ToUtf16LE(vsssim::metadata::testing::SystemWriterLikeWmd(19000));
  for (auto _ : state) {
    auto result = ReadWriterMetadataXml(doc);
    if (!result.ok()) state.SkipWithError("document did not parse");
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(BM_ParseSystemWriterWmdUtf16)->Unit(benchmark::kMillisecond);

void BM_SaveSystemWriterWmd(benchmark::State& state) {
  auto model = ReadWriterMetadataXml(vsssim::metadata::testing::SystemWriterLikeWmd(19000));
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string xml = WriteWriterMetadataXml(*model.document);
    bytes = xml.size();
    benchmark::DoNotOptimize(xml);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_SaveSystemWriterWmd)->Unit(benchmark::kMillisecond);

void BM_ParseSqlServerBcd(benchmark::State& state) {
  const std::string doc = vsssim::metadata::testing::SqlServerLikeBcd(50);
  for (auto _ : state) {
    auto result = ReadBackupComponentsXml(doc);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_ParseSqlServerBcd)->Unit(benchmark::kMicrosecond);

}  // namespace
