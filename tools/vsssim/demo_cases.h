// `vsssim demo --case NAME`: bundled scenarios that each show one thing about a VSS backup
// (fixtures/demo/NAME.xml, compiled in by embed_demo_cases.cmake; they also run as fixtures).
// RunDemoCase loads one, runs it on the simulator and prints its description, its trace (text,
// Mermaid or one HTML page) and the verdict.
//
// Thread safety: DemoCases is constant data; RunDemoCase is reentrant.
#ifndef VSSSIM_TOOLS_VSSSIM_DEMO_CASES_H_
#define VSSSIM_TOOLS_VSSSIM_DEMO_CASES_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vsssim::tools {

struct DemoCase {
  std::string_view name;  // "veto"
  std::string_view file;  // "fixtures/demo/veto.xml"
  std::string_view text;  // the scenario
};

// In the order a learner should watch them.
const std::vector<DemoCase>& DemoCases();
// The case called `name`, or nullptr after telling `err` "<command>: no case 'NAME'; the cases
// are: ...".
const DemoCase* FindDemoCase(std::string_view name, std::string_view command, std::ostream& err);

// Runs case `name` with trace format `trace` ("text", "mermaid" or "html"); `seed` overrides
// the scenario's. Exit 0 when the scenario's expectations hold, 1 when not, 2 for an unknown
// case (with the list on `err`).
int RunDemoCase(std::string_view name, const std::string& trace, std::optional<std::uint64_t> seed,
                std::ostream& out, std::ostream& err);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_DEMO_CASES_H_
