// The state one writer has in one VSS session, as GetWriterStatus reports it (VSS_WS_*), plus
// the failure code shown with it (CATALOGUE.md §3.9, WRT-STATE-*). The Boost.MSM machine in
// writer_state_machine.cc has one region, so each event costs one table dispatch:
//   - its transition table is the writer-side event sequence of §3.2/§3.7 (Stable ->
//     WaitingForFreeze -> WaitingForThaw -> WaitingForPostSnapshot -> WaitingForBackupComplete
//     -> BackupCompleted, or Aborted; WRT-SEQ-06, WRT-ABORT-02/04);
//   - its internal transition table, tried in every state, keeps the writer's health as plain
//     data: failed or not, with the last failure code (WRT-STATE-13), and the BackupShutdown
//     mark (WRT-SEQ-07).
// A failed handler still counts as delivered: after a failed Freeze, Thaw or Abort must follow.
// An event the tables do not allow is not applied; it is reported to the unexpected-event
// handler (the coordinator turns it into a finding) and Deliver returns false.
//
// Identify is not an event of this machine: it belongs to no session (WRT-IDENTIFY-01).
//
// Thread safety: none; one machine per (writer, session), used on the simulator thread.
#ifndef VSSSIM_WRITER_WRITER_STATE_MACHINE_H_
#define VSSSIM_WRITER_WRITER_STATE_MACHINE_H_

#include <functional>
#include <memory>
#include <string_view>

#include "vsssim/vss/enums.h"
#include "vsssim/vss/hresult.h"
#include "vsssim/vss/writer_event.h"

namespace vsssim::writer {

class WriterStateMachine {
 public:
  using UnexpectedHandler = std::function<void(std::string_view event, std::string_view state)>;

  // `timeout_state` is the state a freeze-window expiry leaves (GAP-02; documented choice).
  explicit WriterStateMachine(
      vss::WriterState timeout_state = vss::WriterState::VSS_WS_FAILED_AT_FREEZE);
  ~WriterStateMachine();
  WriterStateMachine(WriterStateMachine&&) noexcept;
  WriterStateMachine& operator=(WriterStateMachine&&) noexcept;

  void SetUnexpectedHandler(UnexpectedHandler handler);

  // Records that `event` is delivered. False (and the handler called) if the sequence does not
  // allow it here. REQUIRES: event != kIdentify.
  bool Deliver(vss::WriterEvent event);
  // Records that the handler of the last delivered event failed (returned false, threw, did
  // not answer, or set a failure): state FAILED_AT_<that event>, failure `code`.
  void Fail(HResult code);
  // A failure set outside any handler and attributed to `event`'s phase: FAILED_AT_<event>,
  // `code` (the writer's own timeout thread, KB 915331: FAILED_AT_FREEZE after Thaw; WRT-TIME-01,
  // GAP-02). A later failure wins, as for Fail (WRT-STATE-13). REQUIRES: event != kIdentify.
  void FailAt(vss::WriterEvent event, HResult code);
  // WRT-TIME-01: the Freeze->Thaw window expired: timeout state, VSS_E_WRITERERROR_TIMEOUT.
  void ExpireFreezeWindow();

  vss::WriterState state() const;
  HResult failure() const;
  bool failed() const;
  // WRT-ABORT-04: Abort may still be delivered: not after Thaw (WRT-SEQ-06) unless the Thaw
  // failed (WRT-RET-03), never after PostSnapshot, nor after shutdown.
  bool AbortAllowed() const;
  // WRT-SEQ-06: Freeze was delivered and neither Thaw nor Abort yet.
  bool AwaitingThawOrAbort() const;
  bool shut_down() const;
  // Name of the sequence region's current state ("WaitingForThaw").
  std::string_view SequenceName() const;

 private:
  // Reports a refused event to the unexpected-event handler; returns false.
  bool Refuse(vss::WriterEvent event);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vsssim::writer

#endif  // VSSSIM_WRITER_WRITER_STATE_MACHINE_H_
