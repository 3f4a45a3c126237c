// The writer conformance suite for every example writer: WriterConformance/<writer>.<Check>.
// The good writer (TinyStore) passes every check; each broken writer fails exactly the checks
// of expected_failures.txt — suite_junit_check verifies that from this program's JUnit XML.
#include <gtest/gtest.h>

#include "conformance/examples/example_writers.h"
#include "vsssim/conformance/junit_report.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  vsssim::conformance::UseJUnitReport();  // --gtest_output=xml: vsssim's JUnit format
  for (vsssim::conformance::WriterUnderTest& writer : vsssim::examples::ExampleWriters()) {
    vsssim::conformance::RegisterWriterSuite(std::move(writer));
  }
  return RUN_ALL_TESTS();
}
