// TinyStore: the application behind the tutorial writer — a small transactional store with a
// data file and a redo log on a simulated volume. Clients commit one transaction every 10 ms
// of virtual time; each commit appends a record to the log and the new row to the data file.
// Pause() holds new commits in memory (what a writer's Freeze must do), Resume() applies the
// held ones; TruncateLogUpTo(lsn) drops log records a backup has safely captured.
//
// The store keeps its own model of both files, so Verify() can tell whether the live files
// are consistent (SIM-ABORT-01 asks exactly that after OnAbort).
//
// Thread safety: none; used on the simulator thread.
#ifndef VSSSIM_CONFORMANCE_EXAMPLES_TINY_STORE_H_
#define VSSSIM_CONFORMANCE_EXAMPLES_TINY_STORE_H_

#include <cstdint>
#include <string>

#include "vsssim/conformance/writer_suite.h"

namespace vsssim::examples {

class TinyStore {
 public:
  static constexpr std::uint64_t kInitialTransactions = 3;

  // Creates (or replaces) the store in `directory` ("C:\TinyStore") and starts the clients.
  TinyStore(conformance::WriterContext& context, std::string directory);
  ~TinyStore();
  TinyStore(const TinyStore&) = delete;
  TinyStore& operator=(const TinyStore&) = delete;

  const std::string& directory() const { return directory_; }
  std::string data_path() const { return directory_ + "\\store.dat"; }
  std::string log_path() const { return directory_ + "\\store.log"; }

  // The last committed log sequence number (held commits are not committed yet).
  std::uint64_t lsn() const { return lsn_; }
  bool paused() const { return paused_; }

  void Commit();
  void Pause() { paused_ = true; }
  // Applies the commits held while paused; does nothing when not paused.
  void Resume();
  // Rewrites the log without the records up to `lsn` (they are in a backup).
  void TruncateLogUpTo(std::uint64_t lsn);
  // Reopens the store from its files after a restore: the model becomes what the files hold.
  void Reload();
  // Empty when the live files equal the store's model, else what differs.
  std::string Verify() const;

 private:
  void Tick();
  void Apply(std::uint64_t count);

  conformance::WriterContext& context_;
  std::string directory_;
  std::uint64_t lsn_ = 0;
  std::uint64_t held_ = 0;
  bool paused_ = false;
  std::string expected_log_;
  std::uint64_t expected_data_size_ = 0;
  runtime::TimerId timer_ = 0;
};

}  // namespace vsssim::examples

#endif  // VSSSIM_CONFORMANCE_EXAMPLES_TINY_STORE_H_
