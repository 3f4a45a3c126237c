#include "conformance/examples/journal_writer.h"

#include "vsssim/metadata/component.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/writer/writer_components.h"

namespace vsssim::examples {
namespace {

constexpr const char* kComponent = "Journal";

writer::WriterIdentity JournalIdentity(const std::string& name, runtime::Duration freeze_timeout) {
  writer::WriterIdentity id;
  id.class_id.data1 = 0x10C4A100u;  // fixed per name (WRT-INIT-01)
  for (char c : name) id.class_id.data1 = id.class_id.data1 * 31u + static_cast<unsigned char>(c);
  id.class_id.data2 = 0x10C4;
  id.class_id.data3 = 0x4A00;
  id.name = name;
  id.source = vss::SourceType::VSS_ST_TRANSACTEDDB;
  id.freeze_timeout = freeze_timeout;  // dwTimeoutFreeze, LIM-05
  return id;
}

}  // namespace

JournalWriter::JournalWriter(conformance::WriterContext& context, std::string name,
                             runtime::Duration freeze_timeout)
    : Writer(JournalIdentity(name, freeze_timeout)), journal_(context, "C:\\" + name) {}

// The same description every time, no state touched (WRT-IDENTIFY-01/02).
bool JournalWriter::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  HResult r = metadata.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                                        vss::WriterRestore::VSS_WRE_ALWAYS, false);
  if (r.Succeeded()) {
    r = metadata.SetBackupSchema(vss::BackupSchema::VSS_BS_DIFFERENTIAL |
                                 vss::BackupSchema::VSS_BS_COPY |
                                 vss::BackupSchema::VSS_BS_TIMESTAMPED);
  }
  if (r.Succeeded()) {
    r = metadata.AddComponent(vss::ComponentType::VSS_CT_DATABASE, "", kComponent, "Journal", {},
                              false, false, true, false);
  }
  if (r.Succeeded()) {
    r = metadata.AddDatabaseFiles("", kComponent, journal_.directory(), "checkpoint.dat");
  }
  if (r.Succeeded()) {
    r = metadata.AddDatabaseLogFiles("", kComponent, journal_.directory(), "journal.log");
  }
  return r.Succeeded();
}

// One backup at a time: a second one is vetoed as retryable (WRT-RET-01, WRT-ERR-01).
bool JournalWriter::OnPrepareBackup(writer::WriterComponents* /*components*/) {
  if (locked_) {
    SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  locked_ = true;
  type_ = GetBackupType();
  return true;
}

bool JournalWriter::OnPrepareSnapshot() {
  if (!IsPathAffected(journal_.directory())) {  // WRT-ERR-03
    SetWriterFailure(hr::VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT);
    return false;
  }
  return true;
}

// Hold the clients (SIM-QUIESCE-01); stay short (WRT-TIME-02).
bool JournalWriter::OnFreeze() {
  journal_.Hold();
  frozen_at_ = journal_.written();
  snapshot_set_ = GetCurrentSnapshotSetId();
  return true;
}

bool JournalWriter::OnThaw() {
  journal_.Release();
  return true;
}

// STAMP-01: what the shadow copy holds.
bool JournalWriter::OnPostSnapshot(writer::WriterComponents* components) {
  if (components == nullptr) return true;
  for (std::uint32_t i = 0; i < components->GetComponentCount(); ++i) {
    metadata::Component* component = nullptr;
    if (components->GetComponent(i, &component).Succeeded()) {
      component->SetBackupStamp("entries:" + std::to_string(frozen_at_));
    }
  }
  return true;
}

// Back to normal running, lock given back; safe to repeat (WRT-ABORT-02/03).
bool JournalWriter::OnAbort() {
  journal_.Release();
  locked_ = false;
  return true;
}

// The journal is truncated only after a FULL backup that succeeded (WRT-SHUT-02, BT-05).
bool JournalWriter::OnBackupComplete(writer::WriterComponents* components) {
  if (components == nullptr || type_ != vss::BackupType::VSS_BT_FULL) return true;
  bool succeeded_all = components->GetComponentCount() > 0;
  for (std::uint32_t i = 0; i < components->GetComponentCount(); ++i) {
    metadata::Component* component = nullptr;
    bool succeeded = false;
    if (components->GetComponent(i, &component).Failed() ||
        component->GetBackupSucceeded(&succeeded) != hr::S_OK || !succeeded) {
      succeeded_all = false;
    }
  }
  if (succeeded_all) journal_.Checkpoint(frozen_at_);
  return true;
}

// Cleans up either way (WRT-SHUT-01): the lock goes back, nothing "succeeded" is done here.
bool JournalWriter::OnBackupShutdown(const Guid& /*snapshot_set_id*/) {
  locked_ = false;
  type_ = vss::BackupType::VSS_BT_UNDEFINED;
  snapshot_set_ = kGuidNull;
  return true;
}

bool JournalWriter::OnPreRestore(writer::WriterComponents* /*components*/) {
  journal_.Hold();
  return true;
}

bool JournalWriter::OnPostRestore(writer::WriterComponents* /*components*/) {
  journal_.Reload();
  journal_.Release();
  return true;
}

}  // namespace vsssim::examples
