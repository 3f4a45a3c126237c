// RealVssRequester: coordinator::Requester over a real IVssBackupComponents. Each method maps
// the simulator's arguments to the SDK call (UTF-8 -> UTF-16, Guid -> VSS_ID, empty logical
// path -> NULL, "C:" -> "C:\" for volumes, REQ-CALL-13) and returns the SDK's HRESULT as is.
//
// GetWriterMetadata hands out the simulator's ExamineWriterMetadata, loaded from the XML the
// real IVssExamineWriterMetadata saves, so requester code reads real and simulated writers the
// same way. GetSessionId needs IVssBackupComponentsEx3 (E_NOTIMPL without it), GetWriterStatus
// uses GetWriterStatusEx where available for the application failure fields.
//
// GetWriterComponents hands out the simulator's IVssWriterComponentsExt view over the Backup
// Components Document real VSS saves (real_vss_restore.cc).
//
// Tests drive it with a fake IVssBackupComponents (fake_backup_components.h) under Wine.
// Thread safety: as the COM object it wraps.
#ifndef VSSSIM_SIM_PLATFORM_WINDOWS_REAL_VSS_REQUESTER_H_
#define VSSSIM_SIM_PLATFORM_WINDOWS_REAL_VSS_REQUESTER_H_

#include <memory>
#include <string>
#include <vector>

#include "vsssim/coordinator/requester.h"
#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/examine_writer_metadata.h"

struct IVssBackupComponents;

namespace vsssim::platform::windows {

class RealVssRequester final : public coordinator::Requester {
 public:
  // Takes over the caller's reference to `backup`. REQUIRES: backup != nullptr.
  explicit RealVssRequester(IVssBackupComponents* backup);
  ~RealVssRequester() override;
  RealVssRequester(const RealVssRequester&) = delete;
  RealVssRequester& operator=(const RealVssRequester&) = delete;

  HResult InitializeForBackup(std::string_view bcd_xml) override;
  HResult SetContext(std::uint32_t context) override;
  HResult SetBackupState(bool select_components, bool bootable_system_state,
                         vss::BackupType backup_type, bool partial_file_support) override;
  HResult EnableWriterClasses(const std::vector<Guid>& writer_class_ids) override;
  HResult DisableWriterClasses(const std::vector<Guid>& writer_class_ids) override;
  HResult DisableWriterInstances(const std::vector<Guid>& writer_instance_ids) override;
  HResult GatherWriterMetadata(coordinator::AsyncPtr* async) override;
  HResult GetWriterMetadataCount(std::uint32_t* count) override;
  HResult GetWriterMetadata(std::uint32_t index, Guid* instance_id,
                            const metadata::ExamineWriterMetadata** metadata) override;
  HResult FreeWriterMetadata() override;
  HResult AddComponent(const Guid& instance_id, const Guid& writer_id, vss::ComponentType type,
                       std::string_view logical_path, std::string_view component_name) override;
  HResult SetBackupOptions(const Guid& writer_id, vss::ComponentType type,
                           std::string_view logical_path, std::string_view component_name,
                           std::string_view options) override;
  HResult SetPreviousBackupStamp(const Guid& writer_id, vss::ComponentType type,
                                 std::string_view logical_path, std::string_view component_name,
                                 std::string_view previous_stamp) override;
  HResult StartSnapshotSet(Guid* snapshot_set_id) override;
  HResult AddToSnapshotSet(std::string_view volume, const Guid& provider_id,
                           Guid* snapshot_id) override;
  HResult IsVolumeSupported(const Guid& provider_id, std::string_view volume,
                            bool* supported) override;
  HResult PrepareForBackup(coordinator::AsyncPtr* async) override;
  HResult DoSnapshotSet(coordinator::AsyncPtr* async) override;
  HResult GetSnapshotProperties(const Guid& snapshot_id,
                                storage::SnapshotProperties* properties) override;
  HResult SetBackupSucceeded(const Guid& instance_id, const Guid& writer_id,
                             vss::ComponentType type, std::string_view logical_path,
                             std::string_view component_name, bool succeeded) override;
  HResult SaveAsXML(std::string* bcd_xml) override;
  HResult BackupComplete(coordinator::AsyncPtr* async) override;
  HResult AbortBackup() override;
  HResult GatherWriterStatus(coordinator::AsyncPtr* async) override;
  HResult GetWriterStatusCount(std::uint32_t* count) override;
  HResult GetWriterStatus(std::uint32_t index, coordinator::WriterStatus* status) override;
  HResult FreeWriterStatus() override;
  HResult Query(const Guid& query_object, vss::ObjectType query_object_type,
                vss::ObjectType returned_type,
                std::vector<storage::SnapshotProperties>* snapshots) override;
  HResult DeleteSnapshots(const Guid& source_id, vss::ObjectType source_type, bool force_delete,
                          std::int32_t* deleted_count, Guid* non_deleted_snapshot_id) override;
  HResult GetSessionId(Guid* session_id) override;

