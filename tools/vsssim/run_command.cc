#include "tools/vsssim/run_command.h"

#include <chrono>
#include <fstream>
#include <optional>

#include "vsssim/platform/real_vss.h"
#include "vsssim/runtime/time.h"
#include "vsssim/scenario/loader.h"
#include "vsssim/trace/html.h"
#include "vsssim/trace/jsonl.h"
#include "vsssim/trace/mermaid.h"
#include "vsssim/trace/text.h"

namespace vsssim::tools {
namespace {

std::string Extension(const std::string& format) {
  if (format == "jsonl") return ".jsonl";
  if (format == "mermaid") return ".mmd";
  if (format == "html") return ".html";
  return ".trace.txt";
}

bool WriteFile(const std::string& path, const std::string& text, std::ostream& err) {
  std::ofstream file(path, std::ios::binary);
  file << text;
  file.close();  // a full disk (/dev/full) shows only when the buffer is written out
  if (!file) {
    err << path << ": cannot write\n";
    return false;
  }
  return true;
}

}  // namespace

std::string RenderTrace(const scenario::RunResult& result, const std::string& format,
                        const std::string& description) {
  if (format == "jsonl") return trace::RenderJsonLines(*result.trace);
  if (format == "html") {
    trace::HtmlPage page;
    page.title = result.scenario_name;
    page.description = description;
    page.summary = std::string(result.passed() ? "PASS" : "FAIL") + "  " + result.file + "  seed " +
                   std::to_string(result.seed) + "  digest " + result.digest;
    for (const scenario::ExpectationFailure& f : result.failures) {
      page.verdict.push_back(f.where.ToString() + ": " + f.what + ": expected " + f.expected +
                             ", actual " + f.actual);
    }
    return trace::RenderHtml(*result.trace, page);
  }
  if (format == "mermaid") return trace::RenderMermaid(*result.trace);
  return trace::RenderText(*result.trace);
}

int RunScenarios(const RunCommandOptions& options, std::ostream& out, std::ostream& err) {
  scenario::ExternalEngine real_vss{"windows-vss", &platform::CreateRealVssRequester};
  const scenario::ExternalEngine* engine = nullptr;
  if (options.engine == "windows-vss") {
    if (!platform::RealVssAvailable()) {
      err << "--engine=windows-vss: real VSS exists only in Windows builds of vsssim "
             "(docs/windows.md)\n";
      return 2;
    }
    engine = &real_vss;
  }
  std::optional<std::chrono::milliseconds> writer_guard;
  if (!options.writer_guard.empty()) {
    std::optional<runtime::Duration> d = runtime::ParseDuration(options.writer_guard);
    if (!d || d->count() <= 0) {
      err << "--writer-guard " << options.writer_guard
          << ": not a positive duration (e.g. '30s', '500ms')\n";
      return 2;
    }
    writer_guard = std::chrono::duration_cast<std::chrono::milliseconds>(*d);
  }
  std::vector<FileOutcome> outcomes;
  bool bad_input = false;
  bool failed = false;
  bool io_error = false;
  for (const std::string& file : options.files) {
    FileOutcome outcome;
    outcome.file = file;
    scenario::LoadResult loaded = scenario::LoadScenarioFile(file);
    if (!loaded.ok()) {
      outcome.errors = loaded.ErrorText();
      err << outcome.errors;
      if (!outcome.errors.empty() && outcome.errors.back() != '\n') err << '\n';
      bad_input = true;
      outcomes.push_back(std::move(outcome));
      continue;
    }
    scenario::RunOptions run_options;
    run_options.seed = options.seed;
    run_options.windows = options.windows;
    run_options.choices = options.choices;
    run_options.engine = engine;
    if (writer_guard) run_options.writer_guard = *writer_guard;
    outcome.result = scenario::RunScenario(*loaded.scenario, run_options);
    const scenario::RunResult& result = *outcome.result;
    failed = failed || !result.passed();
    if (!options.json) out << RenderTextReport(result);
    if (!options.trace_format.empty()) {
      std::string trace = RenderTrace(result, options.trace_format, loaded.scenario->description);
      if (!options.out_dir.empty()) {
        io_error |= !WriteFile(
            options.out_dir + "/" + result.scenario_name + Extension(options.trace_format), trace,
            err);
      } else if (!options.json) {
        if (options.trace_format == "mermaid") {
          out << "```mermaid\n" << trace << "```\n";
        } else {
          out << trace;
        }
      }
    }
    outcomes.push_back(std::move(outcome));
  }
  if (options.json) out << RenderJsonReport(outcomes);
  if (!options.junit_file.empty()) {
    io_error |= !WriteFile(options.junit_file, RenderJunitReport(outcomes), err);
  }
  if (!options.json) {
    std::size_t passed = 0;
    std::size_t bad = 0;
    for (const FileOutcome& o : outcomes) {
      if (!o.result) {
        ++bad;
      } else if (o.result->passed()) {
        ++passed;
      }
    }
    out << "# " << passed << " passed, " << (outcomes.size() - passed - bad) << " failed, " << bad
        << " bad input\n";
  }
  if (bad_input || io_error) return 2;
  return failed ? 1 : 0;
}

}  // namespace vsssim::tools
