// <end-hold/>: the party that holds the provider's writes (<provider hold="until-released">;
// a host thawing its guest's file systems, kubevirt #16653) ends the hold. The pending
// CommitSnapshots then returns and DoSnapshotSet goes on; if the LIM-06 window ended the hold
// first, the step's result is VSS_E_HOLD_WRITES_TIMEOUT (BUG-02).
#include "sim/scenario/step_runner.h"

namespace vsssim::scenario {

void StepRunner::EndHold(const Step& step) {
  const HResult result = world_.provider().ReleaseHold();
  trace_.Append(trace::EntryKind::kNote, "tool:end-hold", "provider", "end hold",
                {{"hr", ToString(result)}}, "LIM-06");
  // Without expect= the hold must have been ended by this step.
  Outcome outcome(result);
  if (step.expect) return Check(step, "end-hold", outcome);
  if (result != hr::S_OK) Fail(step, "end-hold", "S_OK (writes were held)", ToString(result));
}

}  // namespace vsssim::scenario
