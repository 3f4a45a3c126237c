#include "tools/vsssim/rules_command.h"

#include <nlohmann/json.hpp>

#include <string>

#include "vsssim/conformance/rules.h"

namespace vsssim::tools {

int RunRules(bool json, std::ostream& out) {
  const auto& rules = conformance::AllRules();
  if (json) {
    nlohmann::json all = nlohmann::json::array();
    for (const conformance::Rule& r : rules) {
      all.push_back({{"id", std::string(r.id)},
                     {"level", std::string(conformance::NameOf(r.level))},
                     {"text", std::string(r.text)},
                     {"source", std::string(r.source)},
                     {"spec", std::string(r.spec)}});
    }
    out << all.dump(2) << "\n";
    return 0;
  }
  for (const conformance::Rule& r : rules) {
    out << r.id << "  " << conformance::NameOf(r.level) << "  " << r.text << "  (" << r.source
        << ")\n";
  }
  out << "# " << rules.size() << " rules\n";
  return 0;
}

}  // namespace vsssim::tools
