// The two routes of WriteBackupComponentsXml (xml_codec.h), exposed so a test can check they
// write the same bytes. Internal to sim/metadata.
//
// Thread safety: pure functions.
#ifndef VSSSIM_SIM_METADATA_BCD_WRITER_H_
#define VSSSIM_SIM_METADATA_BCD_WRITER_H_

#include <optional>
#include <string>

#include "vsssim/metadata/backup_components.h"

namespace vsssim::metadata::internal {

// Through the tinyxml2 DOM: any document, extensions (unknown XML kept by a reader) included.
std::string WriteBackupComponentsDom(const BackupComponents& components);
// Through the direct text writer; nullopt when the document holds extensions.
std::optional<std::string> WriteBackupComponentsText(const BackupComponents& components);

}  // namespace vsssim::metadata::internal

#endif  // VSSSIM_SIM_METADATA_BCD_WRITER_H_
