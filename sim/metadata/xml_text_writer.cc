#include "sim/metadata/xml_text_writer.h"

#include <array>
#include <cassert>

namespace vsssim::metadata::internal {

namespace {

// The characters that end the fast path, as a table (the scan runs over every attribute
// value): the five written as entities, and NUL (the value is cut there).
constexpr std::array<bool, 256> kSpecialChars = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'\0', '"', '&', '\'', '<', '>'}) t[c] = true;
  return t;
}();

}  // namespace

bool XmlText::IsPlain(std::string_view value) {
  for (char c : value) {
    if (kSpecialChars[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

void XmlText::Reallocate(std::size_t capacity) {
  std::unique_ptr<char[]> bigger(new char[capacity]);  // uninitialised (see the class comment)
  if (size_ != 0) std::memcpy(bigger.get(), begin_, size_);
  heap_ = std::move(bigger);
  begin_ = heap_.get();
  capacity_ = capacity;
}

void XmlText::Open(const char* name, std::size_t name_size) {
  const std::size_t indent = static_cast<std::size_t>(4 * depth_);
  char* p = Extend((just_opened_ ? 1 : 0) + (first_ ? 0 : 1) + indent + 1 + name_size);
  if (just_opened_) *p++ = '>';
  if (!first_) *p++ = '\n';
  std::memset(p, ' ', indent);
  p += indent;
  *p++ = '<';
  std::memcpy(p, name, name_size);
  just_opened_ = true;
  first_ = false;
  ++depth_;
}

void XmlText::EscapedAttribute(const char* name, std::size_t name_size, std::string_view value) {
  assert(just_opened_ && "attributes go before the first child");
  // As tinyxml2 stores values as C strings: the value ends at its first NUL.
  value = value.substr(0, value.find('\0'));
  if (IsPlain(value)) {
    RawAttribute(name, name_size, value);
    return;
  }
  RawAttribute(name, name_size, {});
  --size_;  // reopen the value: the closing quote goes after it
  std::size_t start = 0;
  auto append = [this](std::string_view text) {
    if (!text.empty()) std::memcpy(Extend(text.size()), text.data(), text.size());
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string_view entity;
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
    append(value.substr(start, i - start));
    append(entity);
    start = i + 1;
  }
  append(value.substr(start));
  append("\"");
}

void XmlText::Close(const char* name, std::size_t name_size) {
  --depth_;
  const bool last = depth_ == 0;  // a newline after the root
  if (just_opened_) {
    char* p = Extend(2 + (last ? 1 : 0));
    *p++ = '/';
    *p++ = '>';
    if (last) *p = '\n';
  } else {
    const std::size_t indent = static_cast<std::size_t>(4 * depth_);
    char* p = Extend(1 + indent + 2 + name_size + 1 + (last ? 1 : 0));
    *p++ = '\n';
    std::memset(p, ' ', indent);
    p += indent;
    *p++ = '<';
    *p++ = '/';
    std::memcpy(p, name, name_size);
    p += name_size;
    *p++ = '>';
    if (last) *p = '\n';
  }
  just_opened_ = false;
}

void TextElementWriter::AddExtensions(const Extensions& extensions) {
  assert(extensions.empty() && "the text writer cannot write extensions");
  (void)extensions;
}

}  // namespace vsssim::metadata::internal
