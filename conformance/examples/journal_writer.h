// JournalWriter: a good writer for Journal (journal.h), the application whose database starts
// empty and whose clients write later. Unlike TinyStoreWriter it takes a backup lock in
// PrepareForBackup (one backup at a time; a second one is vetoed as retryable) and gives it
// back in BackupShutdown and Abort (WRT-SHUT-01, WRT-ABORT-03), and it truncates its journal
// (a checkpoint) in BackupComplete of a FULL backup only (WRT-SHUT-02, BT-05).
//
// Declares one DATABASE component "Journal" (checkpoint.dat as database file, journal.log as
// DATABASE_LOGFILES), backup schema DIFFERENTIAL, COPY and TIMESTAMPED (stamp: the entries on
// disk at Freeze).
//
// Thread safety: handlers run on the simulator thread (WRT-THREAD-01).
#ifndef VSSSIM_CONFORMANCE_EXAMPLES_JOURNAL_WRITER_H_
#define VSSSIM_CONFORMANCE_EXAMPLES_JOURNAL_WRITER_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "conformance/examples/journal.h"
#include "vsssim/conformance/writer_suite.h"
#include "vsssim/writer/writer.h"

namespace vsssim::examples {

class JournalWriter : public writer::Writer, public conformance::WriterProbe {
 public:
  // `name` is the writer name and the directory C:\<name>; `freeze_timeout` its
  // dwTimeoutFreeze (LIM-05).
  JournalWriter(conformance::WriterContext& context, std::string name,
                runtime::Duration freeze_timeout = std::chrono::seconds(60));

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
  bool IsFrozen() const override { return journal_.held(); }
  std::string CheckConsistency() const override { return journal_.Verify(); }

 protected:
  Journal journal_;
  bool locked_ = false;  // the backup lock, one backup at a time
  vss::BackupType type_ = vss::BackupType::VSS_BT_UNDEFINED;
  std::uint64_t frozen_at_ = 0;  // entries on disk at Freeze: what the shadow copy holds
  Guid snapshot_set_;            // the set of this backup (WRT-SEQ-08)
};

}  // namespace vsssim::examples

#endif  // VSSSIM_CONFORMANCE_EXAMPLES_JOURNAL_WRITER_H_
