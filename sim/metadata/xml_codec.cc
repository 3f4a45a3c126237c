#include "vsssim/metadata/xml_codec.h"

#include <tinyxml2.h>

#include <cstring>

#include "sim/metadata/text_encoding.h"
#include "sim/metadata/xml_reader.h"

namespace vsssim::metadata {

DocumentKind DetectDocumentKind(std::string_view bytes) {
  internal::ReadContext ctx;
  tinyxml2::XMLDocument doc;
  if (!internal::ParseXml(bytes, doc, ctx)) return DocumentKind::kUnknown;
  const char* name = doc.RootElement()->Name();
  if (std::strcmp(name, "WRITER_METADATA") == 0) return DocumentKind::kWriterMetadata;
  if (std::strcmp(name, "BACKUP_COMPONENTS") == 0) return DocumentKind::kBackupComponents;
  return DocumentKind::kUnknown;
}

std::string ToUtf16LE(std::string_view utf8) { return internal::EncodeUtf16LE(utf8, true); }

}  // namespace vsssim::metadata
