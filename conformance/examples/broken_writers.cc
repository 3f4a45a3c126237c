#include "conformance/examples/broken_writers.h"

#include <stdexcept>
#include <thread>

namespace vsssim::examples {

bool ChangesStateInIdentify::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  // BUG: "a new backup starts" — but Identify can come from anybody, at any time.
  frozen_lsn_ = 0;
  ForgetBackup();
  return TinyStoreWriter::OnIdentify(metadata);
}

bool TruncatesLogInShutdown::OnBackupShutdown(const Guid& snapshot_set_id) {
  // BUG: the backup may have failed or the requester died; the log is still needed.
  store_.TruncateLogUpTo(store_.lsn());
  return TinyStoreWriter::OnBackupShutdown(snapshot_set_id);
}

bool WritesDuringFreeze::OnFreeze() {
  // BUG: records the frozen point but never holds the clients.
  frozen_lsn_ = store_.lsn();
  snapshot_set_ = GetCurrentSnapshotSetId();
  return true;
}

bool ThrowsFromThaw::OnThaw() {
  store_.Resume();
  // BUG: a failure while resuming escapes as an exception.
  throw std::runtime_error("TinyStore: could not resume the clients");
}

bool ReportsFromWorkerThread::OnPrepareSnapshot() {
  bool in_set = true;
  // BUG: SetWriterFailure on a thread that did not enter the handler.
  std::thread worker([this, &in_set] {
    in_set = StoreIsInSnapshotSet();
    if (!in_set) SetWriterFailure(hr::VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT);
  });
  worker.join();
  return in_set;
}

bool VetoesWithUndocumentedCode::OnPrepareSnapshot() {
  if (!StoreIsInSnapshotSet()) {
    SetWriterFailure(hr::E_FAIL);  // BUG: not one of the VSS_E_WRITERERROR_* codes
    return false;
  }
  return true;
}

bool NonDeterministicIdentify::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  // BUG: the metadata document changes from one Identify to the next.
  return Describe(metadata,
                  "Tiny store (identified " + std::to_string(++identify_count_) + " times)");
}

bool AbortLeavesFrozen::OnAbort() {
  // BUG: gives up instead of thawing the clients.
  return false;
}

}  // namespace vsssim::examples
