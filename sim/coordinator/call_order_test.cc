// Checks the call-order data table and the requester phase machine (CATALOGUE.md §2.3, §7).
#include "sim/coordinator/call_order.h"

#include <gtest/gtest.h>

#include "sim/coordinator/requester_phase_machine.h"

namespace vsssim::coordinator {
namespace {

using Change = RequesterPhaseMachine::Change;

// Checks that in NEW only InitializeForBackup, GetSessionId and Release are legal (REQ-LIFE-03).
TEST(Coordinator_CallOrder, REQ_LIFE_03_OnlyInitializeOnAFreshObject) {
#define VSSSIM_CHECK_NEW_(m)                                                                    \
  EXPECT_EQ(IsLegal(Method::k##m, Phase::kNew), Method::k##m == Method::kInitializeForBackup || \
                                                    Method::k##m == Method::kGetSessionId ||    \
                                                    Method::k##m == Method::kRelease)           \
      << #m;
  VSSSIM_REQUESTER_METHOD_TABLE(VSSSIM_CHECK_NEW_)
#undef VSSSIM_CHECK_NEW_
}

// Checks a few rows against §7: BackupComplete only after the snapshot (REQ-ORDER-15),
// AddComponent only in discovery (REQ-ORDER-07), SaveAsXML not before PrepareForBackup.
TEST(Coordinator_CallOrder, Section7_RowsMatchTheCatalogue) {
  EXPECT_TRUE(IsLegal(Method::kBackupComplete, Phase::kSnapshotCreated));
  EXPECT_FALSE(IsLegal(Method::kBackupComplete, Phase::kSnapshotFailed));
  EXPECT_FALSE(IsLegal(Method::kBackupComplete, Phase::kPreparedForBackup));
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

}  // namespace
}  // namespace vsssim::coordinator
