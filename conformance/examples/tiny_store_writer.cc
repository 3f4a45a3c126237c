// The tutorial writer. A VSS writer's job, in one sentence: make sure the shadow copy holds a
// consistent image of the application's files, and help the backup application restore it.
// VSS tells the writer where it is in a backup by calling its On* handlers, in the order of
// CATALOGUE.md §3.2 (WRT-SEQ-01):
//   Identify -> PrepareForBackup -> PrepareForSnapshot -> Freeze -> Thaw -> PostSnapshot
//   -> BackupComplete -> BackupShutdown
// and, when something goes wrong, Abort instead of the tail, or BackupShutdown alone.
#include "conformance/examples/tiny_store_writer.h"

#include "vsssim/metadata/component.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/writer/writer_components.h"

namespace vsssim::examples {
namespace {

constexpr const char* kStampPrefix = "lsn:";

}  // namespace

writer::WriterIdentity TinyStoreIdentity(const std::string& name) {
  writer::WriterIdentity id;
  // A writer's class id is fixed for the product (WRT-INIT-01); here derived from the name so
  // that each example writer has its own.
  id.class_id.data1 = 0x7157A000u;
  for (char c : name) id.class_id.data1 = id.class_id.data1 * 31u + static_cast<unsigned char>(c);
  id.class_id.data2 = 0x5707;
  id.class_id.data3 = 0x4E00;
  id.name = name;
  id.usage = vss::UsageType::VSS_UT_USERDATA;
  id.source = vss::SourceType::VSS_ST_TRANSACTEDDB;
  id.level = vss::ApplicationLevel::VSS_APP_FRONT_END;
  return id;
}

TinyStoreWriter::TinyStoreWriter(conformance::WriterContext& context, std::string name)
    : Writer(TinyStoreIdentity(name)), store_(context, "C:\\" + name) {}

// Identify may arrive at any time, from anybody, also in the middle of a backup
// (WRT-IDENTIFY-01). So it only describes the store — the same answer every time
// (WRT-IDENTIFY-02) — and touches no backup state at all.
bool TinyStoreWriter::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  return Describe(metadata, "Tiny transactional store");
}

bool TinyStoreWriter::Describe(metadata::CreateWriterMetadata& metadata,
                               const std::string& caption) {
  // Every writer sets a restore method (WRT-IDENTIFY-05, WMD-02). TinyStore's files can be
  // put back while it is stopped; it wants PreRestore/PostRestore to close and reopen.
  HResult r = metadata.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                                        vss::WriterRestore::VSS_WRE_ALWAYS, false);
  // The schema says which backup types it understands (WMD-10, BT-02). TIMESTAMPED: it keeps
  // its own notion of "last backup" in backup stamps (STAMP-01).
  if (r.Succeeded()) {
    r = metadata.SetBackupSchema(vss::BackupSchema::VSS_BS_INCREMENTAL |
                                 vss::BackupSchema::VSS_BS_DIFFERENTIAL |
                                 vss::BackupSchema::VSS_BS_LOG | vss::BackupSchema::VSS_BS_COPY |
                                 vss::BackupSchema::VSS_BS_TIMESTAMPED);
  }
  // One selectable database component (WMD-04) with its data file and its log file (WMD-05):
  // the log as DATABASE_LOGFILES, so a requester doing a LOG backup can find it (BT-04).
  // selectableForRestore stays false: it means nothing for a top-level component (SEL-08).
  if (r.Succeeded()) {
    r = metadata.AddComponent(vss::ComponentType::VSS_CT_DATABASE, "", kComponent, caption, {},
                              false, false, true, false);
  }
  if (r.Succeeded()) r = metadata.AddDatabaseFiles("", kComponent, store_.directory(), "store.dat");
  if (r.Succeeded()) {
    r = metadata.AddDatabaseLogFiles("", kComponent, store_.directory(), "store.log");
  }
  // OnIdentify returns false only on a fatal error, and never calls SetWriterFailure
  // (WRT-IDENTIFY-03/04).
  return r.Succeeded();
}

// PrepareForBackup: the first event of a backup. The backup type is known from here on
// (BT-01, WRT-CALL-19).
bool TinyStoreWriter::OnPrepareBackup(writer::WriterComponents* /*components*/) {
  ForgetBackup();
  backup_type_ = GetBackupType();
  return true;
}

// PrepareForSnapshot: heavy work goes here, not in Freeze (WRT-TIME-02). And the last place
// to say "this snapshot set is useless to me": if the store's volume is not in the set, the
// shadow copy would not hold it — veto with the documented code (WRT-ERR-01, WRT-ERR-03),
// then return false (WRT-RET-01).
bool TinyStoreWriter::OnPrepareSnapshot() {
  if (!StoreIsInSnapshotSet()) {
    SetWriterFailure(hr::VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT);
    return false;
  }
  return true;
}

