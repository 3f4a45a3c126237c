// <choice name="FIELD" value="V"/>: a scenario sets one named choice of coordinator::Choices
// (every behaviour Microsoft leaves undocumented; docs/undocumented-choices.md) by the field's
// own name in choices.h. Values are typed by the field: HRESULT names or 0xHEX, VSS_WS_* names,
// durations ("180s"), counts, yes/no. The Windows profile (Choices::windows) is set by
// <scenario windows=> and `vsssim run --windows`, not here.
//
// Thread safety: pure functions over a constant table.
#ifndef VSSSIM_SCENARIO_CHOICE_H_
#define VSSSIM_SCENARIO_CHOICE_H_

#include <string>
#include <string_view>
#include <vector>

#include "vsssim/coordinator/choices.h"
#include "vsssim/scenario/source_location.h"

namespace vsssim::scenario {

// One <choice> of a scenario, checked at load (the name exists, the value parses).
struct ChoiceSetting {
  SourceLocation where;
  std::string name;   // a field of coordinator::Choices, e.g. "writer_event_timeout"
  std::string value;  // as written
};

// Every settable field name, in choices.h order.
std::vector<std::string_view> ChoiceNames();
// What a value of field `name` looks like ("an HRESULT (VSS_E_BAD_STATE, 0x80042301)");
// empty for an unknown name.
std::string DescribeChoice(std::string_view name);
// Sets field `name` of `choices` from `value`. False (and *choices unchanged) when the name is
// unknown or the value does not parse.
bool ApplyChoice(std::string_view name, std::string_view value, coordinator::Choices* choices);

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_CHOICE_H_
