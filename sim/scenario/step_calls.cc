// StepRunner: the calls that name writers, components, status entries and snapshots.
#include "sim/scenario/step_runner.h"
#include "vsssim/metadata/examine_writer_metadata.h"

namespace vsssim::scenario {
namespace {

// The component's type from the writer's model when type= is absent.
vss::ComponentType TypeOf(const Step& step, const Writer& model, const std::string& logical_path,
                          const std::string& name) {
  if (auto t = step.GetEnum<vss::ComponentType>("type")) return *t;
  for (const Component& c : model.components) {
    if (c.name == name && c.logical_path == logical_path) return c.type;
  }
  return vss::ComponentType::VSS_CT_FILEGROUP;
}

}  // namespace

StepRunner::Outcome StepRunner::CallComponent(const Step& step, coordinator::Requester& r) {
  const std::string_view m = step.method->name;
  const std::string writer = *step.Get<std::string>("writer");
  const std::string logical_path = step.Get<std::string>("logical-path").value_or("");
  const std::string name = *step.Get<std::string>("component");
  const coordinator::RegisteredWriter& reg = world_.registered(writer);
  const Guid class_id = reg.writer->identity().class_id;
  const vss::ComponentType type = TypeOf(step, world_.model(writer), logical_path, name);
  if (m == "AddComponent") {
    return {r.AddComponent(reg.instance_id, class_id, type, logical_path, name)};
  }
  if (m == "SetBackupOptions") {
    return {
        r.SetBackupOptions(class_id, type, logical_path, name, *step.Get<std::string>("options"))};
  }
  if (m == "SetPreviousBackupStamp") {
    return {r.SetPreviousBackupStamp(class_id, type, logical_path, name,
                                     *step.Get<std::string>("stamp"))};
  }
  return {r.SetBackupSucceeded(reg.instance_id, class_id, type, logical_path, name,
                               *step.Get<bool>("succeeded"))};
}

StepRunner::Outcome StepRunner::Counted(HResult h, std::uint32_t count) {
  Outcome o{h};
  if (h.Succeeded()) o.count = count;  // expect-count compares it
  return o;
}

// GetWriterStatus writer="NAME" looks the writer up by its instance id among the gathered
// entries; a writer that is not listed gives VSS_E_OBJECT_NOT_FOUND (as an index out of range
// would).
StepRunner::Outcome StepRunner::CallStatus(const Step& step, coordinator::Requester& r) {
  const std::string_view m = step.method->name;
  if (m == "FreeWriterStatus") return {r.FreeWriterStatus()};
  std::uint32_t count = 0;
  HResult h = r.GetWriterStatusCount(&count);
  if (m == "GetWriterStatusCount") {
    return Counted(h, count);
  }
  if (auto index = step.Get<std::uint64_t>("index")) {
    coordinator::WriterStatus status;
    Outcome o{r.GetWriterStatus(static_cast<std::uint32_t>(*index), &status)};
    if (o.result.Succeeded()) o.status = status;
    return o;
  }
  if (h.Failed()) return {h};
  // By instance id, not by name: a real writer's name is its own (--engine=windows-vss).
  const Guid wanted = world_.registered(*step.Get<std::string>("writer")).instance_id;
  for (std::uint32_t i = 0; i < count; ++i) {
    coordinator::WriterStatus status;
    HResult got = r.GetWriterStatus(i, &status);
    if (got.Failed()) return {got};
    if (status.instance_id == wanted) {
      Outcome o{got};
      o.status = status;
      return o;
    }
  }
  return {hr::VSS_E_OBJECT_NOT_FOUND};
}

StepRunner::Outcome StepRunner::CallMetadata(const Step& step, coordinator::Requester& r) {
  const std::string_view m = step.method->name;
  if (m == "FreeWriterMetadata") return {r.FreeWriterMetadata()};
  std::uint32_t count = 0;
  HResult h = r.GetWriterMetadataCount(&count);
  if (m == "GetWriterMetadataCount") {
    return Counted(h, count);
  }
  Guid instance;
  const metadata::ExamineWriterMetadata* wmd = nullptr;
  if (auto index = step.Get<std::uint64_t>("index")) {
    return {r.GetWriterMetadata(static_cast<std::uint32_t>(*index), &instance, &wmd)};
  }
  if (h.Failed()) return {h};
  const Guid wanted = world_.registered(*step.Get<std::string>("writer")).instance_id;
  for (std::uint32_t i = 0; i < count; ++i) {
    HResult got = r.GetWriterMetadata(i, &instance, &wmd);
    if (got.Failed()) return {got};
    if (instance == wanted) return {got};
  }
  return {hr::VSS_E_OBJECT_NOT_FOUND};
}

// The restore calls (§2.4). Component args name a component of the saved BCD by the
// writer's class id; GetWriterComponents writer= walks the BCD's writers by class id.
StepRunner::Outcome StepRunner::CallRestore(const Step& step, coordinator::Requester& r) {
  const std::string_view m = step.method->name;
  if (m == "StopService" || m == "StartService") {  // REQ-RST-11: the requester calls the SCM
    const std::string by = "requester:" + step.requester;
    const std::string service = *step.Get<std::string>("service");
    return {m == "StopService" ? world_.vss().StopService(by, service)
                               : world_.vss().StartService(by, service)};
  }
  if (m == "SetRestoreState") {
    return {r.SetRestoreState(*step.GetEnum<vss::RestoreType>("restore-type"))};
  }
  if (m == "GetWriterComponentsCount" || m == "GetWriterComponents") {
    std::uint32_t count = 0;
    HResult h = r.GetWriterComponentsCount(&count);
    if (m == "GetWriterComponentsCount") {
      return Counted(h, count);
    }
    coordinator::WriterComponentsExt* ext = nullptr;
    if (auto index = step.Get<std::uint64_t>("index")) {
      return {r.GetWriterComponents(static_cast<std::uint32_t>(*index), &ext)};
    }
    if (h.Failed()) return {h};
    const Guid wanted = world_.writer(*step.Get<std::string>("writer")).identity().class_id;
    for (std::uint32_t i = 0; i < count; ++i) {
      HResult got = r.GetWriterComponents(i, &ext);
      if (got.Failed()) return {got};
      Guid instance;
      Guid writer_id;
      if (ext->GetWriterInfo(&instance, &writer_id).Succeeded() && writer_id == wanted) {
        return {got};
      }
    }
    return {hr::VSS_E_OBJECT_NOT_FOUND};
  }
  const std::string writer = *step.Get<std::string>("writer");
  const std::string lpath = step.Get<std::string>("logical-path").value_or("");
  const std::string name = *step.Get<std::string>("component");
  const Guid id = world_.registered(writer).writer->identity().class_id;
  const vss::ComponentType type = TypeOf(step, world_.model(writer), lpath, name);
  auto text = [&step](std::string_view arg) { return step.Get<std::string>(arg).value_or(""); };
  if (m == "SetSelectedForRestore") {
    return {r.SetSelectedForRestore(id, type, lpath, name, *step.Get<bool>("selected"))};
  }
  if (m == "SetSelectedForRestoreEx") {  // instance GUID_NULL: the plain selection
    return {r.SetSelectedForRestoreEx(id, type, lpath, name, *step.Get<bool>("selected"), Guid{})};
  }
  if (m == "AddRestoreSubcomponent") {
    return {r.AddRestoreSubcomponent(id, type, lpath, name, text("sub-logical-path"),
                                     text("sub-component"), false)};
  }
  if (m == "SetRestoreOptions")
    return {r.SetRestoreOptions(id, type, lpath, name, text("options"))};
  if (m == "SetAdditionalRestores") {
    return {r.SetAdditionalRestores(id, type, lpath, name, *step.Get<bool>("additional-restores"))};
  }
  if (m == "AddNewTarget") {
    return {r.AddNewTarget(id, type, lpath, name, text("path"), text("filespec"),
                           step.Get<bool>("recursive").value_or(false), text("alternate-path"))};
  }
  if (m == "SetAuthoritativeRestore") {
    return {r.SetAuthoritativeRestore(id, type, lpath, name, *step.Get<bool>("authoritative"))};
  }
  if (m == "SetRollForward") {
    return {r.SetRollForward(id, type, lpath, name,
                             *step.GetEnum<vss::RollForwardType>("roll-forward-type"),
                             text("point"))};
  }
  if (m == "SetRestoreName") return {r.SetRestoreName(id, type, lpath, name, text("restore-name"))};
  if (m == "SetFileRestoreStatus") {
    return {r.SetFileRestoreStatus(id, type, lpath, name,
                                   *step.GetEnum<vss::FileRestoreStatus>("status"))};
  }
  if (m == "AddAlternativeLocationMapping") {
    return {r.AddAlternativeLocationMapping(id, type, lpath, name, text("path"), text("filespec"),
                                            step.Get<bool>("recursive").value_or(false),
                                            text("destination"))};
  }
  if (m == "SetRangesFilePath") {
    return {r.SetRangesFilePath(
        id, type, lpath, name,
        static_cast<std::uint32_t>(*step.Get<std::uint64_t>("partial-file-index")),
        text("ranges-file"))};
  }
  return Outcome(hr::E_NOTIMPL, "the interpreter does not know this method");
}

StepRunner::Outcome StepRunner::CallAdmin(const Step& step, coordinator::Requester& r,
                                          RequesterState& state) {
  const std::string_view m = step.method->name;
  if (m == "IsVolumeSupported") {
    bool supported = false;
    Outcome o{r.IsVolumeSupported(step.Get<Guid>("provider").value_or(Guid{}),
                                  *step.Get<std::string>("volume"), &supported)};
    auto wanted = step.Get<bool>("expect-supported");
    if (o.result.Succeeded() && wanted && *wanted != supported) {
      Fail(step, "IsVolumeSupported expect-supported", *wanted ? "yes" : "no",
           supported ? "yes" : "no");
    }
    return o;
  }
  if (m == "GetSnapshotProperties") {
    storage::SnapshotProperties properties;
    return {
        r.GetSnapshotProperties(state.snapshots[*step.Get<std::string>("volume")], &properties)};
  }
  if (m == "Query") {
    std::vector<storage::SnapshotProperties> snapshots;
    Outcome o{r.Query(Guid{}, vss::ObjectType::VSS_OBJECT_NONE,
                      vss::ObjectType::VSS_OBJECT_SNAPSHOT, &snapshots)};
    if (o.result.Succeeded()) o.count = static_cast<std::uint32_t>(snapshots.size());
    return o;
  }
  if (m == "DeleteSnapshots") {
    const auto type = *step.GetEnum<vss::ObjectType>("source-type");
    Guid source = state.snapshot_set;
    if (auto volume = step.Get<std::string>("volume")) source = state.snapshots[*volume];
    // Another requester's set: DeleteSnapshots names no owner, any caller with backup
    // privileges may delete any shadow copy (IVssBackupComponents::DeleteSnapshots).
    if (auto other = step.Get<std::string>("snapshot-set-of")) {
      source = world_.snapshot_set(*other);
      if (source == Guid{}) {
        return Outcome(hr::E_UNEXPECTED, "snapshot-set-of=\"" + *other +
                                             "\" names a requester that started no snapshot set");
      }
    }
    std::int32_t deleted = 0;
    Guid not_deleted;
    Outcome o{r.DeleteSnapshots(source, type, step.Get<bool>("force").value_or(true), &deleted,
                                &not_deleted)};
    if (o.result.Succeeded()) o.count = static_cast<std::uint32_t>(deleted);
    return o;
  }
  return Outcome(hr::E_NOTIMPL, "the interpreter does not know this method");
}

}  // namespace vsssim::scenario