  // Restore (real_vss_restore.cc).
  HResult InitializeForRestore(std::string_view bcd_xml) override;
  HResult GetWriterComponentsCount(std::uint32_t* count) override;
  HResult GetWriterComponents(std::uint32_t index,
                              coordinator::WriterComponentsExt** components) override;
  HResult SetRestoreState(vss::RestoreType restore_type) override;
  HResult SetSelectedForRestore(const Guid& writer_id, vss::ComponentType type,
                                std::string_view logical_path, std::string_view component_name,
                                bool selected) override;
  HResult SetSelectedForRestoreEx(const Guid& writer_id, vss::ComponentType type,
                                  std::string_view logical_path, std::string_view component_name,
                                  bool selected, const Guid& instance_id) override;
  HResult AddRestoreSubcomponent(const Guid& writer_id, vss::ComponentType type,
                                 std::string_view logical_path, std::string_view component_name,
                                 std::string_view sub_logical_path,
                                 std::string_view sub_component_name, bool repair) override;
  HResult SetRestoreOptions(const Guid& writer_id, vss::ComponentType type,
                            std::string_view logical_path, std::string_view component_name,
                            std::string_view options) override;
  HResult SetAdditionalRestores(const Guid& writer_id, vss::ComponentType type,
                                std::string_view logical_path, std::string_view component_name,
                                bool additional_restores) override;
  HResult AddNewTarget(const Guid& writer_id, vss::ComponentType type,
                       std::string_view logical_path, std::string_view component_name,
                       std::string_view path, std::string_view filespec, bool recursive,
                       std::string_view alternate_path) override;
  HResult SetAuthoritativeRestore(const Guid& writer_id, vss::ComponentType type,
                                  std::string_view logical_path, std::string_view component_name,
                                  bool authoritative) override;
  HResult SetRollForward(const Guid& writer_id, vss::ComponentType type,
                         std::string_view logical_path, std::string_view component_name,
                         vss::RollForwardType roll_forward_type,
                         std::string_view roll_forward_point) override;
  HResult SetRestoreName(const Guid& writer_id, vss::ComponentType type,
                         std::string_view logical_path, std::string_view component_name,
                         std::string_view restore_name) override;
  HResult PreRestore(coordinator::AsyncPtr* async) override;
  HResult SetFileRestoreStatus(const Guid& writer_id, vss::ComponentType type,
                               std::string_view logical_path, std::string_view component_name,
                               vss::FileRestoreStatus status) override;
  HResult AddAlternativeLocationMapping(const Guid& writer_id, vss::ComponentType type,
                                        std::string_view logical_path,
                                        std::string_view component_name, std::string_view path,
                                        std::string_view filespec, bool recursive,
                                        std::string_view destination) override;
  HResult SetRangesFilePath(const Guid& writer_id, vss::ComponentType type,
                            std::string_view logical_path, std::string_view component_name,
                            std::uint32_t partial_file_index,
                            std::string_view ranges_file) override;
  HResult PostRestore(coordinator::AsyncPtr* async) override;
  HResult Release() override;

 private:
  IVssBackupComponents* backup_;  // null after Release()
  // Loaded metadata handed out by GetWriterMetadata; freed by FreeWriterMetadata.
  std::vector<std::unique_ptr<metadata::ExamineWriterMetadata>> metadata_;
  bool restoring_ = false;  // InitializeForRestore succeeded: components are restore views
  // What GetWriterComponents handed out: the documents read and the views over them; they
  // stay allocated until the requester is destroyed (REQ-CALL-25).
  std::vector<std::unique_ptr<metadata::BackupComponents>> component_documents_;
  std::vector<std::unique_ptr<coordinator::WriterComponentsExt>> component_views_;
};

}  // namespace vsssim::platform::windows

#endif  // VSSSIM_SIM_PLATFORM_WINDOWS_REAL_VSS_REQUESTER_H_
