// MockRequester: a GoogleMock coordinator::Requester (the IVssBackupComponents-shaped API of
// vsssim/coordinator/requester.h), so that a user can test the code that DRIVES a requester
// -- their backup application -- without VSS: EXPECT_CALL(requester, AbortBackup()) when
// DoSnapshotSet fails, and so on.
//
// Every method of coordinator::Requester is a MOCK_METHOD (default arguments of the interface
// do not carry over: a call through MockRequester& spells every argument; calls through
// Requester& keep them). Defaults (ON_CALL, set in the constructor):
//   every method                      returns S_OK (HResult{}) and leaves out-parameters alone,
//   except
//   the asynchronous ones             (GatherWriterMetadata, PrepareForBackup, DoSnapshotSet,
//                                     BackupComplete, GatherWriterStatus, PreRestore,
//                                     PostRestore) store FinishedAsync() in *async
//   the *Count getters                (GetWriterMetadataCount, GetWriterStatusCount,
//                                     GetWriterComponentsCount) store 0 in *count
// so that code written for the canonical sequence runs through without any EXPECT_CALL.
// ReturnFinishedAsync(hr) is the action for an asynchronous call whose operation ends with hr.
//
// Use ::testing::NiceMock / ::testing::StrictMock as for any mock. Inside namespace vsssim,
// spell GoogleTest's namespace ::testing (this one is vsssim::testing).
//
// Thread safety: none (as coordinator::Requester).
#ifndef VSSSIM_TESTING_MOCK_REQUESTER_H_
#define VSSSIM_TESTING_MOCK_REQUESTER_H_

#include <gmock/gmock.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/coordinator/async.h"
#include "vsssim/coordinator/requester.h"

namespace vsssim::testing {

// An Async whose operation has already ended with `result`: Wait returns S_OK (or the failure),
// QueryStatus gives VSS_S_ASYNC_FINISHED (or the failure), Cancel reports how it ended.
coordinator::AsyncPtr FinishedAsync(HResult result = hr::S_OK);

// Action for the asynchronous methods: *async = FinishedAsync(result); the call returns S_OK.
inline auto ReturnFinishedAsync(HResult result = hr::S_OK) {
  return [result](coordinator::AsyncPtr* async) {
    if (async != nullptr) *async = FinishedAsync(result);
    return hr::S_OK;
  };
}

class MockRequester : public coordinator::Requester {
 public:
  MockRequester();

