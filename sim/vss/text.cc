#include "vsssim/vss/text.h"

#include <utf8.h>

#include <cstdint>
#include <cstdio>
#include <iterator>

namespace vsssim::vss {
namespace {

// XML 1.0 (Fifth Edition) production [2] Char.
bool IsXmlChar(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::string Hex(std::uint32_t value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*X", digits, static_cast<unsigned>(value));
  return buffer;
}

std::string Describe(std::uint32_t c) {
  const std::string name = "U+" + Hex(c, 4);
  if (c >= 0xD800 && c <= 0xDFFF) return name + " (a lone surrogate) is not a character";
  return name + " is not a character XML 1.0 allows";
}

constexpr const char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::optional<TextProblem> FindTextProblem(std::string_view text) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  const char* bad = utf8::find_invalid(begin, end);
  // The prefix before `bad` is valid UTF-8: check its characters.
  for (const char* it = begin; it != bad;) {
    const char* at = it;
    const std::uint32_t c = utf8::unchecked::next(it);
    if (!IsXmlChar(c)) return TextProblem{static_cast<std::size_t>(at - begin), Describe(c)};
  }
  if (bad == end) return std::nullopt;
  const auto byte = static_cast<std::uint8_t>(*bad);
  std::string what = "invalid UTF-8 byte 0x" + Hex(byte, 2);
  // utfcpp rejects an encoded surrogate (ED A0..BF xx) as invalid UTF-8: name it.
  if (byte == 0xED && end - bad >= 3 && (static_cast<std::uint8_t>(bad[1]) & 0xE0) == 0xA0) {
    const std::uint32_t c = 0xD000u | ((static_cast<std::uint8_t>(bad[1]) & 0x3Fu) << 6) |
                            (static_cast<std::uint8_t>(bad[2]) & 0x3Fu);
    what = Describe(c);
  }
  return TextProblem{static_cast<std::size_t>(bad - begin), what};
}

std::string ToValidText(std::string_view text) {
  if (IsValidText(text)) return std::string(text);
  std::string valid;
  valid.reserve(text.size() + 8);
  utf8::replace_invalid(text.begin(), text.end(), std::back_inserter(valid));
  std::string out;
  out.reserve(valid.size());
  for (auto it = valid.begin(); it != valid.end();) {
    auto at = it;
    const std::uint32_t c = utf8::unchecked::next(it);
    if (IsXmlChar(c)) {
      out.append(at, it);
    } else {
      out += kReplacement;
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view text) { return utf8::is_valid(text.begin(), text.end()); }

std::string ToValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  utf8::replace_invalid(text.begin(), text.end(), std::back_inserter(out));
  return out;
}

}  // namespace vsssim::vss
