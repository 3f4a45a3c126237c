#include "vsssim/metadata/examine_writer_metadata.h"

#include "vsssim/metadata/xml_codec.h"

namespace vsssim::metadata {
namespace {

template <class T>
HResult Out(T* out, const T& value) {
  if (out == nullptr) return hr::E_INVALIDARG;
  *out = value;
  return hr::S_OK;
}

template <class Wrapper, class Item>
HResult At(const std::vector<Item>& items, std::uint32_t index, Wrapper* out) {
  if (out == nullptr || index >= items.size()) return hr::E_INVALIDARG;
  *out = Wrapper(items[index]);
  return hr::S_OK;
}

std::uint32_t Count(std::size_t n) { return static_cast<std::uint32_t>(n); }

const WriterMetadata& EmptyDocument() {
  static const WriterMetadata* const empty = new WriterMetadata();  // never destroyed
  return *empty;
}

const ComponentDescription& EmptyComponent() {
  static const ComponentDescription* const empty = new ComponentDescription();
  return *empty;
}

}  // namespace

HResult WMFiledesc::GetPath(std::string* path) const { return Out(path, spec_.path); }
HResult WMFiledesc::GetFilespec(std::string* filespec) const {
  return Out(filespec, spec_.filespec);
}
HResult WMFiledesc::GetRecursive(bool* recursive) const { return Out(recursive, spec_.recursive); }
HResult WMFiledesc::GetAlternateLocation(std::string* alternate_location) const {
  HResult r = Out(alternate_location, spec_.alternate_path);
  return r == hr::S_OK && spec_.alternate_path.empty() ? hr::S_FALSE : r;
}
HResult WMFiledesc::GetBackupTypeMask(vss::FileSpecBackupType* mask) const {
  return Out(mask, spec_.backup_type_mask);  // FSBT-01
}

HResult WMDependency::GetWriterId(Guid* writer_id) const {
  return Out(writer_id, dependency_.writer_id);
}
HResult WMDependency::GetLogicalPath(std::string* logical_path) const {
  return Out(logical_path, dependency_.logical_path);
}
HResult WMDependency::GetComponentName(std::string* component_name) const {
  return Out(component_name, dependency_.component_name);
}

WMComponent::WMComponent(ComponentDescription component)
    : component_(std::make_shared<const ComponentDescription>(std::move(component))) {}

const ComponentDescription& WMComponent::description() const {
  return component_ ? *component_ : EmptyComponent();
}

HResult WMComponent::GetComponentInfo(ComponentInfo* info) const {
  if (info == nullptr) return hr::E_INVALIDARG;
  const ComponentDescription& c = description();
  info->type = c.type;
  info->logical_path = c.logical_path;
  info->component_name = c.name;
  info->caption = c.caption;
  info->icon = c.icon;
  info->restore_metadata = c.restore_metadata;
  info->notify_on_backup_complete = c.notify_on_backup_complete;
  info->selectable = c.selectable;
  info->selectable_for_restore = c.selectable_for_restore;
  info->component_flags = c.flags;
  info->file_count = Count(c.files.size());
  info->database_count = Count(c.database_files.size());
  info->log_file_count = Count(c.log_files.size());
  info->dependency_count = Count(c.dependencies.size());
  return hr::S_OK;
}
HResult WMComponent::GetFile(std::uint32_t index, WMFiledesc* file) const {
  return At(description().files, index, file);
}
HResult WMComponent::GetDatabaseFile(std::uint32_t index, WMFiledesc* file) const {
  return At(description().database_files, index, file);
}
HResult WMComponent::GetDatabaseLogFile(std::uint32_t index, WMFiledesc* file) const {
  return At(description().log_files, index, file);
}
HResult WMComponent::GetDependency(std::uint32_t index, WMDependency* dependency) const {
  return At(description().dependencies, index, dependency);
}

ExamineWriterMetadata::ExamineWriterMetadata(WriterMetadata metadata)
    : metadata_(std::make_shared<WriterMetadata>(std::move(metadata))) {}

WriterMetadata ExamineWriterMetadata::TakeMetadata() {
  if (metadata_ == nullptr) return WriterMetadata();
  if (metadata_.use_count() > 1) return *metadata_;  // shared: others still read it
  return std::move(*metadata_);
}

const WriterMetadata& ExamineWriterMetadata::metadata() const {
  return metadata_ ? *metadata_ : EmptyDocument();
}

HResult ExamineWriterMetadata::GetIdentity(Guid* instance_id, Guid* writer_id,
                                           std::string* writer_name, vss::UsageType* usage,
                                           vss::SourceType* source) const {
  std::string ignored;
  return GetIdentityEx(instance_id, writer_id, writer_name, &ignored, usage, source);
}

HResult ExamineWriterMetadata::GetIdentityEx(Guid* instance_id, Guid* writer_id,
                                             std::string* writer_name, std::string* instance_name,
                                             vss::UsageType* usage, vss::SourceType* source) const {
  if (!instance_id || !writer_id || !writer_name || !instance_name || !usage || !source) {
    return hr::E_INVALIDARG;
  }
  const WriterIdentity& id = metadata().identity;
  *instance_id = id.instance_id;
  *writer_id = id.writer_id;
  *writer_name = id.writer_name;
  *instance_name = id.instance_name;
  *usage = id.usage;
  *source = id.source_type;
  return hr::S_OK;
}

HResult ExamineWriterMetadata::GetVersion(std::uint32_t* major, std::uint32_t* minor) const {
  if (major == nullptr || minor == nullptr) return hr::E_INVALIDARG;
  *major = metadata().identity.major_version;
  *minor = metadata().identity.minor_version;
  return hr::S_OK;
}

HResult ExamineWriterMetadata::GetFileCounts(std::uint32_t* include_files,
                                             std::uint32_t* exclude_files,
                                             std::uint32_t* components) const {
  if (!include_files || !exclude_files || !components) return hr::E_INVALIDARG;
  *include_files = 0;  // WMD-11
  *exclude_files = Count(metadata().exclude_files.size());
  *components = Count(metadata().components.size());
  return hr::S_OK;
}

HResult ExamineWriterMetadata::GetIncludeFile(std::uint32_t, WMFiledesc*) const {
  return hr::E_INVALIDARG;  // WMD-11: there are none
}
HResult ExamineWriterMetadata::GetExcludeFile(std::uint32_t index, WMFiledesc* file) const {
  return At(metadata().exclude_files, index, file);
}
HResult ExamineWriterMetadata::GetExcludeFromSnapshotCount(std::uint32_t* count) const {
  return Out(count, Count(metadata().exclude_files_from_snapshot.size()));
}
HResult ExamineWriterMetadata::GetExcludeFromSnapshotFile(std::uint32_t index,
                                                          WMFiledesc* file) const {
  return At(metadata().exclude_files_from_snapshot, index, file);
}
HResult ExamineWriterMetadata::GetComponent(std::uint32_t index, WMComponent* component) const {
  if (component == nullptr || index >= metadata().components.size()) return hr::E_INVALIDARG;
  // Shares the document (aliasing constructor): no copy of the component.
  component->component_ =
      std::shared_ptr<const ComponentDescription>(metadata_, &metadata_->components[index]);
  return hr::S_OK;
}

HResult ExamineWriterMetadata::GetRestoreMethod(vss::RestoreMethod* method, std::string* service,
                                                std::string* user_procedure,
                                                vss::WriterRestore* writer_restore,
                                                bool* reboot_required,
                                                std::uint32_t* mappings) const {
  if (!method || !service || !user_procedure || !writer_restore || !reboot_required || !mappings) {
    return hr::E_INVALIDARG;
  }
  if (!metadata().restore_method) {  // WMDX-08
    *method = vss::RestoreMethod::VSS_RME_UNDEFINED;
    service->clear();
    user_procedure->clear();
    *writer_restore = vss::WriterRestore::VSS_WRE_UNDEFINED;
    *reboot_required = false;
    *mappings = 0;
    return hr::S_FALSE;
  }
  const RestoreMethodInfo& m = *metadata().restore_method;
  *method = m.method;
  *service = m.service;
  *user_procedure = m.user_procedure;
  *writer_restore = m.writer_restore;
  *reboot_required = m.reboot_required;
  *mappings = Count(m.alternate_location_mappings.size());
  return hr::S_OK;
}

HResult ExamineWriterMetadata::GetAlternateLocationMapping(std::uint32_t index,
                                                           WMFiledesc* mapping) const {
  if (mapping == nullptr || !metadata().restore_method ||
      index >= metadata().restore_method->alternate_location_mappings.size()) {
    return hr::E_INVALIDARG;
  }
  const AlternateLocationMapping& m = metadata().restore_method->alternate_location_mappings[index];
  FileSpec spec;  // ALT-02: the destination is reported as the alternate location
  spec.path = m.path;
  spec.filespec = m.filespec;
  spec.recursive = m.recursive;
  spec.alternate_path = m.destination;
  *mapping = WMFiledesc(std::move(spec));
  return hr::S_OK;
}

HResult ExamineWriterMetadata::GetBackupSchema(vss::BackupSchema* schema) const {
  return Out(schema, metadata().backup_schema);
}

HResult ExamineWriterMetadata::LoadFromXML(std::string_view xml, std::string_view file_name) {
  ReadResult<WriterMetadata> result = ReadWriterMetadataXml(xml, file_name);
  load_diagnostics_ = std::move(result.diagnostics);
  if (!result.document) return hr::S_FALSE;  // XML-02
  if (metadata_ != nullptr && metadata_.use_count() == 1) {
    *metadata_ = std::move(*result.document);  // in place: references from metadata() stay valid
  } else {
    metadata_ = std::make_shared<WriterMetadata>(std::move(*result.document));
  }
  return hr::S_OK;
}

HResult ExamineWriterMetadata::SaveAsXML(std::string* xml) const {
  if (xml == nullptr) return hr::E_INVALIDARG;
  *xml = WriteWriterMetadataXml(metadata());
  return hr::S_OK;
}

}  // namespace vsssim::metadata
