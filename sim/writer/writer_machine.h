// The Boost.MSM machine behind WriterStateMachine (writer_state_machine.h): its transition
// table is the readable form of CATALOGUE.md §3.9 (WRT-STATE-*), §3.2 (WRT-SEQ-*) and §3.7
// (WRT-ABORT-*). Private to sim/writer; a header only so the raw dispatch can be benchmarked
// and inlined (bench/coordinator_bench.cc). Everything else uses WriterStateMachine.
//
// Thread safety: as Boost.MSM — a machine instance is not thread-safe.
#ifndef VSSSIM_SIM_WRITER_WRITER_MACHINE_H_
#define VSSSIM_SIM_WRITER_WRITER_MACHINE_H_

#include "sim/runtime/msm.h"
// (msm.h first: it configures Boost.)
#include <string_view>

#include "vsssim/vss/enums.h"
#include "vsssim/vss/hresult.h"
#include "vsssim/writer/writer_state_machine.h"

namespace vsssim::writer::machine {

using vss::WriterState;
namespace mpl = boost::mpl;

// Events: one per writer event delivered, plus the two ways a handler can end badly.
// clang-format off
struct PrepareForBackup   { static constexpr std::string_view kName = "PrepareForBackup"; };
struct PrepareForSnapshot { static constexpr std::string_view kName = "PrepareForSnapshot"; };
struct Freeze             { static constexpr std::string_view kName = "Freeze"; };
struct Thaw               { static constexpr std::string_view kName = "Thaw"; };
struct PostSnapshot       { static constexpr std::string_view kName = "PostSnapshot"; };
struct Abort              { static constexpr std::string_view kName = "Abort"; };
struct BackupComplete     { static constexpr std::string_view kName = "BackupComplete"; };
struct BackupShutdown     { static constexpr std::string_view kName = "BackupShutdown"; };
struct PreRestore         { static constexpr std::string_view kName = "PreRestore"; };
struct PostRestore        { static constexpr std::string_view kName = "PostRestore"; };
struct HandlerFailed {
  static constexpr std::string_view kName = "HandlerFailed";
  WriterState state;
  HResult code;
};
struct FreezeWindowExpired { static constexpr std::string_view kName = "FreezeWindowExpired"; };
// clang-format on

struct WriterMachineDef : msm::RecordingMachine<WriterMachineDef> {
  // States: the writer-side event sequence of one session.
  struct Stable : msm::front::state<> {
    static constexpr std::string_view kName = "Stable";
  };
  struct WaitingForFreeze : msm::front::state<> {
    static constexpr std::string_view kName = "WaitingForFreeze";
  };
  struct WaitingForThaw : msm::front::state<> {
    static constexpr std::string_view kName = "WaitingForThaw";
  };
  struct WaitingForPostSnapshot : msm::front::state<> {
    static constexpr std::string_view kName = "WaitingForPostSnapshot";
  };
  struct WaitingForBackupComplete : msm::front::state<> {
    static constexpr std::string_view kName = "WaitingForBackupComplete";
  };
  struct BackupCompleted : msm::front::state<> {
    static constexpr std::string_view kName = "BackupCompleted";
  };
  struct Aborted : msm::front::state<> {
    static constexpr std::string_view kName = "Aborted";
  };
  // One region: every event costs one dispatch. Health (failed or not, the failure, the
  // BackupShutdown mark) is plain data below, changed only by the machine's own internal
  // transitions, which MSM tries in every state after the sequence table.
  using initial_state = Stable;

  // Actions.
  struct RecordFailure {
    template <class Fsm, class S, class T>
    void operator()(const HandlerFailed& e, Fsm& fsm, S&, T&) const {
      fsm.failed = true;
      fsm.failed_state = e.state;
      fsm.failure = e.code;
      if (e.state == WriterState::VSS_WS_FAILED_AT_BACKUPSHUTDOWN) fsm.shutdown_failed = true;
      if (e.state == WriterState::VSS_WS_FAILED_AT_THAW) fsm.thaw_failed = true;
    }
  };
  struct RecordTimeout {
    template <class Event, class Fsm, class S, class T>
    void operator()(const Event&, Fsm& fsm, S&, T&) const {
      fsm.failed = true;
      fsm.failed_state = fsm.timeout_state;
      fsm.failure = hr::VSS_E_WRITERERROR_TIMEOUT;
    }
  };
  struct MarkShutDown {
    template <class Event, class Fsm, class S, class T>
    void operator()(const Event&, Fsm& fsm, S&, T&) const {
      fsm.shut_down = true;
    }
  };
  // Guards.
  struct ThawFailed {
    template <class Event, class Fsm, class S, class T>
    bool operator()(const Event&, Fsm& fsm, S&, T&) const {
      return fsm.thaw_failed;
    }
  };
  struct NotShutDown {
    template <class Event, class Fsm, class S, class T>
    bool operator()(const Event&, Fsm& fsm, S&, T&) const {
      return !fsm.shut_down;
    }
  };

