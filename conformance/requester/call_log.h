// CallLog: what the backup application under test did through the requester API during one
// check — every call (instance, method, result, virtual time), every asynchronous operation
// and whether the application moved on while it was still pending (ASYNC-02), and every
// document SaveAsXML handed out (REQ-LIFE-05, REQ-ORDER-16). Filled by RequesterProxy; read
// by the checks after the application returned.
//
// The call budget stops an application that loops without letting virtual time pass (a
// retry or poll loop without RequesterContext::Sleep): once exceeded, every further call
// throws CallBudgetExceeded, which the suite catches and reports.
//
// Thread safety: none (the test thread).
#ifndef VSSSIM_CONFORMANCE_REQUESTER_CALL_LOG_H_
#define VSSSIM_CONFORMANCE_REQUESTER_CALL_LOG_H_

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "vsssim/coordinator/async.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::conformance {

struct CallBudgetExceeded : std::runtime_error {
  CallBudgetExceeded() : std::runtime_error("requester call budget exceeded") {}
};

class CallLog {
 public:
  struct Call {
    int instance = 0;    // 1-based: the n-th CreateVssBackupComponents of the check
    std::string method;  // "DoSnapshotSet"; "Async.Cancel" for a Cancel on an operation
    HResult result;
    runtime::TimePoint at;
    // SetBackupSucceeded(succeeded = true) for a component of a writer whose status in this
    // instance's session is failed at that moment (REQ-STAT-05).
    bool succeeded_for_failed_writer = false;
  };
  struct Operation {
    int instance = 0;
    std::string method;    // the asynchronous call that started it
    std::size_t call = 0;  // index in calls()
    coordinator::AsyncPtr real;
    std::string abandoned_by;  // what the application did while it was pending ("" = none)
    runtime::TimePoint abandoned_at;
    HResult end;  // QueryStatus once ended (VSS_S_ASYNC_PENDING while running)
  };
  struct Save {
    int instance = 0;
    std::size_t call = 0;
    std::string xml;
    bool after_snapshot = false;  // a DoSnapshotSet of the instance had finished successfully
  };

  CallLog(const runtime::Clock& clock, int budget) : clock_(clock), budget_(budget) {}

  // Before a call of `instance`: counts it against the budget (throws when exhausted) and
  // marks that instance's pending operations abandoned by `method`. Returns the call's index.
  std::size_t Begin(int instance, std::string method);
  void End(std::size_t call, HResult result) { calls_[call].result = result; }
  void MarkSucceededForFailedWriter(std::size_t call) {
    calls_[call].succeeded_for_failed_writer = true;
  }
  void AddOperation(int instance, std::size_t call, coordinator::AsyncPtr real);
  void AddSave(int instance, std::size_t call, std::string xml);
  // Counts a QueryStatus / Sleep against the budget (a poll loop without Sleep ends here).
  void Tick();
  // The application returned (or destroyed an instance): pending operations are abandoned.
  void AbandonPending(int instance, const std::string& by);
  // Updates every operation's end status.
  void Settle();

  const std::vector<Call>& calls() const { return calls_; }
  const std::vector<Operation>& operations() const { return operations_; }
  const std::vector<Save>& saves() const { return saves_; }
  bool exhausted() const { return used_ > budget_; }
  int budget() const { return budget_; }

 private:
  const runtime::Clock& clock_;
  int budget_;
  int used_ = 0;
  std::vector<Call> calls_;
  std::vector<Operation> operations_;
  std::vector<Save> saves_;
};

// True when `status` (from QueryStatus) says the operation still runs.
bool Pending(const coordinator::AsyncPtr& op);

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_REQUESTER_CALL_LOG_H_
