// The generated table behind vsssim/conformance/rules.h. rule_table.cc is written by
// rules_codegen.cmake (MODE=cxx) from rules.tsv into the build tree; nothing else includes this.
#ifndef VSSSIM_CONFORMANCE_RULES_RULE_TABLE_H_
#define VSSSIM_CONFORMANCE_RULES_RULE_TABLE_H_

#include <cstddef>

#include "vsssim/conformance/rules.h"

namespace vsssim::conformance::internal {

extern const Rule kRuleTable[];
extern const std::size_t kRuleTableSize;

}  // namespace vsssim::conformance::internal

#endif  // VSSSIM_CONFORMANCE_RULES_RULE_TABLE_H_
