// Whole-document checks of a WMD or BCD that was read successfully: the rules a document can
// break although it is well-formed (§3.11 WMD-*, §5, §2.9 SEL-09, §6). Each problem becomes a
// Diagnostic with the line where the reader found the element (source_line), so
// `vsssim check` can print "file:line: RULE-ID: message".
//
// Thread safety: pure functions.
#ifndef VSSSIM_METADATA_VALIDATE_H_
#define VSSSIM_METADATA_VALIDATE_H_

#include <string_view>
#include <vector>

#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/diagnostic.h"
#include "vsssim/metadata/writer_metadata.h"

namespace vsssim::metadata {

std::vector<Diagnostic> ValidateWriterMetadata(const WriterMetadata& wmd,
                                               std::string_view file_name = "<memory>");
std::vector<Diagnostic> ValidateBackupComponents(const BackupComponents& bcd,
                                                 std::string_view file_name = "<memory>");

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_VALIDATE_H_
