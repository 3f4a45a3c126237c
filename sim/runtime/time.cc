#include "vsssim/runtime/time.h"

#include <cstdio>
#include <limits>

namespace vsssim::runtime {
namespace {

struct Unit {
  std::string_view suffix;
  std::int64_t nanoseconds;
};
// Longer suffixes first so "ms" is not read as "m" followed by garbage.
constexpr Unit kUnits[] = {{"ns", 1},
                           {"us", 1'000},
                           {"ms", 1'000'000},
                           {"s", 1'000'000'000},
                           {"m", 60'000'000'000},
                           {"h", 3'600'000'000'000}};

}  // namespace

std::optional<Duration> ParseDuration(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t total = 0;
  while (!text.empty()) {
    // Number: digits, optionally a '.' and more digits.
    std::int64_t whole = 0;
    std::int64_t fraction = 0, fraction_scale = 1;
    std::size_t i = 0;
    bool any_digit = false;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (whole > (kMax - 9) / 10) return std::nullopt;
      whole = whole * 10 + (text[i] - '0');
      any_digit = true;
    }
    if (i < text.size() && text[i] == '.') {
      ++i;
      for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        if (fraction_scale >= 1'000'000'000) return std::nullopt;  // below a nanosecond
        fraction = fraction * 10 + (text[i] - '0');
        fraction_scale *= 10;
        any_digit = true;
      }
    }
    if (!any_digit) return std::nullopt;
    text.remove_prefix(i);
    const Unit* unit = nullptr;
    for (const Unit& u : kUnits) {
      if (text.substr(0, u.suffix.size()) == u.suffix) {
        unit = &u;
        break;
      }
    }
    if (unit == nullptr) return std::nullopt;
    text.remove_prefix(unit->suffix.size());
    if (whole > kMax / unit->nanoseconds) return std::nullopt;
    std::int64_t part = whole * unit->nanoseconds;
    // The fractional part must come out as whole nanoseconds. fraction < 10^9 and the scale
    // is a power of ten <= 10^9, so neither product below can overflow.
    std::int64_t frac_ns;
    if (unit->nanoseconds % fraction_scale == 0) {
      frac_ns = fraction * (unit->nanoseconds / fraction_scale);
    } else {
      std::int64_t product = fraction * unit->nanoseconds;
      if (product % fraction_scale != 0) return std::nullopt;
      frac_ns = product / fraction_scale;
    }
    if (part > kMax - frac_ns || total > kMax - part - frac_ns) return std::nullopt;
    total += part + frac_ns;
  }
  return Duration{total};
}

std::string FormatDuration(Duration d) {
  std::int64_t ns = d.count();
  std::string sign;
  if (ns < 0) {
    sign = "-";
    ns = -ns;
  }
  if (ns == 0) return "0s";
  char buffer[48];
  if (ns % 1'000'000'000 == 0) {
    std::snprintf(buffer, sizeof buffer, "%llds", static_cast<long long>(ns / 1'000'000'000));
  } else if (ns % 1'000'000 == 0) {
    std::snprintf(buffer, sizeof buffer, "%lldms", static_cast<long long>(ns / 1'000'000));
  } else if (ns % 1'000 == 0) {
    std::snprintf(buffer, sizeof buffer, "%lldus", static_cast<long long>(ns / 1'000));
  } else {
    std::snprintf(buffer, sizeof buffer, "%lldns", static_cast<long long>(ns));
  }
  return sign + buffer;
}

std::string FormatTimePoint(TimePoint t) {
  std::int64_t ns = t.since_start.count();
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s%06lld.%09lld", ns < 0 ? "-" : "",
                static_cast<long long>((ns < 0 ? -ns : ns) / 1'000'000'000),
                static_cast<long long>((ns < 0 ? -ns : ns) % 1'000'000'000));
  return buffer;
}

}  // namespace vsssim::runtime
