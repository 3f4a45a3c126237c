#include "sim/metadata/text_encoding.h"

#include <utf8.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>

namespace vsssim::metadata::internal {
namespace {

// The conversions are utfcpp's (Debian's libutfcpp-dev); this file only detects the encoding
// and says where a document is broken.

DecodeResult Fail(TextEncoding encoding, int line, std::string message) {
  DecodeResult r;
  r.encoding = encoding;
  r.error_line = line;
  r.error = std::move(message);
  return r;
}

DecodeResult DecodeUtf16(std::string_view bytes, bool little_endian) {
  const TextEncoding enc = little_endian ? TextEncoding::kUtf16LE : TextEncoding::kUtf16BE;
  const char* name = little_endian ? "UTF-16LE" : "UTF-16BE";
  std::u16string units(bytes.size() / 2, u'\0');
  for (std::size_t i = 0; i < units.size(); ++i) {
    auto b0 = static_cast<std::uint8_t>(bytes[2 * i]);
    auto b1 = static_cast<std::uint8_t>(bytes[2 * i + 1]);
    units[i] = static_cast<char16_t>(little_endian ? (b0 | (b1 << 8)) : ((b0 << 8) | b1));
  }
  // The line of code unit `at` (1-based).
  auto line_of = [&units](std::size_t at) {
    return 1 + static_cast<int>(std::count(units.begin(), units.begin() + at, u'\n'));
  };
  if (bytes.size() % 2 != 0) {
    return Fail(enc, line_of(units.size()),
                std::string(name) + " text has an odd number of bytes (truncated?)");
  }
  DecodeResult r;
  r.encoding = enc;
  r.utf8.reserve(units.size());
  try {
    utf8::utf16to8(units.begin(), units.end(), std::back_inserter(r.utf8));
  } catch (const utf8::exception&) {
    // utfcpp names no position: find the unpaired surrogate for the line.
    for (std::size_t i = 0; i < units.size(); ++i) {
      const char16_t u = units[i];
      if (u >= 0xD800 && u <= 0xDBFF) {
        if (i + 1 >= units.size()) {
          return Fail(enc, line_of(i), std::string(name) + ": high surrogate at end of text");
        }
        if (units[i + 1] < 0xDC00 || units[i + 1] > 0xDFFF) {
          return Fail(enc, line_of(i),
                      std::string(name) + ": high surrogate not followed by a low one");
        }
        ++i;
      } else if (u >= 0xDC00 && u <= 0xDFFF) {
        return Fail(enc, line_of(i), std::string(name) + ": unpaired low surrogate");
      }
    }
    return Fail(enc, 1, std::string(name) + ": not valid UTF-16");
  }
  r.ok = true;
  return r;
}

// Validates UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF: utfcpp's rules).
DecodeResult CheckUtf8(std::string_view bytes, bool copy) {
  const char* bad = utf8::find_invalid(bytes.begin(), bytes.end());
  if (bad != bytes.end()) {
    const auto at = static_cast<std::size_t>(bad - bytes.begin());
    const int line = 1 + static_cast<int>(std::count(bytes.begin(), bad, '\n'));
    const auto c = static_cast<std::uint8_t>(bytes[at]);
    const char* hex = "0123456789ABCDEF";
    return Fail(TextEncoding::kUtf8, line,
                std::string("invalid UTF-8 byte 0x") + hex[c >> 4] + hex[c & 15] +
                    " (not UTF-8 or UTF-16; save the document as Windows does)");
  }
  DecodeResult r;
  r.ok = true;
  r.encoding = TextEncoding::kUtf8;
  if (copy) r.utf8 = std::string(bytes);
  return r;
}

}  // namespace

DecodeResult DecodeToUtf8(std::string_view bytes, bool copy) {
  auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(bytes[i]); };
  auto with_bom = [](DecodeResult r, std::size_t bom) {
    r.bom_size = bom;
    return r;
  };
  if (bytes.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
    return with_bom(CheckUtf8(bytes.substr(3), copy), 3);
  }
  if (bytes.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE) {
    return with_bom(DecodeUtf16(bytes.substr(2), true), 2);
  }
  if (bytes.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) {
    return with_bom(DecodeUtf16(bytes.substr(2), false), 2);
  }
  if (bytes.size() >= 2 && byte(0) != 0 && byte(1) == 0) return DecodeUtf16(bytes, true);
  if (bytes.size() >= 2 && byte(0) == 0 && byte(1) != 0) return DecodeUtf16(bytes, false);
  return CheckUtf8(bytes, copy);
}

std::string EncodeUtf16LE(std::string_view text, bool with_bom) {
  std::u16string units;
  units.reserve(text.size());
  // Invalid UTF-8 never reaches here (every reader validates first); replace it if it does.
  const std::string valid = utf8::is_valid(text.begin(), text.end())
                                ? std::string(text)
                                : utf8::replace_invalid(std::string(text));
  utf8::utf8to16(valid.begin(), valid.end(), std::back_inserter(units));
  std::string out;
  out.reserve(units.size() * 2 + 2);
  if (with_bom) out += "\xFF\xFE";
  for (char16_t u : units) {
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>((u >> 8) & 0xFF);
  }
  return out;
}

}  // namespace vsssim::metadata::internal
