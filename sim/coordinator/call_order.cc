#include "sim/coordinator/call_order.h"

namespace vsssim::coordinator {
namespace {

constexpr std::uint16_t Bit(Phase p) {
  return static_cast<std::uint16_t>(1u << static_cast<int>(p));
}
constexpr std::uint16_t kN = Bit(Phase::kNew);
constexpr std::uint16_t kI = Bit(Phase::kInitialized);
constexpr std::uint16_t kM = Bit(Phase::kMetadataGathered);
constexpr std::uint16_t kS = Bit(Phase::kSnapshotSetStarted);
constexpr std::uint16_t kP = Bit(Phase::kPreparedForBackup);
constexpr std::uint16_t kC = Bit(Phase::kSnapshotCreated);
constexpr std::uint16_t kF = Bit(Phase::kSnapshotFailed);
constexpr std::uint16_t kD = Bit(Phase::kBackupCompleted);
constexpr std::uint16_t kA = Bit(Phase::kAborted);
constexpr std::uint16_t kRI = Bit(Phase::kRestoreInitialized);
constexpr std::uint16_t kRM = Bit(Phase::kRestoreGathered);
constexpr std::uint16_t kRP = Bit(Phase::kPreRestored);
constexpr std::uint16_t kRD = Bit(Phase::kPostRestored);
constexpr std::uint16_t kAnyInitialized = kI | kM | kS | kP | kC | kF | kD | kA;
constexpr std::uint16_t kAnyRestore = kRI | kRM | kRP | kRD;
constexpr std::uint16_t kAll = kN | kAnyInitialized | kAnyRestore;

// clang-format off
// One row per Method, in declaration order.   legal phases                 rule
constexpr CallRule kRules[] = {
  /* InitializeForBackup    */ {kN,                                  "REQ-LIFE-03"},
  /* SetContext             */ {kI | kM,                             "REQ-ORDER-02"},
  /* SetBackupState         */ {kI | kM | kS,                        "REQ-ORDER-04"},
  /* EnableWriterClasses    */ {kAnyInitialized | kAnyRestore,       "REQ-CALL-04"},   // REQ-ORDER-03: late = no effect
  /* DisableWriterClasses   */ {kAnyInitialized | kAnyRestore,       "REQ-CALL-04"},
  /* DisableWriterInstances */ {kAnyInitialized | kAnyRestore,       "REQ-CALL-04"},
  /* GatherWriterMetadata   */ {kI | kS | kRI,                       "REQ-ORDER-05"},  // REQ-RST-02
  /* GetWriterMetadataCount */ {kM | kS | kP | kC | kF | kD | kA | kRM | kRP | kRD, "REQ-ORDER-06"},
  /* GetWriterMetadata      */ {kM | kS | kP | kC | kF | kD | kA | kRM | kRP | kRD, "REQ-ORDER-06"},
  /* FreeWriterMetadata     */ {kM | kS | kP | kC | kF | kD | kA | kRM | kRP | kRD, "REQ-CALL-08"},
  /* AddComponent           */ {kM,                                  "REQ-ORDER-07"},
  /* SetBackupOptions       */ {kM | kS,                             "REQ-ORDER-08"},
  /* SetPreviousBackupStamp */ {kM | kS,                             "REQ-ORDER-08"},
  /* StartSnapshotSet       */ {kI | kM,                             "REQ-ORDER-09"},
  /* AddToSnapshotSet       */ {kS | kP,                             "REQ-ORDER-12"},
  /* IsVolumeSupported      */ {kAnyInitialized,                     "REQ-CALL-14"},
  /* PrepareForBackup       */ {kS,                                  "REQ-CALL-15"},
  /* DoSnapshotSet          */ {kS | kP,                             "REQ-ORDER-11"},
  /* GetSnapshotProperties  */ {kC | kD,                             "REQ-CALL-20"},
  /* SetBackupSucceeded     */ {kP | kC,                             "REQ-ORDER-15"},  // kP: REQ-ORDER-13, no shadow copy
  /* SaveAsXML              */ {kS | kP | kC | kF | kD | kA,         "REQ-ORDER-16"},  // kS: only after PrepareForBackup ran
  /* BackupComplete         */ {kP | kC,                             "REQ-ORDER-15"},  // kP: REQ-ORDER-13, no shadow copy
  /* AbortBackup            */ {kAnyInitialized,                     "REQ-CALL-24"},
  /* GatherWriterStatus     */ {kM | kS | kP | kC | kF | kD | kA | kRM | kRP | kRD, "REQ-CALL-17"},  // kM: legal, unnecessary
  /* GetWriterStatusCount   */ {kM | kS | kP | kC | kF | kD | kA | kRM | kRP | kRD, "REQ-CALL-18"},
  /* GetWriterStatus        */ {kM | kS | kP | kC | kF | kD | kA | kRM | kRP | kRD, "REQ-CALL-18"},
  /* FreeWriterStatus       */ {kM | kS | kP | kC | kF | kD | kA | kRM | kRP | kRD, "REQ-CALL-19"},
  /* Query                  */ {kAnyInitialized,                     "REQ-CALL-26"},
  /* DeleteSnapshots        */ {kAnyInitialized,                     "REQ-CALL-27"},
  /* GetSessionId           */ {kAll,                                "REQ-CALL-43"},
  /* Release                */ {kAll,                                "REQ-LIFE-01"},
  // §2.4 restore (REQ-CALL-25, -31..42; REQ-RST-03: every selection call precedes PreRestore).
  /* InitializeForRestore   */ {kN,                                  "REQ-LIFE-03"},
  /* GetWriterComponentsCount */ {kS | kP | kC | kD | kAnyRestore,  "REQ-CALL-25"},   // backup: once AddComponent is over
  /* GetWriterComponents    */ {kS | kP | kC | kD | kAnyRestore,    "REQ-CALL-25"},
  /* SetRestoreState        */ {kRI | kRM,                           "REQ-CALL-31"},
  /* SetSelectedForRestore  */ {kRM,                                 "REQ-RST-03"},
  /* SetSelectedForRestoreEx */ {kRM,                                "REQ-RST-03"},
  /* AddRestoreSubcomponent */ {kRM,                                 "REQ-RST-03"},
  /* SetRestoreOptions      */ {kRM,                                 "REQ-RST-03"},
  /* SetAdditionalRestores  */ {kRM,                                 "REQ-RST-03"},
  /* AddNewTarget           */ {kRM,                                 "REQ-RST-03"},
  /* SetAuthoritativeRestore */ {kRM,                                "REQ-CALL-37"},
  /* SetRollForward         */ {kRM,                                 "REQ-CALL-37"},
  /* SetRestoreName         */ {kRM,                                 "REQ-CALL-37"},
  /* PreRestore             */ {kRM,                                 "REQ-CALL-38"},
  /* SetFileRestoreStatus   */ {kRP,                                 "REQ-CALL-39"},
  /* AddAlternativeLocationMapping */ {kRP,                          "REQ-CALL-40"},
  /* SetRangesFilePath      */ {kRP,                                 "REQ-CALL-41"},
  /* PostRestore            */ {kRP,                                 "REQ-CALL-42"},
};
// clang-format on

constexpr std::string_view kMethodNames[] = {
#define VSSSIM_METHOD_NAME_(m) #m,
    VSSSIM_REQUESTER_METHOD_TABLE(VSSSIM_METHOD_NAME_)
#undef VSSSIM_METHOD_NAME_
};
static_assert(std::size(kRules) == std::size(kMethodNames), "one rule row per method");

}  // namespace

std::string_view NameOf(Phase phase) {
  switch (phase) {
    case Phase::kNew:
      return "New";
    case Phase::kInitialized:
      return "Initialized";
    case Phase::kMetadataGathered:
      return "MetadataGathered";
    case Phase::kSnapshotSetStarted:
      return "SnapshotSetStarted";
    case Phase::kPreparedForBackup:
      return "PreparedForBackup";
    case Phase::kSnapshotCreated:
      return "SnapshotCreated";
    case Phase::kSnapshotFailed:
      return "SnapshotFailed";
    case Phase::kBackupCompleted:
      return "BackupCompleted";
    case Phase::kAborted:
      return "Aborted";
    case Phase::kRestoreInitialized:
      return "RestoreInitialized";
    case Phase::kRestoreGathered:
      return "RestoreMetadataGathered";
    case Phase::kPreRestored:
      return "PreRestored";
    case Phase::kPostRestored:
      return "PostRestored";
  }
  return "?";
}

std::string_view NameOf(Method method) { return kMethodNames[static_cast<int>(method)]; }

const CallRule& RuleFor(Method method) { return kRules[static_cast<int>(method)]; }

bool IsLegal(Method method, Phase phase) {
  return (RuleFor(method).legal_phases & Bit(phase)) != 0;
}

}  // namespace vsssim::coordinator
