#include "sim/metadata/text_encoding.h"

#include <gtest/gtest.h>

namespace vsssim::metadata::internal {
namespace {

std::string Utf16BE(std::string_view utf8) {
  std::string le = EncodeUtf16LE(utf8, false);
  for (std::size_t i = 0; i + 1 < le.size(); i += 2) std::swap(le[i], le[i + 1]);
  return le;
}

// Checks that UTF-16 documents are read with and without BOM, in both byte orders (WMDX-12).
TEST(Metadata_Encoding, Utf16WithAndWithoutBomBothByteOrders_WMDX_12) {
  const std::string text = "<A b=\"\xC3\xA9\xF0\x9F\x98\x80\"/>\n";  // é and an emoji (surrogates)
  for (const std::string& bytes : {EncodeUtf16LE(text, true), EncodeUtf16LE(text, false),
                                   "\xFE\xFF" + Utf16BE(text), Utf16BE(text)}) {
    DecodeResult r = DecodeToUtf8(bytes);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.utf8, text);
    EXPECT_NE(r.encoding, TextEncoding::kUtf8);
  }
}

// Checks that a UTF-8 BOM is dropped and plain UTF-8 passes through.
TEST(Metadata_Encoding, Utf8WithAndWithoutBom) {
  EXPECT_EQ(DecodeToUtf8("\xEF\xBB\xBF<A/>").utf8, "<A/>");
  EXPECT_EQ(DecodeToUtf8("<A/>").utf8, "<A/>");
}

// Checks that broken UTF-16 (unpaired surrogates, odd length) is an error with its line.
TEST(Metadata_Encoding, BadUtf16IsAnErrorWithLine) {
  std::string good = EncodeUtf16LE("<A>\n\n", true);
  std::string lone_low = good + std::string("\x00\xDC", 2);
  DecodeResult r = DecodeToUtf8(lone_low);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_line, 3);
  EXPECT_NE(r.error.find("surrogate"), std::string::npos);

  std::string lone_high = good + std::string("\x00\xD8", 2) + std::string("A\0", 2);
  EXPECT_FALSE(DecodeToUtf8(lone_high).ok);
  std::string high_at_end = good + std::string("\x00\xD8", 2);
  EXPECT_FALSE(DecodeToUtf8(high_at_end).ok);

  DecodeResult odd = DecodeToUtf8(good + "x");
  EXPECT_FALSE(odd.ok);
  EXPECT_EQ(odd.error_line, 3);
}

// Checks that Latin-1 or otherwise invalid UTF-8 is refused with its line, not read as text.
TEST(Metadata_Encoding, InvalidUtf8IsAnErrorWithLine) {
  DecodeResult r = DecodeToUtf8("<A>\n<B c=\"caf\xE9\"/>\n</A>");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_line, 2);
  for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"}) {
    EXPECT_FALSE(DecodeToUtf8(std::string("<A>") + bad).ok) << bad;
  }
}

}  // namespace
}  // namespace vsssim::metadata::internal
