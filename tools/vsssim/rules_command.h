// `vsssim rules [--json]`: every rule of the registry (sim/rules/rules.tsv, through
// vsssim/rules/rules.h) with ID, level, one-line text, source and spec section. The text
// form then lists the Windows profiles and the rules each switches (windows_profile.h), and
// every named choice of coordinator::Choices with its default (choice_list.h); --json prints
// the rules only.
//
// `vsssim rules RULE-ID...` explains the named rules instead: the catalogue's whole text, its
// level, the section it stands in, every source page it cites, where the simulator enforces it
// (the sources that cite it, rule_sites.h) and the bundled scenarios that show it. An ID the
// registry does not know is bad input (exit 2, with the nearest known IDs); IDs are matched
// without regard to case.
#ifndef VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace vsssim::tools {

int RunRules(bool json, std::ostream& out);
// Exit 0, or 2 (on `err`) when an ID is unknown; nothing is printed on `out` then.
int RunRuleDetails(const std::vector<std::string>& ids, bool json, std::ostream& out,
                   std::ostream& err);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_
