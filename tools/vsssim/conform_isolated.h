// RunIsolatedSuite: `vsssim conform` on a plug-in with every check in a process of its own
// (issue #23 item 5). A plug-in runs inside the process that loads it, so one that aborts,
// segfaults, overflows its stack, calls exit() or loops forever would end or hang vsssim and
// lose the report. Instead this vsssim supervises: it starts itself once to list the checks
// the filter selects (which also loads and validates the plug-in: its exit-2 message is
// passed on), then once per check (`--in-process --filter CHECK`), each child printing only
// that check's lines (check_printer.h) and writing its own JUnit report. A child that ends
// without finishing its check (a signal, an exit code other than 0 or 1, or no report), or
// that runs longer than the check timeout of real time (then it is killed), is a failed
// check with the suite's rule and what happened; the merged report (junit_merge.h) still has
// every check. Verdicts of well-behaved plug-ins are those of the in-process run.
//
// POSIX only (remote::ChildProcess); the Windows build runs plug-ins in-process.
// Thread safety: none; call once per process.
#ifndef VSSSIM_TOOLS_VSSSIM_CONFORM_ISOLATED_H_
#define VSSSIM_TOOLS_VSSSIM_CONFORM_ISOLATED_H_

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

namespace vsssim::tools {

// The environment variable that makes a `vsssim conform --in-process` run a supervised child:
// "list" (print the selected checks, GoogleTest's --gtest_list_tests) or "check" (print with
// the CheckPrinter).
inline constexpr const char* kConformChildVariable = "VSSSIM_CONFORM_CHILD";

struct IsolatedSuite {
  // The `vsssim conform` arguments every child gets: the plug-in and the shared options,
  // without --filter and --junit (each child gets its own).
  std::vector<std::string> child_args;
  std::string filter;      // the user's --filter; empty: every check
  std::string junit_file;  // empty: no report
  std::chrono::milliseconds check_timeout{std::chrono::minutes(10)};
  // What a check whose process ends or hangs breaks, for the report: the rule, the
  // expectation ("expected <this>, actual <what happened>"), the property naming the plug-in
  // ("writer" / "requester") and the JUnit class name (the plug-in's suite name).
  std::string rule;
  std::string expected;
  std::string role;
  std::string class_name;
};

// The suite of a plug-in route: `route` ("--writer-plugin", "--requester-plugin") and
// `plugin` start every child's arguments, then --name when given; the filter, the report and
// the class name (--name, else from the file name) are set, and `check_timeout` (a duration
// text, empty: the default) is read. False (and `err` says why) when it is not a duration.
// The caller adds the route's own arguments and the rule of a lost check.
bool PrepareIsolatedSuite(const std::string& route, const std::string& plugin,
                          const std::string& name, const std::string& filter,
                          const std::string& junit_file, const std::string& check_timeout,
                          IsolatedSuite* suite, std::ostream& err);

// Runs the suite; the exit code of `vsssim conform`: 0 every check passed, 1 some check
// failed (a crash or hang included), 2 bad input (said on `err`).
int RunIsolatedSuite(const IsolatedSuite& suite, std::ostream& out, std::ostream& err);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_CONFORM_ISOLATED_H_
