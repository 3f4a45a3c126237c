#include "tools/vsssim/check_command.h"

#include <utility>
#include <vector>

#include "vsssim/metadata/diagnostic.h"
#include "vsssim/metadata/validate.h"
#include "vsssim/metadata/xml_codec.h"
#include "vsssim/runtime/input_file.h"

namespace vsssim::tools {
namespace {

using metadata::Diagnostic;
using metadata::DocumentKind;

void Print(const std::vector<Diagnostic>& diagnostics, std::ostream& out) {
  for (const Diagnostic& d : diagnostics) out << d.ToString() << "\n";
}

// Reads and validates a document of a known kind: 0 valid, 1 findings.
template <class Read, class Validate>
int CheckDocument(const std::string& bytes, const std::string& path, Read read, Validate validate,
                  std::ostream& out) {
  auto result = read(bytes, path);
  std::vector<Diagnostic> all = result.diagnostics;
  if (result.document) {
    std::vector<Diagnostic> more = validate(*result.document, path);
    all.insert(all.end(), more.begin(), more.end());
  }
  Print(all, out);
  return metadata::HasErrors(all) ? 1 : 0;
}

}  // namespace

std::optional<std::string> ReadDocumentFile(const std::string& path, std::ostream& err) {
  runtime::InputFile file = runtime::ReadInputFile(path, kMaxDocumentBytes);
  if (!file.bytes) err << path << ":1: " << file.error << "\n";
  return std::move(file.bytes);
}

int RunCheck(const std::string& path, std::ostream& out) {
  std::optional<std::string> bytes = ReadDocumentFile(path, out);
  if (!bytes) return 2;
  switch (metadata::DetectDocumentKind(*bytes)) {
    case DocumentKind::kWriterMetadata:
      return CheckDocument(*bytes, path, metadata::ReadWriterMetadataXml,
                           metadata::ValidateWriterMetadata, out);
    case DocumentKind::kBackupComponents:
      return CheckDocument(*bytes, path, metadata::ReadBackupComponentsXml,
                           metadata::ValidateBackupComponents, out);
    case DocumentKind::kUnknown:
      break;
  }
  // Unreadable: report why (encoding, syntax or root element) with its line.
  auto result = metadata::ReadWriterMetadataXml(*bytes, path);
  for (Diagnostic& d : result.diagnostics) {
    if (d.severity != metadata::Severity::kError) continue;
    if (d.message.find("expected <WRITER_METADATA>") != std::string::npos) {
      d.message += " or <BACKUP_COMPONENTS>";
    }
    out << d.ToString() << "\n";
    break;
  }
  return 2;
}

}  // namespace vsssim::tools
