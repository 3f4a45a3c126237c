// Tests of the value syntaxes of scenario files (values.h).
#include "vsssim/scenario/values.h"

#include <gtest/gtest.h>

namespace vsssim::scenario {
namespace {

// Checks sizes: binary units, bare bytes, overflow and ambiguous decimal units refused.
TEST(Scenario_Values, Sizes) {
  EXPECT_EQ(ParseSize("4096"), 4096u);
  EXPECT_EQ(ParseSize("4KiB"), 4096u);
  EXPECT_EQ(ParseSize("256MiB"), 256u << 20);
  EXPECT_EQ(ParseSize("1TiB"), std::uint64_t{1} << 40);
  EXPECT_EQ(ParseSize("16777215TiB"), std::uint64_t{16777215} << 40);
  EXPECT_FALSE(ParseSize("16777216TiB"));  // 2^64 overflows
  EXPECT_FALSE(ParseSize("99999999999999999999"));
  EXPECT_FALSE(ParseSize("4KB"));
  EXPECT_FALSE(ParseSize("-1"));
  EXPECT_FALSE(ParseSize("1.5MiB"));
  EXPECT_FALSE(ParseSize(""));
}

// Checks booleans and that nothing else counts as one.
TEST(Scenario_Values, Booleans) {
  EXPECT_EQ(ParseBool("yes"), true);
  EXPECT_EQ(ParseBool("FALSE"), false);
  EXPECT_EQ(ParseBool("0"), false);
  EXPECT_FALSE(ParseBool("y"));
  EXPECT_FALSE(ParseBool(""));
}

// Checks the WMD spellings and the SDK names of writer enums (WMDX-04, WMDX-05, WMDX-06).
TEST(Scenario_Values, WriterEnumSpellings_WMDX_04_05_06) {
  EXPECT_EQ(ParseUsage("USER_DATA"), vss::UsageType::VSS_UT_USERDATA);
  EXPECT_EQ(ParseUsage("VSS_UT_USERDATA"), vss::UsageType::VSS_UT_USERDATA);
  EXPECT_EQ(ParseUsage("bootable_system_state"), vss::UsageType::VSS_UT_BOOTABLESYSTEMSTATE);
  EXPECT_EQ(ParseSource("TRANSACTION_DB"), vss::SourceType::VSS_ST_TRANSACTEDDB);
  EXPECT_EQ(ParseSource("NONTRANSACTEDDB"), vss::SourceType::VSS_ST_NONTRANSACTEDDB);
  EXPECT_EQ(ParseRestoreMethod("RESTORE_IF_CAN_BE_REPLACED"),
            vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE);
  EXPECT_EQ(ParseComponentType("database"), vss::ComponentType::VSS_CT_DATABASE);
  EXPECT_FALSE(ParseUsage("USER_DATUM"));
}

// Checks SetContext values: one base context plus attribute flags (CTX-GEN-02).
TEST(Scenario_Values, Context_CTX_GEN_02) {
  EXPECT_EQ(ParseContext("VSS_CTX_BACKUP"), 0u);
  EXPECT_EQ(ParseContext("VSS_CTX_FILE_SHARE_BACKUP"), 0x10u);
  EXPECT_EQ(ParseContext("VSS_CTX_APP_ROLLBACK | VSS_VOLSNAP_ATTR_TRANSPORTABLE"), 0x29u);
  EXPECT_FALSE(ParseContext("VSS_CTX_BACKUP|VSS_CTX_ALL"));
  EXPECT_FALSE(ParseContext("VSS_CTX_BACKUP|"));
  EXPECT_FALSE(ParseContext(""));
}

// Checks volume names and expected results.
TEST(Scenario_Values, VolumesAndExpectedResults) {
  EXPECT_EQ(CanonicalVolume("c:"), "C:\\");
  EXPECT_EQ(CanonicalVolume("D:\\"), "D:\\");
  EXPECT_FALSE(CanonicalVolume("C"));
  EXPECT_FALSE(CanonicalVolume("1:"));
  EXPECT_EQ(CanonicalVolume(" \\\\?\\volume{6B29FC40-CA47-1067-B31D-00DD010662DA} "),
            "\\\\?\\Volume{6b29fc40-ca47-1067-b31d-00dd010662da}\\");
  EXPECT_EQ(CanonicalVolume("c:\\mnt\\Data"), "C:\\mnt\\Data\\");
  EXPECT_EQ(CanonicalVolume("\\\\Srv\\share"), "\\\\Srv\\share\\");
  std::string why;
  EXPECT_FALSE(CanonicalVolume("\\\\Srv\\share\\dir", &why));
  EXPECT_NE(why.find("inside a share"), std::string::npos);
  auto bad_state = ParseExpectedResult("VSS_E_BAD_STATE");
  ASSERT_TRUE(bad_state);
  EXPECT_TRUE(bad_state->Matches(hr::VSS_E_BAD_STATE));
  EXPECT_FALSE(bad_state->Matches(hr::S_OK));
  EXPECT_TRUE(ParseExpectedResult("failure")->Matches(hr::E_FAIL));
  EXPECT_TRUE(ParseExpectedResult("success")->Matches(hr::S_FALSE));
  EXPECT_TRUE(ParseExpectedResult("0x80042301")->Matches(hr::VSS_E_BAD_STATE));
  EXPECT_FALSE(ParseExpectedResult("bad"));
}

// Checks suggestions and quoting of hostile text.
TEST(Scenario_Values, SuggestAndQuote) {
  EXPECT_EQ(Suggest("SetContxt", {"SetContext", "StartSnapshotSet"}), "SetContext");
  EXPECT_EQ(Suggest("zzzzzzzz", {"SetContext"}), "");
  EXPECT_EQ(Quote("a\"b\n"), "\"a\\\"b\\x0A\"");
  std::string q = Quote(std::string(1000, 'x'));
  EXPECT_LT(q.size(), 100u);
  EXPECT_NE(q.find("1000 characters"), std::string::npos);
  EXPECT_FALSE(SplitList("a,,b"));
  EXPECT_EQ(SplitList(" a , b ")->size(), 2u);
}

}  // namespace
}  // namespace vsssim::scenario
