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
  const vss::ComponentType type = TypeOf(step, world_.writer(writer).model(), logical_path, name);
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

// GetWriterStatus writer="NAME" looks the writer up by name among the gathered entries;
// a writer that is not listed gives VSS_E_OBJECT_NOT_FOUND (as an index out of range would).
StepRunner::Outcome StepRunner::CallStatus(const Step& step, coordinator::Requester& r) {
  const std::string_view m = step.method->name;
  if (m == "FreeWriterStatus") return {r.FreeWriterStatus()};
  std::uint32_t count = 0;
  HResult h = r.GetWriterStatusCount(&count);
  if (m == "GetWriterStatusCount") {
    Outcome o{h};
    if (h.Succeeded()) o.count = count;
    return o;
  }
  if (auto index = step.Get<std::uint64_t>("index")) {
    coordinator::WriterStatus status;
    Outcome o{r.GetWriterStatus(static_cast<std::uint32_t>(*index), &status)};
    if (o.result.Succeeded()) o.status = status;
    return o;
  }
  if (h.Failed()) return {h};
  const std::string writer = *step.Get<std::string>("writer");
  for (std::uint32_t i = 0; i < count; ++i) {
    coordinator::WriterStatus status;
    HResult got = r.GetWriterStatus(i, &status);
    if (got.Failed()) return {got};
    if (status.writer_name == writer) {
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
    Outcome o{h};
    if (h.Succeeded()) o.count = count;
    return o;
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
