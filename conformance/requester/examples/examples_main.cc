// The requester suite over every example requester (example_requesters.h): the gtest route.
// conformance.requester_examples_* run it and compare its JUnit report with
// expected_failures.txt.
#include <gtest/gtest.h>

#include <string>

#include "conformance/requester/examples/example_requesters.h"
#include "vsssim/conformance/junit_report.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  vsssim::conformance::UseJUnitReport();  // --gtest_output=xml: vsssim's JUnit format
  for (const auto& example : vsssim::conformance::examples::ExampleRequesters()) {
    const std::string name = example.name;
    vsssim::conformance::RegisterRequesterSuite(
        {name, [name] { return vsssim::conformance::examples::CreateExample(name); }});
  }
  return RUN_ALL_TESTS();
}
