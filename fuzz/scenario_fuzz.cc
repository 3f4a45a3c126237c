// libFuzzer harness: the scenario loader (XML with -DVSSSIM_FUZZ_JSON=0, JSON with 1) on any
// bytes, from memory only (<include> and bcd-file= read nothing). A load either succeeds or
// gives located errors; every message it produces must itself be valid text (it reaches
// `run --json` and --junit), and nothing may crash, hang or exhaust memory (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "vsssim/scenario/loader.h"
#include "vsssim/vss/text.h"

#ifndef VSSSIM_FUZZ_JSON
#define VSSSIM_FUZZ_JSON 0
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vsssim::scenario;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  LoadOptions options;
  options.read_file = [](const std::string&) -> std::optional<std::string> {
    return std::nullopt;  // no file system: an <include> is an error like any other
  };
  const Format format = VSSSIM_FUZZ_JSON ? Format::kJson : Format::kXml;
  LoadResult r =
      LoadScenarioText(text, VSSSIM_FUZZ_JSON ? "fuzz.json" : "fuzz.xml", format, options);
  if (r.ok() == !r.errors.empty()) std::abort();  // a result is a scenario or errors
  for (const Diagnostic& d : r.errors) {
    const std::string line = d.ToString();
    if (line.empty() || !vsssim::vss::IsValidUtf8(line)) std::abort();
  }
  return 0;
}
