// A direct XML text writer with the same interface as ElementWriter (xml_writer.h) and the
// same output as tinyxml2's pretty printer (XMLPrinter, compact=false): four spaces of
// indentation per depth, `<E a="v"/>` for an element without children, a newline after the
// root; attribute values with " & ' < > written as entities and cut at the first NUL. It
// writes as it goes, so attributes must be set before the first child; it cannot write
// Extensions (callers with extensions use the tinyxml2 DOM). The BCD writer uses it because
// SaveAsXML runs once per backup and the DOM cost most of it (bench/coordinator_bench.cc).
//
// Thread safety: none. Internal to sim/metadata.
#ifndef VSSSIM_SIM_METADATA_XML_TEXT_WRITER_H_
#define VSSSIM_SIM_METADATA_XML_TEXT_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "vsssim/metadata/writer_metadata.h"

namespace vsssim::metadata::internal {

// The document: the text written so far.
class XmlText {
 public:
  explicit XmlText(std::size_t reserve = 0) { out_.reserve(reserve); }
  // The whole text. REQUIRES: every element is closed.
  std::string Take() { return std::move(out_); }

 private:
  friend class TextElementWriter;
  void Open(const char* name);
  void Attribute(const char* name, std::string_view value);
  void Close(const char* name);
  void Indent();

  std::string out_;
  int depth_ = 0;
  bool just_opened_ = false;  // the start tag of the innermost element is still open
  bool first_ = true;         // nothing written yet
};

// One element: opened on construction, closed on destruction (a scope per element).
class TextElementWriter {
 public:
  TextElementWriter(XmlText& doc, const char* name) : doc_(doc), name_(name) { doc_.Open(name); }
  ~TextElementWriter() { doc_.Close(name_); }
  TextElementWriter(const TextElementWriter&) = delete;
  TextElementWriter& operator=(const TextElementWriter&) = delete;

  // REQUIRES: no child written yet.
  void Set(const char* attr, std::string_view value) { doc_.Attribute(attr, value); }
  void SetBool(const char* attr, bool value) { Set(attr, value ? "yes" : "no"); }
  void SetNumber(const char* attr, std::uint64_t value) { Set(attr, std::to_string(value)); }
  // REQUIRES: extensions.empty() (see the file comment).
  void AddExtensions(const Extensions& extensions);
  TextElementWriter Child(const char* name) { return TextElementWriter(doc_, name); }

 private:
  XmlText& doc_;
  const char* name_;
};

}  // namespace vsssim::metadata::internal

#endif  // VSSSIM_SIM_METADATA_XML_TEXT_WRITER_H_
