// BackupFiles: the requester's data copy after DoSnapshotSet (catalogue §2.10, §5.1-§5.7):
// copies the files of the components selected in the BCD from the shadow copies into a new
// backup set on a Medium.
//
// Per writer instance and per explicit component as a unit (REQ-SET-03), for the component and
// its implicit members (SEL-05), in the order of DIFF-07:
//   1. differenced files (DIFF-01..06): files matching a differenced spec are copied only when
//      their last-modify time is at or after the writer's time (non-zero) or the base backup's
//      snapshot time (zero: the requester decides from its history, DIFF-02); their file-set
//      mask is ignored (FSBT-05). A file both differenced and partial follows the differenced
//      instruction and is reported as DIFF-04.
//   2. partial files (PART-01..06): only the ranges are copied (clipped to the file size); a
//      ranges-file path (PART-03, both forms) is read from the same source.
//   3. every other file of each file set whose mask requires backup for the writer's effective
//      type (FSBT-02/03, BT-03) — read from the alternate path when one is set (ALT-01; files
//      in both places: the alternate wins), from the shadow copy when the snapshot-required bit
//      is set (FSBT-04; no shadow copy of the volume -> the component fails) or, when it is
//      clear, from the shadow copy if there is one, else the live volume.
// Exclude lists of every writer given win over file sets, matched on the default path
// (REQ-SET-02); EXCLUDE_FILES_FROM_SNAPSHOT files are absent from a shadow copy and never
// copied (DATA-CHOICE-EXCLUDE-FROM-SNAPSHOT). A file set without wildcards that matches no
// file fails its component (REQ-SET-06); a failed component contributes no files (SEL-06).
// Outside component mode (SEL-01) every component of every writer given is backed up.
//
// Thread safety: none. REQUIRES: shadow copies and volumes outlive the call.
#ifndef VSSSIM_BACKUP_BACKUP_FILES_H_
#define VSSSIM_BACKUP_BACKUP_FILES_H_

#include <string>
#include <vector>

#include "vsssim/backup/medium.h"
#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/storage/shadow_copy.h"
#include "vsssim/storage/volume_manager.h"

namespace vsssim::backup {

struct BackupRequest {
  std::string label;                                      // the set's label on the medium
  metadata::BackupComponents bcd;                         // the requester's BCD after PostSnapshot
  std::vector<metadata::WriterMetadata> writers;          // gathered WMDs (one per instance)
  std::vector<const storage::ShadowCopy*> shadow_copies;  // the snapshot set (REQ-SET-01)
  const storage::VolumeManager* live = nullptr;           // for FSBT-04 "live allowed"; may be null
};

// A rule the backup could not honour, per component.
struct DataProblem {
  std::string rule_id;
  std::string message;
};

struct BackupReport {
  std::string label;  // as stored (may carry a "#n" suffix)
  std::size_t files_copied = 0;
  std::size_t partial_files = 0;
  std::uint64_t bytes_copied = 0;
  std::vector<ComponentRef> failed_components;  // SEL-06
  std::vector<DataProblem> problems;
  bool ok() const { return failed_components.empty() && problems.empty(); }
};

BackupReport BackupFiles(const BackupRequest& request, Medium* medium);

}  // namespace vsssim::backup

#endif  // VSSSIM_BACKUP_BACKUP_FILES_H_
