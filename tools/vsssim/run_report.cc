// The reports of `vsssim run`: readable text, JSON and JUnit XML (run_command.h).
#include <nlohmann/json.hpp>

#include <sstream>

#include "tools/vsssim/run_command.h"
#include "vsssim/scenario/rules.h"
#include "vsssim/vss/text.h"

namespace vsssim::tools {
namespace {

using scenario::ObservedFinding;
using scenario::RunResult;

std::string Verdict(const ObservedFinding& f) {
  if (f.listed) return "expected";
  if (f.excused) return "explained by an expected failure";
  if (f.fails) return "NOT EXPECTED: fails the scenario";
  return "reported (not MUST-level)";
}

std::string RuleText(const std::string& id) {
  const scenario::RuleInfo* rule = scenario::FindRule(id);
  if (rule == nullptr) return "[unknown rule]";
  return "[" + std::string(scenario::NameOf(rule->level)) + "] " + std::string(rule->text);
}

// Well-formed whatever `text` holds: invalid UTF-8 and characters XML 1.0 forbids become
// U+FFFD (vss::ToValidText), markup characters entities.
std::string XmlEscape(std::string_view raw) {
  const std::string text = vss::ToValidText(raw);
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') ? ' ' : c;
    }
  }
  return out;
}

// The failure lines of a result (no header), shared by text and JUnit.
std::string FailureDetails(const RunResult& r) {
  std::ostringstream s;
  for (const auto& f : r.failures) {
    s << "  " << f.where.ToString() << ": " << f.what << ": expected " << f.expected << ", got "
      << f.actual << "\n";
  }
  for (const ObservedFinding& f : r.findings) {
    if (!f.fails) continue;
    s << "  finding #" << f.sequence << " " << f.rule << " by " << f.actor << ": " << f.message
      << " -- " << RuleText(f.rule) << " (not listed in <expect>)\n";
  }
  return s.str();
}

}  // namespace

std::string ReproduceCommand(const RunResult& r) {
  std::string engine = r.engine.empty() ? "" : " --engine=" + r.engine;
  if (r.windows != coordinator::kDefaultWindowsProfile) {
    engine += " --windows " + std::string(coordinator::NameOf(r.windows));
  }
  for (const auto& [name, value] : r.choices) engine += " --choice " + name + "=" + value;
  return "vsssim run --seed " + std::to_string(r.seed) + engine + " --trace text " + r.file;
}

std::string RenderTextReport(const RunResult& r) {
  std::ostringstream s;
  s << (r.passed() ? "PASS " : "FAIL ") << r.file << " (" << r.scenario_name << ") seed " << r.seed
    << " digest " << r.digest;
  if (r.windows != coordinator::kDefaultWindowsProfile) s << " windows " << NameOf(r.windows);
  s << "\n";
  s << FailureDetails(r);
  for (const ObservedFinding& f : r.findings) {
    if (f.fails) continue;
    s << "  finding #" << f.sequence << " " << f.rule << " by " << f.actor << ": " << f.message
      << " -- " << RuleText(f.rule) << " (" << Verdict(f) << ")\n";
  }
  if (!r.passed()) s << "  reproduce: " << ReproduceCommand(r) << "\n";
  return s.str();
}

std::string RenderJsonReport(const std::vector<FileOutcome>& outcomes) {
  nlohmann::json all = nlohmann::json::array();
  for (const FileOutcome& o : outcomes) {
    nlohmann::json j;
    j["file"] = o.file;
    if (!o.result) {
      j["status"] = "bad-input";
      j["errors"] = o.errors;
      all.push_back(std::move(j));
      continue;
    }
    const RunResult& r = *o.result;
    j["status"] = r.passed() ? "pass" : "fail";
    j["scenario"] = r.scenario_name;
    j["seed"] = r.seed;
    j["windows"] = std::string(coordinator::NameOf(r.windows));
    j["digest"] = r.digest;
    j["reproduce"] = ReproduceCommand(r);
    j["failures"] = nlohmann::json::array();
    for (const auto& f : r.failures) {
      j["failures"].push_back({{"where", f.where.ToString()},
                               {"what", f.what},
                               {"expected", f.expected},
                               {"actual", f.actual}});
    }
    j["findings"] = nlohmann::json::array();
    for (const ObservedFinding& f : r.findings) {
      const scenario::RuleInfo* rule = scenario::FindRule(f.rule);
      j["findings"].push_back(
          {{"sequence", f.sequence},
           {"rule", f.rule},
           {"level", rule ? std::string(scenario::NameOf(rule->level)) : "unknown"},
           {"text", rule ? std::string(rule->text) : ""},
           {"actor", f.actor},
           {"message", f.message},
           {"listed", f.listed},
           {"excused", f.excused},
           {"fails", f.fails}});
    }
    all.push_back(std::move(j));
  }
  return all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// One <testcase> per scenario file; bad input is an <error>, a failed verdict a <failure>.
std::string RenderJunitReport(const std::vector<FileOutcome>& outcomes) {
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::ostringstream cases;
  for (const FileOutcome& o : outcomes) {
    std::string name = o.result ? o.result->scenario_name : o.file;
    cases << "  <testcase classname=\"vsssim.scenario\" name=\"" << XmlEscape(name) << "\" file=\""
          << XmlEscape(o.file) << "\"";
    if (!o.result) {
      ++errors;
      cases << ">\n    <error message=\"bad input\">" << XmlEscape(o.errors)
            << "</error>\n  </testcase>\n";
    } else if (!o.result->passed()) {
      ++failures;
      cases << ">\n    <failure message=\"scenario failed (seed " << o.result->seed << ")\">"
            << XmlEscape(FailureDetails(*o.result) + "reproduce: " + ReproduceCommand(*o.result) +
                         "\n")
            << "</failure>\n  </testcase>\n";
    } else {
      cases << "/>\n";
    }
  }
  std::ostringstream s;
  s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    << "<testsuite name=\"vsssim\" tests=\"" << outcomes.size() << "\" failures=\"" << failures
    << "\" errors=\"" << errors << "\">\n"
    << cases.str() << "</testsuite>\n";
  return s.str();
}

}  // namespace vsssim::tools
