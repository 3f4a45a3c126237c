// JournalWriter with ONE mistake each (the suite's acceptance writers, docs/conformance.md):
// each must fail exactly the rule of expected_failures.txt, through the gtest route and as a
// plug-in (`vsssim conform --writer-plugin`). Most of these mistakes only show once the
// application has written data, which this journal does only after it started empty.
//
// Thread safety: as JournalWriter. The two sleeping writers block the handler's thread on
// purpose (real blocking, which the suite measures as wall time).
#ifndef VSSSIM_CONFORMANCE_EXAMPLES_JOURNAL_BROKEN_WRITERS_H_
#define VSSSIM_CONFORMANCE_EXAMPLES_JOURNAL_BROKEN_WRITERS_H_

#include <string>

#include "conformance/examples/journal_writer.h"

namespace vsssim::examples {

// (a) OnAbort gives the lock back and returns true but never releases the held clients
// (SIM-ABORT-01, WRT-ABORT-03).
class JournalNeverThawsOnAbort : public JournalWriter {
 public:
  using JournalWriter::JournalWriter;
  bool OnAbort() override;
};

// (b) Checkpoints (truncates) its journal in BackupShutdown as if the backup had succeeded
// (WRT-SHUT-02; caught by SIM-SHUT-01 and, after a COPY backup, BT-05).
class JournalTruncatesInShutdown : public JournalWriter {
 public:
  using JournalWriter::JournalWriter;
  bool OnBackupShutdown(const Guid& snapshot_set_id) override;
};

// (b) Takes Identify as the start of a backup and forgets the frozen point there
// (WRT-IDENTIFY-02; caught by SIM-IDENTIFY-01).
class JournalChangesStateInIdentify : public JournalWriter {
 public:
  using JournalWriter::JournalWriter;
  bool OnIdentify(metadata::CreateWriterMetadata& metadata) override;
};

// (c) Gives its backup lock back in BackupComplete only: after a BackupShutdown without
// BackupComplete it vetoes every further backup (WRT-SHUT-01).
class JournalKeepsLockAfterShutdown : public JournalWriter {
 public:
  using JournalWriter::JournalWriter;
  bool OnBackupComplete(writer::WriterComponents* components) override;
  bool OnBackupShutdown(const Guid& snapshot_set_id) override;
};

// (c) Marks itself "needs recovery" in OnAbort and vetoes every later backup
// (WRT-ABORT-03: OnAbort brings the application back to normal running).
class JournalVetoesAfterAbort : public JournalWriter {
 public:
  using JournalWriter::JournalWriter;
  bool OnPrepareBackup(writer::WriterComponents* components) override;
  bool OnAbort() override;

 private:
  bool needs_recovery_ = false;
};

// (d) OnFreeze refuses while the journal holds entries, returning false without
// SetWriterFailure (WRT-RET-01/03).
class JournalFreezeFalseWithoutFailure : public JournalWriter {
 public:
  using JournalWriter::JournalWriter;
  bool OnFreeze() override;
};

// (e) A 2 s freeze timeout (dwTimeoutFreeze) and an OnFreeze that blocks for 3 s of real time
// (WRT-TIME-01, LIM-05, WRT-TIME-02). Build with JournalBlocksInFreeze::kFreezeTimeout.
class JournalBlocksInFreeze : public JournalWriter {
 public:
  static constexpr auto kFreezeTimeout = std::chrono::seconds(2);
  JournalBlocksInFreeze(conformance::WriterContext& context, std::string name)
      : JournalWriter(context, std::move(name), kFreezeTimeout) {}
  bool OnFreeze() override;
};

// Not a bug: OnFreeze takes 1.5 s of real time, well inside the default 60 s window. Passes.
class JournalSleepsBrieflyInFreeze : public JournalWriter {
 public:
  using JournalWriter::JournalWriter;
  bool OnFreeze() override;
};

}  // namespace vsssim::examples

#endif  // VSSSIM_CONFORMANCE_EXAMPLES_JOURNAL_BROKEN_WRITERS_H_
