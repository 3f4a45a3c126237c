// <stop-service>, <start-service>, <restart-service>: the Service Control Manager acting on the
// process that hosts a writer (tool:sc; no requester). docs/scenario-format.md "Service steps".
#include <string>

#include "sim/scenario/load.h"

namespace vsssim::scenario::internal {

void ReadServiceStep(const Element& e, Step* step) {
  const std::string& n = e.name();
  step->kind = n == "stop-service"    ? StepKind::kStopService
               : n == "start-service" ? StepKind::kStartService
                                      : StepKind::kRestartService;
  step->requester.clear();  // the service control manager, not a requester of the scenario
  e.CheckShape(*FindElement(n));
  if (e.Has("writer") == e.Has("service")) {
    e.Error("needs exactly one of writer= and service=");
    return;
  }
  for (std::string_view attribute : {"writer", "service"}) {
    if (!e.Has(attribute)) continue;
    std::string value = *e.Attr(attribute);
    if (value.find_first_not_of(" \t") == std::string::npos) {
      e.AttrError(attribute, "must not be empty");
    }
    (attribute == "writer" ? step->writer : step->service) = std::move(value);
  }
}

}  // namespace vsssim::scenario::internal
