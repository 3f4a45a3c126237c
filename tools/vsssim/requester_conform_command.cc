#include "tools/vsssim/requester_conform_command.h"

#if VSSSIM_HAVE_REQUESTER_SUITE
#include <gtest/gtest.h>

#include "conformance/requester/requester_plugin_library.h"
#endif

#include <cctype>
#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include "tools/vsssim/conform_command.h"  // WriterNameFromPath: the same naming
#include "vsssim/conformance/junit_report.h"

namespace vsssim::tools {
namespace {

bool IsValidName(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

#if VSSSIM_HAVE_REQUESTER_SUITE
int RunGoogleTest(const RequesterConformOptions& options) {
  std::vector<std::string> args = {"vsssim-conform"};
  if (!options.junit_file.empty()) args.push_back("--gtest_output=xml:" + options.junit_file);
  if (!options.filter.empty()) args.push_back("--gtest_filter=" + options.filter);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int argc = static_cast<int>(args.size());
  ::testing::InitGoogleTest(&argc, argv.data());
  // --junit: vsssim's JUnit report, as for --writer-plugin (docs/conformance.md).
  conformance::UseJUnitReport();
  return RUN_ALL_TESTS();
}
#endif

}  // namespace

int RunRequesterConform(const RequesterConformOptions& options, std::ostream& err) {
  if (!options.name.empty() && !IsValidName(options.name)) {
    err << "--name " << options.name << ": use only letters, digits and '_'\n";
    return 2;
  }
#if !VSSSIM_HAVE_REQUESTER_SUITE
  err << options.plugin << ": this vsssim was built without the requester conformance suite "
      << "(configure with -DVSSSIM_BUILD_TESTS=ON)\n";
  return 2;
#else
  conformance::RequesterPluginLibrary::LoadResult loaded =
      conformance::RequesterPluginLibrary::Load(options.plugin);
  if (!loaded.library) {
    err << options.plugin << ": " << loaded.error << "\n";
    return 2;
  }
  conformance::RequesterUnderTest requester;
  requester.name = options.name.empty() ? WriterNameFromPath(options.plugin) : options.name;
  requester.create = loaded.library->Factory();
  conformance::RegisterRequesterSuite(std::move(requester));

  std::error_code ec;
  if (!options.junit_file.empty()) {  // a stale report must not pass for this run's
    std::filesystem::remove(std::filesystem::u8path(options.junit_file), ec);
  }
  const int failed = RunGoogleTest(options);
  const ::testing::UnitTest& unit = *::testing::UnitTest::GetInstance();
  if (unit.test_to_run_count() == 0) {
    err << "--filter " << options.filter << ": selects none of the " << unit.total_test_count()
        << " checks\n";
    return 2;
  }
  if (!options.junit_file.empty() &&
      !std::filesystem::exists(std::filesystem::u8path(options.junit_file), ec)) {
    err << options.junit_file << ": cannot write the JUnit report\n";
    return 2;
  }
  return failed == 0 ? 0 : 1;
#endif
}

}  // namespace vsssim::tools
