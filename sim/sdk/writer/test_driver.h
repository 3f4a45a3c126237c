// Test helper: drives the coordinator's own requester (coordinator::Requester, not vsssim's
// SDK requester) on an InProcessMachine through a component-mode full backup of C: selecting
// every component of one writer (by name), and a restore of them from the backup's BCD.
// Used by the SDK writer tests and the sdk-writer example's test.
//
// Thread safety: none (test thread).
#ifndef VSSSIM_SDK_WRITER_TEST_DRIVER_H_
#define VSSSIM_SDK_WRITER_TEST_DRIVER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/sdk/in_process_machine.h"
#include "vsssim/coordinator/requester.h"
#include "vsssim/metadata/examine_writer_metadata.h"

namespace vsssim::sdk {

// Drives the coordinator's requester (not vsssim's SDK requester) through a component-mode
// full backup of C:, then a restore of the same components from its BCD.
struct TestDriver {
  TestDriver(InProcessMachine& m, std::string name) : machine(m), writer_name(std::move(name)) {}

  static bool Wait(HResult call, const coordinator::AsyncPtr& async) {
    if (call.Failed()) return false;
    async->Wait();
    HResult status;
    async->QueryStatus(&status);
    return status.value == 0x0004230Au;  // VSS_S_ASYNC_FINISHED
  }

  // Selects the writer `name`'s components; returns whether it was found.
  bool Select(coordinator::Requester& r, bool restore) {
    std::uint32_t count = 0;
    r.GetWriterMetadataCount(&count);
    for (std::uint32_t i = 0; i < count; ++i) {
      const metadata::ExamineWriterMetadata* wmd = nullptr;
      r.GetWriterMetadata(i, &instance, &wmd);
      std::string name;
      vss::UsageType usage;
      vss::SourceType source;
      wmd->GetIdentity(&instance, &writer, &name, &usage, &source);
      if (name != writer_name) continue;
      if (restore) {
        return SelectAll(r, wmd, true);
      }
      return SelectAll(r, wmd, false);
    }
    return false;
  }

  bool Backup() {
    auto r = machine.CreateRequester();
    coordinator::AsyncPtr a;
    if (r->InitializeForBackup().Failed()) return false;
    if (r->SetBackupState(true, false, vss::BackupType::VSS_BT_FULL, false).Failed()) return false;
    if (!Wait(r->GatherWriterMetadata(&a), a) || !Select(*r, false)) return false;
    Guid set, snapshot;
    if (r->StartSnapshotSet(&set).Failed()) return false;
    if (r->AddToSnapshotSet("C:\\", Guid{}, &snapshot).Failed()) return false;
    if (!Wait(r->PrepareForBackup(&a), a)) return false;
    const bool snapshot_done = Wait(r->DoSnapshotSet(&a), a);
    Status(*r);
    if (!snapshot_done) return false;
    snapshot_set = set;
    for (const metadata::ComponentInfo& c : components) {
      r->SetBackupSucceeded(instance, writer, c.type, c.logical_path, c.component_name, true);
    }
    if (r->SaveAsXML(&bcd).Failed()) return false;
    if (!Wait(r->BackupComplete(&a), a)) return false;
    Status(*r);
    return r->Release().Succeeded();
  }

  bool Restore() {
    auto r = machine.CreateRequester();
    coordinator::AsyncPtr a;
    if (r->InitializeForRestore(bcd).Failed()) return false;
    if (!Wait(r->GatherWriterMetadata(&a), a) || !Select(*r, true)) return false;
    if (!Wait(r->PreRestore(&a), a) || !Wait(r->PostRestore(&a), a)) return false;
    return r->Release().Succeeded();
  }

  // Every component of the writer's metadata, added (backup) or selected (restore).
  bool SelectAll(coordinator::Requester& r, const metadata::ExamineWriterMetadata* wmd,
                 bool restore) {
    components.clear();
    const auto count = static_cast<std::uint32_t>(wmd->metadata().components.size());
    for (std::uint32_t i = 0; i < count; ++i) {
      metadata::WMComponent component;
      if (wmd->GetComponent(i, &component).value != 0) return false;
      metadata::ComponentInfo info;
      component.GetComponentInfo(&info);
      const HResult hr = restore ? r.SetSelectedForRestore(writer, info.type, info.logical_path,
                                                           info.component_name, true)
                                 : r.AddComponent(instance, writer, info.type, info.logical_path,
                                                  info.component_name);
      if (hr.Failed()) return false;
      components.push_back(info);
    }
    return !components.empty();
  }

  void Status(coordinator::Requester& r) {
    coordinator::AsyncPtr a;
    Wait(r.GatherWriterStatus(&a), a);
    std::uint32_t count = 0;
    r.GetWriterStatusCount(&count);
    for (std::uint32_t i = 0; i < count; ++i) {
      coordinator::WriterStatus s;
      r.GetWriterStatus(i, &s);
      if (s.writer_name == writer_name) status = s;
    }
    r.FreeWriterStatus();
  }

  InProcessMachine& machine;
  std::string writer_name;
  Guid instance, writer, snapshot_set;
  std::string bcd;
  coordinator::WriterStatus status;
  std::vector<metadata::ComponentInfo> components;
};

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_WRITER_TEST_DRIVER_H_
