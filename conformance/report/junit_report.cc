#include "vsssim/conformance/junit_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "conformance/report/junit_listener.h"

namespace vsssim::conformance {
namespace {

// The file GoogleTest would write its XML report to, from the value of --gtest_output
// ("xml", "xml:FILE" or "xml:DIR/"), the way GoogleTest itself resolves it.
std::string ReportPath(const std::string& output) {
  const std::size_t colon = output.find(':');
  if (colon == std::string::npos || colon + 1 == output.size()) return "test_detail.xml";
  std::string path = output.substr(colon + 1);
  const char last = path.back();
  if (last != '/' && last != '\\') return path;
  const std::vector<std::string> argv = ::testing::internal::GetArgvs();
  std::string program =
      argv.empty() ? "test_detail" : std::filesystem::u8path(argv[0]).stem().u8string();
  return path + program + ".xml";
}

}  // namespace

bool UseJUnitReport() {
  ::testing::TestEventListeners& listeners = ::testing::UnitTest::GetInstance()->listeners();
  ::testing::TestEventListener* gtest_xml = listeners.default_xml_generator();
  if (gtest_xml == nullptr) return false;  // no XML report asked for (or already replaced)
  listeners.Release(gtest_xml);
  delete gtest_xml;
  listeners.Append(new report::JUnitListener(ReportPath(GTEST_FLAG_GET(output))));
  return true;
}

}  // namespace vsssim::conformance
