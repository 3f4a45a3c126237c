// Where a scenario node came from, and a located load error.
//
// Every node of the scenario model carries a SourceLocation so that the loader and, later, the
// interpreter can say exactly which element of which file a message is about:
//   XML:  "fixtures/examples/demo.xml:12"             (file:line; tinyxml2 keeps element lines)
//   JSON: "fixtures/examples/demo.json: scenario.requester.call[3]"   (file: element path;
//         Boost's JSON reader keeps no line per node)
// A file pulled in with <include> keeps its own file name in the locations of its nodes.
//
// Thread safety: plain value types.
#ifndef VSSSIM_SCENARIO_SOURCE_LOCATION_H_
#define VSSSIM_SCENARIO_SOURCE_LOCATION_H_

#include <string>

namespace vsssim::scenario {

struct SourceLocation {
  std::string file;  // as given to the loader (or resolved from an <include>)
  int line = 0;      // 1-based element line; 0 when unknown (JSON input)
  std::string path;  // element path, e.g. "scenario.writer[0].on[1]"; always set
  // A step expanded from <repeat>: "repetition 3 of 50" (outermost first, joined by ", ");
  // empty for everything else.
  std::string repetition;

  // "file:line" when the line is known, otherwise "file: path"; then " (REPETITION)" if any.
  std::string ToString() const;
};

// One load error. Text form (ToString): "file:line: message" or "file: path: message".
struct Diagnostic {
  SourceLocation where;
  std::string message;

  std::string ToString() const;
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_SOURCE_LOCATION_H_
