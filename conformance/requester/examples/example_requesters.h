// Example backup applications for the requester conformance suite: ExampleBackup, a careful
// requester that follows CATALOGUE.md §2 (it passes every check), and broken variants, each
// with ONE bug modelled on a real one (../shared/spec/REAL-BUGS.md), that the suite catches
// by the rule it breaks (expected_failures.txt):
//
//   PendingAsFailure          BUG-05: polls QueryStatus after a fixed 10 s and treats
//                             VSS_S_ASYNC_PENDING as a failure (ASYNC-02)
//   NeverRetriesInProgress    BUG-11: gives up on VSS_E_SNAPSHOT_SET_IN_PROGRESS (LIM-12)
//   NoAbortAfterFailure       stops after StartSnapshotSet without AbortBackup (REQ-ABORT-02)
//   NoReleaseOnError          drops the instance on the error path without Release (REQ-LIFE-01)
//   CompletesFailedSnapshot   BUG-10/BUG-15: SetBackupSucceeded + BackupComplete after a failed
//                             DoSnapshotSet (REQ-ORDER-15)
//   NoSetBackupSucceeded      BackupComplete without SetBackupSucceeded (REQ-ORDER-15)
//   NoFileRestoreStatus       PostRestore without SetFileRestoreStatus (REQ-RST-08)
//   IgnoresWriterStatus       marks every component succeeded whatever GetWriterStatus says
//                             (REQ-STAT-05)
//
// Thread safety: none; one application per check.
#ifndef VSSSIM_CONFORMANCE_REQUESTER_EXAMPLES_EXAMPLE_REQUESTERS_H_
#define VSSSIM_CONFORMANCE_REQUESTER_EXAMPLES_EXAMPLE_REQUESTERS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/conformance/requester_suite.h"

namespace vsssim::conformance::examples {

// The bugs a variant of ExampleBackup carries (all false: the good requester).
struct Bugs {
  bool pending_as_failure = false;
  bool never_retries_in_progress = false;
  bool no_abort_after_failure = false;
  bool no_release_on_error = false;
  bool completes_failed_snapshot = false;
  bool no_set_backup_succeeded = false;
  bool no_file_restore_status = false;
  bool ignores_writer_status = false;
};

struct ExampleRequester {
  const char* name;
  Bugs bugs;
};

// The good example and every broken one, in the order of the file comment.
const std::vector<ExampleRequester>& ExampleRequesters();
// A new application for `example` (a name of ExampleRequesters()); null for an unknown name.
std::unique_ptr<BackupApplication> CreateExample(std::string_view name);

}  // namespace vsssim::conformance::examples

#endif  // VSSSIM_CONFORMANCE_REQUESTER_EXAMPLES_EXAMPLE_REQUESTERS_H_
