// WallTimes: the real (wall-clock) time each handler of a writer under test took, measured by
// TimedWriter with std::chrono::steady_clock. Virtual time never sees it (runs stay
// deterministic); the suite uses it for three things (docs/conformance.md, "Wall time"):
// - a handler that blocked past the timeout VSS would apply for real (OnFreeze: the writer's
//   own dwTimeoutFreeze, LIM-05/WRT-TIME-01/02; any other handler: Choices::writer_event_timeout,
//   GAP-05/WRT-TIME-05) marks the writer "blocked": the HandlersDoNotBlock check fails with
//   that rule and every other check of the writer is skipped with that reason;
// - the slowest handlers are printed in a summary at the end of the run.
//
// Thread safety: none; the suite's thread only.
#ifndef VSSSIM_CONFORMANCE_WRITER_WALL_TIMES_H_
#define VSSSIM_CONFORMANCE_WRITER_WALL_TIMES_H_

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "vsssim/runtime/time.h"

namespace vsssim::conformance {

using WallDuration = std::chrono::steady_clock::duration;

struct HandlerWallTime {
  std::string writer;   // WriterUnderTest::name
  std::string test;     // the GoogleTest test that ran it
  std::string handler;  // "OnFreeze", ...
  WallDuration wall{0};
};

// A handler that took at least as long as its real timeout.
struct Block {
  HandlerWallTime handler;
  runtime::Duration timeout{0};
  std::string rule;  // the rule the block breaks
  std::string what;  // "OnFreeze took 3.0 s of wall time; the writer's freeze timeout is 2s"
};

class WallTimes {
 public:
  static WallTimes& Get();

  // Records one handler; returns the Block when it reached `timeout` (and remembers the first
  // Block of each writer).
  std::optional<Block> Record(HandlerWallTime handler, runtime::Duration timeout,
                              const std::string& rule);
  // The first Block of `writer`, if any.
  const Block* BlockOf(const std::string& writer) const;
  // The `n` slowest handlers so far, slowest first.
  std::vector<HandlerWallTime> Slowest(std::size_t n) const;
  // The summary printed at the end of a run (nothing when no handler was measured).
  void PrintSummary(std::ostream& out, std::size_t n) const;
  void Clear();

 private:
  std::vector<HandlerWallTime> slowest_;  // kept sorted, at most kKept
  std::vector<Block> blocks_;
};

// "3.012 s" / "12 ms".
std::string FormatWall(WallDuration d);

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_WRITER_WALL_TIMES_H_
