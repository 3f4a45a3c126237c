// Checks the call-order data table and the requester phase machine (CATALOGUE.md §2.3, §7).
#include "sim/coordinator/call_order.h"

#include <gtest/gtest.h>

#include "sim/coordinator/requester_phase_machine.h"

namespace vsssim::coordinator {
namespace {

using Change = RequesterPhaseMachine::Change;

// Checks that in NEW only the two Initialize calls, GetSessionId and Release are legal
// (REQ-LIFE-03).
TEST(Coordinator_CallOrder, REQ_LIFE_03_OnlyInitializeOnAFreshObject) {
#define VSSSIM_CHECK_NEW_(m)                                                               \
  EXPECT_EQ(IsLegal(Method::k##m, Phase::kNew),                                            \
            Method::k##m == Method::kInitializeForBackup ||                                \
                Method::k##m == Method::kInitializeForRestore ||                           \
                Method::k##m == Method::kGetSessionId || Method::k##m == Method::kRelease) \
      << #m;
  VSSSIM_REQUESTER_METHOD_TABLE(VSSSIM_CHECK_NEW_)
#undef VSSSIM_CHECK_NEW_
}

// Checks a few rows against §7: BackupComplete after the snapshot (REQ-ORDER-15) or, in a
// backup without a shadow copy, right after PrepareForBackup (REQ-ORDER-13); AddComponent only
// in discovery (REQ-ORDER-07); SaveAsXML not before PrepareForBackup; GatherWriterStatus legal
// (if unnecessary) right after GatherWriterMetadata (REQ-CALL-17), not before it.
TEST(Coordinator_CallOrder, Section7_RowsMatchTheCatalogue) {
  EXPECT_TRUE(IsLegal(Method::kBackupComplete, Phase::kSnapshotCreated));
  EXPECT_FALSE(IsLegal(Method::kBackupComplete, Phase::kSnapshotFailed));
  EXPECT_TRUE(IsLegal(Method::kBackupComplete, Phase::kPreparedForBackup));
  EXPECT_FALSE(IsLegal(Method::kBackupComplete, Phase::kSnapshotSetStarted));
  EXPECT_TRUE(IsLegal(Method::kGatherWriterStatus, Phase::kMetadataGathered));
  EXPECT_FALSE(IsLegal(Method::kGatherWriterStatus, Phase::kInitialized));
  EXPECT_TRUE(IsLegal(Method::kAddComponent, Phase::kMetadataGathered));
  EXPECT_FALSE(IsLegal(Method::kAddComponent, Phase::kSnapshotSetStarted));
  EXPECT_FALSE(IsLegal(Method::kSaveAsXML, Phase::kMetadataGathered));
  EXPECT_EQ(RuleFor(Method::kBackupComplete).rule, "REQ-ORDER-15");
  EXPECT_EQ(NameOf(Method::kDoSnapshotSet), "DoSnapshotSet");
}

// Checks the phase machine's rows and that it refuses changes it has no row for.
TEST(Coordinator_PhaseMachine, Section7_PhaseChanges) {
  RequesterPhaseMachine m;
  EXPECT_EQ(m.phase(), Phase::kNew);
  EXPECT_FALSE(m.Apply(Change::kStartSnapshotSet));
  EXPECT_EQ(m.phase(), Phase::kNew);
  EXPECT_TRUE(m.Apply(Change::kInitializeForBackup));
  EXPECT_TRUE(m.Apply(Change::kGatherCompleted));
  EXPECT_EQ(m.phase(), Phase::kMetadataGathered);
  EXPECT_TRUE(m.Apply(Change::kStartSnapshotSet));
  EXPECT_TRUE(m.Apply(Change::kPrepareCompleted));
  EXPECT_TRUE(m.Apply(Change::kSnapshotFailed));
  EXPECT_EQ(m.phase(), Phase::kSnapshotFailed);
  EXPECT_FALSE(m.Apply(Change::kBackupCompleted));  // REQ-ORDER-15
  EXPECT_TRUE(m.Apply(Change::kAbortBackup));
  EXPECT_EQ(m.phase(), Phase::kAborted);
}

// Checks the restore rows of §7: selection only in R_META (REQ-RST-03), file status and
// mappings only between PreRestore and PostRestore (REQ-CALL-39/40), no AbortBackup and no
// backup call in any restore phase (REQ-RST-10, REQ-LIFE-02).
TEST(Coordinator_CallOrder, REQ_RST_03_RestoreRows) {
  EXPECT_TRUE(IsLegal(Method::kGatherWriterMetadata, Phase::kRestoreInitialized));
  EXPECT_TRUE(IsLegal(Method::kSetSelectedForRestore, Phase::kRestoreGathered));
  EXPECT_FALSE(IsLegal(Method::kSetSelectedForRestore, Phase::kPreRestored));
  EXPECT_EQ(RuleFor(Method::kSetSelectedForRestore).rule, "REQ-RST-03");
  EXPECT_TRUE(IsLegal(Method::kSetFileRestoreStatus, Phase::kPreRestored));
  EXPECT_FALSE(IsLegal(Method::kSetFileRestoreStatus, Phase::kRestoreGathered));
  EXPECT_FALSE(IsLegal(Method::kSetFileRestoreStatus, Phase::kPostRestored));
  EXPECT_TRUE(IsLegal(Method::kPostRestore, Phase::kPreRestored));
  EXPECT_TRUE(IsLegal(Method::kGatherWriterStatus, Phase::kPostRestored));
  EXPECT_FALSE(IsLegal(Method::kPreRestore, Phase::kMetadataGathered));
  for (Phase p : {Phase::kRestoreInitialized, Phase::kRestoreGathered, Phase::kPreRestored,
                  Phase::kPostRestored}) {
    EXPECT_TRUE(IsRestorePhase(p));
    EXPECT_FALSE(IsLegal(Method::kAbortBackup, p));
    EXPECT_FALSE(IsLegal(Method::kStartSnapshotSet, p));
    EXPECT_FALSE(IsLegal(Method::kAddComponent, p));
    EXPECT_TRUE(IsLegal(Method::kRelease, p));
  }
  EXPECT_EQ(NameOf(Phase::kPreRestored), "PreRestored");
}

// Checks the restore rows of the phase machine (§7 R_INIT -> R_META -> R_PRE -> R_POST) and
// that it has no AbortBackup row for restores (REQ-RST-10).
TEST(Coordinator_PhaseMachine, REQ_RST_10_RestorePhaseChanges) {
  RequesterPhaseMachine m;
  EXPECT_FALSE(m.Apply(Change::kPreRestoreCompleted));
  EXPECT_TRUE(m.Apply(Change::kInitializeForRestore));
  EXPECT_EQ(m.phase(), Phase::kRestoreInitialized);
  EXPECT_FALSE(m.Apply(Change::kStartSnapshotSet));
  EXPECT_TRUE(m.Apply(Change::kGatherCompleted));
  EXPECT_EQ(m.phase(), Phase::kRestoreGathered);
  EXPECT_FALSE(m.Apply(Change::kAbortBackup));
  EXPECT_FALSE(m.Apply(Change::kPostRestoreCompleted));
  EXPECT_TRUE(m.Apply(Change::kPreRestoreCompleted));
  EXPECT_TRUE(m.Apply(Change::kPostRestoreCompleted));
  EXPECT_EQ(m.phase(), Phase::kPostRestored);
  EXPECT_FALSE(m.Apply(Change::kAbortBackup));
}

}  // namespace
}  // namespace vsssim::coordinator
