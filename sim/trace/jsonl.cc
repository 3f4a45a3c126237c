#include "vsssim/trace/jsonl.h"

#include <cstdio>

namespace vsssim::trace {

std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
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
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::string RenderJsonLine(const Entry& e) {
  std::string out = "{\"seq\":" + std::to_string(e.sequence) +
                    ",\"time_ns\":" + std::to_string(e.time.since_start.count()) +
                    ",\"kind\":" + JsonQuote(KindName(e.kind)) + ",\"from\":" + JsonQuote(e.from) +
                    ",\"to\":" + JsonQuote(e.to) + ",\"name\":" + JsonQuote(e.name) +
                    ",\"attributes\":{";
  for (std::size_t i = 0; i < e.attributes.size(); ++i) {
    if (i > 0) out += ',';
    out += JsonQuote(e.attributes[i].key) + ':' + JsonQuote(e.attributes[i].value);
  }
  out += "},\"rule\":" + JsonQuote(e.rule) + '}';
  return out;
}

std::string RenderJsonLines(const Trace& trace) {
  std::string out;
  for (const Entry& e : trace.entries()) {
    out += RenderJsonLine(e);
    out += '\n';
  }
  return out;
}

}  // namespace vsssim::trace
