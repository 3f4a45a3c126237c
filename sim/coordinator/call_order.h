// Which requester method is legal in which phase of the backup (CATALOGUE.md §2.3, §7), as a
// data table the requester phase machine consults, one row per method with its rule ID.
// Methods also check flags the phases do not capture (once-only calls, SetBackupState made,
// gather completed); those checks sit in the method bodies with their own rule IDs.
//
// Thread safety: constexpr data and pure functions.
#ifndef VSSSIM_SIM_COORDINATOR_CALL_ORDER_H_
#define VSSSIM_SIM_COORDINATOR_CALL_ORDER_H_

#include <cstdint>
#include <string_view>

namespace vsssim::coordinator {

// The phases of §7: the backup path, then the restore path (R_INIT .. R_POST).
enum class Phase : std::uint8_t {
  kNew,                 // NEW: created
  kInitialized,         // B_INIT: InitializeForBackup
  kMetadataGathered,    // B_META: GatherWriterMetadata completed
  kSnapshotSetStarted,  // B_SET: StartSnapshotSet
  kPreparedForBackup,   // B_PREP: PrepareForBackup completed
  kSnapshotCreated,     // B_SNAP: DoSnapshotSet completed OK
  kSnapshotFailed,      // DoSnapshotSet failed (REQ-ORDER-15: no BackupComplete)
  kBackupCompleted,     // B_DONE: BackupComplete completed
  kAborted,             // B_ABORTED: AbortBackup
  kRestoreInitialized,  // R_INIT: InitializeForRestore
  kRestoreGathered,     // R_META: GatherWriterMetadata completed (restore)
  kPreRestored,         // R_PRE: PreRestore completed
  kPostRestored,        // R_POST: PostRestore completed
};
inline constexpr int kPhaseCount = 13;
// True for the restore phases (REQ-LIFE-02: an instance serves one operation).
constexpr bool IsRestorePhase(Phase phase) { return phase >= Phase::kRestoreInitialized; }
std::string_view NameOf(Phase phase);

#define VSSSIM_REQUESTER_METHOD_TABLE(X) \
  X(InitializeForBackup)                 \
  X(SetContext)                          \
  X(SetBackupState)                      \
  X(EnableWriterClasses)                 \
  X(DisableWriterClasses)                \
  X(DisableWriterInstances)              \
  X(GatherWriterMetadata)                \
  X(GetWriterMetadataCount)              \
  X(GetWriterMetadata)                   \
  X(FreeWriterMetadata)                  \
  X(AddComponent)                        \
  X(SetBackupOptions)                    \
  X(SetPreviousBackupStamp)              \
  X(StartSnapshotSet)                    \
  X(AddToSnapshotSet)                    \
  X(IsVolumeSupported)                   \
  X(PrepareForBackup)                    \
  X(DoSnapshotSet)                       \
  X(GetSnapshotProperties)               \
  X(SetBackupSucceeded)                  \
  X(SaveAsXML)                           \
  X(BackupComplete)                      \
  X(AbortBackup)                         \
  X(GatherWriterStatus)                  \
  X(GetWriterStatusCount)                \
  X(GetWriterStatus)                     \
  X(FreeWriterStatus)                    \
  X(Query)                               \
  X(DeleteSnapshots)                     \
  X(GetSessionId)                        \
  X(Release)                             \
  X(InitializeForRestore)                \
  X(GetWriterComponentsCount)            \
  X(GetWriterComponents)                 \
  X(SetRestoreState)                     \
  X(SetSelectedForRestore)               \
  X(SetSelectedForRestoreEx)             \
  X(AddRestoreSubcomponent)              \
  X(SetRestoreOptions)                   \
  X(SetAdditionalRestores)               \
  X(AddNewTarget)                        \
  X(SetAuthoritativeRestore)             \
  X(SetRollForward)                      \
  X(SetRestoreName)                      \
  X(PreRestore)                          \
  X(SetFileRestoreStatus)                \
  X(AddAlternativeLocationMapping)       \
  X(SetRangesFilePath)                   \
  X(PostRestore)

enum class Method : std::uint8_t {
#define VSSSIM_METHOD_ENUMERATOR_(m) k##m,
  VSSSIM_REQUESTER_METHOD_TABLE(VSSSIM_METHOD_ENUMERATOR_)
#undef VSSSIM_METHOD_ENUMERATOR_
};

std::string_view NameOf(Method method);

struct CallRule {
  std::uint16_t legal_phases;  // bit (1 << Phase)
  std::string_view rule;       // the rule that makes a call outside these phases illegal
};

// The row for `method`.
const CallRule& RuleFor(Method method);
// True when `method` may be called in `phase`.
bool IsLegal(Method method, Phase phase);

}  // namespace vsssim::coordinator

#endif  // VSSSIM_SIM_COORDINATOR_CALL_ORDER_H_
