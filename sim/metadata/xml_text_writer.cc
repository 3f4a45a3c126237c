#include "sim/metadata/xml_text_writer.h"

#include <array>
#include <cassert>
#include <cstring>

namespace vsssim::metadata::internal {

void XmlText::Indent() { out_.append(static_cast<std::size_t>(4 * depth_), ' '); }

namespace {

// The characters written as entities, as a table: the scan runs over every attribute value.
constexpr std::array<bool, 256> kEntityChars = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'"', '&', '\'', '<', '>'}) t[c] = true;
  return t;
}();

bool NeedsEntity(std::string_view value) {
  for (char c : value) {
    if (kEntityChars[static_cast<unsigned char>(c)]) return true;
  }
  return false;
}

}  // namespace

void XmlText::Open(const char* name) {
  if (just_opened_) out_ += '>';
  if (!first_) out_ += '\n';
  Indent();
  out_ += '<';
  out_ += name;
  just_opened_ = true;
  first_ = false;
  ++depth_;
}

void XmlText::Attribute(const char* name, std::string_view value) {
  assert(just_opened_ && "attributes go before the first child");
  // As tinyxml2 stores values as C strings: the value ends at its first NUL.
  value = value.substr(0, value.find('\0'));
  const std::string_view attr(name);
  if (!NeedsEntity(value)) {  // the usual case (ids, names, yes/no): one append
    const std::size_t at = out_.size();
    out_.resize(at + attr.size() + value.size() + 4);
    char* p = &out_[at];
    *p++ = ' ';
    std::memcpy(p, attr.data(), attr.size());
    p += attr.size();
    *p++ = '=';
    *p++ = '"';
    if (!value.empty()) std::memcpy(p, value.data(), value.size());
    p[value.size()] = '"';
    return;
  }
  out_ += ' ';
  out_ += attr;
  out_ += "=\"";
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char* entity = nullptr;
    switch (value[i]) {
      case '"':
        entity = "&quot;";
        break;
      case '&':
        entity = "&amp;";
        break;
      case '\'':
        entity = "&apos;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      default:
        continue;
    }
    out_.append(value.data() + start, i - start);
    out_ += entity;
    start = i + 1;
  }
  out_.append(value.data() + start, value.size() - start);
  out_ += '"';
}

void XmlText::Close(const char* name) {
  --depth_;
  if (just_opened_) {
    out_ += "/>";
  } else {
    out_ += '\n';
    Indent();
    out_ += "</";
    out_ += name;
    out_ += '>';
  }
  if (depth_ == 0) out_ += '\n';
  just_opened_ = false;
}

void TextElementWriter::AddExtensions(const Extensions& extensions) {
  assert(extensions.empty() && "the text writer cannot write extensions");
  (void)extensions;
}

}  // namespace vsssim::metadata::internal
