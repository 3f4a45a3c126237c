// The scenario layer's view of the rule registry. THE table is conformance/rules/rules.tsv
// (library vsssim_conformance_rules, header vsssim/conformance/rules.h); this header only
// re-exports it under the names the scenario code and `vsssim run` use, and adds the one
// scenario policy: which unlisted findings fail a verdict.
//
// Thread safety: constant data.
#ifndef VSSSIM_SCENARIO_RULES_H_
#define VSSSIM_SCENARIO_RULES_H_

#include <string_view>
#include <vector>

#include "vsssim/conformance/rules.h"

namespace vsssim::scenario {

using RuleLevel = conformance::RuleLevel;
using RuleInfo = conformance::Rule;
using conformance::FindRule;
using conformance::NameOf;

// Every rule, sorted by id.
inline const std::vector<RuleInfo>& Rules() { return conformance::AllRules(); }

// Whether an unlisted finding of `id` fails a scenario: MUST, VSS and GAP rules do, SHOULD and
// MAY rules are only reported, and unknown ids do (they are our bugs).
bool FailsWhenUnlisted(std::string_view id);

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_RULES_H_
