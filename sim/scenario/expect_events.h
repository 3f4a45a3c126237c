// E: the verdict's event expectations that need more than the list of events a writer got —
// session scope and injected Identifies (<events as= injected=>, <no-event as= injected=>),
// when an event was delivered and the snapshot set it carried (<event>), and what a scripted
// writer saw in a handler (<observed>, observations.h).
//
// A delivery is the trace's event entry (kind event, from vss to the writer): its time is when
// VSS delivered the event (the handler was entered), its requester= attribute the session it
// belongs to, its by= attribute an Identify another application asked for (WRT-IDENTIFY-01).
// For a scripted writer the deliveries are the handler calls the writer recorded (a delivery
// the writer state machine refused never reaches the handler), each with its trace entry; for
// a writer process, the trace's event entries.
//
// Thread safety: none (the interpreter's thread, after the steps ran).
#ifndef VSSSIM_SIM_SCENARIO_EXPECT_EVENTS_H_
#define VSSSIM_SIM_SCENARIO_EXPECT_EVENTS_H_

#include <string>
#include <vector>

#include "sim/scenario/world.h"
#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/scenario.h"
#include "vsssim/trace/trace.h"

namespace vsssim::scenario {

struct Delivered {
  vss::WriterEvent event = vss::WriterEvent::kIdentify;
  const trace::Entry* entry = nullptr;       // null: no trace entry found (never expected)
  const Observation* observation = nullptr;  // scripted writers only
};

// Every delivery to writer `name`, in order. REQUIRES: world.simulated().
std::vector<Delivered> DeliveredTo(const World& world, const trace::Trace& trace,
                                   const std::string& name);
// True when `d` counts for `scope`.
bool InScope(const Delivered& d, const EventScope& scope);
// "<events writer=W as=R injected=exclude>" style label of a scope (empty for the default).
std::string DescribeScope(const EventScope& scope);

// <events>/<no-event> (any scope), <event>, <observed>.
void CheckEvents(const World& world, const trace::Trace& trace, const Expectations& expect,
                 std::vector<ExpectationFailure>& failures);
void CheckEventTimes(const World& world, const trace::Trace& trace, const Expectations& expect,
                     std::vector<ExpectationFailure>& failures);
void CheckObserved(const World& world, const trace::Trace& trace, const Expectations& expect,
                   std::vector<ExpectationFailure>& failures);

}  // namespace vsssim::scenario

#endif  // VSSSIM_SIM_SCENARIO_EXPECT_EVENTS_H_
