// The requester's call-order machine (CATALOGUE.md §7): the phase changes of one
// IVssBackupComponents instance as a Boost.MSM table (requester_phase_machine.cc). Which method
// is legal in which phase is the data table of call_order.h, consulted by the session.
//
// Thread safety: none; one machine per requester session.
#ifndef VSSSIM_SIM_COORDINATOR_REQUESTER_PHASE_MACHINE_H_
#define VSSSIM_SIM_COORDINATOR_REQUESTER_PHASE_MACHINE_H_

#include <memory>

#include "sim/coordinator/call_order.h"

namespace vsssim::coordinator {

class RequesterPhaseMachine {
 public:
  enum class Change {
    kInitializeForBackup,
    kGatherCompleted,
    kStartSnapshotSet,
    kPrepareCompleted,
    kSnapshotSucceeded,
    kSnapshotFailed,
    kBackupCompleted,
    kAbortBackup,
    kInitializeForRestore,
    kPreRestoreCompleted,
    kPostRestoreCompleted,
  };

  RequesterPhaseMachine();
  ~RequesterPhaseMachine();

  // Applies a phase change; false (phase unchanged) when the table has no row for it.
  bool Apply(Change change);
  Phase phase() const { return phase_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Phase phase_ = Phase::kNew;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_SIM_COORDINATOR_REQUESTER_PHASE_MACHINE_H_
