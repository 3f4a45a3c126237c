#include "tools/vsssim/rules_command.h"

#include <nlohmann/json.hpp>

#include <string>

#include "vsssim/scenario/rules.h"

namespace vsssim::tools {

int RunRules(bool json, std::ostream& out) {
  const auto& rules = scenario::Rules();
  if (json) {
    nlohmann::json all = nlohmann::json::array();
    for (const scenario::RuleInfo& r : rules) {
      all.push_back({{"id", std::string(r.id)},
                     {"level", std::string(scenario::NameOf(r.level))},
                     {"text", std::string(r.text)},
                     {"source", std::string(r.source)}});
    }
    out << all.dump(2) << "\n";
    return 0;
  }
  for (const scenario::RuleInfo& r : rules) {
    out << r.id << "  " << scenario::NameOf(r.level) << "  " << r.text << "  (" << r.source
        << ")\n";
  }
  out << "# " << rules.size() << " rules\n";
  return 0;
}

}  // namespace vsssim::tools
