// `vsssim rules [--json]`: every rule of the registry (sim/rules/rules.tsv, through
// vsssim/rules/rules.h) with ID, level, one-line text, source and spec section. The text
// form then lists the Windows profiles and the rules each switches (windows_profile.h), and
// every named choice of coordinator::Choices with its default (choice_list.h); --json prints
// the rules only.
#ifndef VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_

#include <ostream>

namespace vsssim::tools {

int RunRules(bool json, std::ostream& out);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_
