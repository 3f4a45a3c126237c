// The element vocabulary of scenario files: for each element, its attributes (required and
// optional), the child elements it may hold and whether it holds text. One table, read by the
// JSON reader (to tell a scalar attribute from a text-only child element), by the loader (to
// reject unknown attributes and children with a "did you mean" hint) and by the documentation
// test. <call> attributes depend on the method and come from methods.h.
//
// Internal to sim/scenario. Thread safety: constant data.
#ifndef VSSSIM_SIM_SCENARIO_SCHEMA_H_
#define VSSSIM_SIM_SCENARIO_SCHEMA_H_

#include <string_view>
#include <vector>

namespace vsssim::scenario::internal {

struct ElementSpec {
  std::string_view name;
  std::vector<std::string_view> required;  // required attributes
  std::vector<std::string_view> optional;  // optional attributes
  std::vector<std::string_view> children;  // allowed child elements
  bool text = false;                       // may hold text
  bool method_attributes = false;          // <call>: attributes come from methods.h
};

// Every element, roots first.
const std::vector<ElementSpec>& Elements();
// The spec of `name`, or nullptr.
const ElementSpec* FindElement(std::string_view name);
// Root elements: "scenario" for a scenario file, "writers" for an included writer library.
inline constexpr std::string_view kScenarioRoot = "scenario";
inline constexpr std::string_view kLibraryRoot = "writers";

// True when `name` is an attribute of element `spec` (any attribute for method_attributes).
bool IsAttribute(const ElementSpec& spec, std::string_view name);
bool IsChild(const ElementSpec& spec, std::string_view name);

}  // namespace vsssim::scenario::internal

#endif  // VSSSIM_SIM_SCENARIO_SCHEMA_H_
