// The scenario tree: the one Boost.Property_Tree shape both scenario formats are read into,
// before the loader turns it into the model. For an element:
//   key     the element name
//   data    the element's text (untrimmed)
//   "<xmlattr>"  its attributes, in order (Boost's own convention); each attribute node may
//                carry a "<line>" child
//   "<line>"     the element's line (XML only)
//   "<path>"     the element path, "scenario.writer[0].on[1]"
//   then the child elements, in document order.
// The tree root holds exactly one child: the root element.
//
// XML is read with tinyxml2 (which keeps lines); JSON with Boost's json_parser and then
// normalised by the rules of docs/scenario-format.md ("JSON"). Syntax errors come back
// located; nesting deeper than kMaxDepth is an error, never a stack overflow.
//
// Internal to sim/scenario. Thread safety: pure functions.
#ifndef VSSSIM_SIM_SCENARIO_SCENARIO_TREE_H_
#define VSSSIM_SIM_SCENARIO_SCENARIO_TREE_H_

#include <optional>
#include <string>
#include <string_view>

#include <boost/property_tree/ptree.hpp>

#include "vsssim/scenario/source_location.h"

namespace vsssim::scenario::internal {

inline constexpr const char* kAttrKey = "<xmlattr>";
inline constexpr const char* kLineKey = "<line>";
inline constexpr const char* kPathKey = "<path>";
// Elements nest at most this deep (the deepest legal scenario nests 5).
inline constexpr int kMaxDepth = 32;

struct TreeResult {
  boost::property_tree::ptree tree;
  std::optional<Diagnostic> error;  // set when the text is not well-formed
};

TreeResult ReadXmlTree(std::string_view text, const std::string& file);
TreeResult ReadJsonTree(std::string_view text, const std::string& file);

}  // namespace vsssim::scenario::internal

#endif  // VSSSIM_SIM_SCENARIO_SCENARIO_TREE_H_
