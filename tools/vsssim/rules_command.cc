#include "tools/vsssim/rules_command.h"

#include <nlohmann/json.hpp>

#include <string>

#include "tools/vsssim/choice_list.h"
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

}  // namespace

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
