#include "vsssim/trace/text.h"

#include "sim/trace/escape.h"

#include <cstdio>

namespace vsssim::trace {
namespace {

bool NeedsQuotes(std::string_view value) {
  if (value.empty()) return true;
  for (char c : value) {
    if (c == ' ' || c == '"' || c == '=' || c == '\\' || static_cast<unsigned char>(c) < 0x20) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string RenderTextLine(const Entry& e) {
  char head[64];
  std::snprintf(head, sizeof head, " #%04llu ", static_cast<unsigned long long>(e.sequence));
  std::string out = runtime::FormatTimePoint(e.time);
  out += head;
  std::string kind(KindName(e.kind));
  kind.resize(9, ' ');
  out += kind;
  out += e.from;
  if (!e.to.empty()) {
    out += " -> ";
    out += e.to;
  }
  out += ' ';
  out += e.name;
  for (const AttributeView& a : e.attributes) {
    out += ' ';
    out += a.key;
    out += '=';
    if (NeedsQuotes(a.value)) {
      internal::AppendQuoted(out, a.value, "\\x%02x");
    } else {
      out += a.value;
    }
  }
  if (!e.rule.empty()) {
    out += "  [";
    out += e.rule;
    out += ']';
  }
  return out;
}

std::string RenderText(const Trace& trace) {
  std::string out;
  for (const Entry& e : trace.entries()) {
    out += RenderTextLine(e);
    out += '\n';
  }
  return out;
}

std::string Fnv1a64Hex(std::string_view bytes) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001B3ull;
  }
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
  return buffer;
}

std::string Digest(const Trace& trace) { return Fnv1a64Hex(RenderText(trace)); }

}  // namespace vsssim::trace
