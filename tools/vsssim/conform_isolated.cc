#include "tools/vsssim/conform_isolated.h"

#include <optional>

#include "tools/vsssim/conform_command.h"
#include "vsssim/runtime/time.h"

#if !defined(_WIN32)
#include <tinyxml2.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <system_error>

#include "tools/vsssim/junit_merge.h"
#include "vsssim/remote/child_process.h"
#endif

namespace vsssim::tools {

bool PrepareIsolatedSuite(const std::string& route, const std::string& plugin,
                          const std::string& name, const std::string& filter,
                          const std::string& junit_file, const std::string& check_timeout,
                          IsolatedSuite* suite, std::ostream& err) {
  if (!check_timeout.empty()) {
    std::optional<runtime::Duration> d = runtime::ParseDuration(check_timeout);
    if (!d || d->count() <= 0) {
      err << "--check-timeout " << check_timeout
          << ": not a positive duration (e.g. '10m', '30s')\n";
      return false;
    }
    suite->check_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(*d);
  }
  suite->child_args = {"conform", route, plugin};
  if (!name.empty()) suite->child_args.insert(suite->child_args.end(), {"--name", name});
  suite->filter = filter;
  suite->junit_file = junit_file;
  suite->class_name = name.empty() ? WriterNameFromPath(plugin) : name;
  return true;
}

#if defined(_WIN32)
int RunIsolatedSuite(const IsolatedSuite&, std::ostream&, std::ostream& err) {
  err << "conform: this vsssim was built for Windows, which runs plug-ins in-process only "
         "(--in-process)\n";
  return 2;
}
#else
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;  // wall-clock-ok: supervising real processes

std::string ShellQuote(const std::string& word) {
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string Command(const fs::path& self, const std::vector<std::string>& args) {
  std::string command = ShellQuote(self.string());
  for (const std::string& arg : args) command += " " + ShellQuote(arg);
  return command;
}

std::string ReadAll(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// How a child ended, in words: "killed by signal 11 (Segmentation fault)", "exit 0".
std::string Ended(const remote::ChildExit& exit) {
  std::string text = exit.Describe();
  if (exit.signalled) text += std::string(" (") + strsignal(exit.code) + ")";
  return text;
}

// GoogleTest's --gtest_list_tests output: "Suite.\n  Test\n" (each maybe "  # GetParam()").
std::vector<std::string> ParseList(const std::string& text) {
  std::vector<std::string> names;
  std::string suite;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t comment = line.find("  #");
    if (comment != std::string::npos) line.erase(comment);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    if (line.rfind("  ", 0) == 0) {
      if (!suite.empty()) names.push_back(suite + line.substr(2));
    } else if (line.back() == '.') {
      suite = line;
    } else {
      suite.clear();  // not part of the list
    }
  }
  return names;
}

// Whether a check's report says every test case in it was skipped.
bool AllSkipped(const fs::path& report) {
  tinyxml2::XMLDocument doc;
  if (doc.LoadFile(report.string().c_str()) != tinyxml2::XML_SUCCESS) return false;
  const tinyxml2::XMLElement* root = doc.FirstChildElement("testsuites");
  return root != nullptr && root->Int64Attribute("tests") > 0 &&
         root->Int64Attribute("skipped") == root->Int64Attribute("tests");
}

class TempDir {
 public:
  TempDir() {
    std::error_code ec;
    path_ = fs::temp_directory_path(ec) /
            ("vsssim-conform-" + std::to_string(static_cast<long>(::getpid())));
    fs::remove_all(path_, ec);
    fs::create_directories(path_, ec);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs `child` to its end or the timeout; nullopt when it had to be killed.
std::optional<remote::ChildExit> RunChild(const remote::ChildOptions& options,
                                          std::chrono::milliseconds timeout, std::string* error) {
  std::unique_ptr<remote::ChildProcess> child = remote::ChildProcess::Start(options, error);
  if (child == nullptr) return std::nullopt;
  if (!child->Wait(timeout)) {
    child->KillAndReap();
    return std::nullopt;
  }
  return child->exit();
}

}  // namespace

int RunIsolatedSuite(const IsolatedSuite& suite, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    err << "conform: cannot find vsssim's own executable to run each check in a process of "
           "its own ("
        << ec.message() << "); use --in-process\n";
    return 2;
  }
  const TempDir temp;
  // 1. The checks the filter selects: a child loads the plug-in and lists them. Its exit 2
  // (a bad plug-in, a filter that selects nothing) is passed on as it is.
  std::vector<std::string> list_args = suite.child_args;
  list_args.push_back("--in-process");
  if (!suite.filter.empty()) {
    list_args.push_back("--filter");
    list_args.push_back(suite.filter);
  }
  remote::ChildOptions list;
  list.command = Command(self, list_args);
  list.env.emplace_back(kConformChildVariable, "list");
  list.output_file = (temp.path() / "list.txt").string();
  std::string error;
  std::optional<remote::ChildExit> listed = RunChild(list, suite.check_timeout, &error);
  const std::string list_output = ReadAll(list.output_file);
  if (!listed || listed->signalled || listed->code != 0) {
    if (listed && !listed->signalled && listed->code == 2) {
      err << list_output;  // the child's "what is wrong"
      return 2;
    }
    err << list_output << "conform: no check could run: the process that loads the plug-in "
        << (!error.empty() ? "could not start: " + error
            : listed       ? "ended (" + Ended(*listed) + ")"
                           : "did not end within the check timeout")
        << "\n";
    return 2;
  }
  const std::vector<std::string> checks = ParseList(list_output);
  if (checks.empty()) {
    err << "conform: the plug-in's suite lists no checks\n" << list_output;
    return 2;
  }

  // 2. Each check in a child of its own.
  std::vector<JUnitPiece> pieces;
  std::vector<std::string> failed;
  std::size_t passed = 0;
  std::size_t skipped = 0;
  for (std::size_t i = 0; i < checks.size(); ++i) {
    const std::string& check = checks[i];
    const fs::path report = temp.path() / ("check-" + std::to_string(i) + ".xml");
    std::vector<std::string> args = suite.child_args;
    args.insert(args.end(), {"--in-process", "--filter", check, "--junit", report.string()});
    remote::ChildOptions options;
    options.command = Command(self, args);
    options.env.emplace_back(kConformChildVariable, "check");
    options.keep_stdout = true;
    out.flush();
    const Clock::time_point start = Clock::now();  // wall-clock-ok: the child's real time
    error.clear();
    std::optional<remote::ChildExit> ended = RunChild(options, suite.check_timeout, &error);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const bool reported = fs::exists(report, ec);
    if (ended && !ended->signalled && (ended->code == 0 || ended->code == 1) && reported) {
      pieces.push_back({report.string(), {}});
      if (ended->code == 1) {
        failed.push_back(check);
      } else if (AllSkipped(report)) {
        ++skipped;
      } else {
        ++passed;
      }
      continue;
    }
    // The check did not finish: the plug-in ended or hung the process that ran it.
    std::string what;
    if (!error.empty()) {
      what = "the process for the check could not start: " + error;
    } else if (!ended) {
      what = "the check ran longer than the check timeout (" +
             std::to_string(suite.check_timeout.count()) +
             " ms of real time) and its process was killed";
    } else {
      what =
          "the process running the check ended (" + Ended(*ended) + ") before the check finished";
    }
    const std::string message = suite.rule + ": expected " + suite.expected + ", actual " + what;
    out << message << "\n[  FAILED  ] " << check << "\n";
    out.flush();
    failed.push_back(check + " (" + what + ")");
    const std::size_t dot = check.find('.');
    LostCheck lost;
    lost.suite = check.substr(0, dot);
    lost.name = check.substr(dot + 1) + " [" + suite.rule + "] the process running the check";
    lost.class_name = suite.class_name;
    lost.rule = suite.rule;
    lost.message = message;
    lost.properties = {{"rule", suite.rule}, {suite.role, suite.class_name}};
    lost.seconds = seconds;
    pieces.push_back({"", lost});
  }

  auto checks_text = [](std::size_t n) {
    return std::to_string(n) + (n == 1 ? " check" : " checks");
  };
  out << "[==========] " << checks_text(checks.size()) << " ran, each in a process of its own.\n";
  out << "[  PASSED  ] " << checks_text(passed) << ".\n";
  if (skipped > 0) out << "[  SKIPPED ] " << checks_text(skipped) << ".\n";
  if (!failed.empty()) {
    out << "[  FAILED  ] " << checks_text(failed.size()) << ", listed below:\n";
    for (const std::string& f : failed) out << "[  FAILED  ] " << f << "\n";
  }
  out.flush();
  if (!suite.junit_file.empty()) {
    fs::remove(suite.junit_file, ec);  // a stale report must not pass for this run's
    if (!MergeJUnitReports(pieces, suite.junit_file, &error)) {
      err << error << "\n";
      return 2;
    }
  }
  return failed.empty() ? 0 : 1;
}
#endif

}  // namespace vsssim::tools
