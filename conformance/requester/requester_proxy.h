// RequesterProxy: the coordinator::Requester the backup application under test receives from
// RequesterContext::CreateVssBackupComponents. It forwards every call to the simulator's
// requester unchanged and records it in the check's CallLog; the operations it hands out are
// AsyncProxy objects that record polls and cancels. It changes no result.
//
// Thread safety: none (the test thread).
#ifndef VSSSIM_CONFORMANCE_REQUESTER_REQUESTER_PROXY_H_
#define VSSSIM_CONFORMANCE_REQUESTER_REQUESTER_PROXY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "conformance/requester/call_log.h"
#include "vsssim/coordinator/requester.h"

namespace vsssim::conformance {

class RequesterProxy final : public coordinator::Requester {
 public:
  // Whether the writer of class `writer_id` is failed in `requester`'s session now.
  using WriterFailed =
      std::function<bool(const coordinator::Requester& requester, const Guid& writer_id)>;
  // `instance` numbers the instance in the log; `before_call` runs before each call (the
  // world lets scheduled things happen, such as the competing backup ending).
  RequesterProxy(std::unique_ptr<coordinator::Requester> target, int instance, CallLog& log,
                 std::function<void()> before_call, WriterFailed writer_failed);
  ~RequesterProxy() override;

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
  std::size_t Begin(const char* method);
  HResult Done(std::size_t call, HResult result);
  HResult StartAsync(const char* method, coordinator::AsyncPtr* async,
                     const std::function<HResult(coordinator::AsyncPtr*)>& start);

  std::unique_ptr<coordinator::Requester> target_;
  int instance_;
  CallLog& log_;
  std::function<void()> before_call_;
  WriterFailed writer_failed_;
};

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_REQUESTER_REQUESTER_PROXY_H_
