// The rule registry: every rule of ../shared/spec/ (CATALOGUE.md, SIM-RULES.md) the simulator
// can check, with its level, a one-line paraphrase, the public source it comes from and the
// catalogue's whole text (so the tool explains a rule without ../shared).
//
// The data lives in ONE file, sim/rules/rules.tsv; the build turns it into the table
// behind this header (sim/rules/rules_codegen.cmake) and into docs/rules.md. To add a
// rule, add a line there; a CTest check (check.rule_ids_known) fails when code names a rule ID
// the registry lacks.
//
// Thread safety: constant data; every function may be called from any thread.
#ifndef VSSSIM_RULES_RULES_H_
#define VSSSIM_RULES_RULES_H_

#include <optional>
#include <string_view>
#include <vector>

namespace vsssim::rules {

// kMust / kShould / kMay: the catalogue's severity hint (CATALOGUE.md 0.2). kVss: a statement
// of what VSS does. kGap: a documentation gap or conflict (CATALOGUE.md 8) that the simulator
// resolves by a named choice.
enum class RuleLevel { kMust, kShould, kMay, kVss, kGap };

// "MUST", "SHOULD", "MAY", "VSS", "GAP".
std::string_view NameOf(RuleLevel level);
// The inverse of NameOf; nullopt for anything else (exact spelling).
std::optional<RuleLevel> ParseRuleLevel(std::string_view name);

struct Rule {
  std::string_view id;      // "WRT-IDENTIFY-03"
  RuleLevel level;          //
  std::string_view text;    // one line, ASCII
  std::string_view source;  // "https://learn.microsoft.com/..." or "CATALOGUE.md 3.9"
  std::string_view spec;    // "CATALOGUE.md 3.3" or "SIM-RULES.md"
  // The catalogue's whole rule (sim/rules/rule_text.tsv, imported from ../shared/spec): every
  // cell of its table row, the section it stands in and every source it cites, as addresses
  // where the catalogue abbreviates them (space-separated). A rule the catalogue lacks
  // (vsssim's own) has `text`, `spec` and `source` here.
  std::string_view full_text;
  std::string_view section;  // "CATALOGUE.md 1.11 Numeric limits and timers"
  std::string_view sources;
};

// Every rule, sorted by id (byte order), ids unique.
const std::vector<Rule>& AllRules();
// The rule `id` (exact spelling), or nullptr when the registry does not know it.
const Rule* FindRule(std::string_view id);

}  // namespace vsssim::rules

#endif  // VSSSIM_RULES_RULES_H_
