// Where the simulator enforces each rule and which bundled scenarios show it, for
// `vsssim rules RULE-ID`: generated at build time by tools/vsssim/rule_sites.cmake from the
// sources that cite the rule ID (sim/, conformance/; tests left out) and from fixtures/**/*.xml.
//
// Thread safety: constant data.
#ifndef VSSSIM_TOOLS_VSSSIM_RULE_SITES_H_
#define VSSSIM_TOOLS_VSSSIM_RULE_SITES_H_

#include <string_view>
#include <vector>

namespace vsssim::tools {

struct RuleSites {
  std::string_view id;
  std::string_view code;       // space-separated paths from the source root
  std::string_view scenarios;  // space-separated fixtures/ paths
};

// One entry per rule that some source or scenario names, sorted by id.
const std::vector<RuleSites>& AllRuleSites();

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_RULE_SITES_H_
