// What a scenario may ask of an engine other than the simulator (interpreter.h,
// ExternalEngine): requester steps and their own expectations only. Everything that needs the
// simulator's insides — injecting Identify, killing a requester, moving the virtual clock,
// copying shadow copies (data steps), watching writer events, states, findings and data —
// is listed here, each with its location, so a
// run on a real machine is refused before it makes a single call.
//
// Thread safety: a pure function.
#ifndef VSSSIM_SIM_SCENARIO_EXTERNAL_ENGINE_H_
#define VSSSIM_SIM_SCENARIO_EXTERNAL_ENGINE_H_

#include <string_view>
#include <vector>

#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/scenario.h"

namespace vsssim::scenario {

// One failure per step, expectation or writer the engine cannot honour; empty: runnable.
std::vector<ExpectationFailure> CheckRunnableOnEngine(const Scenario& scenario,
                                                      std::string_view engine);

}  // namespace vsssim::scenario

#endif  // VSSSIM_SIM_SCENARIO_EXTERNAL_ENGINE_H_
