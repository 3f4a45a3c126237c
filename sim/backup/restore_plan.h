// Private to sim/backup: where each file of one component goes in a restore (the decision
// table of restore_files.h, §5.7-§5.10), separated from the writes themselves.
//
// Thread safety: none.
#ifndef VSSSIM_BACKUP_RESTORE_PLAN_H_
#define VSSSIM_BACKUP_RESTORE_PLAN_H_

#include <string>
#include <vector>

#include "vsssim/backup/restore_files.h"
#include "vsssim/metadata/file_semantics.h"

namespace vsssim::backup {

struct PlannedWrite {
  const FileRecord* record = nullptr;
  std::string destination;
};

// DT-01..03: `source_ranges` of the backed-up file go to `destination_ranges` of `destination`.
struct PlannedDirected {
  const FileRecord* record = nullptr;
  std::vector<metadata::ByteRange> source_ranges;
  std::vector<metadata::ByteRange> destination_ranges;
  std::string destination;
};

struct ComponentPlan {
  ComponentRestore result;  // component, how, mappings_used (status and lists filled later)
  std::vector<PlannedWrite> writes;
  std::vector<PlannedDirected> directed;
  std::vector<std::string> deletions;
  bool staged_for_reboot = false;
  bool has_records = false;  // the set holds files of the component
};

struct PlanInput {
  const BackupSet* set = nullptr;
  const metadata::WriterMetadata* wmd = nullptr;
  const metadata::WriterComponents* writer = nullptr;  // restore BCD
  const metadata::ComponentState* state = nullptr;     // restore BCD, selected for restore
  const storage::VolumeManager* live = nullptr;
  const RestoreOptions* options = nullptr;
};

ComponentPlan PlanComponent(const PlanInput& in, std::vector<DataProblem>* problems);

}  // namespace vsssim::backup

#endif  // VSSSIM_BACKUP_RESTORE_PLAN_H_
