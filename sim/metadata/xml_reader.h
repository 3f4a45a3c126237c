// Reading helpers shared by the WMD and BCD readers: decoding and parsing a document with
// tinyxml2 (errors with line numbers, never a crash: tinyxml2 turns nesting deeper than
// TINYXML2_MAX_ELEMENT_DEPTH into an error), and ElementReader, which reads the attributes of
// one element, records a diagnostic for each bad value and keeps unknown attributes and
// child elements as Extensions (WMDX-11: unknown XML is never fatal). Internal.
//
// Thread safety: none; one reader per document.
#ifndef VSSSIM_SIM_METADATA_XML_READER_H_
#define VSSSIM_SIM_METADATA_XML_READER_H_

#include <tinyxml2.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/metadata/xml_vocabulary.h"
#include "vsssim/metadata/diagnostic.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/metadata/xml_codec.h"
#include "vsssim/vss/guid.h"

namespace vsssim::metadata::internal {

// Collects diagnostics for one document.
struct ReadContext {
  std::string file;
  std::vector<Diagnostic> diagnostics;

  void Error(int line, std::string_view rule, std::string message);
  void Warning(int line, std::string_view rule, std::string message);
  bool failed() const { return HasErrors(diagnostics); }
};

// Decodes `bytes` (UTF-8/UTF-16, WMDX-12) and parses them into `doc`. On failure records an
// error (with line) in `ctx` and returns false.
bool ParseXml(std::string_view bytes, tinyxml2::XMLDocument& doc, ReadContext& ctx);

// The compact XML text of an element (for Extensions::elements).
std::string SerializeElement(const tinyxml2::XMLElement& element);

class ElementReader {
 public:
  ElementReader(const tinyxml2::XMLElement& element, ReadContext& ctx)
      : element_(element), ctx_(ctx) {}

  int line() const { return element_.GetLineNum(); }
  const char* name() const { return element_.Name(); }

  // Each reader marks the attribute as known. `required` absent => error (rule XML-02).
  std::string String(const char* attr, bool required = false);
  std::optional<std::string> OptionalString(const char* attr);
  bool Bool(const char* attr, bool default_value, bool required = false);  // yes/no (WMDX-02)
  Guid GuidValue(const char* attr, bool required);
  // Unsigned decimal (WMDX-02; "0x" hex also accepted).
  std::uint64_t Number(const char* attr, std::uint64_t default_value, std::uint64_t max_value);
  template <class E>
  E Enum(const char* attr, E default_value, bool required = false) {
    const char* text = Find(attr);
    if (text == nullptr) {
      if (required) Missing(attr);
      return default_value;
    }
    if (auto v = FromXml<E>(text)) return *v;
    ctx_.Error(
        line(), "XML-02",
        std::string(name()) + ": attribute " + attr + "=\"" + text + "\" is not a known value");
    return default_value;
  }
  // Marks attributes as known without reading them (e.g. xmlns).
  void Ignore(std::initializer_list<const char*> attrs);
  // The attributes not read so far, in document order.
  std::vector<std::pair<std::string, std::string>> UnknownAttributes() const;

 private:
  const char* Find(const char* attr);
  void Missing(const char* attr);

  const tinyxml2::XMLElement& element_;
  ReadContext& ctx_;
  std::array<const char*, 32> known_{};  // every reader reads fewer attributes than this
  std::size_t known_count_ = 0;
  int found_ = 0;  // known attributes present on the element
};

// Base64 for icons (the icon attribute, our name; WMDX-11).
std::string EncodeBase64(const std::vector<std::uint8_t>& bytes);
std::optional<std::vector<std::uint8_t>> DecodeBase64(std::string_view text);

// Parses `bytes`, checks the root element is <root_name> (XML-02) and reads it into a Model
// with `read_root`; the model is returned only when no error was found. Shared by the WMD and
// BCD readers.
template <class Model>
ReadResult<Model> ReadDocument(std::string_view bytes, std::string_view file_name,
                               const char* root_name,
                               void (*read_root)(const tinyxml2::XMLElement&, Model&,
                                                 ReadContext&)) {
  ReadContext ctx;
  ctx.file = std::string(file_name);
  ReadResult<Model> result;
  tinyxml2::XMLDocument doc;
  if (ParseXml(bytes, doc, ctx)) {
    const tinyxml2::XMLElement& root = *doc.RootElement();
    if (std::string_view(root.Name()) != root_name) {
      ctx.Error(root.GetLineNum(), "XML-02",
                std::string("root element is <") + root.Name() + ">, expected <" + root_name + ">");
    } else {
      Model model;
      read_root(root, model, ctx);
      if (!ctx.failed()) result.document = std::move(model);
    }
  }
  result.diagnostics = std::move(ctx.diagnostics);
  return result;
}

}  // namespace vsssim::metadata::internal

#endif  // VSSSIM_SIM_METADATA_XML_READER_H_
