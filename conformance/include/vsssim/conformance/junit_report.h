// vsssim's JUnit report for any GoogleTest program, in the shape GitLab and Jenkins show (they
// ignore <properties> and all but the first <failure> of a test case): one <testcase> per
// check variant, at most one <failure> per case whose type is the broken rule ID and whose
// message starts "RULE-ID: expected ..., actual ...", <skipped message="reason"/> for skipped
// checks, the class name from the suite name (the writer's name for WriterConformance/<name>).
// docs/conformance.md, "The JUnit report", describes the format.
//
// Usage, in main():
//   ::testing::InitGoogleTest(&argc, argv);
//   vsssim::conformance::UseJUnitReport();  // --gtest_output=xml:FILE now writes this format
//   return RUN_ALL_TESTS();
//
// Thread safety: call once, from main, after InitGoogleTest and before RUN_ALL_TESTS.
#ifndef VSSSIM_CONFORMANCE_JUNIT_REPORT_H_
#define VSSSIM_CONFORMANCE_JUNIT_REPORT_H_

namespace vsssim::conformance {

// When GoogleTest was asked for an XML report (--gtest_output=xml[:PATH] or GTEST_OUTPUT),
// replaces GoogleTest's XML printer by vsssim's JUnit report written to the same file (PATH;
// PATH/<program>.xml when PATH ends in a separator; test_detail.xml when there is none).
// Returns whether it did (false: no XML report was asked for; nothing changes).
bool UseJUnitReport();

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_JUNIT_REPORT_H_
