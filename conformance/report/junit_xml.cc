#include "conformance/report/junit_xml.h"

#include <tinyxml2.h>

#include <cstdio>

#include "conformance/report/xml_text.h"

namespace vsssim::conformance::report {
namespace {

constexpr std::size_t kMaxProblemsInBody = 10;  // per case: enough to see the pattern

struct Counts {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  double seconds = 0;
  void Add(const CaseRecord& c) {
    ++tests;
    seconds += c.seconds;
    if (!c.problems.empty()) {
      ++(c.Primary().kind == Problem::Kind::kError ? errors : failures);
    } else if (c.skipped) {
      ++skipped;
    }
  }
};

// An attribute value: one line (XML would turn line breaks into spaces anyway), XML-safe.
std::string Attribute(std::string_view text) {
  std::string out = XmlSafeText(text);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", seconds < 0 ? 0.0 : seconds);
  return text;
}

// ISO 8601 in UTC, without zone designator (the JUnit schema's xs:dateTime form). The civil
// date comes from the day count directly (no gmtime: not thread-safe, named differently on
// Windows): 400-year eras of 146097 days, years starting on March 1st.
std::string Timestamp(std::int64_t ms) {
  if (ms < 0) ms = 0;
  const std::int64_t seconds = ms / 1000;
  const std::int64_t days = seconds / 86400;
  const std::int64_t in_day = seconds % 86400;
  const std::int64_t z = days + 719468;  // days since 0000-03-01
  const std::int64_t era = z / 146097;
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;  // month from March = 0
  const std::int64_t day = day_of_year - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  char text[96];  // room for any values: -Wformat-truncation
  std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lld",
                static_cast<long long>(year), static_cast<long long>(month),
                static_cast<long long>(day), static_cast<long long>(in_day / 3600),
                static_cast<long long>(in_day / 60 % 60), static_cast<long long>(in_day % 60),
                static_cast<long long>(ms % 1000));
  return text;
}

void PushCounts(tinyxml2::XMLPrinter& out, const Counts& counts) {
  out.PushAttribute("tests", counts.tests);
  out.PushAttribute("failures", counts.failures);
  out.PushAttribute("errors", counts.errors);
  out.PushAttribute("skipped", counts.skipped);
}

// The body of the result element: what the one-line message leaves out.
std::string Body(const CaseRecord& c) {
  const Problem& primary = c.Primary();
  std::string body = primary.details;
  std::size_t shown = 1;
  for (const Problem& p : c.problems) {
    if (&p == &primary) continue;
    if (shown == kMaxProblemsInBody) {
      body += "\n(" + std::to_string(c.problems.size() - shown) + " further problems not shown)\n";
      break;
    }
    ++shown;
    body += "\n" + p.message + "\n" + p.details;  // a rule's message starts with its ID
  }
  if (c.skipped) body += "\nthen skipped: " + c.skip_reason + "\n";
  return XmlSafeText(body);
}

void PushCase(tinyxml2::XMLPrinter& out, const CaseRecord& c) {
  out.OpenElement("testcase");
  out.PushAttribute("name", Attribute(c.name).c_str());
  out.PushAttribute("classname", Attribute(c.classname).c_str());
  out.PushAttribute("time", Seconds(c.seconds).c_str());
  if (!c.properties.empty()) {
    out.OpenElement("properties");
    for (const auto& [key, value] : c.properties) {
      out.OpenElement("property");
      out.PushAttribute("name", Attribute(key).c_str());
      out.PushAttribute("value", Attribute(value).c_str());
      out.CloseElement();
    }
    out.CloseElement();
  }
  if (!c.problems.empty()) {
    const Problem& primary = c.Primary();
    out.OpenElement(primary.kind == Problem::Kind::kError ? "error" : "failure");
    out.PushAttribute("type", Attribute(primary.type).c_str());
    out.PushAttribute("message", Attribute(FirstLine(primary.message)).c_str());
    out.PushText(Body(c).c_str());
    out.CloseElement();
  } else if (c.skipped) {
    out.OpenElement("skipped");
    out.PushAttribute("message", Attribute(FirstLine(c.skip_reason)).c_str());
    out.CloseElement();
  }
  out.CloseElement();
}

}  // namespace

std::string JUnitXml(const ReportRecord& record) {
  Counts all;
  std::vector<Counts> per_suite;
  for (const SuiteRecord& s : record.suites) {
    Counts counts;
    for (const CaseRecord& c : s.cases) {
      counts.Add(c);
      all.Add(c);
    }
    per_suite.push_back(counts);
  }
  tinyxml2::XMLPrinter out;
  out.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
  out.OpenElement("testsuites");
  out.PushAttribute("name", Attribute(record.name).c_str());
  PushCounts(out, all);
  out.PushAttribute("time", Seconds(record.seconds).c_str());
  out.PushAttribute("timestamp", Timestamp(record.start_ms).c_str());
  for (std::size_t i = 0; i < record.suites.size(); ++i) {
    const SuiteRecord& s = record.suites[i];
    out.OpenElement("testsuite");
    out.PushAttribute("name", Attribute(s.name).c_str());
    PushCounts(out, per_suite[i]);
    out.PushAttribute("time", Seconds(s.seconds).c_str());
    out.PushAttribute("timestamp", Timestamp(s.start_ms).c_str());
    for (const CaseRecord& c : s.cases) PushCase(out, c);
    out.CloseElement();
  }
  out.CloseElement();
  return out.CStr();
}

}  // namespace vsssim::conformance::report
