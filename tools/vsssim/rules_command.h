// `vsssim rules [--json]`: every rule the simulator checks (the table in
// sim/scenario/rules.cc), with ID, level, one-line text and source.
#ifndef VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_

#include <ostream>

namespace vsssim::tools {

int RunRules(bool json, std::ostream& out);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_RULES_COMMAND_H_
