#include "vsssim/scenario/rules.h"

namespace vsssim::scenario {

bool FailsWhenUnlisted(std::string_view id) {
  const RuleInfo* rule = FindRule(id);
  if (rule == nullptr) return true;
  return rule->level != RuleLevel::kShould && rule->level != RuleLevel::kMay;
}

}  // namespace vsssim::scenario
