// The generated table behind vsssim/rules/rules.h. rule_table.cc is written by
// rules_codegen.cmake (MODE=cxx) from rules.tsv into the build tree; nothing else includes this.
#ifndef VSSSIM_SIM_RULES_RULE_TABLE_H_
#define VSSSIM_SIM_RULES_RULE_TABLE_H_

#include <cstddef>

#include "vsssim/rules/rules.h"

namespace vsssim::rules::internal {

extern const Rule kRuleTable[];
extern const std::size_t kRuleTableSize;

}  // namespace vsssim::rules::internal

#endif  // VSSSIM_SIM_RULES_RULE_TABLE_H_
