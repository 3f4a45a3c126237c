// `vsssim conform --writer-plugin LIB | --writer-exec CMD [--writer-guard D] [--junit FILE]
// [--name N] [--filter F] [--warmup D] [--between-steps D]`: loads a writer
// plug-in (vsssim/conformance/writer_plugin.h), registers the writer conformance suite for its
// writer (vsssim/conformance/writer_suite.h) and runs it with GoogleTest, each check in a
// process of its own (conform_isolated.h) unless --in-process; --junit
// writes vsssim's JUnit report (vsssim/conformance/junit_report.h), the same format as the
// gtest route's --gtest_output=xml.
//
// Exit codes: 0 every check passed, 1 some check failed (a rule is broken), 2 bad input
// ("LIB: what is wrong" on stderr: missing file, not loadable, missing symbol, wrong ABI
// version; a bad --name; a --filter that selects no check; an unwritable --junit file; a
// --warmup, --between-steps or --check-timeout that is not a duration).
//
// Thread safety: runs GoogleTest in this process; call once per process.
#ifndef VSSSIM_TOOLS_VSSSIM_CONFORM_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_CONFORM_COMMAND_H_

#include <ostream>
#include <string>

namespace vsssim::tools {

struct ConformCommandOptions {
  std::string plugin;      // path of the shared library
  std::string junit_file;  // empty: no XML report
  std::string name;        // empty: from the file name ("libmy-writer.so" -> "my_writer")
  std::string filter;      // a GoogleTest filter over WriterConformance/<name>.<Check>
  // Application time (conformance::WriterSuiteOptions), as durations ("2s", "250ms"); empty:
  // the suite's defaults.
  std::string warmup;
  std::string between_steps;
  // --writer-exec: a command that runs a writer process (docs/serve.md) instead of a plug-in;
  // --writer-guard: the real-time guard per event for it, as a duration ("30s").
  std::string writer_exec;
  std::string writer_guard;
  // --in-process: run the plug-in inside this process (as before issue #23: a crash ends
  // vsssim); otherwise each check runs in a process of its own (conform_isolated.h), given
  // --check-timeout of real time (a duration, default 10 min).
  bool in_process = false;
  std::string check_timeout;
};

int RunConform(const ConformCommandOptions& options, std::ostream& err);
// `--writer-exec CMD` (conform_exec.cc): each check starts CMD afresh (a new process per
// check). Exit codes as RunConform; CMD that cannot start or say hello is bad input (2).
int RunConformExec(const ConformCommandOptions& options, std::ostream& err);

// Shared by `--writer-plugin` and `--requester-plugin`:
// whether a --name is [A-Za-z0-9_]+;
bool IsValidSuiteName(const std::string& name);
// runs the suite already registered with GoogleTest (--junit: vsssim's JUnit report, --filter)
// and gives the exit code: 0 all passed, 1 some check failed, 2 after writing why to `err` (a
// filter that selects nothing, a JUnit report that could not be written). Needs GoogleTest
// (builds with the conformance suites); elsewhere it returns 2.
int RunRegisteredSuite(const std::string& junit_file, const std::string& filter, std::ostream& err);

// The writer name used when --name is absent: the file name without directory, a leading
// "lib" and extensions, with every character outside [A-Za-z0-9_] made '_'.
std::string WriterNameFromPath(const std::string& path);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_CONFORM_COMMAND_H_
