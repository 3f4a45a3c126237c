// The writer conformance suite over the sample database writer and its broken variant; the
// CTest conformance.sdk_writers_fail_their_rules compares the JUnit report with
// expected_failures.txt.
#include <gtest/gtest.h>

#include "vsssim/conformance/junit_report.h"
#include "vsssim/conformance/sdk_writer.h"
#include "vsssim/conformance/writer_suite.h"

#include "sdk_writer_factories.h"  // after vsssim's headers (its SDK macros)

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  vsssim::conformance::UseJUnitReport();
  vsssim::conformance::RegisterWriterSuite(
      {"SdkDatabaseWriter", vsssim::sdk::SdkWriterFactory<CreateSampleDatabaseWriter>});
  vsssim::conformance::RegisterWriterSuite(
      {"SdkFreezeFalseWithoutFailure",
       vsssim::sdk::SdkWriterFactory<CreateFreezeFalseWithoutFailureWriter>});
  return RUN_ALL_TESTS();
}
