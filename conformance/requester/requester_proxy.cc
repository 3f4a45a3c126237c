#include "conformance/requester/requester_proxy.h"

#include <utility>

namespace vsssim::conformance {
namespace {

// The handle the application polls: records polls (budget) and cancels (ASYNC-04: giving up
// on a running operation) and forwards to the simulator's operation.
class AsyncProxy final : public coordinator::Async {
 public:
  AsyncProxy(coordinator::AsyncPtr real, int instance, CallLog& log)
      : real_(std::move(real)), instance_(instance), log_(log) {}
  HResult Wait(std::uint32_t milliseconds) override {
    log_.Tick();
    return real_->Wait(milliseconds);
  }
  HResult QueryStatus(HResult* status) override {
    log_.Tick();
    return real_->QueryStatus(status);
  }
  HResult Cancel() override {
    const std::size_t call = log_.Begin(instance_, "Async.Cancel");
    const HResult result = real_->Cancel();
    log_.End(call, result);
    return result;
  }

 private:
  coordinator::AsyncPtr real_;
  int instance_;
  CallLog& log_;
};

}  // namespace

RequesterProxy::RequesterProxy(std::unique_ptr<coordinator::Requester> target, int instance,
                               CallLog& log, std::function<void()> before_call,
                               WriterFailed writer_failed)
    : target_(std::move(target)),
      instance_(instance),
      log_(log),
      before_call_(std::move(before_call)),
      writer_failed_(std::move(writer_failed)) {}

RequesterProxy::~RequesterProxy() { log_.AbandonPending(instance_, "destroyed the instance"); }

std::size_t RequesterProxy::Begin(const char* method) {
  if (before_call_) before_call_();
  return log_.Begin(instance_, method);
}

HResult RequesterProxy::Done(std::size_t call, HResult result) {
  log_.End(call, result);
  return result;
}

HResult RequesterProxy::StartAsync(const char* method, coordinator::AsyncPtr* async,
                                   const std::function<HResult(coordinator::AsyncPtr*)>& start) {
  const std::size_t call = Begin(method);
  if (async == nullptr) return Done(call, start(nullptr));
  coordinator::AsyncPtr real;
  const HResult result = start(&real);
  if (result == hr::S_OK && real) {
    log_.AddOperation(instance_, call, real);
    *async = std::make_shared<AsyncProxy>(real, instance_, log_);
  } else {
    *async = real;
  }
  return Done(call, result);
}

HResult RequesterProxy::SaveAsXML(std::string* bcd_xml) {
  const std::size_t call = Begin("SaveAsXML");
  const HResult result = target_->SaveAsXML(bcd_xml);
  if (result == hr::S_OK && bcd_xml != nullptr) log_.AddSave(instance_, call, *bcd_xml);
  return Done(call, result);
}

HResult RequesterProxy::Release() {
  const std::size_t call = Begin("Release");
  return Done(call, target_->Release());
}

HResult RequesterProxy::InitializeForBackup(std::string_view bcd_xml) {
  const std::size_t call = Begin("InitializeForBackup");
  return Done(call, target_->InitializeForBackup(bcd_xml));
}

HResult RequesterProxy::SetContext(std::uint32_t context) {
  const std::size_t call = Begin("SetContext");
  return Done(call, target_->SetContext(context));
}

HResult RequesterProxy::SetBackupState(bool select_components, bool bootable_system_state,
                                       vss::BackupType backup_type, bool partial_file_support) {
  const std::size_t call = Begin("SetBackupState");
  return Done(call, target_->SetBackupState(select_components, bootable_system_state, backup_type,
                                            partial_file_support));
}

HResult RequesterProxy::EnableWriterClasses(const std::vector<Guid>& writer_class_ids) {
  const std::size_t call = Begin("EnableWriterClasses");
  return Done(call, target_->EnableWriterClasses(writer_class_ids));
}

HResult RequesterProxy::DisableWriterClasses(const std::vector<Guid>& writer_class_ids) {
  const std::size_t call = Begin("DisableWriterClasses");
  return Done(call, target_->DisableWriterClasses(writer_class_ids));
}

HResult RequesterProxy::DisableWriterInstances(const std::vector<Guid>& writer_instance_ids) {
  const std::size_t call = Begin("DisableWriterInstances");
  return Done(call, target_->DisableWriterInstances(writer_instance_ids));
}

HResult RequesterProxy::GatherWriterMetadata(coordinator::AsyncPtr* async) {
  return StartAsync("GatherWriterMetadata", async,
                    [&](coordinator::AsyncPtr* a) { return target_->GatherWriterMetadata(a); });
}

HResult RequesterProxy::GetWriterMetadataCount(std::uint32_t* count) {
  const std::size_t call = Begin("GetWriterMetadataCount");
  return Done(call, target_->GetWriterMetadataCount(count));
}

HResult RequesterProxy::GetWriterMetadata(std::uint32_t index, Guid* instance_id,
                                          const metadata::ExamineWriterMetadata** metadata) {
  const std::size_t call = Begin("GetWriterMetadata");
  return Done(call, target_->GetWriterMetadata(index, instance_id, metadata));
}

HResult RequesterProxy::FreeWriterMetadata() {
  const std::size_t call = Begin("FreeWriterMetadata");
  return Done(call, target_->FreeWriterMetadata());
}

HResult RequesterProxy::AddComponent(const Guid& instance_id, const Guid& writer_id,
                                     vss::ComponentType type, std::string_view logical_path,
                                     std::string_view component_name) {
  const std::size_t call = Begin("AddComponent");
  return Done(call,
              target_->AddComponent(instance_id, writer_id, type, logical_path, component_name));
}

HResult RequesterProxy::SetBackupOptions(const Guid& writer_id, vss::ComponentType type,
                                         std::string_view logical_path,
                                         std::string_view component_name,
                                         std::string_view options) {
  const std::size_t call = Begin("SetBackupOptions");
  return Done(call,
              target_->SetBackupOptions(writer_id, type, logical_path, component_name, options));
}

HResult RequesterProxy::SetPreviousBackupStamp(const Guid& writer_id, vss::ComponentType type,
                                               std::string_view logical_path,
                                               std::string_view component_name,
                                               std::string_view previous_stamp) {
  const std::size_t call = Begin("SetPreviousBackupStamp");
  return Done(call, target_->SetPreviousBackupStamp(writer_id, type, logical_path, component_name,
                                                    previous_stamp));
}

HResult RequesterProxy::StartSnapshotSet(Guid* snapshot_set_id) {
  const std::size_t call = Begin("StartSnapshotSet");
  return Done(call, target_->StartSnapshotSet(snapshot_set_id));
}

HResult RequesterProxy::AddToSnapshotSet(std::string_view volume, const Guid& provider_id,
                                         Guid* snapshot_id) {
  const std::size_t call = Begin("AddToSnapshotSet");
  return Done(call, target_->AddToSnapshotSet(volume, provider_id, snapshot_id));
}

HResult RequesterProxy::IsVolumeSupported(const Guid& provider_id, std::string_view volume,
                                          bool* supported) {
  const std::size_t call = Begin("IsVolumeSupported");
  return Done(call, target_->IsVolumeSupported(provider_id, volume, supported));
}

HResult RequesterProxy::PrepareForBackup(coordinator::AsyncPtr* async) {
  return StartAsync("PrepareForBackup", async,
                    [&](coordinator::AsyncPtr* a) { return target_->PrepareForBackup(a); });
}

HResult RequesterProxy::DoSnapshotSet(coordinator::AsyncPtr* async) {
  return StartAsync("DoSnapshotSet", async,
                    [&](coordinator::AsyncPtr* a) { return target_->DoSnapshotSet(a); });
}

HResult RequesterProxy::GetSnapshotProperties(const Guid& snapshot_id,
                                              storage::SnapshotProperties* properties) {
  const std::size_t call = Begin("GetSnapshotProperties");
  return Done(call, target_->GetSnapshotProperties(snapshot_id, properties));
}

HResult RequesterProxy::SetBackupSucceeded(const Guid& instance_id, const Guid& writer_id,
                                           vss::ComponentType type, std::string_view logical_path,
                                           std::string_view component_name, bool succeeded) {
  const std::size_t call = Begin("SetBackupSucceeded");
  if (succeeded && writer_failed_ && writer_failed_(*target_, writer_id)) {
    log_.MarkSucceededForFailedWriter(call);
  }
  return Done(call, target_->SetBackupSucceeded(instance_id, writer_id, type, logical_path,
                                                component_name, succeeded));
}

HResult RequesterProxy::BackupComplete(coordinator::AsyncPtr* async) {
  return StartAsync("BackupComplete", async,
                    [&](coordinator::AsyncPtr* a) { return target_->BackupComplete(a); });
}

HResult RequesterProxy::AbortBackup() {
  const std::size_t call = Begin("AbortBackup");
  return Done(call, target_->AbortBackup());
}

HResult RequesterProxy::GatherWriterStatus(coordinator::AsyncPtr* async) {
  return StartAsync("GatherWriterStatus", async,
                    [&](coordinator::AsyncPtr* a) { return target_->GatherWriterStatus(a); });
}

HResult RequesterProxy::GetWriterStatusCount(std::uint32_t* count) {
  const std::size_t call = Begin("GetWriterStatusCount");
  return Done(call, target_->GetWriterStatusCount(count));
}

HResult RequesterProxy::GetWriterStatus(std::uint32_t index, coordinator::WriterStatus* status) {
  const std::size_t call = Begin("GetWriterStatus");
  return Done(call, target_->GetWriterStatus(index, status));
}

HResult RequesterProxy::FreeWriterStatus() {
  const std::size_t call = Begin("FreeWriterStatus");
  return Done(call, target_->FreeWriterStatus());
}

HResult RequesterProxy::Query(const Guid& query_object, vss::ObjectType query_object_type,
                              vss::ObjectType returned_type,
                              std::vector<storage::SnapshotProperties>* snapshots) {
  const std::size_t call = Begin("Query");
  return Done(call, target_->Query(query_object, query_object_type, returned_type, snapshots));
}

HResult RequesterProxy::DeleteSnapshots(const Guid& source_id, vss::ObjectType source_type,
                                        bool force_delete, std::int32_t* deleted_count,
                                        Guid* non_deleted_snapshot_id) {
  const std::size_t call = Begin("DeleteSnapshots");
  return Done(call, target_->DeleteSnapshots(source_id, source_type, force_delete, deleted_count,
                                             non_deleted_snapshot_id));
}

HResult RequesterProxy::GetSessionId(Guid* session_id) {
  const std::size_t call = Begin("GetSessionId");
  return Done(call, target_->GetSessionId(session_id));
}

HResult RequesterProxy::InitializeForRestore(std::string_view bcd_xml) {
  const std::size_t call = Begin("InitializeForRestore");
  return Done(call, target_->InitializeForRestore(bcd_xml));
}

HResult RequesterProxy::GetWriterComponentsCount(std::uint32_t* count) {
  const std::size_t call = Begin("GetWriterComponentsCount");
  return Done(call, target_->GetWriterComponentsCount(count));
}

HResult RequesterProxy::GetWriterComponents(std::uint32_t index,
                                            coordinator::WriterComponentsExt** components) {
  const std::size_t call = Begin("GetWriterComponents");
  return Done(call, target_->GetWriterComponents(index, components));
}

HResult RequesterProxy::SetRestoreState(vss::RestoreType restore_type) {
  const std::size_t call = Begin("SetRestoreState");
  return Done(call, target_->SetRestoreState(restore_type));
}

HResult RequesterProxy::SetSelectedForRestore(const Guid& writer_id, vss::ComponentType type,
                                              std::string_view logical_path,
                                              std::string_view component_name, bool selected) {
  const std::size_t call = Begin("SetSelectedForRestore");
  return Done(call, target_->SetSelectedForRestore(writer_id, type, logical_path, component_name,
                                                   selected));
}

HResult RequesterProxy::SetSelectedForRestoreEx(const Guid& writer_id, vss::ComponentType type,
                                                std::string_view logical_path,
                                                std::string_view component_name, bool selected,
                                                const Guid& instance_id) {
  const std::size_t call = Begin("SetSelectedForRestoreEx");
  return Done(call, target_->SetSelectedForRestoreEx(writer_id, type, logical_path, component_name,
                                                     selected, instance_id));
}

HResult RequesterProxy::AddRestoreSubcomponent(const Guid& writer_id, vss::ComponentType type,
                                               std::string_view logical_path,
                                               std::string_view component_name,
                                               std::string_view sub_logical_path,
                                               std::string_view sub_component_name, bool repair) {
  const std::size_t call = Begin("AddRestoreSubcomponent");
  return Done(call, target_->AddRestoreSubcomponent(writer_id, type, logical_path, component_name,
                                                    sub_logical_path, sub_component_name, repair));
}

HResult RequesterProxy::SetRestoreOptions(const Guid& writer_id, vss::ComponentType type,
                                          std::string_view logical_path,
                                          std::string_view component_name,
                                          std::string_view options) {
  const std::size_t call = Begin("SetRestoreOptions");
  return Done(call,
              target_->SetRestoreOptions(writer_id, type, logical_path, component_name, options));
}

HResult RequesterProxy::SetAdditionalRestores(const Guid& writer_id, vss::ComponentType type,
                                              std::string_view logical_path,
                                              std::string_view component_name,
                                              bool additional_restores) {
  const std::size_t call = Begin("SetAdditionalRestores");
  return Done(call, target_->SetAdditionalRestores(writer_id, type, logical_path, component_name,
                                                   additional_restores));
}

HResult RequesterProxy::AddNewTarget(const Guid& writer_id, vss::ComponentType type,
                                     std::string_view logical_path, std::string_view component_name,
                                     std::string_view path, std::string_view filespec,
                                     bool recursive, std::string_view alternate_path) {
  const std::size_t call = Begin("AddNewTarget");
  return Done(call, target_->AddNewTarget(writer_id, type, logical_path, component_name, path,
                                          filespec, recursive, alternate_path));
}

HResult RequesterProxy::SetAuthoritativeRestore(const Guid& writer_id, vss::ComponentType type,
                                                std::string_view logical_path,
                                                std::string_view component_name,
                                                bool authoritative) {
  const std::size_t call = Begin("SetAuthoritativeRestore");
  return Done(call, target_->SetAuthoritativeRestore(writer_id, type, logical_path, component_name,
                                                     authoritative));
}

HResult RequesterProxy::SetRollForward(const Guid& writer_id, vss::ComponentType type,
                                       std::string_view logical_path,
                                       std::string_view component_name,
                                       vss::RollForwardType roll_forward_type,
                                       std::string_view roll_forward_point) {
  const std::size_t call = Begin("SetRollForward");
  return Done(call, target_->SetRollForward(writer_id, type, logical_path, component_name,
                                            roll_forward_type, roll_forward_point));
}

HResult RequesterProxy::SetRestoreName(const Guid& writer_id, vss::ComponentType type,
                                       std::string_view logical_path,
                                       std::string_view component_name,
                                       std::string_view restore_name) {
  const std::size_t call = Begin("SetRestoreName");
  return Done(call,
              target_->SetRestoreName(writer_id, type, logical_path, component_name, restore_name));
}

HResult RequesterProxy::PreRestore(coordinator::AsyncPtr* async) {
  return StartAsync("PreRestore", async,
                    [&](coordinator::AsyncPtr* a) { return target_->PreRestore(a); });
}

HResult RequesterProxy::SetFileRestoreStatus(const Guid& writer_id, vss::ComponentType type,
                                             std::string_view logical_path,
                                             std::string_view component_name,
                                             vss::FileRestoreStatus status) {
  const std::size_t call = Begin("SetFileRestoreStatus");
  return Done(call,
              target_->SetFileRestoreStatus(writer_id, type, logical_path, component_name, status));
}

HResult RequesterProxy::AddAlternativeLocationMapping(
    const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
    std::string_view component_name, std::string_view path, std::string_view filespec,
    bool recursive, std::string_view destination) {
  const std::size_t call = Begin("AddAlternativeLocationMapping");
  return Done(call,
              target_->AddAlternativeLocationMapping(writer_id, type, logical_path, component_name,
                                                     path, filespec, recursive, destination));
}

HResult RequesterProxy::SetRangesFilePath(const Guid& writer_id, vss::ComponentType type,
                                          std::string_view logical_path,
                                          std::string_view component_name,
                                          std::uint32_t partial_file_index,
                                          std::string_view ranges_file) {
  const std::size_t call = Begin("SetRangesFilePath");
  return Done(call, target_->SetRangesFilePath(writer_id, type, logical_path, component_name,
                                               partial_file_index, ranges_file));
}

HResult RequesterProxy::PostRestore(coordinator::AsyncPtr* async) {
  return StartAsync("PostRestore", async,
                    [&](coordinator::AsyncPtr* a) { return target_->PostRestore(a); });
}
}  // namespace vsssim::conformance
