#include "conformance/report/test_recorder.h"

#include <algorithm>

namespace vsssim::conformance::report {
namespace {

TestRecorder* g_active = nullptr;

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// GoogleTest's own wording for an exception it caught around a test function.
bool IsUncaughtException(std::string_view message) {
  return StartsWith(message, "C++ exception with description") ||
         StartsWith(message, "Unknown C++ exception thrown in") ||
         StartsWith(message, "SEH exception with code");
}

std::string RestAfterFirstLine(std::string_view text) {
  const std::size_t end = text.find('\n');
  return end == std::string_view::npos ? std::string() : std::string(text.substr(end + 1));
}

}  // namespace

const Problem& CaseRecord::Primary() const {
  for (const Problem& p : problems) {
    if (p.kind == Problem::Kind::kRule) return p;
  }
  return problems.front();
}

TestRecorder* TestRecorder::Active() { return g_active; }
void TestRecorder::SetActive(TestRecorder* recorder) { g_active = recorder; }

std::string TestRecorder::ClassName(std::string_view suite) {
  const std::size_t slash = suite.find('/');
  if (slash == std::string_view::npos || slash + 1 == suite.size()) return std::string(suite);
  return std::string(suite.substr(slash + 1));
}

std::string TestRecorder::CaseName(std::string_view test, std::string_view rule,
                                   std::string_view variant) {
  std::string name(test);
  if (!rule.empty()) name.append(" [").append(rule).append("]");
  if (!variant.empty()) name.append(" ").append(variant);
  return name;
}

SuiteRecord& TestRecorder::SuiteNamed(const std::string& name) {
  for (SuiteRecord& s : record_.suites) {
    if (s.name == name) return s;
  }
  record_.suites.push_back(SuiteRecord{name, 0, 0, {}});
  return record_.suites.back();
}

void TestRecorder::StartSuite(std::string suite) {
  suite_ = std::move(suite);
  SuiteNamed(suite_);
}

void TestRecorder::EndSuite(std::int64_t start_ms, double seconds) {
  SuiteRecord& suite = SuiteNamed(suite_);
  suite.start_ms = start_ms;
  suite.seconds = seconds;
  if (!outside_tests_.empty()) {  // SetUpTestSuite or TearDownTestSuite failed
    CaseRecord c;
    c.name = "(set-up or tear-down of the suite)";
    c.classname = ClassName(suite_);
    c.problems = std::move(outside_tests_);
    outside_tests_.clear();
    suite.cases.push_back(std::move(c));
  }
}

void TestRecorder::StartTest(std::string suite, std::string test, double now) {
  suite_ = std::move(suite);
  test_ = std::move(test);
  in_test_ = true;
  variants_.assign(1, Variant{});
  current_ = 0;
  since_ = now;
  echo_.clear();
}

void TestRecorder::BeginVariant(std::string_view label, double now) {
  if (!in_test_) return;
  Variant& first = variants_.front();
  if (variants_.size() == 1 && first.label.empty() && first.problems.empty() && !first.skipped) {
    first.label = std::string(label);  // what ran before belongs to the first variant
    return;
  }
  Current().seconds += now - since_;
  since_ = now;
  const auto same = std::find_if(variants_.begin(), variants_.end(),
                                 [&](const Variant& v) { return v.label == label; });
  current_ = static_cast<std::size_t>(same - variants_.begin());
  if (same == variants_.end()) variants_.push_back(Variant{std::string(label), 0, {}, false, {}});
}

void TestRecorder::AddProblem(Problem problem) {
  if (in_test_) {
    Current().problems.push_back(std::move(problem));
  } else {
    outside_tests_.push_back(std::move(problem));
  }
}

void TestRecorder::RecordFinding(std::string rule, std::string message, std::string details,
                                 bool failure_follows) {
  echo_ = failure_follows ? message : std::string();
  AddProblem(
      Problem{Problem::Kind::kRule, std::move(rule), std::move(message), std::move(details)});
}

void TestRecorder::OnFailure(std::string_view message, const char* file, int line) {
  if (!echo_.empty() && message.substr(0, message.find('\n')) == echo_) {
    echo_.clear();  // the console form of the finding just recorded
    return;
  }
  Problem p;
  p.kind = IsUncaughtException(message) ? Problem::Kind::kError : Problem::Kind::kFailure;
  p.type = p.kind == Problem::Kind::kError ? "exception" : "assertion";
  p.message = std::string(message.substr(0, message.find('\n')));
  if (file != nullptr) {
    p.details = std::string(file) + (line >= 0 ? ":" + std::to_string(line) : "") + "\n";
  }
  p.details += RestAfterFirstLine(message);
  AddProblem(std::move(p));
}

void TestRecorder::OnSkip(std::string_view reason) {
  if (!in_test_) return;
  Current().skipped = true;
  Current().skip_reason = reason.empty() ? "skipped without a reason (GTEST_SKIP() with no message)"
                                         : std::string(reason);
}

void TestRecorder::EndTest(std::vector<std::pair<std::string, std::string>> properties,
                           double now) {
  Current().seconds += now - since_;
  std::string rule;
  for (const auto& [key, value] : properties) {
    if (key == "rule") rule = value;
  }
  SuiteRecord& suite = SuiteNamed(suite_);
  for (Variant& v : variants_) {
    const bool idle = v.label.empty() && v.problems.empty() && !v.skipped;
    if (idle && variants_.size() > 1) continue;  // nothing ran outside the named variants
    CaseRecord c;
    c.name = CaseName(test_, rule, v.label);
    c.classname = ClassName(suite_);
    c.seconds = std::max(0.0, v.seconds);
    c.problems = std::move(v.problems);
    c.skipped = v.skipped;
    c.skip_reason = std::move(v.skip_reason);
    c.properties = properties;
    suite.cases.push_back(std::move(c));
  }
  variants_.clear();
  in_test_ = false;
  echo_.clear();
}

void TestRecorder::EndProgram(std::int64_t start_ms, double seconds) {
  record_.start_ms = start_ms;
  record_.seconds = seconds;
  if (!outside_tests_.empty()) {  // a global test environment failed
    suite_ = "(environment)";
    EndSuite(start_ms, 0);
  }
  // Suites with no case (every test filtered out or disabled) are not reported.
  record_.suites.erase(std::remove_if(record_.suites.begin(), record_.suites.end(),
                                      [](const SuiteRecord& s) { return s.cases.empty(); }),
                       record_.suites.end());
}

}  // namespace vsssim::conformance::report
