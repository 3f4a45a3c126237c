#include "tools/vsssim/demo_cases.h"

#include "tools/vsssim/run_command.h"
#include "vsssim/scenario/loader.h"

namespace vsssim::tools {
namespace {

// `text` as "# " comment lines of at most about 96 columns.
std::string Commented(std::string_view text) {
  std::string out;
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(at, end - at);
    if (!line.empty() && line.size() + 1 + word.size() > 94) {
      out += "# " + line + "\n";
      line.clear();
    }
    if (!word.empty()) line += (line.empty() ? "" : " ") + std::string(word);
    at = end + 1;
  }
  if (!line.empty()) out += "# " + line + "\n";
  return out;
}

}  // namespace

const DemoCase* FindDemoCase(std::string_view name, std::string_view command, std::ostream& err) {
  for (const DemoCase& c : DemoCases()) {
    if (c.name == name) return &c;
  }
  err << command << ": no case '" << name << "'; the cases are:";
  for (const DemoCase& c : DemoCases()) err << " " << c.name;
  err << "\n";
  return nullptr;
}

int RunDemoCase(std::string_view name, const std::string& trace, std::optional<std::uint64_t> seed,
                std::ostream& out, std::ostream& err) {
  const DemoCase* found = FindDemoCase(name, "demo", err);
  if (found == nullptr) return 2;
  scenario::LoadResult loaded = scenario::LoadScenarioText(found->text, std::string(found->file));
  if (!loaded.ok()) {  // a bundled file is checked by its fixture test; never expected here
    err << loaded.ErrorText();
    return 2;
  }
  scenario::RunOptions options;
  options.seed = seed;
  const scenario::RunResult result = scenario::RunScenario(*loaded.scenario, options);
  const std::string rendered = RenderTrace(result, trace, loaded.scenario->description);
  if (trace == "html") {
    out << rendered;  // one page: redirect it to a file and open it
    err << RenderTextReport(result);
  } else {
    out << "# vsssim demo --case " << found->name << " (" << found->file << ")\n"
        << Commented(loaded.scenario->description);
    if (trace == "mermaid") {
      out << "```mermaid\n" << rendered << "```\n";
    } else {
      out << rendered;
    }
    out << RenderTextReport(result);
  }
  return result.passed() ? 0 : 1;
}

}  // namespace vsssim::tools
