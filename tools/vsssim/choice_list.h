// The named choices of coordinator::Choices (sim/include/vsssim/coordinator/choices.h) as rows
// for `vsssim rules`: field name, value, the spec it settles, one line of what it decides.
// docs/undocumented-choices.md explains each default.
//
// Completeness: the test cli.rules_lists_every_choice reads choices.h and fails when a field
// is missing here (or from docs/undocumented-choices.md).
// Thread safety: pure function.
#ifndef VSSSIM_TOOLS_VSSSIM_CHOICE_LIST_H_
#define VSSSIM_TOOLS_VSSSIM_CHOICE_LIST_H_

#include <string>
#include <string_view>
#include <vector>

#include "vsssim/coordinator/choices.h"

namespace vsssim::tools {

struct ChoiceRow {
  std::string_view name;  // the field of Choices
  std::string value;      // rendered: an HRESULT or enum name, a duration, true/false
  std::string_view spec;  // catalogue IDs
  std::string_view what;
};

// Every field of `choices`, in declaration order.
std::vector<ChoiceRow> ListChoices(const coordinator::Choices& choices = {});

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_CHOICE_LIST_H_
