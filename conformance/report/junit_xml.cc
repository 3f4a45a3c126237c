#include "conformance/report/junit_xml.h"

#include <tinyxml2.h>

#include <cstdio>
#include <ctime>

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

// ISO 8601 in UTC, without zone designator (the JUnit schema's xs:dateTime form).
std::string Timestamp(std::int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
#if defined(_WIN32)
  gmtime_s(&utc, &t);
#else
  gmtime_r(&t, &utc);
#endif
  char text[96];  // room for any int fields: -Wformat-truncation
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03d", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(ms % 1000));
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
    body += "\nalso " + p.type + ":\n" + p.message + "\n" + p.details;
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
