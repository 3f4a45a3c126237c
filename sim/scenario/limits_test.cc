// Tests of the loader's size limits (docs/scenario-format.md, "Limits"; issue #23 item 3): a
// <write> must end inside its simulated volume and within 1TiB, checked at load with the
// element's location, at the exact boundary. The refusals themselves are fixtures
// (fixtures/malformed/, their expected errors checked by malformed_exit_2.cmake).
#include <gtest/gtest.h>

#include <string>

#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

std::string FirstError(const LoadResult& r) {
  return r.errors.empty() ? "(no error)" : r.errors.front().ToString();
}

// A 64 MiB volume C: and a writer writing `write_attributes` to C:\db\main.mdf at PostSnapshot.
LoadResult WithWrite(const std::string& write_attributes) {
  return LoadScenarioText(
      "<scenario name=\"s\" seed=\"1\">\n"
      "<volume name=\"C:\" size=\"64MiB\"/>\n"
      "<writer name=\"W\" usage=\"USER_DATA\" source=\"TRANSACTION_DB\" level=\"FRONT_END\">\n"
      "<component name=\"db\" type=\"database\" selectable=\"yes\">"
      "<database-files path=\"C:\\db\" filespec=\"*.mdf\"/></component>\n"
      "<on event=\"PostSnapshot\"><write file=\"C:\\db\\main.mdf\" " +
          write_attributes +
          "/></on>\n"
          "</writer>\n</scenario>",
      "x.xml");
}

// Checks that a write ending exactly at the end of its volume loads and one byte further is
// refused, located at the <write>'s line.
TEST(Scenario_Limits, WriteMayEndAtTheVolumesEndNotPast) {
  LoadResult fits = WithWrite("offset=\"67104768\" size=\"4KiB\"");  // 64 MiB - 4 KiB
  EXPECT_TRUE(fits.ok()) << fits.ErrorText();
  LoadResult past = WithWrite("offset=\"67104769\" size=\"4KiB\"");
  EXPECT_EQ(FirstError(past),
            "x.xml:5: write: \"C:\\db\\main.mdf\" from offset 67104769 for 4096 bytes ends past "
            "the end of C:\\ (67108864 bytes)");
  LoadResult whole = WithWrite("size=\"64MiB\"");
  EXPECT_TRUE(whole.ok()) << whole.ErrorText();
}

// Checks that a write past 1TiB is refused before the volume is looked at, with the attribute
// that breaks the limit, and that a size of 1TiB plus one byte is too big by itself.
TEST(Scenario_Limits, WritePast1TiBIsRefusedByItsAttributes) {
  EXPECT_EQ(FirstError(WithWrite("offset=\"1TiB\" size=\"1\"")),
            "x.xml:5: <write> attribute offset: offset + size is past 1TiB, the largest volume");
  EXPECT_EQ(FirstError(WithWrite("size=\"1099511627777\"")),
            "x.xml:5: <write> attribute size: must be at most 1TiB (the largest volume)");
}

}  // namespace
}  // namespace vsssim::scenario
