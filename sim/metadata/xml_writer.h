// Writing helpers shared by the WMD and BCD writers: attribute setters in the document's
// conventions (yes/no booleans, unsigned decimal masks, WMDX-02) and write-back of the unknown
// XML a reader kept (Extensions). Internal.
//
// Thread safety: none.
#ifndef VSSSIM_SIM_METADATA_XML_WRITER_H_
#define VSSSIM_SIM_METADATA_XML_WRITER_H_

#include <tinyxml2.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/vss/guid.h"

namespace vsssim::metadata::internal {

class ElementWriter {
 public:
  explicit ElementWriter(tinyxml2::XMLElement* element) : element_(element) {}

  void Set(const char* attr, std::string_view value);
  void SetBool(const char* attr, bool value) { Set(attr, value ? "yes" : "no"); }
  void SetNumber(const char* attr, std::uint64_t value) { Set(attr, std::to_string(value)); }
  // The same as Set; the text writer (xml_text_writer.h) skips the entity scan for these.
  void SetToken(const char* attr, std::string_view value) { Set(attr, value); }
  void SetGuid(const char* attr, const Guid& value) { Set(attr, GuidText(value).view()); }
  // Unknown attributes, then unknown child elements (Extensions).
  void AddExtensions(const Extensions& extensions);
  ElementWriter Child(const char* name);
  tinyxml2::XMLElement* element() const { return element_; }

 private:
  tinyxml2::XMLElement* element_;
};

// Pretty-printed text of the whole document.
std::string PrintDocument(const tinyxml2::XMLDocument& doc);

}  // namespace vsssim::metadata::internal

#endif  // VSSSIM_SIM_METADATA_XML_WRITER_H_