  using none = msm::none;
  // clang-format off
  struct transition_table : mpl::vector<
    //   Source                    Event                Target                    Action         Guard
    // --- the events one writer sees in a backup (WRT-SEQ-01) ----------------------------------
    msm::Row< Stable,                   PrepareForBackup,    Stable,                   none,          none >,         // WRT-STATE-02
    msm::Row< Stable,                   PrepareForSnapshot,  WaitingForFreeze,         none,          none >,         // WRT-STATE-03
    msm::Row< WaitingForFreeze,         Freeze,              WaitingForThaw,           none,          none >,         // WRT-STATE-04
    msm::Row< WaitingForThaw,           Thaw,                WaitingForPostSnapshot,   none,          none >,         // WRT-STATE-05, WRT-SEQ-06
    msm::Row< WaitingForPostSnapshot,   PostSnapshot,        WaitingForBackupComplete, none,          none >,         // WRT-STATE-06
    msm::Row< WaitingForBackupComplete, BackupComplete,      BackupCompleted,          none,          none >,         // WRT-STATE-07
    msm::Row< Stable,                   BackupComplete,      BackupCompleted,          none,          none >,         // REQ-ORDER-13: no shadow copy, no PostSnapshot
    msm::Row< Stable,                   Abort,               Aborted,                  none,          none >,         // WRT-ABORT-01 (c)
    msm::Row< WaitingForFreeze,         Abort,               Aborted,                  none,          none >,         // WRT-ABORT-01 (d)
    msm::Row< WaitingForThaw,           Abort,               Aborted,                  none,          none >,         // WRT-SEQ-06: Abort instead of Thaw
    msm::Row< WaitingForPostSnapshot,   Abort,               Aborted,                  none,          ThawFailed >,   // WRT-STATE-05, WRT-RET-03: failed Thaw
    msm::Row< Aborted,                  Abort,               Aborted,                  none,          none >,         // WRT-ABORT-02: idempotent
    msm::Row< Stable,                   PreRestore,          Stable,                   none,          none >,         // WRT-STATE-10
    msm::Row< Stable,                   PostRestore,         Stable,                   none,          none >          // WRT-STATE-11
  > {};

  // --- in any state: failures and the end of the session ---------------------------------------
  struct internal_transition_table : mpl::vector<
    //                    Event                Action         Guard
    msm::front::Internal< HandlerFailed,       RecordFailure, none >,         // WRT-RET-01, WRT-STATE-02..11, WRT-STATE-13: last value wins
    msm::front::Internal< FreezeWindowExpired, RecordTimeout, none >,         // WRT-TIME-01
    msm::front::Internal< BackupShutdown,      MarkShutDown,  NotShutDown >   // WRT-SEQ-07, WRT-STATE-08
  > {};
  // clang-format on

  // WriterStateMachine::Deliver reports refusals itself.
  void OnUnexpectedEvent(std::string_view, std::string_view) {}

  // Health data (WRT-STATE-13): failed_state/failure are meaningful only when `failed`.
  WriterState timeout_state = WriterState::VSS_WS_FAILED_AT_FREEZE;
  WriterState failed_state = WriterState::VSS_WS_STABLE;
  HResult failure = hr::S_OK;
  bool failed = false;
  bool shut_down = false;
  bool shutdown_failed = false;
  bool thaw_failed = false;
  WriterStateMachine::UnexpectedHandler on_unexpected;
};

using Machine = msm::back::state_machine<WriterMachineDef>;
using Def = WriterMachineDef;

template <class State>
constexpr int IdOf() {
  return msm::back::get_state_id<Machine::stt, State>::value;
}

}  // namespace vsssim::writer::machine

#endif  // VSSSIM_SIM_WRITER_WRITER_MACHINE_H_
