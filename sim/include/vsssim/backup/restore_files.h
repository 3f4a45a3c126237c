// RestoreFiles: the requester's data copy of a restore (catalogue §2.4 step 12, §5.7-§5.10):
// writes the files of one backup set to the live volumes, for the components selected for
// restore in the restore session's BCD, following what the writer and the requester recorded
// there after PreRestore (REQ-RST-07).
//
// A chain (BT-06) is restored one set per restore session, oldest first, each session but the
// last with SetAdditionalRestores(TRUE) (AR-01); Medium::ChainTo gives the order. A set with a
// base (incremental, differential, log) writes the files it holds over what the earlier
// restores wrote and deletes the files gone since its base (DATA-CHOICE-MANIFEST).
//
// Where each file goes, first match wins:
//   1. a new target of its file set (NT-01/02; needs VSS_BS_WRITER_SUPPORTS_NEW_TARGET, else
//      NT-01 is reported and the new target ignored);
//   2. the component's restore target (RM-01): RT_ORIGINAL_LOCATION -> the default path;
//      RT_ALTERNATE -> the writer's alternate location mapping of the file set, every file set
//      must have one (ALT-03); RT_DIRECTED -> the writer's directed targets (DT-01..03), files
//      not named as a directed source as with RT_ORIGINAL (DATA-CHOICE-DIRECTED-OTHERS);
//   3. RT_ORIGINAL obeys the writer's restore method (§1.7, RM-03 whole-component checks):
//      IF_NOT_THERE, IF_CAN_REPLACE (alternate mapping if defined when not replaceable, else
//      nothing), STOP_RESTORE_START / RESTORE_STOP_START / CUSTOM (default path; services are
//      the coordinator's), RESTORE_TO_ALTERNATE_LOCATION (mapping, ALT-03), AT_REBOOT and
//      AT_REBOOT_IF_CANNOT_REPLACE (staged: listed as pending, then applied as by a reboot,
//      DATA-CHOICE-REBOOT). A missing RESTORE_METHOD (WMDX-08) is read as IF_CAN_REPLACE.
// A later set of a chain skips the IF_NOT_THERE / IF_CAN_REPLACE existence checks: the files
// present are the ones the earlier restores wrote (DATA-CHOICE-CHAIN-METHOD).
// Mapped paths keep their sub-paths (ALT-04); a used mapping is reported so the requester
// records it (AddAlternativeLocationMapping). The stored alternate *path* is never a
// destination (REQ-SET-08).
//
// Thread safety: none. REQUIRES: `live` outlives the call.
#ifndef VSSSIM_BACKUP_RESTORE_FILES_H_
#define VSSSIM_BACKUP_RESTORE_FILES_H_

#include <string>
#include <vector>

#include "vsssim/backup/backup_files.h"
#include "vsssim/backup/medium.h"
#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/vss/enums.h"

namespace vsssim::backup {

struct RestoreOptions {
  // DATA-CHOICE-MANIFEST: delete files gone since the base backup.
  bool apply_removals = true;
  // DATA-CHOICE-PARTIAL-SIZE: after writing a partial file's ranges, set the size it had.
  bool partial_sets_size = true;
  // RM-03: files the simulated requester cannot replace (open by someone), full paths.
  std::vector<std::string> locked_paths;
};

struct RestoreRequest {
  const BackupSet* set = nullptr;
  // The restore session's BCD after PreRestore: selection (SetSelectedForRestore,
  // AddRestoreSubcomponent), new targets, and the writer's restore target and directed targets.
  metadata::BackupComponents bcd;
  // The stored WMDs (REQ-RST-01); empty: read from set->wmd_xmls.
  std::vector<metadata::WriterMetadata> writers;
  RestoreOptions options;
};

// What happened to one component selected for restore.
struct ComponentRestore {
  ComponentRef component;  // the explicit component (member fields == explicit)
  // REQ-RST-08: what the requester passes to SetFileRestoreStatus.
  vss::FileRestoreStatus status = vss::FileRestoreStatus::VSS_RS_UNDEFINED;
  std::string how;  // "original", "alternate", "new-target", "directed", "mixed", "none"
  std::vector<metadata::AlternateLocationMapping> mappings_used;  // ALT-04
  std::vector<std::string> written;                               // destination paths
  std::vector<std::string> deleted;                               // DATA-CHOICE-MANIFEST
  std::vector<std::string> pending_reboot;  // AT_REBOOT staging (DATA-CHOICE-REBOOT)
};

struct RestoreReport {
  std::vector<ComponentRestore> components;
  std::vector<DataProblem> problems;
  std::size_t files_written = 0;
  std::uint64_t bytes_written = 0;
  bool ok() const { return problems.empty(); }
};

RestoreReport RestoreFiles(const RestoreRequest& request, storage::VolumeManager* live);

// The restore BCD a requester would build from the stored one: every component selected for
// restore, SetAdditionalRestores(`additional_restores`) on each (AR-01). A convenience for tests
// and scenarios; a writer's PreRestore changes (restore target, directed targets) come on top.
metadata::BackupComponents SelectAllForRestore(const BackupSet& set, bool additional_restores);

}  // namespace vsssim::backup

#endif  // VSSSIM_BACKUP_RESTORE_FILES_H_
