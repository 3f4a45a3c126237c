// The requester phase machine: each row is a phase change of CATALOGUE.md §7 with its rule.
#include "sim/runtime/msm.h"
// (msm.h first: it configures Boost.)
#include "sim/coordinator/requester_phase_machine.h"

namespace vsssim::coordinator {
namespace {

namespace mpl = boost::mpl;

// clang-format off
struct InitializeForBackup { static constexpr std::string_view kName = "InitializeForBackup"; };
struct GatherCompleted     { static constexpr std::string_view kName = "GatherCompleted"; };
struct StartSnapshotSet    { static constexpr std::string_view kName = "StartSnapshotSet"; };
struct PrepareCompleted    { static constexpr std::string_view kName = "PrepareCompleted"; };
struct SnapshotSucceeded   { static constexpr std::string_view kName = "SnapshotSucceeded"; };
struct SnapshotFailed      { static constexpr std::string_view kName = "SnapshotFailed"; };
struct BackupCompleted     { static constexpr std::string_view kName = "BackupCompleted"; };
struct AbortBackup         { static constexpr std::string_view kName = "AbortBackup"; };
struct InitializeForRestore { static constexpr std::string_view kName = "InitializeForRestore"; };
struct PreRestoreCompleted  { static constexpr std::string_view kName = "PreRestoreCompleted"; };
struct PostRestoreCompleted { static constexpr std::string_view kName = "PostRestoreCompleted"; };
// clang-format on

template <Phase P>
struct PhaseState : msm::front::state<> {
  static constexpr Phase kPhase = P;
  template <class Event, class Fsm>
  void on_entry(const Event&, Fsm& fsm) {
    fsm.phase = P;
  }
};

struct PhaseMachineDef : msm::RecordingMachine<PhaseMachineDef> {
  // clang-format off
  struct New                : PhaseState<Phase::kNew>                { static constexpr std::string_view kName = "New"; };
  struct Initialized        : PhaseState<Phase::kInitialized>        { static constexpr std::string_view kName = "Initialized"; };
  struct MetadataGathered   : PhaseState<Phase::kMetadataGathered>   { static constexpr std::string_view kName = "MetadataGathered"; };
  struct SnapshotSetStarted : PhaseState<Phase::kSnapshotSetStarted> { static constexpr std::string_view kName = "SnapshotSetStarted"; };
  struct PreparedForBackup  : PhaseState<Phase::kPreparedForBackup>  { static constexpr std::string_view kName = "PreparedForBackup"; };
  struct SnapshotCreated    : PhaseState<Phase::kSnapshotCreated>    { static constexpr std::string_view kName = "SnapshotCreated"; };
  struct SnapshotFailedSt   : PhaseState<Phase::kSnapshotFailed>     { static constexpr std::string_view kName = "SnapshotFailed"; };
  struct BackupCompletedSt  : PhaseState<Phase::kBackupCompleted>    { static constexpr std::string_view kName = "BackupCompleted"; };
  struct Aborted            : PhaseState<Phase::kAborted>            { static constexpr std::string_view kName = "Aborted"; };
  struct RestoreInitialized : PhaseState<Phase::kRestoreInitialized> { static constexpr std::string_view kName = "RestoreInitialized"; };
  struct RestoreGathered    : PhaseState<Phase::kRestoreGathered>    { static constexpr std::string_view kName = "RestoreMetadataGathered"; };
  struct PreRestored        : PhaseState<Phase::kPreRestored>        { static constexpr std::string_view kName = "PreRestored"; };
  struct PostRestored       : PhaseState<Phase::kPostRestored>       { static constexpr std::string_view kName = "PostRestored"; };
  using initial_state = New;

