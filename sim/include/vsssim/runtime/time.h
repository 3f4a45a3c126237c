// Virtual time: durations and instants with nanosecond resolution, and their text forms.
//
// Time in vsssim is never read from the wall clock. A TimePoint counts nanoseconds since the
// start of a simulated run; every run starts at zero, so traces are reproducible.
//
// Thread safety: plain value types and pure functions.
#ifndef VSSSIM_RUNTIME_TIME_H_
#define VSSSIM_RUNTIME_TIME_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vsssim::runtime {

using Duration = std::chrono::nanoseconds;

// An instant on the virtual clock, nanoseconds since the run began.
struct TimePoint {
  Duration since_start{0};

  friend constexpr bool operator==(TimePoint a, TimePoint b) {
    return a.since_start == b.since_start;
  }
  friend constexpr bool operator!=(TimePoint a, TimePoint b) { return !(a == b); }
  friend constexpr bool operator<(TimePoint a, TimePoint b) {
    return a.since_start < b.since_start;
  }
  friend constexpr bool operator<=(TimePoint a, TimePoint b) { return !(b < a); }
  friend constexpr bool operator>(TimePoint a, TimePoint b) { return b < a; }
  friend constexpr bool operator>=(TimePoint a, TimePoint b) { return !(a < b); }
  friend constexpr TimePoint operator+(TimePoint t, Duration d) { return {t.since_start + d}; }
  friend constexpr Duration operator-(TimePoint a, TimePoint b) {
    return a.since_start - b.since_start;
  }
};

// Parses "60s", "250ms", "1.5s", "100us", "10ns", "2m", "1h", or a combination of those
// ("1m30s"). A bare number is rejected: the unit is part of the contract. Negative durations
// are rejected. Nullopt on any error.
std::optional<Duration> ParseDuration(std::string_view text);

// The shortest exact text form that ParseDuration reads back: "60s", "250ms", "1.5s", "0s".
std::string FormatDuration(Duration d);

// Fixed-width form for traces: "000060.000000000" (seconds.nanoseconds).
std::string FormatTimePoint(TimePoint t);

}  // namespace vsssim::runtime

#endif  // VSSSIM_RUNTIME_TIME_H_
