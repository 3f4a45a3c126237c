// Checks the per-session writer state machine against CATALOGUE.md §3.9 (WRT-STATE-*), the
// event-order rules of §3.2/§3.7 and the freeze-window failure of WRT-TIME-01.
#include "vsssim/writer/writer_state_machine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vsssim::writer {
namespace {

using E = vss::WriterEvent;
using S = vss::WriterState;

struct Recorder {
  std::vector<std::string> unexpected;
  void Attach(WriterStateMachine& m) {
    m.SetUnexpectedHandler([this](std::string_view event, std::string_view state) {
      unexpected.push_back(std::string(event) + " in " + std::string(state));
    });
  }
};

// Checks that the success path walks the documented states (WRT-STATE-02..07, WRT-SEQ-01).
TEST(Writer_StateMachine, WRT_STATE_02_07_SuccessPath) {
  WriterStateMachine m;
  EXPECT_EQ(m.state(), S::VSS_WS_STABLE);
  EXPECT_TRUE(m.Deliver(E::kPrepareForBackup));
  EXPECT_EQ(m.state(), S::VSS_WS_STABLE);
  EXPECT_TRUE(m.Deliver(E::kPrepareForSnapshot));
  EXPECT_EQ(m.state(), S::VSS_WS_WAITING_FOR_FREEZE);
  EXPECT_TRUE(m.Deliver(E::kFreeze));
  EXPECT_EQ(m.state(), S::VSS_WS_WAITING_FOR_THAW);
  EXPECT_TRUE(m.Deliver(E::kThaw));
  EXPECT_EQ(m.state(), S::VSS_WS_WAITING_FOR_POST_SNAPSHOT);
  EXPECT_TRUE(m.Deliver(E::kPostSnapshot));
  EXPECT_EQ(m.state(), S::VSS_WS_WAITING_FOR_BACKUP_COMPLETE);
  EXPECT_TRUE(m.Deliver(E::kBackupComplete));
  EXPECT_EQ(m.state(), S::VSS_WS_STABLE);
  EXPECT_TRUE(m.Deliver(E::kBackupShutdown));
  EXPECT_EQ(m.state(), S::VSS_WS_STABLE);
  EXPECT_EQ(m.failure(), hr::S_OK);
}

// Checks that each failing handler leaves FAILED_AT_<phase> and the failure code (§3.9).
TEST(Writer_StateMachine, WRT_STATE_13_FailureStateAndCodePerPhase) {
  const std::vector<std::pair<std::vector<E>, S>> cases = {
      {{E::kPrepareForBackup}, S::VSS_WS_FAILED_AT_PREPARE_BACKUP},
      {{E::kPrepareForSnapshot}, S::VSS_WS_FAILED_AT_PREPARE_SNAPSHOT},
      {{E::kPrepareForSnapshot, E::kFreeze}, S::VSS_WS_FAILED_AT_FREEZE},
      {{E::kPrepareForSnapshot, E::kFreeze, E::kThaw}, S::VSS_WS_FAILED_AT_THAW},
      {{E::kPrepareForSnapshot, E::kFreeze, E::kThaw, E::kPostSnapshot},
       S::VSS_WS_FAILED_AT_POST_SNAPSHOT},
      {{E::kPrepareForSnapshot, E::kFreeze, E::kThaw, E::kPostSnapshot, E::kBackupComplete},
       S::VSS_WS_FAILED_AT_BACKUP_COMPLETE},
      {{E::kPreRestore}, S::VSS_WS_FAILED_AT_PRE_RESTORE},
      {{E::kPostRestore}, S::VSS_WS_FAILED_AT_POST_RESTORE},
  };
  for (const auto& [events, expected] : cases) {
    WriterStateMachine m;
    for (E e : events) ASSERT_TRUE(m.Deliver(e));
    m.Fail(hr::VSS_E_WRITERERROR_RETRYABLE);
    EXPECT_EQ(m.state(), expected) << vss::NameOf(expected);
    EXPECT_EQ(m.failure(), hr::VSS_E_WRITERERROR_RETRYABLE);
  }
}

// Checks that the last failure code wins (WRT-STATE-13).
TEST(Writer_StateMachine, WRT_STATE_13_LastFailureWins) {
  WriterStateMachine m;
  m.Deliver(E::kPrepareForBackup);
  m.Fail(hr::VSS_E_WRITERERROR_RETRYABLE);
  m.Fail(hr::VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_EQ(m.failure(), hr::VSS_E_WRITERERROR_NONRETRYABLE);
}

// Checks that after Freeze exactly one of Thaw or Abort is accepted (WRT-SEQ-06).
TEST(Writer_StateMachine, WRT_SEQ_06_ExactlyOneOfThawOrAbortAfterFreeze) {
  WriterStateMachine a;
  Recorder ra;
  ra.Attach(a);
  a.Deliver(E::kPrepareForSnapshot);
  a.Deliver(E::kFreeze);
  EXPECT_TRUE(a.AwaitingThawOrAbort());
  EXPECT_TRUE(a.Deliver(E::kThaw));
  EXPECT_FALSE(a.AwaitingThawOrAbort());
  EXPECT_FALSE(a.Deliver(E::kAbort));  // Thaw was the one
  EXPECT_EQ(ra.unexpected, std::vector<std::string>{"Abort in WaitingForPostSnapshot"});

  WriterStateMachine b;
  Recorder rb;
  rb.Attach(b);
  b.Deliver(E::kPrepareForSnapshot);
  b.Deliver(E::kFreeze);
  EXPECT_TRUE(b.Deliver(E::kAbort));
  EXPECT_FALSE(b.Deliver(E::kThaw));  // Abort was the one
  EXPECT_EQ(rb.unexpected, std::vector<std::string>{"Thaw in Aborted"});
}

// Checks that a failed Freeze still counts as delivered: Thaw or Abort must follow (WRT-SEQ-06).
TEST(Writer_StateMachine, WRT_SEQ_06_FailedFreezeStillAwaitsThawOrAbort) {
  WriterStateMachine m;
  m.Deliver(E::kPrepareForSnapshot);
  m.Deliver(E::kFreeze);
  m.Fail(hr::VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_TRUE(m.AwaitingThawOrAbort());
  EXPECT_TRUE(m.AbortAllowed());
  EXPECT_TRUE(m.Deliver(E::kAbort));
  EXPECT_EQ(m.state(), S::VSS_WS_FAILED_AT_FREEZE);  // WRT-STATE-09: failure kept
}

// Checks that no Abort is allowed once PostSnapshot was delivered (WRT-ABORT-04).
TEST(Writer_StateMachine, WRT_ABORT_04_NoAbortAfterPostSnapshot) {
  WriterStateMachine m;
  Recorder r;
  r.Attach(m);
  for (E e : {E::kPrepareForBackup, E::kPrepareForSnapshot, E::kFreeze}) {
    m.Deliver(e);
    EXPECT_TRUE(m.AbortAllowed()) << vss::NameOf(e);
  }
  m.Deliver(E::kThaw);  // WRT-SEQ-06: Thaw was the one event after Freeze
  EXPECT_FALSE(m.AbortAllowed());
  m.Deliver(E::kPostSnapshot);
  EXPECT_FALSE(m.AbortAllowed());
  EXPECT_FALSE(m.Deliver(E::kAbort));
  EXPECT_EQ(r.unexpected.size(), 1u);
}

// Checks that Abort is idempotent and ends the operation (WRT-ABORT-02, WRT-ABORT-04).
TEST(Writer_StateMachine, WRT_ABORT_02_AbortTwiceIsFineAndEndsTheOperation) {
  WriterStateMachine m;
  Recorder r;
  r.Attach(m);
  m.Deliver(E::kPrepareForBackup);
  EXPECT_TRUE(m.Deliver(E::kAbort));
  EXPECT_TRUE(m.Deliver(E::kAbort));
  EXPECT_EQ(m.state(), S::VSS_WS_STABLE);  // WRT-STATE-09
  EXPECT_FALSE(m.Deliver(E::kPrepareForSnapshot));
  EXPECT_TRUE(m.Deliver(E::kBackupShutdown));  // WRT-SEQ-05: shutdown still comes
  EXPECT_EQ(r.unexpected, std::vector<std::string>{"PrepareForSnapshot in Aborted"});
}

// Checks that a freeze-window expiry fails the writer with VSS_E_WRITERERROR_TIMEOUT in the
// configured state (WRT-TIME-01, GAP-02).
TEST(Writer_StateMachine, WRT_TIME_01_FreezeWindowExpiry) {
  WriterStateMachine m;
  m.Deliver(E::kPrepareForSnapshot);
  m.Deliver(E::kFreeze);
  m.ExpireFreezeWindow();
  EXPECT_EQ(m.state(), S::VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(m.failure(), hr::VSS_E_WRITERERROR_TIMEOUT);
  EXPECT_TRUE(m.Deliver(E::kAbort));

  WriterStateMachine thaw_choice(S::VSS_WS_FAILED_AT_THAW);
  thaw_choice.Deliver(E::kPrepareForSnapshot);
  thaw_choice.Deliver(E::kFreeze);
  thaw_choice.ExpireFreezeWindow();
  EXPECT_EQ(thaw_choice.state(), S::VSS_WS_FAILED_AT_THAW);
}

// Checks BackupShutdown: reported STABLE (or FAILED_AT_BACKUPSHUTDOWN), and only once
// (WRT-STATE-08, WRT-SEQ-07).
TEST(Writer_StateMachine, WRT_STATE_08_BackupShutdownOnce) {
  WriterStateMachine m;
  Recorder r;
  r.Attach(m);
  m.Deliver(E::kPrepareForBackup);
  m.Fail(hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_TRUE(m.Deliver(E::kBackupShutdown));
  EXPECT_TRUE(m.shut_down());
  EXPECT_EQ(m.state(), S::VSS_WS_STABLE);
  EXPECT_FALSE(m.AbortAllowed());
  EXPECT_FALSE(m.Deliver(E::kBackupShutdown));
  EXPECT_EQ(r.unexpected.size(), 1u);

  WriterStateMachine f;
  f.Deliver(E::kBackupShutdown);
  f.Fail(hr::VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_EQ(f.state(), S::VSS_WS_FAILED_AT_BACKUPSHUTDOWN);
}

// Checks that a failing OnAbort fails the phase it interrupted (WRT-STATE-09, documented).
TEST(Writer_StateMachine, WRT_STATE_09_FailingAbortFailsInterruptedPhase) {
  WriterStateMachine m;
  m.Deliver(E::kPrepareForSnapshot);
  m.Deliver(E::kAbort);
  m.Fail(hr::VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_EQ(m.state(), S::VSS_WS_FAILED_AT_PREPARE_SNAPSHOT);
}

// Checks that events out of order are refused, not applied (WRT-SEQ-01).
TEST(Writer_StateMachine, WRT_SEQ_01_OutOfOrderEventsAreRefused) {
  WriterStateMachine m;
  Recorder r;
  r.Attach(m);
  EXPECT_FALSE(m.Deliver(E::kFreeze));
  EXPECT_FALSE(m.Deliver(E::kThaw));
  EXPECT_EQ(m.state(), S::VSS_WS_STABLE);
  EXPECT_EQ(m.SequenceName(), "Stable");
  EXPECT_EQ(r.unexpected, (std::vector<std::string>{"Freeze in Stable", "Thaw in Stable"}));
}

}  // namespace
}  // namespace vsssim::writer

namespace vsssim::writer {
namespace {

// Checks that a failed Thaw is followed by Abort (WRT-STATE-05, WRT-RET-03) while a good Thaw
// is not (WRT-SEQ-06).
TEST(Writer_StateMachine, WRT_RET_03_FailedThawGetsAbort) {
  WriterStateMachine m;
  m.Deliver(E::kPrepareForSnapshot);
  m.Deliver(E::kFreeze);
  m.Deliver(E::kThaw);
  EXPECT_FALSE(m.AbortAllowed());
  m.Fail(hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_TRUE(m.AbortAllowed());
  EXPECT_TRUE(m.Deliver(E::kAbort));
  EXPECT_EQ(m.state(), S::VSS_WS_FAILED_AT_THAW);
}

}  // namespace
}  // namespace vsssim::writer
