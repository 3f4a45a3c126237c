// TinyStoreWriter: the tutorial writer — a VSS writer for TinyStore (tiny_store.h) that passes
// every check of the writer conformance suite. Read tiny_store_writer.cc from top to bottom:
// each handler says what VSS expects of it and why, with the rule ID.
//
// What it declares (OnIdentify): one selectable DATABASE component "TinyStore" with the data
// file as database file set and the log as log file set; backup schema INCREMENTAL,
// DIFFERENTIAL, LOG, COPY and TIMESTAMPED (it stamps every backup with the log sequence
// number at Freeze).
//
// The handlers are virtual and the state protected so that broken_writers.h can show one
// mistake each by overriding a single handler.
//
// Thread safety: handlers run on the simulator thread (WRT-THREAD-01).
#ifndef VSSSIM_CONFORMANCE_EXAMPLES_TINY_STORE_WRITER_H_
#define VSSSIM_CONFORMANCE_EXAMPLES_TINY_STORE_WRITER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "conformance/examples/tiny_store.h"
#include "vsssim/conformance/writer_suite.h"
#include "vsssim/writer/writer.h"

namespace vsssim::examples {

class TinyStoreWriter : public writer::Writer, public conformance::WriterProbe {
 public:
  static constexpr const char* kComponent = "TinyStore";

  // `name` is the writer name (and the store's directory C:\<name>).
  TinyStoreWriter(conformance::WriterContext& context, std::string name);

  bool OnIdentify(metadata::CreateWriterMetadata& metadata) override;
  bool OnPrepareBackup(writer::WriterComponents* components) override;
  bool OnPrepareSnapshot() override;
  bool OnFreeze() override;
  bool OnThaw() override;
  bool OnPostSnapshot(writer::WriterComponents* components) override;
  bool OnAbort() override;
  bool OnBackupComplete(writer::WriterComponents* components) override;
  bool OnBackupShutdown(const Guid& snapshot_set_id) override;
  bool OnPreRestore(writer::WriterComponents* components) override;
  bool OnPostRestore(writer::WriterComponents* components) override;

  // WriterProbe.
  bool IsFrozen() const override { return store_.paused(); }
  std::string CheckConsistency() const override { return store_.Verify(); }

  TinyStore& store() { return store_; }

 protected:
  // OnIdentify with the component caption given (the deterministic one is fixed).
  bool Describe(metadata::CreateWriterMetadata& metadata, const std::string& caption);
  // The volume check of OnPrepareSnapshot: is the store's directory in the snapshot set?
  bool StoreIsInSnapshotSet() const { return IsPathAffected(store_.directory()); }
  // Per-backup bookkeeping, reset at the end of every backup.
  void ForgetBackup();

  TinyStore store_;
  vss::BackupType backup_type_ = vss::BackupType::VSS_BT_UNDEFINED;
  std::uint64_t frozen_lsn_ = 0;  // what the shadow copy holds (set in OnFreeze)
  Guid snapshot_set_;             // the set this backup is about (WRT-SEQ-08)
  bool backup_complete_ = false;  // BackupComplete arrived for snapshot_set_ (WRT-SHUT-01)
};

// The writer identity TinyStoreWriter uses for `name` (class id fixed per name).
writer::WriterIdentity TinyStoreIdentity(const std::string& name);

}  // namespace vsssim::examples

#endif  // VSSSIM_CONFORMANCE_EXAMPLES_TINY_STORE_WRITER_H_
