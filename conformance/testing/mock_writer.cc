#include "vsssim/testing/mock_writer.h"

#include <type_traits>

namespace vsssim::testing {

// A handler of writer::Writer that must be written (pure virtual) and is not mocked leaves
// MockWriter abstract: this fails the build of the library.
static_assert(!std::is_abstract_v<MockWriter>, "MockWriter must mock every On* handler");

MockWriter::MockWriter(writer::WriterIdentity identity) : Writer(std::move(identity)) {
  using ::testing::_;
  using ::testing::Return;
  ON_CALL(*this, OnIdentify(_)).WillByDefault([this](metadata::CreateWriterMetadata& metadata) {
    DeclareDefaultMetadata(metadata);
    return true;
  });
  ON_CALL(*this, OnPrepareBackup(_)).WillByDefault(Return(true));
  ON_CALL(*this, OnPrepareSnapshot()).WillByDefault(Return(true));
  ON_CALL(*this, OnFreeze()).WillByDefault(Return(true));
  ON_CALL(*this, OnThaw()).WillByDefault(Return(true));
  ON_CALL(*this, OnPostSnapshot(_)).WillByDefault(Return(true));
  ON_CALL(*this, OnAbort()).WillByDefault(Return(true));
  ON_CALL(*this, OnBackupComplete(_)).WillByDefault(Return(true));
  ON_CALL(*this, OnBackupShutdown(_)).WillByDefault(Return(true));
  ON_CALL(*this, OnPreRestore(_)).WillByDefault(Return(true));
  ON_CALL(*this, OnPostRestore(_)).WillByDefault(Return(true));
}

// WRT-IDENTIFY-05: one restore method and at least one component.
void MockWriter::DeclareDefaultMetadata(metadata::CreateWriterMetadata& metadata) const {
  metadata.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                            vss::WriterRestore::VSS_WRE_NEVER, false);
  metadata.AddComponent(vss::ComponentType::VSS_CT_FILEGROUP, "", component_name(), identity().name,
                        {}, false, false, true, true);
  metadata.AddFilesToFileGroup("", component_name(), file_set_path(), "*", true, "");
}

}  // namespace vsssim::testing
