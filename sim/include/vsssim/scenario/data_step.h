// The scenario's data-path steps and expectation (issue #5, docs/scenario-format.md):
// <backup-data> copies the files of the requester's selected components from its shadow copies
// into a named in-memory backup medium (sim/backup BackupFiles); <restore-data> restores one set
// of a medium during a restore session, between PreRestore and PostRestore (RestoreFiles);
// <same-data> checks after the run that live files equal a backup's shadow copy (SIM-DATA-01).
// Part of the scenario model (scenario.h). Data steps are kept apart from the requester steps
// and played just before the requester step at index `before_step`.
//
// Thread safety: plain value types.
#ifndef VSSSIM_SCENARIO_DATA_STEP_H_
#define VSSSIM_SCENARIO_DATA_STEP_H_

#include <cstddef>
#include <string>

#include "vsssim/scenario/source_location.h"

namespace vsssim::scenario {

struct DataStep {
  enum class Kind { kBackup, kRestore };
  SourceLocation where;
  Kind kind = Kind::kBackup;
  std::string requester = "requester";  // as=
  std::string medium;                   // medium=
  // backup: the new set's label (default "set<N>", N counting the medium's sets from 1);
  // restore: the set to restore (default: the medium's last set).
  std::string set;
  // restore: call SetFileRestoreStatus per selected component and AddAlternativeLocationMapping
  // per mapping used (REQ-RST-08, ALT-04); record-status="no" leaves that to later <call>s.
  bool record_status = true;
  std::size_t before_step = 0;  // index into Scenario::steps of the next requester step
};

// <same-data path=... as-snapshot-of=LABEL [at=...] [exact=yes]>.
struct SameDataExpectation {
  SourceLocation where;
  std::string path;    // directory (or file) compared, as in the shadow copy
  std::string label;   // the <backup-data> set whose shadow copies are the reference
  std::string at;      // where the files are now (restored elsewhere); empty: `path`
  bool exact = false;  // extra live files are differences too
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_DATA_STEP_H_
