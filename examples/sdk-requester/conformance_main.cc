// The requester conformance suite over vshadow-lite (GoogleTest route): every check of
// docs/conformance-requester.md, as RequesterConformance/VShadowLite.<Check>.
#include <gtest/gtest.h>

#include "conformance_app.h"
#include "vsssim/conformance/requester_suite.h"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  vsssim::conformance::RegisterRequesterSuite(
      {"VShadowLite", [] { return vshadow_lite::MakeConformanceApplication(); }});
  return RUN_ALL_TESTS();
}
