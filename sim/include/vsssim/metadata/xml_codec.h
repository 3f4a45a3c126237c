// Reading and writing the WMD and BCD in the real VSS XML format (../shared/spec/CATALOGUE.md
// §6.2, §6.3; element and attribute names Microsoft never published are ours, listed in
// docs/xml-format.md).
//
// Readers accept what Windows writes (WMDX-12): UTF-8 or UTF-16 with or without BOM,
// one-line or pretty-printed, GUIDs in any case with or without braces, missing optional
// elements (a missing RESTORE_METHOD is a warning, WMDX-08), and unknown elements or
// attributes (kept in Extensions and written back, never fatal). Bad input gives
// diagnostics with file and line; a reader never crashes and never silently defaults a value
// it could not read (such a value is an error).
//
// Writers produce pretty-printed UTF-8 without an XML declaration, in a canonical element
// order; write(read(write(x))) == write(x).
//
// Thread safety: pure functions.
#ifndef VSSSIM_METADATA_XML_CODEC_H_
#define VSSSIM_METADATA_XML_CODEC_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/diagnostic.h"
#include "vsssim/metadata/writer_metadata.h"

namespace vsssim::metadata {

template <class Document>
struct ReadResult {
  std::optional<Document> document;     // set unless an error was found
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in document order
  bool ok() const { return document.has_value(); }
};

ReadResult<WriterMetadata> ReadWriterMetadataXml(std::string_view bytes,
                                                 std::string_view file_name = "<memory>");
std::string WriteWriterMetadataXml(const WriterMetadata& metadata);

ReadResult<BackupComponents> ReadBackupComponentsXml(std::string_view bytes,
                                                     std::string_view file_name = "<memory>");
std::string WriteBackupComponentsXml(const BackupComponents& components);

enum class DocumentKind { kUnknown, kWriterMetadata, kBackupComponents };
// Which document the bytes hold, from the name of the root element (WRITER_METADATA or
// BACKUP_COMPONENTS); kUnknown when they are neither or not readable.
DocumentKind DetectDocumentKind(std::string_view bytes);

// UTF-16LE with BOM, the way Windows tools save "Unicode" text (WMDX-12).
std::string ToUtf16LE(std::string_view utf8);

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_XML_CODEC_H_
