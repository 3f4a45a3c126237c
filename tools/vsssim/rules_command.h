// `vsssim rules [--json]`: every rule of the registry (conformance/rules/rules.tsv, through
// vsssim/conformance/rules.h) with ID, level, one-line text, source and spec section.
#ifndef VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_

#include <ostream>

namespace vsssim::tools {

int RunRules(bool json, std::ostream& out);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_
