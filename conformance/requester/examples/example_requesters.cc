#include "conformance/requester/examples/example_requesters.h"

#include "conformance/requester/examples/example_backup.h"

namespace vsssim::conformance::examples {
namespace {

Bugs With(bool Bugs::*bug) {
  Bugs b;
  b.*bug = true;
  return b;
}

}  // namespace

const std::vector<ExampleRequester>& ExampleRequesters() {
  static const std::vector<ExampleRequester> kExamples = {
      {"ExampleBackup", Bugs{}},
      {"PendingAsFailure", With(&Bugs::pending_as_failure)},
      {"NeverRetriesInProgress", With(&Bugs::never_retries_in_progress)},
      {"NoAbortAfterFailure", With(&Bugs::no_abort_after_failure)},
      {"NoReleaseOnError", With(&Bugs::no_release_on_error)},
      {"CompletesFailedSnapshot", With(&Bugs::completes_failed_snapshot)},
      {"NoSetBackupSucceeded", With(&Bugs::no_set_backup_succeeded)},
      {"NoFileRestoreStatus", With(&Bugs::no_file_restore_status)},
      {"IgnoresWriterStatus", With(&Bugs::ignores_writer_status)},
  };
  return kExamples;
}

std::unique_ptr<BackupApplication> CreateExample(std::string_view name) {
  for (const ExampleRequester& e : ExampleRequesters()) {
    if (name == e.name) return std::make_unique<ExampleBackup>(e.bugs);
  }
  return nullptr;
}

}  // namespace vsssim::conformance::examples
