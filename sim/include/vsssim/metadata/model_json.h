// The complete WMD / BCD models as JSON text, for scripts (`vsssim show --json`). Every
// field of the model appears, enums by their SDK names, masks as numbers plus decoded flag
// names, GUIDs in lower case. Deterministic: same model, same bytes.
//
// Thread safety: pure functions.
#ifndef VSSSIM_METADATA_MODEL_JSON_H_
#define VSSSIM_METADATA_MODEL_JSON_H_

#include <string>

#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/writer_metadata.h"

namespace vsssim::metadata {

std::string ToJson(const WriterMetadata& wmd, int indent = 2);
std::string ToJson(const BackupComponents& bcd, int indent = 2);

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_MODEL_JSON_H_
