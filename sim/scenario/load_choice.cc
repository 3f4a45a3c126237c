// <choice name="FIELD" value="V"/> (choice.h): a named choice of coordinator::Choices, checked
// at load: the field exists (else "did you mean"), the value parses by the field's type, and
// no field is set twice.
#include <string>
#include <utility>

#include "sim/scenario/load.h"
#include "vsssim/scenario/choice.h"
#include "vsssim/scenario/values.h"

namespace vsssim::scenario::internal {

void ReadChoice(const Element& e, Scenario* scenario) {
  if (!e.CheckShape(*FindElement("choice"))) return;
  ChoiceSetting c{e.where(), e.RequiredName("name"), e.Attr("value").value_or("")};
  if (c.name.empty()) return;
  if (c.name == "windows") {
    return e.AttrError("name", "the Windows profile is <scenario windows=>, not a <choice>");
  }
  const std::string kind = DescribeChoice(c.name);
  if (kind.empty()) {
    std::string message = Quote(c.name) + " is not a field of coordinator::Choices";
    std::string_view hint = Suggest(c.name, ChoiceNames());
    if (!hint.empty()) message += "; did you mean " + std::string(hint) + "?";
    return e.AttrError("name", message);
  }
  coordinator::Choices scratch;
  if (!ApplyChoice(c.name, c.value, &scratch)) {
    return e.AttrError("value", Quote(c.value) + " is not " + kind + " (choice " + c.name + ")");
  }
  for (const ChoiceSetting& other : scenario->choices) {
    if (other.name == c.name) {
      return e.AttrError("name",
                         c.name + " is already set at line " + std::to_string(other.where.line));
    }
  }
  scenario->choices.push_back(std::move(c));
}

}  // namespace vsssim::scenario::internal