// Freeze: from the moment this returns true until Thaw (or Abort), no write may reach the
// store's files (SIM-QUIESCE-01): the provider is taking the point-in-time image. TinyStore
// holds its clients' commits in memory. Freeze stays short (WRT-TIME-02): the freeze window
// (dwTimeoutFreeze, LIM-05) runs from here.
bool TinyStoreWriter::OnFreeze() {
  store_.Pause();
  frozen_lsn_ = store_.lsn();
  // Remember which snapshot set this is about: BackupShutdown names it (WRT-SEQ-08).
  snapshot_set_ = GetCurrentSnapshotSetId();
  return true;
}

// Thaw: the image is taken; let the clients go on (WRT-TIME-03).
bool TinyStoreWriter::OnThaw() {
  store_.Resume();
  return true;
}

// PostSnapshot: record what this backup contains — the stamp of every selected component
// (STAMP-01; WRT-CALL-04: the usual place). The stamp is opaque to the requester, who hands it
// back with SetPreviousBackupStamp for the next incremental or differential (STAMP-02).
bool TinyStoreWriter::OnPostSnapshot(writer::WriterComponents* components) {
  if (components == nullptr) return true;  // not in component mode (SEL-01)
  const std::string stamp = kStampPrefix + std::to_string(frozen_lsn_);
  for (std::uint32_t i = 0; i < components->GetComponentCount(); ++i) {
    metadata::Component* component = nullptr;
    if (components->GetComponent(i, &component).Failed()) continue;
    std::string previous;
    component->GetPreviousBackupStamp(&previous);  // S_FALSE when none (STAMP-03)
    component->SetBackupStamp(stamp);
  }
  return true;
}

// Abort: the backup is off. Bring the application back to normal (WRT-ABORT-03, SIM-ABORT-01):
// if it is frozen, thaw it. Abort may come twice (WRT-ABORT-02) and at any point before
// PostSnapshot, so every step is safe to repeat. Return true: Abort has nobody to veto.
bool TinyStoreWriter::OnAbort() {
  store_.Resume();
  ForgetBackup();
  return true;
}

// BackupComplete: the requester says which components it really backed up
// (GetBackupSucceeded, WRT-BC-01). Only now may the log be truncated — and only for backup
// types that capture it as the new base: never COPY, not DIFFERENTIAL (BT-05, WRT-SHUT-02).
bool TinyStoreWriter::OnBackupComplete(writer::WriterComponents* components) {
  backup_complete_ = true;
  const bool truncating = backup_type_ == vss::BackupType::VSS_BT_FULL ||
                          backup_type_ == vss::BackupType::VSS_BT_INCREMENTAL ||
                          backup_type_ == vss::BackupType::VSS_BT_LOG;
  if (components == nullptr || !truncating) return true;
  bool all_succeeded = components->GetComponentCount() > 0;
  for (std::uint32_t i = 0; i < components->GetComponentCount(); ++i) {
    metadata::Component* component = nullptr;
    bool succeeded = false;
    if (components->GetComponent(i, &component).Failed() ||
        component->GetBackupSucceeded(&succeeded) != hr::S_OK || !succeeded) {
      all_succeeded = false;
    }
  }
  if (all_succeeded) store_.TruncateLogUpTo(frozen_lsn_);
  return true;
}

// BackupShutdown: always comes, also when the requester died (WRT-SHUT-04, WRT-SEQ-07). The
// writer cannot tell a finished backup from a dead one except by whether BackupComplete came,
// so it never does "backup succeeded" work here (WRT-SHUT-02, SIM-SHUT-01): it only cleans up.
// It uses the parameter, not GetCurrentSnapshotSetId (WRT-SHUT-03).
bool TinyStoreWriter::OnBackupShutdown(const Guid& snapshot_set_id) {
  if (snapshot_set_id == snapshot_set_ || snapshot_set_id.IsNull()) ForgetBackup();
  return true;
}

// PreRestore: the requester is about to put files back (WRT-SEQ-02). TinyStore asked for
// restore events (VSS_WRE_ALWAYS in OnIdentify) because its clients must not write while the
// files are replaced: it closes the store, holding the clients.
bool TinyStoreWriter::OnPreRestore(writer::WriterComponents* /*components*/) {
  store_.Pause();
  return true;
}

// PostRestore: the files are back. The in-memory state belongs to the files that were
// replaced, so the store reopens from the restored files before the clients go on
// (SIM-DATA-01: the application must run on the restored data, not overwrite it).
bool TinyStoreWriter::OnPostRestore(writer::WriterComponents* /*components*/) {
  store_.Reload();
  store_.Resume();
  return true;
}

void TinyStoreWriter::ForgetBackup() {
  backup_type_ = vss::BackupType::VSS_BT_UNDEFINED;
  snapshot_set_ = kGuidNull;
  backup_complete_ = false;
}

}  // namespace vsssim::examples
