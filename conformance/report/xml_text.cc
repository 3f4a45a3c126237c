#include "conformance/report/xml_text.h"

#include <cstdint>

namespace vsssim::conformance::report {
namespace {

bool AllowedInXml(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Length (1..4) of the well-formed UTF-8 sequence at `s[i]` and its code point; 0 when the
// bytes there are no such sequence (bad lead or continuation byte, overlong, surrogate, past
// U+10FFFF or cut short).
std::size_t DecodeOne(std::string_view s, std::size_t i, std::uint32_t& c) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  std::size_t n = 0;
  std::uint32_t min = 0;
  if (lead < 0x80) {
    c = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    n = 2, c = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    n = 3, c = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    n = 4, c = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

std::string XmlSafeText(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    std::uint32_t c = 0;
    const std::size_t n = DecodeOne(bytes, i, c);
    if (n > 0 && AllowedInXml(c)) {
      out.append(bytes.substr(i, n));
      i += n;
      continue;
    }
    const std::size_t bad = n > 0 ? n : 1;  // an allowed sequence of a forbidden character
    for (std::size_t k = 0; k < bad; ++k) {
      const auto b = static_cast<unsigned char>(bytes[i + k]);
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
    i += bad;
  }
  return out;
}

std::string FirstLine(std::string_view text, std::size_t max_bytes) {
  std::string_view line = text.substr(0, text.find_first_of("\r\n"));
  if (line.size() <= max_bytes) return std::string(line);
  std::size_t cut = max_bytes;
  // Back up to a character boundary: never end inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return std::string(line.substr(0, cut)) + "...";
}

}  // namespace vsssim::conformance::report
