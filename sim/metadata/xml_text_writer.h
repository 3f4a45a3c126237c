// A direct XML text writer with the same interface as ElementWriter (xml_writer.h) and the
// same output as tinyxml2's pretty printer (XMLPrinter, compact=false): four spaces of
// indentation per depth, `<E a="v"/>` for an element without children, a newline after the
// root; attribute values with " & ' < > written as entities and cut at the first NUL. It
// writes as it goes, so attributes must be set before the first child; it cannot write
// Extensions (callers with extensions use the tinyxml2 DOM). The BCD writer uses it because
// SaveAsXML runs once per backup and the DOM cost most of it (bench/coordinator_bench.cc).
//
// Element and attribute names are string literals (their length is known at compile time),
// and a write is a bounds check and a copy.
//
// Thread safety: none. Internal to sim/metadata.
#ifndef VSSSIM_SIM_METADATA_XML_TEXT_WRITER_H_
#define VSSSIM_SIM_METADATA_XML_TEXT_WRITER_H_

#include <cassert>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/vss/guid.h"

namespace vsssim::metadata::internal {

// The document: the text written so far. It is written into an uninitialised buffer (inline
// up to kInline bytes, else on the heap) and copied into the string once by Take(): a
// std::string can only grow by writing every byte twice (zero fill, then the text).
class XmlText {
 public:
  static constexpr std::size_t kInline = 4096;

  // `reserve`: the expected size; more is taken when it is short.
  explicit XmlText(std::size_t reserve = 0) {
    if (reserve > kInline) Reallocate(reserve);
  }
  XmlText(const XmlText&) = delete;
  XmlText& operator=(const XmlText&) = delete;
  // The whole text. REQUIRES: every element is closed.
  std::string Take() const { return std::string(begin_, size_); }

 private:
  friend class TextElementWriter;

  // Room for `n` more bytes: where they go. The caller writes exactly `n` bytes there.
  char* Extend(std::size_t n) {
    if (capacity_ - size_ < n) Reallocate(2 * capacity_ + n);
    char* p = begin_ + size_;
    size_ += n;
    return p;
  }
  void Reallocate(std::size_t capacity);
  void Open(const char* name, std::size_t name_size);
  void Close(const char* name, std::size_t name_size);
  // ` name="value"` with `value` written as is. REQUIRES: `value` holds no NUL and no
  // character that needs an entity.
  void RawAttribute(const char* name, std::size_t name_size, std::string_view value) {
    assert(just_opened_ && "attributes go before the first child");
    char* p = Extend(name_size + value.size() + 4);
    *p++ = ' ';
    std::memcpy(p, name, name_size);
    p += name_size;
    *p++ = '=';
    *p++ = '"';
    if (!value.empty()) std::memcpy(p, value.data(), value.size());
    p[value.size()] = '"';
  }
  // Any value: cut at its first NUL, entities written.
  void Attribute(const char* name, std::size_t name_size, std::string_view value) {
    if (IsPlain(value)) {
      RawAttribute(name, name_size, value);
    } else {
      EscapedAttribute(name, name_size, value);
    }
  }
  void EscapedAttribute(const char* name, std::size_t name_size, std::string_view value);
  // True when `value` holds no NUL and nothing written as an entity.
  static bool IsPlain(std::string_view value);

  char inline_[kInline];  // uninitialised on purpose: only [0, size_) is read
  std::unique_ptr<char[]> heap_;
  char* begin_ = inline_;
  std::size_t size_ = 0;  // bytes written
  std::size_t capacity_ = kInline;
  int depth_ = 0;
  bool just_opened_ = false;  // the start tag of the innermost element is still open
  bool first_ = true;         // nothing written yet
};

// One element: opened on construction, closed on destruction (a scope per element). Names
// are string literals.
class TextElementWriter {
 public:
  template <std::size_t N>
  TextElementWriter(XmlText& doc, const char (&name)[N]) : doc_(doc), name_(name), size_(N - 1) {
    doc_.Open(name_, size_);
  }
  ~TextElementWriter() { doc_.Close(name_, size_); }
  TextElementWriter(const TextElementWriter&) = delete;
  TextElementWriter& operator=(const TextElementWriter&) = delete;

  // REQUIRES: no child written yet (for every setter).
  template <std::size_t N>
  void Set(const char (&attr)[N], std::string_view value) {
    doc_.Attribute(attr, N - 1, value);
  }
  // A value known to need no entity and to hold no NUL (enum spellings, fixed text).
  template <std::size_t N>
  void SetToken(const char (&attr)[N], std::string_view value) {
    doc_.RawAttribute(attr, N - 1, value);
  }
  template <std::size_t N>
  void SetBool(const char (&attr)[N], bool value) {
    SetToken(attr, value ? std::string_view("yes") : std::string_view("no"));
  }
  template <std::size_t N>
  void SetNumber(const char (&attr)[N], std::uint64_t value) {
    char digits[20];
    char* end = digits + sizeof digits;
    char* p = end;
    do {
      *--p = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0);
    SetToken(attr, std::string_view(p, static_cast<std::size_t>(end - p)));
  }
  template <std::size_t N>
  void SetGuid(const char (&attr)[N], const Guid& value) {
    SetToken(attr, GuidText(value).view());
  }
  // REQUIRES: extensions.empty() (see the file comment).
  void AddExtensions(const Extensions& extensions);
  template <std::size_t N>
  TextElementWriter Child(const char (&name)[N]) {
    return TextElementWriter(doc_, name);
  }

 private:
  XmlText& doc_;
  const char* name_;
  std::size_t size_;
};

}  // namespace vsssim::metadata::internal

#endif  // VSSSIM_SIM_METADATA_XML_TEXT_WRITER_H_
