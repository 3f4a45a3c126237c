#include "vsssim/rules/rules.h"

#include <algorithm>

#include "sim/rules/rule_table.h"

namespace vsssim::rules {

std::string_view NameOf(RuleLevel level) {
  switch (level) {
    case RuleLevel::kMust:
      return "MUST";
    case RuleLevel::kShould:
      return "SHOULD";
    case RuleLevel::kMay:
      return "MAY";
    case RuleLevel::kVss:
      return "VSS";
    case RuleLevel::kGap:
      return "GAP";
  }
  return "VSS";
}

std::optional<RuleLevel> ParseRuleLevel(std::string_view name) {
  for (RuleLevel level :
       {RuleLevel::kMust, RuleLevel::kShould, RuleLevel::kMay, RuleLevel::kVss, RuleLevel::kGap}) {
    if (NameOf(level) == name) return level;
  }
  return std::nullopt;
}

const std::vector<Rule>& AllRules() {
  static const std::vector<Rule> rules(internal::kRuleTable,
                                       internal::kRuleTable + internal::kRuleTableSize);
  return rules;
}

const Rule* FindRule(std::string_view id) {
  const std::vector<Rule>& rules = AllRules();
  auto it = std::lower_bound(rules.begin(), rules.end(), id,
                             [](const Rule& r, std::string_view key) { return r.id < key; });
  if (it == rules.end() || it->id != id) return nullptr;
  return &*it;
}

}  // namespace vsssim::rules
