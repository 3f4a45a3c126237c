#include "tools/vsssim/conform_command.h"

#if VSSSIM_HAVE_WRITER_SUITE
#include <gtest/gtest.h>
#endif

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include "conformance/plugin/writer_plugin_library.h"
#include "tools/vsssim/check_printer.h"
#include "tools/vsssim/conform_isolated.h"
#include "vsssim/conformance/junit_report.h"
#include "vsssim/conformance/writer_suite.h"
#include "vsssim/runtime/time.h"

namespace vsssim::tools {
bool IsValidSuiteName(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

int RunRegisteredSuite(const std::string& junit_file, const std::string& filter,
                       std::ostream& err) {
#if !VSSSIM_HAVE_WRITER_SUITE
  (void)junit_file;
  (void)filter;
  err << "this vsssim was built without the conformance suites\n";
  return 2;
#else
  std::error_code ec;
  // A stale report must not pass for this run's.
  if (!junit_file.empty()) std::filesystem::remove(std::filesystem::u8path(junit_file), ec);
  // GoogleTest reads its settings from argv; these are the ones the options translate to.
  std::vector<std::string> args = {"vsssim-conform"};
  if (!junit_file.empty()) args.push_back("--gtest_output=xml:" + junit_file);
  if (!filter.empty()) args.push_back("--gtest_filter=" + filter);
  // A supervised child (conform_isolated.h): list the selected checks, or print one check's
  // lines without a summary of its own.
  const char* child = std::getenv(kConformChildVariable);
  const std::string child_mode = child == nullptr ? "" : child;
  if (child_mode == "list") args.push_back("--gtest_list_tests");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int argc = static_cast<int>(args.size());
  ::testing::InitGoogleTest(&argc, argv.data());
  if (child_mode == "check") UseCheckPrinter();
  // --junit: the same report as the gtest route's --gtest_output=xml (one test case per check
  // variant, each failure typed with its rule ID), not GoogleTest's own XML.
  conformance::UseJUnitReport();
  const int failed = RUN_ALL_TESTS();
  const ::testing::UnitTest& unit = *::testing::UnitTest::GetInstance();
  if (unit.test_to_run_count() == 0) {
    err << "--filter " << filter << ": selects none of the " << unit.total_test_count()
        << " checks\n";
    return 2;
  }
  if (!junit_file.empty() && !std::filesystem::exists(std::filesystem::u8path(junit_file), ec)) {
    err << junit_file << ": cannot write the JUnit report\n";
    return 2;
  }
  return failed == 0 ? 0 : 1;
#endif
}

std::string WriterNameFromPath(const std::string& path) {
  std::string name = std::filesystem::u8path(path).filename().u8string();
  if (name.rfind("lib", 0) == 0 && name.size() > 3) name.erase(0, 3);
  const std::size_t dot = name.find('.');
  if (dot != std::string::npos && dot > 0) name.erase(dot);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name.empty() ? "Writer" : name;
}

int RunConform(const ConformCommandOptions& options, std::ostream& err) {
  if (!options.name.empty() && !IsValidSuiteName(options.name)) {
    err << "--name " << options.name << ": use only letters, digits and '_'\n";
    return 2;
  }
#if !defined(_WIN32)
  if (!options.in_process) {
    // Each check in a process of its own (conform_isolated.h); the children are this same
    // command with --in-process.
    IsolatedSuite suite;
    if (!PrepareIsolatedSuite("--writer-plugin", options.plugin, options.name, options.filter,
                              options.junit_file, options.check_timeout, &suite, err)) {
      return 2;
    }
    for (const auto& [flag, value] :
         {std::pair<const char*, const std::string*>{"--warmup", &options.warmup},
          {"--between-steps", &options.between_steps}}) {
      if (value->empty()) continue;
      suite.child_args.push_back(flag);
      suite.child_args.push_back(*value);
    }
    // A writer whose process ends or hangs does not answer: VSS reports it as not responding
    // (WRT-TIME-05), as it does a writer process that dies (docs/serve.md).
    suite.rule = "WRT-TIME-05";
    suite.expected =
        "the writer to answer every event and leave its process running (VSS reports a writer "
        "whose process ended or hangs as VSS_E_WRITER_NOT_RESPONDING)";
    suite.role = "writer";
    return RunIsolatedSuite(suite, std::cout, err);
  }
#endif
  conformance::WriterPluginLibrary::LoadResult loaded =
      conformance::WriterPluginLibrary::Load(options.plugin);
  if (!loaded.library) {
    err << options.plugin << ": " << loaded.error << "\n";
    return 2;
  }
#if !VSSSIM_HAVE_WRITER_SUITE
  err << options.plugin << ": this vsssim was built without the writer conformance suite "
      << "(configure with -DVSSSIM_BUILD_TESTS=ON)\n";
  return 2;
#else
  conformance::WriterUnderTest writer;
  // Application time (docs/conformance.md): durations, else bad input.
  const std::pair<const std::string*, runtime::Duration*> durations[] = {
      {&options.warmup, &writer.options.warmup},
      {&options.between_steps, &writer.options.between_steps}};
  const char* const flags[] = {"--warmup", "--between-steps"};
  for (int i = 0; i < 2; ++i) {
    if (durations[i].first->empty()) continue;
    std::optional<runtime::Duration> d = runtime::ParseDuration(*durations[i].first);
    if (!d || d->count() < 0) {
      err << flags[i] << " " << *durations[i].first << ": not a duration (e.g. '2s', '250ms')\n";
      return 2;
    }
    *durations[i].second = *d;
  }
  writer.name = options.name.empty() ? WriterNameFromPath(options.plugin) : options.name;
  writer.create = loaded.library->Factory();
  conformance::RegisterWriterSuite(std::move(writer));

  return RunRegisteredSuite(options.junit_file, options.filter, err);
#endif
}

}  // namespace vsssim::tools
