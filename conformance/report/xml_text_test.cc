#include "conformance/report/xml_text.h"

#include <gtest/gtest.h>

#include <string>

namespace vsssim::conformance::report {
namespace {

// Checks that valid UTF-8 text, tabs and line breaks pass unchanged.
TEST(Report_XmlText, KeepsValidText) {
  const std::string text = "Grüße, 日本, \xF0\x9F\x98\x80\ttab\nline\r\n";
  EXPECT_EQ(XmlSafeText(text), text);
}

// Checks that bytes that are no UTF-8 character become \xNN, each byte once.
TEST(Report_XmlText, EscapesInvalidUtf8) {
  EXPECT_EQ(XmlSafeText("a\xFF"
                        "b"),
            "a\\xFFb");
  EXPECT_EQ(XmlSafeText("\xC3"), "\\xC3");                             // cut short
  EXPECT_EQ(XmlSafeText("\xC0\xAF"), "\\xC0\\xAF");                    // overlong '/'
  EXPECT_EQ(XmlSafeText("\xED\xA0\x80"), "\\xED\\xA0\\x80");           // a UTF-16 surrogate
  EXPECT_EQ(XmlSafeText("\xF4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
}

// Checks that characters XML 1.0 forbids (C0 controls, U+FFFE) are escaped too.
TEST(Report_XmlText, EscapesCharactersXmlForbids) {
  EXPECT_EQ(XmlSafeText(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(XmlSafeText("\x1B[31m"), "\\x1B[31m");
  EXPECT_EQ(XmlSafeText("\xEF\xBF\xBE"), "\\xEF\\xBF\\xBE");
}

// Checks that the result for any bytes (every pair of byte values) is a fixed point: it holds
// nothing XmlSafeText would still change, so no invalid UTF-8 and no forbidden character.
TEST(Report_XmlText, AnyBytesBecomeAllowedText) {
  std::string all;
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      all += static_cast<char>(a);
      all += static_cast<char>(b);
    }
  }
  const std::string safe = XmlSafeText(all);
  EXPECT_EQ(XmlSafeText(safe), safe);
  for (char c : safe) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_TRUE(u >= 0x20 || c == '\t' || c == '\n' || c == '\r') << static_cast<int>(u);
  }
}

// Checks that FirstLine stops at the first line break and cuts long lines at a character
// boundary.
TEST(Report_XmlText, FirstLineIsOneShortLine) {
  EXPECT_EQ(FirstLine("one\ntwo"), "one");
  EXPECT_EQ(FirstLine("one\r\ntwo"), "one");
  EXPECT_EQ(FirstLine("ééé", 3), "é...");  // 'é' is 2 bytes: never half of one
}

}  // namespace
}  // namespace vsssim::conformance::report
