#include "conformance/writer/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "vsssim/trace/text.h"

namespace vsssim::conformance {
namespace {

constexpr std::size_t kContext = 8;   // lines either side of the entry
constexpr std::size_t kTail = 16;     // lines at the end when there is no entry
constexpr std::size_t kMaxFails = 6;  // per test: enough to see the pattern

}  // namespace

void Reporter::Fail(std::string_view rule, std::string_view expected, std::string_view actual,
                    const trace::Entry* at) {
  ++failures_;
  if (static_cast<std::size_t>(failures_) > kMaxFails) return;
  std::ostringstream out;
  out << "rule " << rule << " broken\n  expected: " << expected << "\n  actual:   " << actual
      << "\n  replay:   --gtest_filter=" << test_;
  if (trace_ != nullptr) out << "  (seed " << seed_ << ")";
  if (!variant_.empty()) out << "  variant: " << variant_;
  out << "\n";
  if (trace_ != nullptr) {
    const std::vector<trace::Entry>& entries = trace_->entries();
    std::size_t from = entries.size() > kTail ? entries.size() - kTail : 0;
    std::size_t to = entries.size();
    if (at != nullptr) {
      from = at->sequence > kContext ? at->sequence - kContext : 0;
      to = std::min<std::size_t>(entries.size(), at->sequence + kContext + 1);
    }
    out << "  trace excerpt (#" << from << "..#" << (to == 0 ? 0 : to - 1) << " of "
        << entries.size() << "):\n";
    for (std::size_t i = from; i < to; ++i) {
      out << (at != nullptr && i == at->sequence ? "  > " : "    ")
          << trace::RenderTextLine(entries[i]) << "\n";
    }
  }
  if (static_cast<std::size_t>(failures_) == kMaxFails) out << "  (further failures not shown)\n";
  ADD_FAILURE() << out.str();
}

}  // namespace vsssim::conformance