  using none = msm::none;
  struct transition_table : mpl::vector<
    //        Source              Event                Target              Action Guard
    msm::Row< New,                InitializeForBackup, Initialized,        none,  none >,  // REQ-LIFE-03
    msm::Row< Initialized,        GatherCompleted,     MetadataGathered,   none,  none >,  // REQ-ORDER-06
    msm::Row< SnapshotSetStarted, GatherCompleted,     SnapshotSetStarted, none,  none >,  // §7 B_INIT: gather after StartSnapshotSet
    msm::Row< Initialized,        StartSnapshotSet,    SnapshotSetStarted, none,  none >,  // §7 B_INIT (writerless contexts)
    msm::Row< MetadataGathered,   StartSnapshotSet,    SnapshotSetStarted, none,  none >,  // REQ-ORDER-09
    msm::Row< SnapshotSetStarted, PrepareCompleted,    PreparedForBackup,  none,  none >,  // REQ-ORDER-11
    msm::Row< SnapshotSetStarted, SnapshotSucceeded,   SnapshotCreated,    none,  none >,  // REQ-ORDER-01 (writerless contexts)
    msm::Row< PreparedForBackup,  SnapshotSucceeded,   SnapshotCreated,    none,  none >,  // REQ-CALL-16
    msm::Row< SnapshotSetStarted, SnapshotFailed,      SnapshotFailedSt,   none,  none >,  // REQ-ORDER-15
    msm::Row< PreparedForBackup,  SnapshotFailed,      SnapshotFailedSt,   none,  none >,  // REQ-ORDER-15
    msm::Row< SnapshotCreated,    BackupCompleted,     BackupCompletedSt,  none,  none >,  // REQ-CALL-23
    msm::Row< PreparedForBackup,  BackupCompleted,     BackupCompletedSt,  none,  none >,  // REQ-ORDER-13: a backup without a shadow copy
    msm::Row< SnapshotSetStarted, AbortBackup,         Aborted,            none,  none >,  // REQ-ABORT-01
    msm::Row< PreparedForBackup,  AbortBackup,         Aborted,            none,  none >,  // REQ-ABORT-02
    msm::Row< SnapshotCreated,    AbortBackup,         Aborted,            none,  none >,  // REQ-ABORT-02
    msm::Row< SnapshotFailedSt,   AbortBackup,         Aborted,            none,  none >,  // REQ-ABORT-02
    // §7 restore path (REQ-RST-10: no AbortBackup row; aborts do not exist for restores).
    msm::Row< New,                InitializeForRestore, RestoreInitialized, none, none >,  // REQ-CALL-02
    msm::Row< RestoreInitialized, GatherCompleted,     RestoreGathered,    none,  none >,  // REQ-RST-02
    msm::Row< RestoreGathered,    PreRestoreCompleted, PreRestored,        none,  none >,  // REQ-CALL-38
    msm::Row< PreRestored,        PostRestoreCompleted, PostRestored,      none,  none >   // REQ-CALL-42
  > {};
  // clang-format on

  void OnUnexpectedEvent(std::string_view, std::string_view) { refused = true; }

  Phase phase = Phase::kNew;
  bool refused = false;
};

using Machine = msm::back::state_machine<PhaseMachineDef>;

}  // namespace

struct RequesterPhaseMachine::Impl {
  Machine machine;
};

RequesterPhaseMachine::RequesterPhaseMachine() : impl_(std::make_unique<Impl>()) {
  impl_->machine.start();
}
RequesterPhaseMachine::~RequesterPhaseMachine() = default;

bool RequesterPhaseMachine::Apply(Change change) {
  Machine& m = impl_->machine;
  m.refused = false;
  switch (change) {
    case Change::kInitializeForBackup:
      m.process_event(InitializeForBackup{});
      break;
    case Change::kGatherCompleted:
      m.process_event(GatherCompleted{});
      break;
    case Change::kStartSnapshotSet:
      m.process_event(StartSnapshotSet{});
      break;
    case Change::kPrepareCompleted:
      m.process_event(PrepareCompleted{});
      break;
    case Change::kSnapshotSucceeded:
      m.process_event(SnapshotSucceeded{});
      break;
    case Change::kSnapshotFailed:
      m.process_event(SnapshotFailed{});
      break;
    case Change::kBackupCompleted:
      m.process_event(BackupCompleted{});
      break;
    case Change::kAbortBackup:
      m.process_event(AbortBackup{});
      break;
    case Change::kInitializeForRestore:
      m.process_event(InitializeForRestore{});
      break;
    case Change::kPreRestoreCompleted:
      m.process_event(PreRestoreCompleted{});
      break;
    case Change::kPostRestoreCompleted:
      m.process_event(PostRestoreCompleted{});
      break;
  }
  phase_ = m.phase;
  return !m.refused;
}

}  // namespace vsssim::coordinator
