#include "conformance/writer/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "conformance/report/current_test.h"
#include "vsssim/trace/text.h"

namespace vsssim::conformance {
namespace {

constexpr std::size_t kContext = 8;   // lines either side of the entry
constexpr std::size_t kTail = 16;     // lines at the end when there is no entry
constexpr std::size_t kMaxFails = 6;  // per test on the console: enough to see the pattern

}  // namespace

void Reporter::Watch(const trace::Trace* trace, std::uint64_t seed, std::string variant) {
  trace_ = trace;
  seed_ = seed;
  variant_ = std::move(variant);
  report::BeginVariant(variant_);
}

void Reporter::Fail(std::string_view rule, std::string_view expected, std::string_view actual,
                    const trace::Entry* at) {
  ++failures_;
  std::ostringstream head;
  head << rule << ": expected " << expected << ", actual " << actual;
  std::ostringstream out;
  out << "  replay:   --gtest_filter=" << test_;
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
  // `actual` may run over several lines (a document): the first line of the message ends
  // where it does, the rest of it starts the details.
  std::string message = head.str();
  std::string details = out.str();
  const std::size_t line_end = message.find('\n');
  if (line_end != std::string::npos) {
    details = message.substr(line_end + 1) + "\n" + details;
    message.erase(line_end);
  }
  const bool shown = static_cast<std::size_t>(failures_) <= kMaxFails;
  report::RecordFinding(rule, message, details, shown);
  if (!shown) return;
  // No source location: report.cc (or the check's file) is vsssim's, not the writer's.
  GTEST_MESSAGE_AT_(nullptr, -1, "", ::testing::TestPartResult::kNonFatalFailure)
      << message << "\n"
      << details
      << (static_cast<std::size_t>(failures_) == kMaxFails ? "  (further failures not shown)\n"
                                                           : "");
}

}  // namespace vsssim::conformance
