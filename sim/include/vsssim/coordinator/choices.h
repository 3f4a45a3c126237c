// Choices: every behaviour Microsoft leaves undocumented (CATALOGUE.md §8 GAP-*/CONF-*, and
// [INF]/[UNVERIFIED] rules) as one named, configurable value. docs/undocumented-choices.md
// explains each default.
//
// Thread safety: a plain value.
#ifndef VSSSIM_COORDINATOR_CHOICES_H_
#define VSSSIM_COORDINATOR_CHOICES_H_

#include <chrono>

#include "vsssim/runtime/time.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::coordinator {

struct Choices {
  // GAP-04: second InitializeForBackup, second SetContext, second GatherWriterMetadata.
  HResult repeated_call = hr::VSS_E_BAD_STATE;
  // GAP-03 / CTX-NW-02: AddComponent, PrepareForBackup, BackupComplete in writerless contexts.
  HResult writerless_context_call = hr::VSS_E_BAD_STATE;
  // CTX-GEN-02 [INF]: an illegal SetContext value or combination.
  HResult invalid_context = hr::E_INVALIDARG;
  // A call on a released or terminated requester (use after Release).
  HResult call_after_release = hr::VSS_E_BAD_STATE;
  // A second asynchronous call while one of the same requester is pending.
  HResult async_call_while_pending = hr::VSS_E_BAD_STATE;
  // The async result of PrepareForBackup / DoSnapshotSet / BackupComplete when a writer vetoed
  // (returned false, threw, timed out in the freeze window, or never answered).
  HResult writer_veto_result = hr::VSS_E_UNEXPECTED_WRITER_ERROR;
  // GAP-02: the state a freeze-window expiry leaves (failure is VSS_E_WRITERERROR_TIMEOUT).
  vss::WriterState freeze_timeout_state = vss::WriterState::VSS_WS_FAILED_AT_FREEZE;
  // Failure code when a handler returns false (or throws) without SetWriterFailure.
  HResult failure_without_code = hr::VSS_E_WRITERERROR_NONRETRYABLE;
  // GAP-06 / WRT-RET-08: SetWriterFailure + return true still shows FAILED_AT_<phase>.
  bool failure_without_veto_fails_writer = true;
  // WRT-ERR-01: a code outside the documented list is recorded (and reported as a finding).
  bool keep_undocumented_failure_codes = true;
  // GAP-05 / WRT-TIME-05: how long VSS waits for any handler before treating the writer as not
  // responding (BUG-06 shows ~182 s for Identify).
  runtime::Duration writer_event_timeout = std::chrono::seconds(180);
  // GAP-07 / WRT-SEQ-09: Thaw in the reverse of the freeze order (false: the same order).
  bool thaw_in_reverse_order = true;
  // GAP-08 / WRT-SEQ-04: in component mode, writers with no explicitly added component get
  // no PrepareForBackup (nor any later backup event except BackupShutdown).
  bool prepare_unselected_writers = false;
  // WRT-SEQ-07: BackupShutdown goes to every writer that answered the session's Identify.
  bool shutdown_to_unselected_writers = true;
  // REQ-ORDER-02 / CONF-02: SetContext is legal until StartSnapshotSet (false: only before
  // GatherWriterMetadata).
  bool set_context_after_gather = true;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_COORDINATOR_CHOICES_H_
