#include "tools/vsssim/rules_command.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tools/vsssim/choice_list.h"
#include "tools/vsssim/rule_sites.h"
#include "vsssim/coordinator/windows_profile.h"
#include "vsssim/rules/rules.h"

namespace vsssim::tools {
namespace {

// The Windows profiles and what each changes (windows_profile.h), then every named choice
// with its default (choice_list.h).
void PrintProfilesAndChoices(std::ostream& out) {
  using coordinator::kVersionRules;
  using coordinator::kWindowsProfiles;
  out << "# Windows profiles (vsssim run --windows NAME, <scenario windows=\"NAME\">), oldest "
         "first\n";
  for (const coordinator::WindowsProfileInfo& p : kWindowsProfiles) {
    out << "profile " << p.name << "  " << p.description
        << (p.profile == coordinator::kDefaultWindowsProfile ? "  (default)" : "") << "\n";
  }
  out << "# version-dependent rules: each holds under the profiles listed only\n";
  for (const coordinator::VersionRuleInfo& r : kVersionRules) {
    std::string under;
    for (const coordinator::WindowsProfileInfo& p : kWindowsProfiles) {
      if (!coordinator::Applies(r.rule, p.profile)) continue;
      under += (under.empty() ? "" : ",") + std::string(p.name);
    }
    out << "version " << (r.id.empty() ? "(catalogue silent)" : r.id) << "  under " << under << "  "
        << r.text << "  (" << r.source << ")\n";
  }
  const std::vector<ChoiceRow> choices = ListChoices();
  out << "# choices (coordinator::Choices, docs/undocumented-choices.md), with their defaults\n";
  for (const ChoiceRow& c : choices) {
    out << "choice " << c.name << " = " << c.value << "  " << c.what << "  (" << c.spec << ")\n";
  }
  out << "# " << choices.size() << " choices\n";
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

const RuleSites* SitesOf(std::string_view id) {
  const std::vector<RuleSites>& all = AllRuleSites();
  auto it = std::lower_bound(all.begin(), all.end(), id,
                             [](const RuleSites& s, std::string_view key) { return s.id < key; });
  return it != all.end() && it->id == id ? &*it : nullptr;
}

// Registry IDs that share the longest prefix with `id` (the same family first, so a misspelt
// ID finds its neighbours), at most five.
std::vector<std::string_view> Nearest(std::string_view id) {
  std::size_t best = 0;
  std::vector<std::string_view> out;
  for (const rules::Rule& r : rules::AllRules()) {
    std::size_t n = 0;
    while (n < id.size() && n < r.id.size() && id[n] == r.id[n]) ++n;
    if (n > best) {
      best = n;
      out.clear();
    }
    if (n == best && n > 0 && out.size() < 5) out.push_back(r.id);
  }
  return out;
}

void PrintList(std::ostream& out, std::string_view label, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out << "  " << label << ":\n";
  for (const std::string& i : items) out << "    " << i << "\n";
}

}  // namespace

int RunRuleDetails(const std::vector<std::string>& ids, bool json, std::ostream& out,
                   std::ostream& err) {
  std::vector<const rules::Rule*> found;
  for (const std::string& id : ids) {
    const std::string wanted = Upper(id);
    const rules::Rule* rule = rules::FindRule(wanted);
    if (rule == nullptr) {
      err << "rules: unknown rule '" << id << "'";
      const std::vector<std::string_view> near = Nearest(wanted);
      if (!near.empty()) {
        err << " (did you mean";
        for (std::string_view n : near) err << " " << n;
        err << "?)";
      }
      err << "; `vsssim rules` lists every rule\n";
      return 2;
    }
    found.push_back(rule);
  }
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const rules::Rule* r : found) {
    const RuleSites* sites = SitesOf(r->id);
    const std::vector<std::string> code = Words(sites ? sites->code : "");
    const std::vector<std::string> scenarios = Words(sites ? sites->scenarios : "");
    // The sources: the catalogue's addresses, else the registry's first source.
    std::vector<std::string> sources = Words(r->sources);
    if (sources.empty() || sources.front() == "-") sources = {std::string(r->source)};
    if (json) {
      all.push_back({{"id", std::string(r->id)},
                     {"level", std::string(rules::NameOf(r->level))},
                     {"text", std::string(r->full_text)},
                     {"summary", std::string(r->text)},
                     {"section", std::string(r->section)},
                     {"spec", std::string(r->spec)},
                     {"sources", sources},
                     {"enforced_in", code},
                     {"scenarios", scenarios}});
      continue;
    }
    out << r->id << "  " << rules::NameOf(r->level) << "\n";
    out << "  " << r->full_text << "\n";
    out << "  section: " << r->section << "\n";
    PrintList(out, "sources", sources);
    if (code.empty()) {
      out << "  enforced in: (no simulator source cites it)\n";
    } else {
      PrintList(out, "enforced in", code);
    }
    PrintList(out, "scenarios", scenarios);
  }
  if (json) out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

int RunRules(bool json, std::ostream& out) {
  const auto& rules = rules::AllRules();
  if (json) {
    nlohmann::json all = nlohmann::json::array();
    for (const rules::Rule& r : rules) {
      all.push_back({{"id", std::string(r.id)},
                     {"level", std::string(rules::NameOf(r.level))},
                     {"text", std::string(r.text)},
                     {"source", std::string(r.source)},
                     {"spec", std::string(r.spec)}});
    }
    out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  for (const rules::Rule& r : rules) {
    out << r.id << "  " << rules::NameOf(r.level) << "  " << r.text << "  (" << r.source << ")\n";
  }
  out << "# " << rules.size() << " rules\n";
  PrintProfilesAndChoices(out);
  return 0;
}

}  // namespace vsssim::tools
