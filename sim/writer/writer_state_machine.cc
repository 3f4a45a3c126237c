// WriterStateMachine (writer_state_machine.h): a thin wrapper that maps vss::WriterEvent onto
// the Boost.MSM machine of writer_machine.h and reads the reported state back.
#include "sim/writer/writer_machine.h"
// (writer_machine.h first: it includes msm.h, which configures Boost.)
#include "vsssim/writer/writer_state_machine.h"

#include <cassert>
#include <utility>

#include "vsssim/writer/failure_codes.h"

namespace vsssim::writer {

using machine::Abort;
using machine::BackupComplete;
using machine::BackupShutdown;
using machine::Def;
using machine::Freeze;
using machine::FreezeWindowExpired;
using machine::HandlerFailed;
using machine::IdOf;
using machine::Machine;
using machine::PostRestore;
using machine::PostSnapshot;
using machine::PrepareForBackup;
using machine::PrepareForSnapshot;
using machine::PreRestore;
using machine::Thaw;
using vss::WriterState;

struct WriterStateMachine::Impl {
  Machine machine;
  vss::WriterEvent last_event = vss::WriterEvent::kIdentify;
  vss::WriterEvent last_phase = vss::WriterEvent::kPrepareForBackup;

  template <class Event>
  bool Process(const Event& e) {
    return machine.process_event(e) == msm::back::HANDLED_TRUE;
  }
  int Sequence() const { return machine.current_state()[0]; }
  bool IsFailed() const { return machine.failed; }
};

WriterStateMachine::WriterStateMachine(vss::WriterState timeout_state)
    : impl_(std::make_unique<Impl>()) {
  impl_->machine.timeout_state = timeout_state;
  impl_->machine.start();
}
WriterStateMachine::~WriterStateMachine() = default;
WriterStateMachine::WriterStateMachine(WriterStateMachine&&) noexcept = default;
WriterStateMachine& WriterStateMachine::operator=(WriterStateMachine&&) noexcept = default;

void WriterStateMachine::SetUnexpectedHandler(UnexpectedHandler handler) {
  impl_->machine.on_unexpected = std::move(handler);
}

// The hot path: one MSM dispatch and two stores. The refusal path is out of line so the
// common case needs no stack frame for the handler call.
bool WriterStateMachine::Deliver(vss::WriterEvent event) {
  using E = vss::WriterEvent;
  Impl& impl = *impl_;
  bool ok = false;
  switch (event) {
    case E::kIdentify:
      assert(false && "Identify is not an event of the per-session machine");
      return false;
    case E::kPrepareForBackup:
      ok = impl.Process(PrepareForBackup{});
      break;
    case E::kPrepareForSnapshot:
      ok = impl.Process(PrepareForSnapshot{});
      break;
    case E::kFreeze:
      ok = impl.Process(Freeze{});
      break;
    case E::kThaw:
      ok = impl.Process(Thaw{});
      break;
    case E::kPostSnapshot:
      ok = impl.Process(PostSnapshot{});
      break;
    case E::kAbort:
      ok = impl.Process(Abort{});
      break;
    case E::kBackupComplete:
      ok = impl.Process(BackupComplete{});
      break;
    case E::kBackupShutdown:
      ok = impl.Process(BackupShutdown{});
      break;
    case E::kPreRestore:
      ok = impl.Process(PreRestore{});
      break;
    case E::kPostRestore:
      ok = impl.Process(PostRestore{});
      break;
  }
  if (!ok) return Refuse(event);
  impl.last_event = event;
  if (event != E::kAbort && event != E::kBackupShutdown) impl.last_phase = event;
  return true;
}

[[gnu::noinline, gnu::cold]] bool WriterStateMachine::Refuse(vss::WriterEvent event) {
  if (impl_->machine.on_unexpected) impl_->machine.on_unexpected(NameOf(event), SequenceName());
  return false;
}

void WriterStateMachine::Fail(HResult code) {
  WriterState state = FailedStateFor(impl_->last_event);
  if (impl_->last_event == vss::WriterEvent::kAbort) {
    // WRT-STATE-09: a failing OnAbort keeps an earlier failure, else fails the phase it ended.
    state = impl_->IsFailed() ? impl_->machine.failed_state : FailedStateFor(impl_->last_phase);
  }
  impl_->Process(HandlerFailed{state, code});
}

void WriterStateMachine::FailAt(vss::WriterEvent event, HResult code) {
  impl_->Process(HandlerFailed{FailedStateFor(event), code});
}

void WriterStateMachine::ExpireFreezeWindow() { impl_->Process(FreezeWindowExpired{}); }

vss::WriterState WriterStateMachine::state() const {
  const Machine& m = impl_->machine;
  if (m.shut_down) {  // WRT-STATE-08
    return m.shutdown_failed ? WriterState::VSS_WS_FAILED_AT_BACKUPSHUTDOWN
                             : WriterState::VSS_WS_STABLE;
  }
  if (impl_->IsFailed()) return m.failed_state;
  const int s = impl_->Sequence();
  if (s == IdOf<Def::WaitingForFreeze>()) return WriterState::VSS_WS_WAITING_FOR_FREEZE;
  if (s == IdOf<Def::WaitingForThaw>()) return WriterState::VSS_WS_WAITING_FOR_THAW;
  if (s == IdOf<Def::WaitingForPostSnapshot>()) {
    return WriterState::VSS_WS_WAITING_FOR_POST_SNAPSHOT;
  }
  if (s == IdOf<Def::WaitingForBackupComplete>()) {
    return WriterState::VSS_WS_WAITING_FOR_BACKUP_COMPLETE;
  }
  return WriterState::VSS_WS_STABLE;  // Stable, BackupCompleted, Aborted (WRT-STATE-09)
}

HResult WriterStateMachine::failure() const {
  return impl_->IsFailed() ? impl_->machine.failure : hr::S_OK;
}
bool WriterStateMachine::failed() const { return impl_->IsFailed(); }

bool WriterStateMachine::AbortAllowed() const {
  if (impl_->machine.shut_down) return false;
  const int s = impl_->Sequence();
  if (s == IdOf<Def::WaitingForPostSnapshot>()) return impl_->machine.thaw_failed;
  return s == IdOf<Def::Stable>() || s == IdOf<Def::WaitingForFreeze>() ||
         s == IdOf<Def::WaitingForThaw>() || s == IdOf<Def::Aborted>();
}

bool WriterStateMachine::AwaitingThawOrAbort() const {
  return impl_->Sequence() == IdOf<Def::WaitingForThaw>();
}

bool WriterStateMachine::shut_down() const { return impl_->machine.shut_down; }

std::string_view WriterStateMachine::SequenceName() const {
  return msm::CurrentStateName(impl_->machine);
}

}  // namespace vsssim::writer
