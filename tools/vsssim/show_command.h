// `vsssim show FILE.xml [--json]`: what a person wants to see of a captured WMD or BCD, laid
// out like `vshadow -wm` (../shared/realworld/vshadow-sample/): for a WMD the writer identity,
// restore method, schema decoded into names, each component with its file specs and decoded
// masks, exclusions; for a BCD the backup state and each writer's components with stamps and
// metadata. `--json` prints the complete model (metadata/model_json.h) for scripts.
//
// Exit codes: 0 shown, 1 the document was read but holds errors (nothing shown), 2 unreadable.
#ifndef VSSSIM_TOOLS_VSSSIM_SHOW_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_SHOW_COMMAND_H_

#include <ostream>
#include <string>

#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/writer_metadata.h"

namespace vsssim::tools {

int RunShow(const std::string& path, bool json, std::ostream& out, std::ostream& err);

// The vshadow-like text of one document.
void ShowWriterMetadata(const metadata::WriterMetadata& wmd, std::ostream& out);
void ShowBackupComponents(const metadata::BackupComponents& bcd, std::ostream& out);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_SHOW_COMMAND_H_
