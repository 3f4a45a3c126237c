#include "sim/scenario/external_engine.h"

#include <string>

namespace vsssim::scenario {
namespace {

const char* NeedsSimulator(StepKind kind) {
  switch (kind) {
    case StepKind::kCall:
    case StepKind::kRelease:
    case StepKind::kWait:
    case StepKind::kCancel:
    case StepKind::kBcd:  // SaveAsXML and the metadata readers: any requester
      return nullptr;
    case StepKind::kCheckState:  // the session's state without a call: the simulator's
      return "<check-state/>";
    case StepKind::kIdentify:
      return "<identify/>";
    case StepKind::kTerminate:
      return "<terminate/>";
    case StepKind::kAdvance:
      return "<advance/>";
    case StepKind::kStopService:
      return "<stop-service/>";
    case StepKind::kStartService:
      return "<start-service/>";
    case StepKind::kRestartService:
      return "<restart-service/>";
    case StepKind::kEndHold:
      return "<end-hold/>";
  }
  return "this step";  // a step kind added later: refused until it is known to work
}

}  // namespace

std::vector<ExpectationFailure> CheckRunnableOnEngine(const Scenario& scenario,
                                                      std::string_view engine) {
  std::vector<ExpectationFailure> out;
  const std::string here = "not available with --engine=" + std::string(engine);
  const std::string wanted = "only requester steps and their own expectations";
  for (const Writer& w : scenario.writers) {
    if (!w.exec.empty()) {  // a writer process subscribes to the simulated service only
      out.push_back({w.where, "<writer exec=...> needs the simulator", wanted, here});
      continue;
    }
    if (!w.class_id) {  // a real writer is found by its class id, never by a derived one
      out.push_back({w.where, "<writer name=" + w.name + ">", "id= (the real writer's class id)",
                     "no id= attribute"});
    }
    // A real writer does what it does: a scripted behaviour would be accepted and ignored.
    for (const Behaviour& b : w.behaviours) {
      out.push_back({b.where,
                     "<on event=" + std::string(vss::NameOf(b.event)) + "> needs the simulator",
                     wanted, here});
    }
    for (const Timer& t : w.timers) {  // a real writer's own timers are its own
      out.push_back({t.where,
                     "<timer start=" + std::string(vss::NameOf(t.start)) + "> needs the simulator",
                     wanted, here});
    }
    if (!w.service.empty()) {  // the simulated service control (tool:sc)
      out.push_back({w.where, "<writer service=...> needs the simulator", wanted, here});
    }
  }
  if (scenario.provider) {  // the machine's own providers take no scripted faults or timings
    out.push_back({scenario.provider->where, "<provider> needs the simulator", wanted, here});
  }
  for (const Step& step : scenario.steps) {
    if (const char* what = NeedsSimulator(step.kind)) {
      out.push_back({step.where, std::string(what) + " needs the simulator", wanted, here});
    }
  }
  // The data path copies the simulator's shadow copies: simulator only.
  for (const DataStep& d : scenario.data_steps) {
    const char* what = d.kind == DataStep::Kind::kBackup ? "<backup-data>" : "<restore-data>";
    out.push_back({d.where, std::string(what) + " needs the simulator", wanted, here});
  }
  for (const SameDataExpectation& x : scenario.expect.same_data) {
    out.push_back({x.where, "<same-data> needs the simulator", wanted, here});
  }
  for (const EventsExpectation& e : scenario.expect.events) {
    out.push_back(
        {e.where, "<events writer=" + e.writer + ">" + " needs the simulator", wanted, here});
  }
  for (const NoEventExpectation& e : scenario.expect.no_events) {
    out.push_back(
        {e.where, "<no-event writer=" + e.writer + ">" + " needs the simulator", wanted, here});
  }
  for (const StateExpectation& s : scenario.expect.states) {
    out.push_back(
        {s.where, "<state writer=" + s.writer + ">" + " needs the simulator", wanted, here});
  }
  for (const EventExpectation& e : scenario.expect.event_times) {
    out.push_back(
        {e.where, "<event writer=" + e.writer + ">" + " needs the simulator", wanted, here});
  }
  for (const ObservedExpectation& e : scenario.expect.observed) {
    out.push_back(
        {e.where, "<observed writer=" + e.writer + ">" + " needs the simulator", wanted, here});
  }
  for (const FindingExpectation& f : scenario.expect.findings) {
    out.push_back(
        {f.where, "<finding rule=" + f.rule + ">" + " needs the simulator", wanted, here});
  }
  return out;
}

}  // namespace vsssim::scenario
