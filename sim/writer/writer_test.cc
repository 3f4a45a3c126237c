// Checks the CVssWriter-shaped base class: identity defaults (WRT-INIT-01, LIM-05), getters
// forwarding to the attached host, and the undefined values outside a handler.
#include "vsssim/writer/writer.h"

#include <gtest/gtest.h>

#include "vsssim/writer/failure_codes.h"

namespace vsssim::writer {
namespace {

class Minimal : public Writer {
 public:
  Minimal() : Writer(WriterIdentity{}) {}
  bool OnPrepareSnapshot() override { return true; }
  bool OnFreeze() override { return true; }
  bool OnThaw() override { return true; }
  bool OnAbort() override { return true; }
  using Writer::GetBackupType;
  using Writer::GetSessionId;
  using Writer::SetWriterFailure;
};

// Checks the Initialize defaults: 60 s freeze timeout, FRONT_END level (WRT-INIT-01, LIM-05).
TEST(Writer_Identity, WRT_INIT_01_Defaults) {
  Minimal w;
  EXPECT_EQ(w.identity().freeze_timeout, std::chrono::seconds(60));
  EXPECT_EQ(w.identity().level, vss::ApplicationLevel::VSS_APP_FRONT_END);
  EXPECT_EQ(w.identity().source, vss::SourceType::VSS_ST_OTHER);
}

// Checks that outside a handler the getters give undefined values and setters fail.
TEST(Writer_Host, OutsideAHandlerGettersAreUndefined) {
  Minimal w;
  EXPECT_EQ(w.GetBackupType(), vss::BackupType::VSS_BT_UNDEFINED);
  EXPECT_TRUE(w.GetSessionId().IsNull());
  EXPECT_EQ(w.SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE), hr::E_UNEXPECTED);
}

// Checks the documented failure-code lists (WRT-ERR-01, WRT-ERR-02).
TEST(Writer_FailureCodes, WRT_ERR_01_02_DocumentedLists) {
  EXPECT_TRUE(IsDocumentedWriterFailure(hr::VSS_E_WRITERERROR_TIMEOUT));
  EXPECT_FALSE(IsDocumentedWriterFailure(hr::VSS_E_WRITERERROR_PARTIAL_FAILURE));
  EXPECT_TRUE(IsDocumentedWriterFailureEx(hr::VSS_E_WRITERERROR_PARTIAL_FAILURE));
  EXPECT_FALSE(IsDocumentedWriterFailure(hr::E_FAIL));
  EXPECT_FALSE(IsDocumentedWriterFailure(hr::VSS_E_WRITERERROR_RECOVERY_FAILED));
  EXPECT_EQ(FailedStateFor(vss::WriterEvent::kIdentify),
            vss::WriterState::VSS_WS_FAILED_AT_IDENTIFY);
}

}  // namespace
}  // namespace vsssim::writer
