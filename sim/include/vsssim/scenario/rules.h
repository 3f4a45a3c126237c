// The rule registry the scenario verdict and `vsssim rules` use: every rule ID the simulator
// names in its code, with its level, a one-line paraphrase of the catalogue text and where the
// rule comes from (../shared/spec/CATALOGUE.md or SIM-RULES.md).
//
// THE ONE TABLE: sim/scenario/rules.cc. It was generated once by grepping sim/ for rule IDs and
// looking each up in the spec; issue 6 moves it to conformance/rules/ as the single data file.
// The tool must work without ../shared, so the table is compiled in.
//
// Levels: kMust / kShould / kMay come from the catalogue text; kVss marks a rule that states
// what VSS does (an HRESULT it returns, an order it keeps). A finding against a kMust or kVss
// rule fails a scenario that does not list it; kShould / kMay findings are only reported.
//
// Thread safety: constant data.
#ifndef VSSSIM_SCENARIO_RULES_H_
#define VSSSIM_SCENARIO_RULES_H_

#include <string_view>
#include <vector>

namespace vsssim::scenario {

enum class RuleLevel { kMust, kShould, kMay, kVss };

// "MUST", "SHOULD", "MAY", "VSS".
std::string_view NameOf(RuleLevel level);

struct RuleInfo {
  std::string_view id;      // "WRT-IDENTIFY-03"
  RuleLevel level;          //
  std::string_view text;    // one line
  std::string_view source;  // "CATALOGUE.md WRT-IDENTIFY-03"
};

// Every rule, sorted by id.
const std::vector<RuleInfo>& Rules();
// The rule `id`, or nullptr when the simulator does not know it.
const RuleInfo* FindRule(std::string_view id);
// Whether an unlisted finding of `id` fails a scenario (unknown ids do: they are our bugs).
bool FailsWhenUnlisted(std::string_view id);

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_RULES_H_
