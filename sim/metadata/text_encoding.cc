#include "sim/metadata/text_encoding.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace vsssim::metadata::internal {
namespace {

void AppendUtf8(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

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
  int line = 1;
  if (bytes.size() % 2 != 0) {
    DecodeResult whole = DecodeUtf16(bytes.substr(0, bytes.size() - 1), little_endian);
    int last_line = whole.ok ? 1 : whole.error_line;
    for (char c : whole.utf8) last_line += c == '\n' ? 1 : 0;
    return Fail(enc, last_line,
                std::string(name) + " text has an odd number of bytes (truncated?)");
  }
  DecodeResult r;
  r.encoding = enc;
  r.utf8.reserve(bytes.size() / 2);
  auto unit = [&](std::size_t i) -> std::uint32_t {
    auto b0 = static_cast<std::uint8_t>(bytes[i]);
    auto b1 = static_cast<std::uint8_t>(bytes[i + 1]);
    return little_endian ? (b0 | (b1 << 8)) : ((b0 << 8) | b1);
  };
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 2 >= bytes.size()) {
        return Fail(enc, line, std::string(name) + ": high surrogate at end of text");
      }
      std::uint32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) {
        return Fail(enc, line, std::string(name) + ": high surrogate not followed by a low one");
      }
      AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), r.utf8);
      i += 2;
      continue;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) {
      return Fail(enc, line, std::string(name) + ": unpaired low surrogate");
    }
    if (u == '\n') ++line;
    AppendUtf8(u, r.utf8);
  }
  r.ok = true;
  return r;
}

// Validates UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF). The line of an
// error is counted only when there is one; ASCII runs are skipped 8 bytes at a time.
DecodeResult CheckUtf8(std::string_view bytes, bool copy) {
  const std::size_t n = bytes.size();
  auto fail = [&](std::size_t at, std::string message) {
    int line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + at, '\n'));
    return Fail(TextEncoding::kUtf8, line, std::move(message));
  };
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    auto c = static_cast<std::uint8_t>(bytes[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    std::uint32_t cp = 0;
    std::uint32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return fail(i, "invalid UTF-8 byte 0x" + std::string(1, "0123456789ABCDEF"[c >> 4]) +
                         std::string(1, "0123456789ABCDEF"[c & 15]) +
                         " (not UTF-8 or UTF-16; save the document as Windows does)");
    }
    if (i + extra >= n) return fail(i, "truncated UTF-8 sequence at end of text");
    for (int k = 1; k <= extra; ++k) {
      auto cc = static_cast<std::uint8_t>(bytes[i + k]);
      if ((cc & 0xC0) != 0x80) return fail(i, "invalid UTF-8 continuation byte");
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return fail(i, "invalid UTF-8 sequence (overlong or surrogate)");
    }
    i += extra + 1;
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

std::string EncodeUtf16LE(std::string_view utf8, bool with_bom) {
  std::string out;
  out.reserve(utf8.size() * 2 + 2);
  if (with_bom) out += "\xFF\xFE";
  auto put = [&](std::uint32_t u) {
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>((u >> 8) & 0xFF);
  };
  std::size_t i = 0;
  while (i < utf8.size()) {
    auto c = static_cast<std::uint8_t>(utf8[i]);
    std::uint32_t cp = c;
    int extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : 3;
    if (extra > 0) cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < utf8.size(); ++k) {
      cp = (cp << 6) | (static_cast<std::uint8_t>(utf8[i + k]) & 0x3F);
    }
    i += extra + 1;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      put(0xD800 + (cp >> 10));
      put(0xDC00 + (cp & 0x3FF));
    } else {
      put(cp);
    }
  }
  return out;
}

}  // namespace vsssim::metadata::internal
