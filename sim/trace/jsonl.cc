#include "vsssim/trace/jsonl.h"

#include "sim/trace/escape.h"

#include <cstdio>

namespace vsssim::trace {

std::string JsonQuote(std::string_view text) {
  std::string out;
  internal::AppendQuoted(out, text, "\\u%04x");
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
