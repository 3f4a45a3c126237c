// The requester API: IVssBackupComponents for the backup path (CATALOGUE.md §2.1-§2.8) and the
// restore path (§2.4, §2.9, §2.10, §5.7-§5.10), as an abstract interface. The simulator implements
// it (Coordinator::CreateVssBackupComponents); a Windows backend can implement it over real VSS.
// Method names are the SDK's; results are HResult values, never exceptions; asynchronous methods
// hand out an Async.
//
// Out-of-order calls return the documented HRESULT (mostly VSS_E_BAD_STATE, REQ-CALL-*); the
// simulator also records them in the trace with the rule ID.
//
// Thread safety: none; one requester is driven from the simulator thread.
#ifndef VSSSIM_COORDINATOR_REQUESTER_H_
#define VSSSIM_COORDINATOR_REQUESTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/coordinator/async.h"
#include "vsssim/coordinator/writer_components_ext.h"
#include "vsssim/storage/provider.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::metadata {
class ExamineWriterMetadata;
}  // namespace vsssim::metadata

namespace vsssim::coordinator {

// What GetWriterStatus reports for one writer (REQ-STAT-03/04).
struct WriterStatus {
  Guid instance_id;
  Guid writer_id;
  std::string writer_name;
  vss::WriterState state = vss::WriterState::VSS_WS_UNKNOWN;
  HResult failure;
  // GetWriterStatusEx extras (WRT-ERR-02).
  HResult application_failure;
  std::string application_message;
};

class Requester {
 public:
  virtual ~Requester() = default;

  // §2.1 / §2.2 initialisation.
  virtual HResult InitializeForBackup(std::string_view bcd_xml = {}) = 0;
  // `context` is a VSS_SNAPSHOT_CONTEXT optionally OR-ed with attribute modifiers (CTX-GEN-02).
  virtual HResult SetContext(std::uint32_t context) = 0;
  virtual HResult SetBackupState(bool select_components, bool bootable_system_state,
                                 vss::BackupType backup_type,
                                 bool partial_file_support = false) = 0;
  virtual HResult EnableWriterClasses(const std::vector<Guid>& writer_class_ids) = 0;
  virtual HResult DisableWriterClasses(const std::vector<Guid>& writer_class_ids) = 0;
  virtual HResult DisableWriterInstances(const std::vector<Guid>& writer_instance_ids) = 0;

  // Discovery.
  virtual HResult GatherWriterMetadata(AsyncPtr* async) = 0;
  virtual HResult GetWriterMetadataCount(std::uint32_t* count) = 0;
  // The pointer stays valid until FreeWriterMetadata or the requester's destruction.
  virtual HResult GetWriterMetadata(std::uint32_t index, Guid* instance_id,
                                    const metadata::ExamineWriterMetadata** metadata) = 0;
  virtual HResult FreeWriterMetadata() = 0;
  virtual HResult AddComponent(const Guid& instance_id, const Guid& writer_id,
                               vss::ComponentType type, std::string_view logical_path,
                               std::string_view component_name) = 0;
  virtual HResult SetBackupOptions(const Guid& writer_id, vss::ComponentType type,
                                   std::string_view logical_path, std::string_view component_name,
                                   std::string_view options) = 0;
  virtual HResult SetPreviousBackupStamp(const Guid& writer_id, vss::ComponentType type,
                                         std::string_view logical_path,
                                         std::string_view component_name,
                                         std::string_view previous_stamp) = 0;

  // Snapshot set.
  virtual HResult StartSnapshotSet(Guid* snapshot_set_id) = 0;
  virtual HResult AddToSnapshotSet(std::string_view volume, const Guid& provider_id,
                                   Guid* snapshot_id) = 0;
  virtual HResult IsVolumeSupported(const Guid& provider_id, std::string_view volume,
                                    bool* supported) = 0;
  virtual HResult PrepareForBackup(AsyncPtr* async) = 0;
  virtual HResult DoSnapshotSet(AsyncPtr* async) = 0;
  virtual HResult GetSnapshotProperties(const Guid& snapshot_id,
                                        storage::SnapshotProperties* properties) = 0;

  // Completion.
  virtual HResult SetBackupSucceeded(const Guid& instance_id, const Guid& writer_id,
                                     vss::ComponentType type, std::string_view logical_path,
                                     std::string_view component_name, bool succeeded) = 0;
  virtual HResult SaveAsXML(std::string* bcd_xml) = 0;
  virtual HResult BackupComplete(AsyncPtr* async) = 0;
  virtual HResult AbortBackup() = 0;

  // §2.5 status.
  virtual HResult GatherWriterStatus(AsyncPtr* async) = 0;
  virtual HResult GetWriterStatusCount(std::uint32_t* count) = 0;
  virtual HResult GetWriterStatus(std::uint32_t index, WriterStatus* status) = 0;
  virtual HResult FreeWriterStatus() = 0;

