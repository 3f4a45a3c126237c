// Journal: the application behind JournalWriter, written to test the suite itself with a
// database that STARTS EMPTY (docs/conformance.md, "Application time"): its journal file and
// its checkpoint file are created empty, its clients start only after kFirstEntry of virtual
// time and then append one entry every kInterval. Bugs that only show once there is data
// (log truncation, state kept from a previous backup) pass a suite that never lets the
// application run.
//
// Hold() keeps new entries in memory (what Freeze must do), Release() writes the held ones;
// Checkpoint(n) records that entries up to n are safe and drops them from the journal (the
// truncation a backup may allow). The journal keeps its own model of both files (Verify).
//
// Thread safety: none; used on the simulator thread.
#ifndef VSSSIM_CONFORMANCE_EXAMPLES_JOURNAL_H_
#define VSSSIM_CONFORMANCE_EXAMPLES_JOURNAL_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "vsssim/conformance/writer_suite.h"

namespace vsssim::examples {

class Journal {
 public:
  static constexpr auto kFirstEntry = std::chrono::milliseconds(500);
  static constexpr auto kInterval = std::chrono::milliseconds(50);

  // Creates the empty journal in `directory` ("C:\MyJournal") and schedules the clients.
  Journal(conformance::WriterContext& context, std::string directory);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  const std::string& directory() const { return directory_; }
  std::string journal_path() const { return directory_ + "\\journal.log"; }
  std::string checkpoint_path() const { return directory_ + "\\checkpoint.dat"; }

  std::uint64_t written() const { return written_; }  // entries on disk (held ones not)
  bool held() const { return held_; }
  void Hold() { held_ = true; }
  void Release();
  void Checkpoint(std::uint64_t upto);
  // Reopens from the files after a restore.
  void Reload();
  // Empty when the files equal the model, else what differs.
  std::string Verify() const;

 private:
  void Tick();
  void Append(std::uint64_t count);

  conformance::WriterContext& context_;
  std::string directory_;
  std::uint64_t written_ = 0;
  std::uint64_t pending_ = 0;
  bool held_ = false;
  std::string expected_journal_;
  std::string expected_checkpoint_;
  runtime::TimerId timer_ = 0;
};

}  // namespace vsssim::examples

#endif  // VSSSIM_CONFORMANCE_EXAMPLES_JOURNAL_H_
