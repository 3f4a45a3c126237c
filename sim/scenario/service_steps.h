// Running <stop-service>, <start-service> and <restart-service> (docs/scenario-format.md
// "Service steps"): the Service Control Manager (trace actor tool:sc) stops / starts the
// process that hosts a writer. A writer with service= shares its service's process with every
// writer of that service (Coordinator::StopService / StartService, WRT-SEQ-11); one without
// lives in a process of its own (Coordinator::StopWriterProcess / StartWriterProcess,
// WRT-INIT-03). Stopping ends the process: unsubscribed, a handler it hung in is gone, its
// flags, wedge and timers forgotten (ScenarioWriter::EndProcess). Starting subscribes it again
// with a new instance id (WRT-INIT-04): it answers the next Identify.
//
// Thread safety: none (the simulator thread).
#ifndef VSSSIM_SIM_SCENARIO_SERVICE_STEPS_H_
#define VSSSIM_SIM_SCENARIO_SERVICE_STEPS_H_

#include "sim/scenario/world.h"
#include "vsssim/scenario/step.h"

namespace vsssim::scenario {

inline bool IsServiceStep(StepKind kind) {
  return kind == StepKind::kStopService || kind == StepKind::kStartService ||
         kind == StepKind::kRestartService;
}

// REQUIRES: IsServiceStep(step.kind); world.simulated() (an external engine has no services).
void RunServiceStep(World& world, const Step& step);

}  // namespace vsssim::scenario

#endif  // VSSSIM_SIM_SCENARIO_SERVICE_STEPS_H_
