// `vsssim run FILE...`: load, run and judge scenario files (sim/include/vsssim/scenario/
// interpreter.h), print a readable report (or --json), optionally write the trace of each
// run (--trace text|jsonl|mermaid, to --out DIR or stdout) and a JUnit XML report.
// --engine=windows-vss runs the requester steps on the machine's real VSS service instead
// (docs/windows.md); elsewhere it is refused with exit code 2.
// Exit codes: 0 every file passed, 1 any failed, 2 any file was bad input (file:line: message).
#ifndef VSSSIM_TOOLS_VSSSIM_RUN_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_RUN_COMMAND_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "vsssim/scenario/interpreter.h"

namespace vsssim::tools {

struct RunCommandOptions {
  std::vector<std::string> files;
  std::string trace_format;  // "", "text", "jsonl", "mermaid"
  std::string out_dir;       // empty: traces go to stdout
  std::optional<std::uint64_t> seed;
  std::optional<coordinator::WindowsProfile> windows;        // --windows: overrides windows=
  std::vector<std::pair<std::string, std::string>> choices;  // --choice NAME=VALUE
  bool json = false;
  std::string junit_file;
  std::string engine = "sim";  // "sim" or "windows-vss" (real VSS; Windows builds only)
  std::string writer_guard;    // --writer-guard: a duration; empty: RunOptions' default
};

int RunScenarios(const RunCommandOptions& options, std::ostream& out, std::ostream& err);

// Report pieces, shared with the JUnit writer (run_report.cc).
std::string ReproduceCommand(const scenario::RunResult& result);
std::string RenderTextReport(const scenario::RunResult& result);
// `format`: text, jsonl, mermaid or html (one self-contained page, trace/html.h, titled with the
// scenario's name and `description`).
std::string RenderTrace(const scenario::RunResult& result, const std::string& format,
                        const std::string& description = "");

// One file's outcome, for the summary writers.
struct FileOutcome {
  std::string file;
  std::optional<scenario::RunResult> result;  // absent: bad input
  std::string errors;                         // bad input: "file:line: message" lines
};
std::string RenderJsonReport(const std::vector<FileOutcome>& outcomes);
std::string RenderJunitReport(const std::vector<FileOutcome>& outcomes);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_RUN_COMMAND_H_
