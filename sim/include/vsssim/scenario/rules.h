// The scenario layer's view of the rule registry. THE table is sim/rules/rules.tsv
// (library vsssim_rules, header vsssim/rules/rules.h); this header only
// re-exports it under the names the scenario code and `vsssim run` use, and adds the one
// scenario policy: which unlisted findings fail a verdict.
//
// Thread safety: constant data.
#ifndef VSSSIM_SCENARIO_RULES_H_
#define VSSSIM_SCENARIO_RULES_H_

#include <string_view>
#include <vector>

#include "vsssim/rules/rules.h"

namespace vsssim::scenario {

using RuleLevel = rules::RuleLevel;
using RuleInfo = rules::Rule;
using rules::FindRule;
using rules::NameOf;

// Every rule, sorted by id.
inline const std::vector<RuleInfo>& Rules() { return rules::AllRules(); }

// Whether an unlisted finding of `id` fails a scenario: MUST, VSS and GAP rules do, SHOULD and
// MAY rules are only reported, and unknown ids do (they are our bugs).
bool FailsWhenUnlisted(std::string_view id);

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_RULES_H_
