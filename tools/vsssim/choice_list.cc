#include "tools/vsssim/choice_list.h"

#include <cstdint>
#include <string>

#include "vsssim/runtime/time.h"
#include "vsssim/vss/enum_table.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::tools {
namespace {

std::string Text(HResult hr) { return ToString(hr); }
std::string Text(bool b) { return b ? "true" : "false"; }
std::string Text(vss::WriterState s) { return vss::ToString(s); }
std::string Text(std::uint32_t n) { return std::to_string(n); }
std::string Text(runtime::Duration d) { return runtime::FormatDuration(d); }
std::string Text(coordinator::WindowsProfile p) { return std::string(coordinator::NameOf(p)); }

}  // namespace

std::vector<ChoiceRow> ListChoices(const coordinator::Choices& c) {
  return {
      {"repeated_call", Text(c.repeated_call), "GAP-04",
       "second InitializeForBackup, SetContext or GatherWriterMetadata"},
      {"writerless_context_call", Text(c.writerless_context_call), "GAP-03, CTX-NW-02",
       "AddComponent, PrepareForBackup, BackupComplete in writerless contexts"},
      {"invalid_context", Text(c.invalid_context), "CTX-GEN-02",
       "an illegal or unsupported SetContext value"},
      {"call_after_release", Text(c.call_after_release), "REQ-LIFE-02",
       "a call on a released or terminated requester"},
      {"async_call_while_pending", Text(c.async_call_while_pending), "-",
       "a second asynchronous call while one is pending"},
      {"writer_veto_result", Text(c.writer_veto_result), "REQ-CALL-16/23, WRT-RET-03",
       "the async result of PrepareForBackup / DoSnapshotSet / BackupComplete after a veto"},
      {"freeze_timeout_state", Text(c.freeze_timeout_state), "GAP-02",
       "the state a freeze-window expiry leaves"},
      {"failure_without_code", Text(c.failure_without_code), "WRT-RET-01",
       "failure code of a handler that returns false without SetWriterFailure"},
      {"failure_without_veto_fails_writer", Text(c.failure_without_veto_fails_writer),
       "GAP-06, WRT-RET-08", "SetWriterFailure + return true shows FAILED_AT_<phase>"},
      {"keep_undocumented_failure_codes", Text(c.keep_undocumented_failure_codes), "WRT-ERR-01",
       "an undocumented SetWriterFailure code is recorded (and a finding)"},
      {"writer_event_timeout", Text(c.writer_event_timeout), "GAP-05, WRT-TIME-05",
       "how long VSS waits for any handler"},
      {"thaw_in_reverse_order", Text(c.thaw_in_reverse_order), "GAP-07, WRT-SEQ-09",
       "Thaw in the reverse of the freeze order"},
      {"parallel_delivery", Text(c.parallel_delivery), "WRT-SEQ-09",
       "the writers of one level (of an event) get it at the same instant"},
      {"serialise_events_per_writer", Text(c.serialise_events_per_writer), "WRT-TIME-05",
       "an event for a writer inside a handler waits for that handler to return"},
      {"freeze_window_until_thaw_returns", Text(c.freeze_window_until_thaw_returns),
       "WRT-TIME-01, LIM-05", "the Freeze-to-Thaw window ends when OnThaw returns (KB 2996928)"},
      {"vetoing_writer_leaves_backup", Text(c.vetoing_writer_leaves_backup), "REQ-ORDER-11",
       "a writer that vetoed PrepareForBackup takes no part in the creation"},
      {"shutdown_to_unselected_writers", Text(c.shutdown_to_unselected_writers), "WRT-SEQ-07",
       "BackupShutdown to every writer that answered Identify"},
      {"set_context_after_gather", Text(c.set_context_after_gather), "CONF-02, REQ-ORDER-02",
       "SetContext is legal until StartSnapshotSet"},
      {"is_volume_supported_malformed_name", Text(c.is_volume_supported_malformed_name),
       "REQ-CALL-14", "IsVolumeSupported with a malformed volume name"},
      {"remote_fault_is_hang", Text(c.remote_fault_is_hang), "WRT-TIME-05",
       "a writer process that dies, hangs or sends garbage mid-event never returns"},
      {"killed_requester_keeps_snapshots", Text(c.killed_requester_keeps_snapshots),
       "REQ-LIFE-04, BUG-03", "a killed requester's auto-release snapshots stay (cyphertite #9)"},
      {"writer_status_slots", Text(c.writer_status_slots), "LIM-09, GAP-05, REQ-ORDER-18",
       "sessions that may hold a writer's status at once (0: no limit)"},
      {"abort_during_restore", Text(c.abort_during_restore), "REQ-RST-10",
       "AbortBackup on a restore instance"},
      {"restore_veto_result", Text(c.restore_veto_result), "WRT-RET-03",
       "the async result of PreRestore / PostRestore after a veto"},
      {"stop_restore_after_pre_restore_veto", Text(c.stop_restore_after_pre_restore_veto),
       "WRT-RET-03", "no PostRestore for a writer whose PreRestore failed"},
      {"lost_writer_post_restore_result", Text(c.lost_writer_post_restore_result),
       "WRT-SEQ-11, REQ-RST-11", "PostRestore result when a selected writer was lost"},
      {"writer_hosted_in_restore_service", Text(c.writer_hosted_in_restore_service), "WRT-SEQ-11",
       "a writer lives in the service its restore method names"},
      {"if_replace_fails_post_restore_only_on_failure",
       Text(c.if_replace_fails_post_restore_only_on_failure), "WRT-SEQ-12",
       "IF_REPLACE_FAILS writers get PostRestore only after a failed restore"},
      {"shutdown_after_restore", Text(c.shutdown_after_restore), "WRT-SEQ-02",
       "BackupShutdown after a restore session"},
      {"windows", Text(c.windows), "REQ-ORDER-18, CTX-XP-01, REQ-RST-12",
       "the Windows release VSS behaves as (profiles above)"},
  };
}

}  // namespace vsssim::tools
