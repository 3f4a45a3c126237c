#include "vsssim/runtime/time.h"

#include <gtest/gtest.h>

namespace vsssim::runtime {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;

TEST(Runtime_Duration, ParsesUnitsFractionsAndCombinations) {
  EXPECT_EQ(ParseDuration("60s"), Duration(seconds(60)));
  EXPECT_EQ(ParseDuration("250ms"), Duration(milliseconds(250)));
  EXPECT_EQ(ParseDuration("1.5s"), Duration(milliseconds(1500)));
  EXPECT_EQ(ParseDuration("100us"), Duration(nanoseconds(100'000)));
  EXPECT_EQ(ParseDuration("10ns"), Duration(nanoseconds(10)));
  EXPECT_EQ(ParseDuration("2m"), Duration(seconds(120)));
  EXPECT_EQ(ParseDuration("1h"), Duration(seconds(3600)));
  EXPECT_EQ(ParseDuration("1m30s"), Duration(seconds(90)));
  EXPECT_EQ(ParseDuration(" 0.000000001s "), Duration(nanoseconds(1)));
  EXPECT_EQ(ParseDuration("0.5ms"), Duration(nanoseconds(500'000)));
  EXPECT_EQ(ParseDuration("0s"), Duration(0));
}

TEST(Runtime_Duration, RejectsMalformedText) {
  for (const char* bad : {"", "60", "s", "-1s", "1.s5", "1x", "1.0000000001s", "0.5ns", "1s2",
                          "99999999999999999999s", "9999999999999h", "1 s", ".s"}) {
    EXPECT_FALSE(ParseDuration(bad).has_value()) << bad;
  }
}

TEST(Runtime_Duration, FormatsTheShortestExactFormAndReadsItBack) {
  EXPECT_EQ(FormatDuration(seconds(60)), "60s");
  EXPECT_EQ(FormatDuration(milliseconds(250)), "250ms");
  EXPECT_EQ(FormatDuration(milliseconds(1500)), "1500ms");
  EXPECT_EQ(FormatDuration(nanoseconds(7)), "7ns");
  EXPECT_EQ(FormatDuration(Duration(0)), "0s");
  for (std::int64_t ns : {1LL, 999LL, 1000LL, 1'000'001LL, 60'000'000'000LL}) {
    EXPECT_EQ(ParseDuration(FormatDuration(nanoseconds(ns))), Duration(ns)) << ns;
  }
}

TEST(Runtime_TimePoint, FormatsFixedWidth) {
  EXPECT_EQ(FormatTimePoint(TimePoint{}), "000000.000000000");
  EXPECT_EQ(FormatTimePoint(TimePoint{milliseconds(60'250)}), "000060.250000000");
}

}  // namespace
}  // namespace vsssim::runtime
