#include "conformance/report/junit_listener.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <utility>
#include <vector>

#include "conformance/report/junit_xml.h"

namespace vsssim::conformance::report {

JUnitListener::JUnitListener(std::string path) : path_(std::move(path)) {
  TestRecorder::SetActive(&recorder_);
}

JUnitListener::~JUnitListener() {
  if (TestRecorder::Active() == &recorder_) TestRecorder::SetActive(nullptr);
}

double JUnitListener::Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void JUnitListener::OnTestSuiteStart(const ::testing::TestSuite& suite) {
  recorder_.StartSuite(suite.name());
}

void JUnitListener::OnTestStart(const ::testing::TestInfo& test) {
  recorder_.StartTest(test.test_suite_name(), test.name(), Now());
}

void JUnitListener::OnTestPartResult(const ::testing::TestPartResult& result) {
  if (result.skipped()) {
    recorder_.OnSkip(result.message());
  } else if (result.failed()) {
    recorder_.OnFailure(result.message(), result.file_name(), result.line_number());
  }
}

void JUnitListener::OnTestEnd(const ::testing::TestInfo& test) {
  std::vector<std::pair<std::string, std::string>> properties;
  const ::testing::TestResult& result = *test.result();
  for (int i = 0; i < result.test_property_count(); ++i) {
    const ::testing::TestProperty& p = result.GetTestProperty(i);
    properties.emplace_back(p.key(), p.value());
  }
  recorder_.EndTest(std::move(properties), Now());
}

void JUnitListener::OnTestSuiteEnd(const ::testing::TestSuite& suite) {
  recorder_.EndSuite(static_cast<std::int64_t>(suite.start_timestamp()),
                     static_cast<double>(suite.elapsed_time()) / 1000.0);
}

void JUnitListener::OnTestProgramEnd(const ::testing::UnitTest& unit) {
  recorder_.EndProgram(static_cast<std::int64_t>(unit.start_timestamp()),
                       static_cast<double>(unit.elapsed_time()) / 1000.0);
  const std::filesystem::path path = std::filesystem::u8path(path_);
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << JUnitXml(recorder_.record());
  out.close();
  if (!out) std::fprintf(stderr, "%s: cannot write the JUnit report\n", path_.c_str());
}

}  // namespace vsssim::conformance::report
