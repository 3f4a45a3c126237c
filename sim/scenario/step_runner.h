// StepRunner: executes the <requester> steps of a scenario on a World, one at a time, and
// checks each step's own expectations (expect, expect-count, expect-state, expect-failure).
//
// Arguments are decoded from the model (step.h): writer names become the registered writer's
// class and instance ids, volumes the canonical names, saved documents the XML an earlier
// SaveAsXML produced. Async calls are waited for unless wait="no" (then <wait/> or <cancel/>
// finishes them). Restore-side methods (§2.4) call the requester's restore API; StopService /
// StartService call the coordinator's simulated service control (REQ-RST-11).
//
// For the verdict the runner remembers the trace ranges whose findings a step explains: a
// call whose failing result the step expects, and a <terminate/> (a crash is no mistake).
//
// Thread safety: none.
#ifndef VSSSIM_SIM_SCENARIO_STEP_RUNNER_H_
#define VSSSIM_SIM_SCENARIO_STEP_RUNNER_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/world.h"
#include "vsssim/coordinator/async.h"
#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/step.h"

namespace vsssim::scenario {

// Trace entries [begin, end) whose findings by `actor` are excused.
struct ExcusedRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string actor;
};

class StepRunner {
 public:
  StepRunner(World& world, trace::Trace& trace) : world_(world), trace_(trace) {}

  void Run(const Step& step);

  std::vector<ExpectationFailure>& failures() { return failures_; }
  const std::vector<ExcusedRange>& excused() const { return excused_; }

 private:
  // Per-requester state the steps carry along.
  struct RequesterState {
    coordinator::AsyncPtr pending;  // after wait="no"
    const Step* pending_step = nullptr;
    std::map<std::string, Guid> snapshots;  // volume -> snapshot id
    Guid snapshot_set;
  };
  // What a call produced: the HRESULT(s) to compare with expect= and the optional count.
  struct Outcome {
    Outcome(HResult r) : result(r) {}  // NOLINT: implicit on purpose, {hr} reads well
    Outcome(HResult r, std::string why) : result(r), unsupported(std::move(why)) {}
    HResult result;                                   // the call's (or the wait's) final result
    std::optional<HResult> async_status;              // QueryStatus after the wait
    std::optional<std::uint32_t> count;               // count methods
    std::optional<coordinator::WriterStatus> status;  // GetWriterStatus
    std::string unsupported;                          // non-empty: not simulated
  };

  Outcome Call(const Step& step, coordinator::Requester& r, RequesterState& state);
  Outcome CallComponent(const Step& step, coordinator::Requester& r);
  Outcome CallStatus(const Step& step, coordinator::Requester& r);
  Outcome CallMetadata(const Step& step, coordinator::Requester& r);
  // The restore methods other than InitializeForRestore / PreRestore / PostRestore.
  Outcome CallRestore(const Step& step, coordinator::Requester& r);
  Outcome CallAsync(const Step& step, HResult started, coordinator::AsyncPtr async,
                    RequesterState& state);
  Outcome CallAdmin(const Step& step, coordinator::Requester& r, RequesterState& state);
  // A count method's outcome: the count only when the call succeeded.
  static Outcome Counted(HResult h, std::uint32_t count);
  void Check(const Step& step, const std::string& what, const Outcome& outcome);
  // E (step_checks.cc): <check-state>, <bcd>, and expect-status= of an async call or <wait>.
  void RunCheck(const Step& step);
  void CheckState(const Step& step);
  void CheckBcd(const Step& step);
  void CheckStatus(const Step& step, const std::string& what, const Outcome& outcome);
  // <end-hold/> (step_hold.cc).
  void EndHold(const Step& step);
  void Fail(const Step& step, std::string what, std::string expected, std::string actual);
  std::vector<Guid> ClassIds(const Step& step, std::string_view arg);

  World& world_;
  trace::Trace& trace_;
  std::map<std::string, RequesterState> requesters_;
  std::map<std::string, std::string> saved_documents_;
  std::vector<ExpectationFailure> failures_;
  std::vector<ExcusedRange> excused_;
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SIM_SCENARIO_STEP_RUNNER_H_
