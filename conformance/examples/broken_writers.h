// Deliberately broken writers: each is TinyStoreWriter with ONE mistake real writers make, so
// the conformance suite can show that it catches it — and only it. The rules each one breaks
// are declared in expected_failures.txt (the table the suite's self-test checks).
//
// Thread safety: as TinyStoreWriter (ReportsFromWorkerThread starts a thread on purpose).
#ifndef VSSSIM_CONFORMANCE_EXAMPLES_BROKEN_WRITERS_H_
#define VSSSIM_CONFORMANCE_EXAMPLES_BROKEN_WRITERS_H_

#include <cstdint>
#include <string>

#include "conformance/examples/tiny_store_writer.h"

namespace vsssim::examples {

// Treats Identify as the start of a backup and resets its bookkeeping there (breaks
// WRT-IDENTIFY-02 "must not change operation state"; caught by SIM-IDENTIFY-01).
class ChangesStateInIdentify : public TinyStoreWriter {
 public:
  using TinyStoreWriter::TinyStoreWriter;
  bool OnIdentify(metadata::CreateWriterMetadata& metadata) override;
};

// Truncates its log in BackupShutdown, as if the backup had succeeded (WRT-SHUT-02; caught by
// SIM-SHUT-01 and, after a COPY backup, BT-05).
class TruncatesLogInShutdown : public TinyStoreWriter {
 public:
  using TinyStoreWriter::TinyStoreWriter;
  bool OnBackupShutdown(const Guid& snapshot_set_id) override;
};

// Forgets to hold its clients in Freeze: commits reach the files while frozen
// (SIM-QUIESCE-01).
class WritesDuringFreeze : public TinyStoreWriter {
 public:
  using TinyStoreWriter::TinyStoreWriter;
  bool OnFreeze() override;
};

// Lets an exception escape OnThaw (WRT-RET-02).
class ThrowsFromThaw : public TinyStoreWriter {
 public:
  using TinyStoreWriter::TinyStoreWriter;
  bool OnThaw() override;
};

// Checks its volume on a worker thread, which calls SetWriterFailure itself (WRT-THREAD-01).
class ReportsFromWorkerThread : public TinyStoreWriter {
 public:
  using TinyStoreWriter::TinyStoreWriter;
  bool OnPrepareSnapshot() override;
};

// Vetoes a snapshot set without its volume with E_FAIL instead of a documented
// VSS_E_WRITERERROR_* code (WRT-ERR-01).
class VetoesWithUndocumentedCode : public TinyStoreWriter {
 public:
  using TinyStoreWriter::TinyStoreWriter;
  bool OnPrepareSnapshot() override;
};

// Puts a counter of Identify calls into its component caption (WRT-IDENTIFY-02).
class NonDeterministicIdentify : public TinyStoreWriter {
 public:
  using TinyStoreWriter::TinyStoreWriter;
  bool OnIdentify(metadata::CreateWriterMetadata& metadata) override;

 private:
  std::uint64_t identify_count_ = 0;
};

// Returns false from OnAbort and leaves its clients held (SIM-ABORT-01; the repeated-Abort and
// freeze-window checks name AbortAtEveryPoint as the root cause).
class AbortLeavesFrozen : public TinyStoreWriter {
 public:
  using TinyStoreWriter::TinyStoreWriter;
  bool OnAbort() override;
};

}  // namespace vsssim::examples

#endif  // VSSSIM_CONFORMANCE_EXAMPLES_BROKEN_WRITERS_H_