  MOCK_METHOD(HResult, InitializeForBackup, (std::string_view bcd_xml), (override));
  MOCK_METHOD(HResult, SetContext, (std::uint32_t context), (override));
  MOCK_METHOD(HResult, SetBackupState,
              (bool select_components, bool bootable_system_state, vss::BackupType backup_type,
               bool partial_file_support),
              (override));
  MOCK_METHOD(HResult, EnableWriterClasses, (const std::vector<Guid>& writer_class_ids),
              (override));
  MOCK_METHOD(HResult, DisableWriterClasses, (const std::vector<Guid>& writer_class_ids),
              (override));
  MOCK_METHOD(HResult, DisableWriterInstances, (const std::vector<Guid>& writer_instance_ids),
              (override));
  MOCK_METHOD(HResult, GatherWriterMetadata, (coordinator::AsyncPtr * async), (override));
  MOCK_METHOD(HResult, GetWriterMetadataCount, (std::uint32_t * count), (override));
  MOCK_METHOD(HResult, GetWriterMetadata,
              (std::uint32_t index, Guid* instance_id,
               const metadata::ExamineWriterMetadata** metadata),
              (override));
  MOCK_METHOD(HResult, FreeWriterMetadata, (), (override));
  MOCK_METHOD(HResult, AddComponent,
              (const Guid& instance_id, const Guid& writer_id, vss::ComponentType type,
               std::string_view logical_path, std::string_view component_name),
              (override));
  MOCK_METHOD(HResult, SetBackupOptions,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, std::string_view options),
              (override));
  MOCK_METHOD(HResult, SetPreviousBackupStamp,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, std::string_view previous_stamp),
              (override));
  MOCK_METHOD(HResult, StartSnapshotSet, (Guid * snapshot_set_id), (override));
  MOCK_METHOD(HResult, AddToSnapshotSet,
              (std::string_view volume, const Guid& provider_id, Guid* snapshot_id), (override));
  MOCK_METHOD(HResult, IsVolumeSupported,
              (const Guid& provider_id, std::string_view volume, bool* supported), (override));
  MOCK_METHOD(HResult, PrepareForBackup, (coordinator::AsyncPtr * async), (override));
  MOCK_METHOD(HResult, DoSnapshotSet, (coordinator::AsyncPtr * async), (override));
  MOCK_METHOD(HResult, GetSnapshotProperties,
              (const Guid& snapshot_id, storage::SnapshotProperties* properties), (override));
  MOCK_METHOD(HResult, SetBackupSucceeded,
              (const Guid& instance_id, const Guid& writer_id, vss::ComponentType type,
               std::string_view logical_path, std::string_view component_name, bool succeeded),
              (override));
  MOCK_METHOD(HResult, SaveAsXML, (std::string * bcd_xml), (override));
  MOCK_METHOD(HResult, BackupComplete, (coordinator::AsyncPtr * async), (override));
  MOCK_METHOD(HResult, AbortBackup, (), (override));
  MOCK_METHOD(HResult, GatherWriterStatus, (coordinator::AsyncPtr * async), (override));
  MOCK_METHOD(HResult, GetWriterStatusCount, (std::uint32_t * count), (override));
  MOCK_METHOD(HResult, GetWriterStatus, (std::uint32_t index, coordinator::WriterStatus* status),
              (override));
  MOCK_METHOD(HResult, FreeWriterStatus, (), (override));
  MOCK_METHOD(HResult, Query,
              (const Guid& query_object, vss::ObjectType query_object_type,
               vss::ObjectType returned_type, std::vector<storage::SnapshotProperties>* snapshots),
              (override));
  MOCK_METHOD(HResult, DeleteSnapshots,
              (const Guid& source_id, vss::ObjectType source_type, bool force_delete,
               std::int32_t* deleted_count, Guid* non_deleted_snapshot_id),
              (override));
  MOCK_METHOD(HResult, GetSessionId, (Guid * session_id), (override));
  MOCK_METHOD(HResult, InitializeForRestore, (std::string_view bcd_xml), (override));
  MOCK_METHOD(HResult, GetWriterComponentsCount, (std::uint32_t * count), (override));
  MOCK_METHOD(HResult, GetWriterComponents,
              (std::uint32_t index, coordinator::WriterComponentsExt** components), (override));
  MOCK_METHOD(HResult, SetRestoreState, (vss::RestoreType restore_type), (override));
  MOCK_METHOD(HResult, SetSelectedForRestore,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, bool selected),
              (override));
  MOCK_METHOD(HResult, SetSelectedForRestoreEx,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, bool selected, const Guid& instance_id),
              (override));
  MOCK_METHOD(HResult, AddRestoreSubcomponent,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, std::string_view sub_logical_path,
               std::string_view sub_component_name, bool repair),
              (override));
  MOCK_METHOD(HResult, SetRestoreOptions,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, std::string_view options),
              (override));
  MOCK_METHOD(HResult, SetAdditionalRestores,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, bool additional_restores),
              (override));
  MOCK_METHOD(HResult, AddNewTarget,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, std::string_view path, std::string_view filespec,
               bool recursive, std::string_view alternate_path),
              (override));
  MOCK_METHOD(HResult, SetAuthoritativeRestore,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, bool authoritative),
              (override));
  MOCK_METHOD(HResult, SetRollForward,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, vss::RollForwardType roll_forward_type,
               std::string_view roll_forward_point),
              (override));
  MOCK_METHOD(HResult, SetRestoreName,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, std::string_view restore_name),
              (override));
  MOCK_METHOD(HResult, PreRestore, (coordinator::AsyncPtr * async), (override));
  MOCK_METHOD(HResult, SetFileRestoreStatus,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, vss::FileRestoreStatus status),
              (override));
  MOCK_METHOD(HResult, AddAlternativeLocationMapping,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, std::string_view path, std::string_view filespec,
               bool recursive, std::string_view destination),
              (override));
  MOCK_METHOD(HResult, SetRangesFilePath,
              (const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
               std::string_view component_name, std::uint32_t partial_file_index,
               std::string_view ranges_file),
              (override));
  MOCK_METHOD(HResult, PostRestore, (coordinator::AsyncPtr * async), (override));
  MOCK_METHOD(HResult, Release, (), (override));
};

}  // namespace vsssim::testing

#endif  // VSSSIM_TESTING_MOCK_REQUESTER_H_
