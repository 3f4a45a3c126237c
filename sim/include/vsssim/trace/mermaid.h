// Mermaid rendering of a trace: a sequence diagram of requesters, the coordinator ("vss"),
// writers and the provider that GitHub renders inline (```mermaid fences). Calls and events
// are solid arrows, results and replies dashed; writer state changes, notes and findings are
// notes over the actor (findings start with "FINDING <rule>").
//
// Participants are declared in a fixed order (requesters, vss, writers, provider, others,
// each in order of first appearance) so the diagram reads left to right like the protocol.
// Deterministic: the same trace gives the same text.
//
// Thread safety: pure functions.
#ifndef VSSSIM_TRACE_MERMAID_H_
#define VSSSIM_TRACE_MERMAID_H_

#include <string>

#include "vsssim/trace/trace.h"

namespace vsssim::trace {

// The diagram, starting with "sequenceDiagram\n" (no ``` fence).
std::string RenderMermaid(const Trace& trace);

}  // namespace vsssim::trace

#endif  // VSSSIM_TRACE_MERMAID_H_
