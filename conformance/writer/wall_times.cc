#include "conformance/writer/wall_times.h"

#include <algorithm>
#include <cstdio>

namespace vsssim::conformance {
namespace {

constexpr std::size_t kKept = 32;

}  // namespace

WallTimes& WallTimes::Get() {
  static WallTimes times;
  return times;
}

std::string FormatWall(WallDuration d) {
  const double ms = std::chrono::duration<double, std::milli>(d).count();
  char buffer[32];
  if (ms >= 1000) {
    std::snprintf(buffer, sizeof buffer, "%.3f s", ms / 1000);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f ms", ms);
  }
  return buffer;
}

std::optional<Block> WallTimes::Record(HandlerWallTime handler, runtime::Duration timeout,
                                       const std::string& rule) {
  auto slower = [](const HandlerWallTime& a, const HandlerWallTime& b) { return a.wall > b.wall; };
  slowest_.insert(std::upper_bound(slowest_.begin(), slowest_.end(), handler, slower), handler);
  if (slowest_.size() > kKept) slowest_.pop_back();
  if (handler.wall < timeout) return std::nullopt;
  Block block{handler, timeout, rule,
              handler.handler + " took " + FormatWall(handler.wall) +
                  " of wall time; its real timeout is " + runtime::FormatDuration(timeout)};
  if (BlockOf(handler.writer) == nullptr) blocks_.push_back(block);
  return block;
}

const Block* WallTimes::BlockOf(const std::string& writer) const {
  for (const Block& b : blocks_) {
    if (b.handler.writer == writer) return &b;
  }
  return nullptr;
}

std::vector<HandlerWallTime> WallTimes::Slowest(std::size_t n) const {
  return {slowest_.begin(), slowest_.begin() + static_cast<long>(std::min(n, slowest_.size()))};
}

void WallTimes::PrintSummary(std::ostream& out, std::size_t n) const {
  if (slowest_.empty()) return;
  out << "[vsssim] slowest writer handlers (wall time):\n";
  for (const HandlerWallTime& h : Slowest(n)) {
    out << "[vsssim]   " << FormatWall(h.wall) << "  " << h.writer << " " << h.handler << "  in "
        << h.test << "\n";
  }
  for (const Block& b : blocks_) {
    out << "[vsssim] " << b.handler.writer << " blocked (" << b.rule << "): " << b.what << "\n";
  }
}

void WallTimes::Clear() {
  slowest_.clear();
  blocks_.clear();
}

}  // namespace vsssim::conformance
