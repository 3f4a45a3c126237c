// A built-in backup lifecycle for `vsssim demo`: one requester, one writer, the canonical
// backup sequence of ../shared/spec/CATALOGUE.md §2.2 on the virtual clock, recorded in a trace.
// It exists so a new user sees a trace before any scenario is written; the scenario runner
// replaces it as the main job.
#ifndef VSSSIM_TOOLS_VSSSIM_DEMO_LIFECYCLE_H_
#define VSSSIM_TOOLS_VSSSIM_DEMO_LIFECYCLE_H_

#include <cstdint>

#include "vsssim/trace/trace.h"

namespace vsssim::tools {

// Runs the demo into `trace` (whose clock drives it). The seed picks the snapshot-set id and
// how long the writer takes in each handler.
void RunDemoLifecycle(runtime::Clock& clock, trace::Trace& trace, std::uint64_t seed);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_DEMO_LIFECYCLE_H_