  // Administration (REQ-CALL-26/27). Query lists snapshots of the current context
  // (CTX-QRY-01); `query_object` must be GUID_NULL, `returned_type` VSS_OBJECT_SNAPSHOT.
  virtual HResult Query(const Guid& query_object, vss::ObjectType query_object_type,
                        vss::ObjectType returned_type,
                        std::vector<storage::SnapshotProperties>* snapshots) = 0;
  virtual HResult DeleteSnapshots(const Guid& source_id, vss::ObjectType source_type,
                                  bool force_delete, std::int32_t* deleted_count,
                                  Guid* non_deleted_snapshot_id) = 0;

  // IVssBackupComponentsEx3::GetSessionId (REQ-CALL-43).
  virtual HResult GetSessionId(Guid* session_id) = 0;

  // §2.4 restore. Component arguments name a component of the saved BCD by writer class id,
  // type, logical path and name, as the SDK's do. All selection calls precede PreRestore
  // (REQ-RST-03); SetFileRestoreStatus, AddAlternativeLocationMapping and SetRangesFilePath
  // come between PreRestore and PostRestore.
  // `bcd_xml` is the document SaveAsXML produced at backup time (REQ-CALL-02, REQ-RST-01).
  virtual HResult InitializeForRestore(std::string_view bcd_xml) = 0;
  // REQ-CALL-25: the writers of the BCD. The pointer stays valid until the requester's
  // release, but goes stale (VSS_E_BAD_STATE) after the next event-generating call.
  virtual HResult GetWriterComponentsCount(std::uint32_t* count) = 0;
  virtual HResult GetWriterComponents(std::uint32_t index, WriterComponentsExt** components) = 0;
  virtual HResult SetRestoreState(vss::RestoreType restore_type) = 0;
  virtual HResult SetSelectedForRestore(const Guid& writer_id, vss::ComponentType type,
                                        std::string_view logical_path,
                                        std::string_view component_name, bool selected) = 0;
  // `instance_id` GUID_NULL: as SetSelectedForRestore; otherwise a running instance of the
  // same class that should receive the restore (RESTORE_WITH_MOVE, REQ-CALL-32).
  virtual HResult SetSelectedForRestoreEx(const Guid& writer_id, vss::ComponentType type,
                                          std::string_view logical_path,
                                          std::string_view component_name, bool selected,
                                          const Guid& instance_id) = 0;
  virtual HResult AddRestoreSubcomponent(const Guid& writer_id, vss::ComponentType type,
                                         std::string_view logical_path,
                                         std::string_view component_name,
                                         std::string_view sub_logical_path,
                                         std::string_view sub_component_name, bool repair) = 0;
  virtual HResult SetRestoreOptions(const Guid& writer_id, vss::ComponentType type,
                                    std::string_view logical_path, std::string_view component_name,
                                    std::string_view options) = 0;
  virtual HResult SetAdditionalRestores(const Guid& writer_id, vss::ComponentType type,
                                        std::string_view logical_path,
                                        std::string_view component_name,
                                        bool additional_restores) = 0;
  virtual HResult AddNewTarget(const Guid& writer_id, vss::ComponentType type,
                               std::string_view logical_path, std::string_view component_name,
                               std::string_view path, std::string_view filespec, bool recursive,
                               std::string_view alternate_path) = 0;
  virtual HResult SetAuthoritativeRestore(const Guid& writer_id, vss::ComponentType type,
                                          std::string_view logical_path,
                                          std::string_view component_name, bool authoritative) = 0;
  virtual HResult SetRollForward(const Guid& writer_id, vss::ComponentType type,
                                 std::string_view logical_path, std::string_view component_name,
                                 vss::RollForwardType roll_forward_type,
                                 std::string_view roll_forward_point) = 0;
  virtual HResult SetRestoreName(const Guid& writer_id, vss::ComponentType type,
                                 std::string_view logical_path, std::string_view component_name,
                                 std::string_view restore_name) = 0;
  virtual HResult PreRestore(AsyncPtr* async) = 0;
  virtual HResult SetFileRestoreStatus(const Guid& writer_id, vss::ComponentType type,
                                       std::string_view logical_path,
                                       std::string_view component_name,
                                       vss::FileRestoreStatus status) = 0;
  virtual HResult AddAlternativeLocationMapping(const Guid& writer_id, vss::ComponentType type,
                                                std::string_view logical_path,
                                                std::string_view component_name,
                                                std::string_view path, std::string_view filespec,
                                                bool recursive, std::string_view destination) = 0;
  virtual HResult SetRangesFilePath(const Guid& writer_id, vss::ComponentType type,
                                    std::string_view logical_path, std::string_view component_name,
                                    std::uint32_t partial_file_index,
                                    std::string_view ranges_file) = 0;
  virtual HResult PostRestore(AsyncPtr* async) = 0;

  // Drops the requester's reference (REQ-LIFE-04): VSS sends BackupShutdown to the session's
  // writers and deletes auto-release snapshots. Further calls return VSS_E_BAD_STATE.
  // Destroying the object without Release is treated as the requester process dying.
  virtual HResult Release() = 0;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_COORDINATOR_REQUESTER_H_
