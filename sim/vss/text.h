// Small text helpers shared by the vocabulary parsers. Internal to sim/vss.
#ifndef VSSSIM_SIM_VSS_TEXT_H_
#define VSSSIM_SIM_VSS_TEXT_H_

#include <string_view>

namespace vsssim::vss::internal {

// ASCII case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// `text` without leading and trailing white space.
std::string_view Trim(std::string_view text);

}  // namespace vsssim::vss::internal

#endif  // VSSSIM_SIM_VSS_TEXT_H_
