#include "conformance/requester/examples/example_backup.h"

#include <algorithm>
#include <chrono>

#include "vsssim/metadata/component.h"
#include "vsssim/metadata/examine_writer_metadata.h"

namespace vsssim::conformance::examples {
namespace {

using std::chrono::seconds;
constexpr int kStartAttempts = 60;  // x 10 s: ten minutes of "in progress" (LIM-11's scale)

bool Contains(const std::vector<Guid>& ids, const Guid& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

HResult ExampleBackup::Await(RequesterContext& context, HResult call,
                             const coordinator::AsyncPtr& async) {
  if (call.Failed()) return call;
  HResult status = hr::VSS_S_ASYNC_PENDING;
  if (bugs_.pending_as_failure) {
    // BUG-05 (restic #3142): one fixed wait, then "still pending" is taken as a failure.
    context.Sleep(seconds(10));
    async->QueryStatus(&status);
    if (status == hr::VSS_S_ASYNC_PENDING) return hr::E_FAIL;
  } else {
    async->Wait();  // ASYNC-03: then always QueryStatus
    async->QueryStatus(&status);
  }
  return status == hr::VSS_S_ASYNC_FINISHED ? hr::S_OK : status;
}

HResult ExampleBackup::GatherStatus(RequesterContext& context, coordinator::Requester& r,
                                    std::vector<Guid>* failed) {
  coordinator::AsyncPtr async;
  HResult result = Await(context, r.GatherWriterStatus(&async), async);
  if (result.Failed()) return result;
  std::uint32_t count = 0;
  r.GetWriterStatusCount(&count);
  for (std::uint32_t i = 0; i < count; ++i) {
    coordinator::WriterStatus status;
    if (r.GetWriterStatus(i, &status) == hr::S_OK && status.failure.Failed() && failed) {
      failed->push_back(status.writer_id);  // REQ-STAT-04/05: its components did not succeed
    }
  }
  return r.FreeWriterStatus();
}

HResult ExampleBackup::SelectComponents(coordinator::Requester& r) {
  std::uint32_t writers = 0;
  HResult result = r.GetWriterMetadataCount(&writers);
  for (std::uint32_t i = 0; i < writers && result.Succeeded(); ++i) {
    Guid instance;
    const metadata::ExamineWriterMetadata* wmd = nullptr;
    result = r.GetWriterMetadata(i, &instance, &wmd);
    if (result.Failed()) break;
    Guid writer;
    std::string name;
    vss::UsageType usage;
    vss::SourceType source;
    std::uint32_t include = 0, exclude = 0, count = 0;
    wmd->GetIdentity(&instance, &writer, &name, &usage, &source);
    wmd->GetFileCounts(&include, &exclude, &count);
    for (std::uint32_t j = 0; j < count; ++j) {
      metadata::WMComponent component;
      metadata::ComponentInfo info;
      if (wmd->GetComponent(j, &component) != hr::S_OK) continue;
      component.GetComponentInfo(&info);
      if (!info.logical_path.empty()) continue;  // SEL-02/03: top-level components only
      result = r.AddComponent(instance, writer, info.type, info.logical_path, info.component_name);
      if (result.Failed()) break;
      components_.push_back({instance, writer, info.type, info.logical_path, info.component_name});
    }
  }
  return result;
}

HResult ExampleBackup::StartSet(RequesterContext& context, coordinator::Requester& r) {
  Guid set;
  HResult result = r.StartSnapshotSet(&set);
  // LIM-12, BUG-11: only one creation at a time; wait and try again.
  for (int attempt = 1; attempt < kStartAttempts && !bugs_.never_retries_in_progress &&
                        result == hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS;
       ++attempt) {
    context.Sleep(seconds(10));
    result = r.StartSnapshotSet(&set);
  }
  return result;
}

HResult ExampleBackup::Fail(RequesterPtr& r, HResult why, bool started) {
  if (started && !bugs_.no_abort_after_failure) r->AbortBackup();  // REQ-ABORT-01/02
  if (bugs_.no_release_on_error) return why;  // the instance dies with r (REQ-LIFE-01)
  r->Release();
  return why;
}

HResult ExampleBackup::Backup(RequesterContext& context, std::string* bcd_xml) {
  RequesterPtr r = context.CreateVssBackupComponents();
  HResult result = r->InitializeForBackup();
  if (result.Succeeded()) {
    result = r->SetBackupState(true, false, vss::BackupType::VSS_BT_FULL, false);
  }
  coordinator::AsyncPtr async;
  if (result.Succeeded()) result = Await(context, r->GatherWriterMetadata(&async), async);
  if (result.Succeeded()) result = SelectComponents(*r);
  if (result.Succeeded()) result = StartSet(context, *r);
  if (result.Failed()) return Fail(r, result, false);  // REQ-ABORT-03: nothing to abort yet
  for (const std::string& volume : context.VolumesToBackUp()) {
    Guid snapshot;
    result = r->AddToSnapshotSet(volume, kGuidNull, &snapshot);
    if (result.Failed()) return Fail(r, result, true);
  }
  result = Await(context, r->PrepareForBackup(&async), async);
  std::vector<Guid> failed;
  const HResult status = GatherStatus(context, *r, &failed);
  if (result.Failed() || status.Failed()) return Fail(r, result.Failed() ? result : status, true);
  result = Await(context, r->DoSnapshotSet(&async), async);
  const HResult after = GatherStatus(context, *r, &failed);
  if (result.Failed() && bugs_.completes_failed_snapshot) {
    // BUG-10/BUG-15: carries on as if the snapshot existed.
    for (const Component& c : components_) {
      r->SetBackupSucceeded(c.instance, c.writer, c.type, c.logical_path, c.name, true);
    }
    r->BackupComplete(&async);
  }
  if (result.Failed() || after.Failed()) return Fail(r, result.Failed() ? result : after, true);
  // ... here a real application copies the files from the shadow copies ...
  if (!bugs_.no_set_backup_succeeded) {  // REQ-ORDER-15: each added component
    for (const Component& c : components_) {
      const bool ok = bugs_.ignores_writer_status || !Contains(failed, c.writer);
      r->SetBackupSucceeded(c.instance, c.writer, c.type, c.logical_path, c.name, ok);
    }
  }
  result = r->SaveAsXML(bcd_xml);  // REQ-ORDER-16: after DoSnapshotSet and SetBackupSucceeded
  if (result.Failed()) return Fail(r, result, true);
  result = Await(context, r->BackupComplete(&async), async);
  GatherStatus(context, *r, nullptr);  // REQ-ORDER-18: harmless on later Windows
  r->Release();
  return result;
}

HResult ExampleBackup::ReadComponents(coordinator::Requester& r,
                                      std::vector<Component>* components) {
  components->clear();
  std::uint32_t writers = 0;
  HResult result = r.GetWriterComponentsCount(&writers);
  for (std::uint32_t i = 0; i < writers && result.Succeeded(); ++i) {
    coordinator::WriterComponentsExt* each = nullptr;
    result = r.GetWriterComponents(i, &each);
    if (result.Failed()) break;
    Component c;
    each->GetWriterInfo(&c.instance, &c.writer);
    for (std::uint32_t k = 0; k < each->GetComponentCount(); ++k) {
      metadata::Component* component = nullptr;
      if (each->GetComponent(k, &component) != hr::S_OK) continue;
      component->GetLogicalPath(&c.logical_path);
      component->GetComponentName(&c.name);
      component->GetComponentType(&c.type);
      components->push_back(c);
    }
  }
  return result;
}

HResult ExampleBackup::Restore(RequesterContext& context, std::string_view bcd_xml) {
  RequesterPtr r = context.CreateVssBackupComponents();
  HResult result = r->InitializeForRestore(bcd_xml);  // REQ-RST-01
  coordinator::AsyncPtr async;
  if (result.Succeeded()) result = Await(context, r->GatherWriterMetadata(&async), async);
  std::vector<Component> selected;
  if (result.Succeeded()) result = ReadComponents(*r, &selected);
  for (const Component& c : selected) {  // REQ-RST-03: before PreRestore
    if (result.Succeeded()) {
      result = r->SetSelectedForRestore(c.writer, c.type, c.logical_path, c.name, true);
    }
  }
  if (result.Succeeded()) result = Await(context, r->PreRestore(&async), async);
  if (result.Succeeded()) result = GatherStatus(context, *r, nullptr);
  // REQ-RST-07: writers may change targets in PreRestore; read the components again.
  if (result.Succeeded()) result = ReadComponents(*r, &selected);
  if (result.Failed()) {  // REQ-RST-10: no abort for restores
    r->Release();
    return result;
  }
  // ... here a real application copies the files back ...
  if (!bugs_.no_file_restore_status) {  // REQ-RST-08: every selected component
    for (const Component& c : selected) {
      r->SetFileRestoreStatus(c.writer, c.type, c.logical_path, c.name,
                              vss::FileRestoreStatus::VSS_RS_ALL);
    }
  }
  result = Await(context, r->PostRestore(&async), async);
  GatherStatus(context, *r, nullptr);
  r->Release();  // REQ-RST-09: only now, PostRestore has finished
  return result;
}

}  // namespace vsssim::conformance::examples
