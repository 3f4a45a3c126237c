// Choices: every behaviour Microsoft leaves undocumented (CATALOGUE.md §8 GAP-*/CONF-*, and
// [INF]/[UNVERIFIED] rules) as one named, configurable value. docs/undocumented-choices.md
// explains each default.
//
// Thread safety: a plain value.
#ifndef VSSSIM_COORDINATOR_CHOICES_H_
#define VSSSIM_COORDINATOR_CHOICES_H_

#include <chrono>
#include <cstdint>

#include "vsssim/coordinator/windows_profile.h"
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
  // WRT-SEQ-09 orders Freeze by application level ("VSS first sends a Freeze event to writers
  // initialized with VSS_APP_FRONT_END ..., then ... VSS_APP_BACK_END ..., and finally ...
  // VSS_APP_SYSTEM", VSS_APPLICATION_LEVEL); nothing orders writers within a level, nor the
  // writers of other events. Writers are separate processes: the writers of one level (all
  // writers, for events other than Freeze, Thaw and Abort) get the event at the same instant
  // and a slow one delays no other; the next level starts when the slowest has returned.
  // false: one writer at a time, each after the previous handler returned.
  bool parallel_delivery = true;
  // A writer handles one event at a time: an event sent while it is still inside a handler
  // (Abort or BackupShutdown during a long OnFreeze, an Identify from another application)
  // is delivered when that handler returns. Undocumented; false: delivered at once.
  bool serialise_events_per_writer = true;
  // WRT-TIME-01 with KB 2996928 ("a deadlock during the Thaw event" fails the writer with
  // FAILED_AT_FREEZE, VSS_E_WRITERERROR_TIMEOUT) and KB 4460135: the Freeze->Thaw window runs
  // until OnThaw returns, so a Thaw that hangs or outlasts the window times the writer out.
  // false: the window ends when Thaw is delivered.
  bool freeze_window_until_thaw_returns = true;
  // "Writer Errors and Vetoes": a requester may ignore a PrepareForBackup veto and go on with
  // DoSnapshotSet. The writer that vetoed then takes no further part in the backup: no
  // PrepareForSnapshot, Freeze, Thaw, PostSnapshot or BackupComplete (only BackupShutdown);
  // false: it gets them like the others.
  bool vetoing_writer_leaves_backup = true;
  // WRT-SEQ-07: BackupShutdown goes to every writer that answered the session's Identify.
  bool shutdown_to_unselected_writers = true;
  // REQ-ORDER-02 / CONF-02: SetContext is legal until StartSnapshotSet (false: only before
  // GatherWriterMetadata).
  bool set_context_after_gather = true;
  // REQ-CALL-14: IsVolumeSupported with a name in none of the four volume-name forms. Its page
  // lists no E_INVALIDARG; "the specified volume or remote file share was not found" fits.
  HResult is_volume_supported_malformed_name = hr::VSS_E_OBJECT_NOT_FOUND;

  // A writer process that ends (exit, kill -9), outlives its real-time guard or breaks the wire
  // protocol during an event (docs/wire-protocol.md "Faults"). Microsoft documents one code for
  // a writer VSS cannot get an answer from: VSS_E_WRITER_NOT_RESPONDING, "The writer is not
  // responding" (IVssBackupComponents::GetWriterStatus). true: its handler never returns
  // (WRT-TIME-05: not responding after writer_event_timeout, as Hang()); false: it returns
  // false at once (a veto with failure_without_code).
  bool remote_fault_is_hang = true;
  // REQ-LIFE-04 says auto-release snapshots are deleted on release; nothing says what happens
  // to them when the requester process is killed before it releases. true: they stay (the
  // software provider keeps them until deleted: cyphertite #9, BUG-03, on Windows XP, where
  // the maintainers advised a reboot or `vshadow` to delete them); false: VSS deletes them
  // as on release.
  bool killed_requester_keeps_snapshots = false;
  // LIM-09 / GAP-05: how many sessions may hold a writer's status at once ("writer session
  // state memory is finite"; the number is not documented). A session takes a slot of each
  // writer it gathers and gives it back when it is cleaned up: at its end, except a backup
  // session ended after BackupComplete without GatherWriterStatus under a profile where
  // REQ-ORDER-18 holds (BUG-09). A writer with no free slot shows
  // VSS_E_WRITER_STATUS_NOT_AVAILABLE in that session (REQ-STAT-04, WRT-STATE-13).
  // 0: no limit.
  std::uint32_t writer_status_slots = 0;

  // --- restore (§2.4) ---
  // REQ-RST-10 / WRT-ABORT-05: AbortBackup on a restore instance (aborts do not exist there).
  HResult abort_during_restore = hr::VSS_E_BAD_STATE;
  // The async result of PreRestore / PostRestore when a writer vetoed. W:writer-errors-and-
  // vetoes: "the requester can accept the veto or continue" and must read writer status, so
  // the operation itself succeeds; the writer shows FAILED_AT_PRE_RESTORE / _POST_RESTORE.
  HResult restore_veto_result = hr::S_OK;
  // A writer whose PreRestore failed (veto, SetWriterFailure, timeout) is out of the restore:
  // no PostRestore for it (false: it still gets PostRestore).
  bool stop_restore_after_pre_restore_veto = true;
  // WRT-SEQ-11 / REQ-RST-11: the PostRestore result when a selected writer was lost because
  // its hosting service was stopped ("PostRestore may fail with a lost-writer error").
  HResult lost_writer_post_restore_result = hr::S_OK;
  // WRT-SEQ-11: a writer with no Writer::hosting_service() is taken to be hosted in the service
  // its STOP_RESTORE_START / RESTORE_STOP_START restore method names.
  bool writer_hosted_in_restore_service = true;
  // WRT-SEQ-12 [UNVERIFIED]: a VSS_WRE_IF_REPLACE_FAILS writer gets PostRestore only when one
  // of its selected components was not fully restored (file restore status other than ALL).
  bool if_replace_fails_post_restore_only_on_failure = true;
  // No BackupShutdown after a restore session (WRT-SEQ-02: PreRestore -> PostRestore).
  bool shutdown_after_restore = false;

  // --- Windows release (issue #15 item 4; windows_profile.h) ---
  // Which release VSS behaves as: the version-dependent rules of kVersionRules (REQ-ORDER-18,
  // CTX-XP-01, REQ-RST-12, ...) hold only under the profiles they name. Default: current
  // Windows (Server 2008 R2 / Windows 7 and later).
  WindowsProfile windows = kDefaultWindowsProfile;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_COORDINATOR_CHOICES_H_
