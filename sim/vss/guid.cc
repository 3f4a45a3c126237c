#include "vsssim/vss/guid.h"

#include <cctype>

namespace vsssim {
namespace {

// Hand-rolled rather than snprintf: GUIDs are formatted for every trace entry and XML
// document that names one, and snprintf's format parsing dominated (bench/coordinator_bench).
// A byte at a time through a table of its two digits.
struct HexPairs {
  char lower[256][2];
  char upper[256][2];
};
constexpr HexPairs kHexPairs = [] {
  HexPairs t{};
  for (int b = 0; b < 256; ++b) {
    t.lower[b][0] = "0123456789abcdef"[b >> 4];
    t.lower[b][1] = "0123456789abcdef"[b & 0xF];
    t.upper[b][0] = "0123456789ABCDEF"[b >> 4];
    t.upper[b][1] = "0123456789ABCDEF"[b & 0xF];
  }
  return t;
}();

// Writes the `bytes` low bytes of `value`, most significant first.
char* PutHex(char* out, std::uint32_t value, int bytes, const char (*pairs)[2]) {
  for (int i = bytes - 1; i >= 0; --i) {
    const char* pair = pairs[(value >> (8 * i)) & 0xFFu];
    *out++ = pair[0];
    *out++ = pair[1];
  }
  return out;
}

// Writes the text of `g` at `p` (36 characters, 38 braced); returns the end.
char* FormatTo(char* p, const Guid& g, bool upper, bool braced) {
  const char(*pairs)[2] = upper ? kHexPairs.upper : kHexPairs.lower;
  if (braced) *p++ = '{';
  p = PutHex(p, g.data1, 4, pairs);
  *p++ = '-';
  p = PutHex(p, g.data2, 2, pairs);
  *p++ = '-';
  p = PutHex(p, g.data3, 2, pairs);
  *p++ = '-';
  for (std::size_t i = 0; i < g.data4.size(); ++i) {
    if (i == 2) *p++ = '-';
    p = PutHex(p, g.data4[i], 1, pairs);
  }
  if (braced) *p++ = '}';
  return p;
}

std::string Format(const Guid& g, bool upper, bool braced) {
  char buffer[40];
  return std::string(buffer, FormatTo(buffer, g, upper, braced));
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

GuidText::GuidText(const Guid& guid) { FormatTo(text_, guid, /*upper=*/false, /*braced=*/false); }

std::string Guid::ToString() const { return Format(*this, /*upper=*/false, /*braced=*/false); }

std::string Guid::ToBracedString() const { return Format(*this, /*upper=*/true, /*braced=*/true); }

std::optional<Guid> Guid::Parse(std::string_view text) {
  if (text.size() == 38) {
    if (text.front() != '{' || text.back() != '}') return std::nullopt;
    text = text.substr(1, 36);
  }
  if (text.size() != 36) return std::nullopt;
  std::uint8_t bytes[16];
  int n = 0;
  for (std::size_t i = 0; i < 36;) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    int hi = HexDigit(text[i]), lo = HexDigit(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    bytes[n++] = static_cast<std::uint8_t>(hi * 16 + lo);
    i += 2;
  }
  Guid g;
  g.data1 = (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
            (std::uint32_t{bytes[2]} << 8) | bytes[3];
  g.data2 = static_cast<std::uint16_t>((bytes[4] << 8) | bytes[5]);
  g.data3 = static_cast<std::uint16_t>((bytes[6] << 8) | bytes[7]);
  for (int i = 0; i < 8; ++i) g.data4[static_cast<std::size_t>(i)] = bytes[8 + i];
  return g;
}

}  // namespace vsssim
