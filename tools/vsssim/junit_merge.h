// MergeJUnitReports: one JUnit report from the reports of checks that ran in processes of
// their own (conform_isolated.h), plus a test case for each check whose process ended or hung
// before it could write one. The result has the format of vsssim's JUnit report
// (vsssim/conformance/junit_report.h): test suites by name, their test cases in the order
// given, the counts summed.
//
// Thread safety: none needed (no shared state).
#ifndef VSSSIM_TOOLS_VSSSIM_JUNIT_MERGE_H_
#define VSSSIM_TOOLS_VSSSIM_JUNIT_MERGE_H_

#include <string>
#include <utility>
#include <vector>

namespace vsssim::tools {

// A check whose process gave no report: one failing test case.
struct LostCheck {
  std::string suite;       // the test suite: "WriterConformance/Throwing"
  std::string name;        // the test case: "FullBackup [WRT-TIME-05] ..."
  std::string class_name;  // "Throwing"
  std::string rule;        // the failure's type: "WRT-TIME-05"
  std::string message;     // "WRT-TIME-05: expected ..., actual ..."
  std::vector<std::pair<std::string, std::string>> properties;
  double seconds = 0;
};

// One piece of the merged report: a report file, or a check that left none.
struct JUnitPiece {
  std::string file;  // empty: `lost` is the piece
  LostCheck lost;
};

// Writes the merged report to `file`; false with `*error` ("FILE: why") when a piece cannot
// be read or the result cannot be written.
bool MergeJUnitReports(const std::vector<JUnitPiece>& pieces, const std::string& file,
                       std::string* error);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_JUNIT_MERGE_H_
