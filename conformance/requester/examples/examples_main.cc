// The requester suite over every example requester (example_requesters.h): the gtest route.
// conformance.requester_examples_* run it and compare its JUnit report with
// expected_failures.txt.
#include <gtest/gtest.h>

#include <string>

#include "conformance/requester/examples/example_requesters.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (const auto& example : vsssim::conformance::examples::ExampleRequesters()) {
    const std::string name = example.name;
    vsssim::conformance::RegisterRequesterSuite(
        {name, [name] { return vsssim::conformance::examples::CreateExample(name); }});
  }
  return RUN_ALL_TESTS();
}
