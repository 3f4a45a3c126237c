#include "vsssim/vss/text.h"

#include <gtest/gtest.h>

#include <string>

namespace vsssim::vss {
namespace {

// Checks that ordinary text, multi-byte characters and the XML whitespace pass.
TEST(Vss_Text, ValidTextPasses) {
  EXPECT_TRUE(IsValidText(""));
  EXPECT_TRUE(IsValidText("C:\\Data\\db.mdf\tline\r\n"));
  EXPECT_TRUE(IsValidText("Gr\xC3\xBC\xC3\x9F\x65 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"));
  EXPECT_TRUE(IsValidText("\xEF\xBF\xBD"));  // U+FFFD itself
}

// Checks that broken UTF-8 is found at the right offset and named.
TEST(Vss_Text, InvalidUtf8IsFoundWhereItIs) {
  auto p = FindTextProblem("abc\xC3(def");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->offset, 3u);
  EXPECT_EQ(p->what, "invalid UTF-8 byte 0xC3");
  p = FindTextProblem("ab\xFF");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->offset, 2u);
  EXPECT_TRUE(FindTextProblem("\xC0\xAF").has_value());          // overlong '/'
  EXPECT_TRUE(FindTextProblem("\xF4\x90\x80\x80").has_value());  // above U+10FFFF
}

// Checks that an encoded surrogate (what "&#xD800;" decodes to) and the characters XML 1.0
// forbids are refused by name.
TEST(Vss_Text, SurrogatesAndNonXmlCharactersAreRefused) {
  auto p = FindTextProblem("x\xED\xA0\x80y");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->offset, 1u);
  EXPECT_EQ(p->what, "U+D800 (a lone surrogate) is not a character");
  p = FindTextProblem("ok\xEF\xBF\xBE");  // U+FFFE
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->offset, 2u);
  EXPECT_EQ(p->what, "U+FFFE is not a character XML 1.0 allows");
  p = FindTextProblem(std::string("a\x01", 2));
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->what, "U+0001 is not a character XML 1.0 allows");
  EXPECT_FALSE(IsValidText(std::string("\0", 1)));
}

// Checks that ToValidText keeps valid text byte for byte and replaces every bad sequence by
// U+FFFD, so that its result always passes.
TEST(Vss_Text, ToValidTextReplacesOnlyWhatIsBad) {
  EXPECT_EQ(ToValidText("C:\\\xC3\xBC"), "C:\\\xC3\xBC");
  EXPECT_EQ(ToValidText("a\xFF"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(ToValidText("a\xED\xA0\x80"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(ToValidText(std::string("a\x01"
                                    "b",
                                    3)),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(ToValidText("\xEF\xBF\xBE"), "\xEF\xBF\xBD");
  for (int b = 0; b < 256; ++b) {
    const std::string s = std::string("x") + static_cast<char>(b) + "\xE2\x82";
    EXPECT_TRUE(IsValidText(ToValidText(s))) << "byte " << b;
  }
}

// Checks that the UTF-8-only pair keeps control characters and repairs only bad sequences.
TEST(Vss_Text, Utf8OnlyRepairKeepsControlCharacters) {
  EXPECT_TRUE(IsValidUtf8(std::string("a\x01", 2)));
  EXPECT_FALSE(IsValidUtf8("a\xED\xA0\x80"));
  EXPECT_EQ(ToValidUtf8(std::string("\x01\xFF", 2)), "\x01\xEF\xBF\xBD");
}

}  // namespace
}  // namespace vsssim::vss
