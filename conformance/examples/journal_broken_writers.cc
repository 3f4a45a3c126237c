#include "conformance/examples/journal_broken_writers.h"

#include <chrono>
#include <thread>

namespace vsssim::examples {

bool JournalNeverThawsOnAbort::OnAbort() {
  locked_ = false;
  return true;  // BUG: the clients stay held
}

bool JournalTruncatesInShutdown::OnBackupShutdown(const Guid& snapshot_set_id) {
  // BUG: the backup may have failed or the requester died; the journal is still needed.
  journal_.Checkpoint(journal_.written());
  return JournalWriter::OnBackupShutdown(snapshot_set_id);
}

bool JournalChangesStateInIdentify::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  // BUG: "a new backup starts" — but Identify comes from anybody, at any time.
  frozen_at_ = 0;
  return JournalWriter::OnIdentify(metadata);
}

bool JournalKeepsLockAfterShutdown::OnBackupComplete(writer::WriterComponents* components) {
  const bool ok = JournalWriter::OnBackupComplete(components);
  locked_ = false;  // BUG: only here; BackupComplete is not guaranteed (WRT-SHUT-04)
  return ok;
}

bool JournalKeepsLockAfterShutdown::OnBackupShutdown(const Guid& /*snapshot_set_id*/) {
  snapshot_set_ = kGuidNull;  // BUG: the lock stays taken
  return true;
}

bool JournalVetoesAfterAbort::OnPrepareBackup(writer::WriterComponents* components) {
  if (needs_recovery_) {  // BUG: nothing ever clears it
    SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  return JournalWriter::OnPrepareBackup(components);
}

bool JournalVetoesAfterAbort::OnAbort() {
  needs_recovery_ = true;
  return JournalWriter::OnAbort();
}

bool JournalFreezeFalseWithoutFailure::OnFreeze() {
  // BUG: a veto without SetWriterFailure; and it only happens once clients wrote entries.
  if (journal_.written() > 0) return false;
  return JournalWriter::OnFreeze();
}

bool JournalBlocksInFreeze::OnFreeze() {
  std::this_thread::sleep_for(std::chrono::seconds(3));  // wall-clock-ok: the bug (real blocking)
  return JournalWriter::OnFreeze();
}

bool JournalSleepsBrieflyInFreeze::OnFreeze() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // wall-clock-ok: 60 s window
  return JournalWriter::OnFreeze();
}

}  // namespace vsssim::examples
