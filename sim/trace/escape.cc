#include "sim/trace/escape.h"

#include <cstdio>
#include <string>

#include "vsssim/vss/text.h"

namespace vsssim::trace::internal {

void AppendQuoted(std::string& out, std::string_view raw, const char* control_format) {
  // Any string becomes valid UTF-8 (bad bytes U+FFFD), so JSON lines always parse.
  std::string repaired;
  std::string_view value = raw;
  if (!vss::IsValidUtf8(raw)) {
    repaired = vss::ToValidUtf8(raw);
    value = repaired;
  }
  out += '"';
  for (char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, control_format, static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

}  // namespace vsssim::trace::internal
