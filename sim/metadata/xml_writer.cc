#include "sim/metadata/xml_writer.h"

namespace vsssim::metadata::internal {

void ElementWriter::Set(const char* attr, std::string_view value) {
  element_->SetAttribute(attr, std::string(value).c_str());
}

void ElementWriter::AddExtensions(const Extensions& extensions) {
  for (const auto& [name, value] : extensions.attributes) {
    element_->SetAttribute(name.c_str(), value.c_str());
  }
  for (const std::string& xml : extensions.elements) {
    tinyxml2::XMLDocument fragment;
    if (fragment.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) continue;
    for (const tinyxml2::XMLNode* node = fragment.FirstChild(); node != nullptr;
         node = node->NextSibling()) {
      element_->InsertEndChild(node->DeepClone(element_->GetDocument()));
    }
  }
}

ElementWriter ElementWriter::Child(const char* name) {
  tinyxml2::XMLElement* child = element_->GetDocument()->NewElement(name);
  element_->InsertEndChild(child);
  return ElementWriter(child);
}

std::string PrintDocument(const tinyxml2::XMLDocument& doc) {
  tinyxml2::XMLPrinter printer(nullptr, /*compact=*/false);
  doc.Print(&printer);
  return std::string(printer.CStr(), static_cast<std::size_t>(printer.CStrSize() - 1));
}

}  // namespace vsssim::metadata::internal
