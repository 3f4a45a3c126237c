#include "vsssim/metadata/writer_metadata.h"

#include <tuple>

namespace vsssim::metadata {

// Equality compares content; source_line is where a reader found the element and is left out.

bool operator==(const FileSpec& a, const FileSpec& b) {
  return std::tie(a.path, a.filespec, a.recursive, a.alternate_path, a.backup_type_mask,
                  a.extensions) == std::tie(b.path, b.filespec, b.recursive, b.alternate_path,
                                            b.backup_type_mask, b.extensions);
}

bool operator==(const AlternateLocationMapping& a, const AlternateLocationMapping& b) {
  return std::tie(a.path, a.filespec, a.recursive, a.destination, a.extensions) ==
         std::tie(b.path, b.filespec, b.recursive, b.destination, b.extensions);
}

bool operator==(const RestoreMethodInfo& a, const RestoreMethodInfo& b) {
  return std::tie(a.method, a.service, a.user_procedure, a.writer_restore, a.reboot_required,
                  a.alternate_location_mappings, a.extensions) ==
         std::tie(b.method, b.service, b.user_procedure, b.writer_restore, b.reboot_required,
                  b.alternate_location_mappings, b.extensions);
}

bool operator==(const ComponentDependency& a, const ComponentDependency& b) {
  return std::tie(a.writer_id, a.logical_path, a.component_name, a.extensions) ==
         std::tie(b.writer_id, b.logical_path, b.component_name, b.extensions);
}

bool operator==(const ComponentDescription& a, const ComponentDescription& b) {
  return std::tie(a.type, a.logical_path, a.name, a.caption, a.icon, a.restore_metadata,
                  a.notify_on_backup_complete, a.selectable, a.selectable_for_restore, a.flags,
                  a.files, a.database_files, a.log_files, a.dependencies, a.extensions) ==
         std::tie(b.type, b.logical_path, b.name, b.caption, b.icon, b.restore_metadata,
                  b.notify_on_backup_complete, b.selectable, b.selectable_for_restore, b.flags,
                  b.files, b.database_files, b.log_files, b.dependencies, b.extensions);
}

bool operator==(const WriterIdentity& a, const WriterIdentity& b) {
  return std::tie(a.writer_id, a.instance_id, a.writer_name, a.instance_name, a.usage,
                  a.source_type, a.major_version, a.minor_version, a.extensions) ==
         std::tie(b.writer_id, b.instance_id, b.writer_name, b.instance_name, b.usage,
                  b.source_type, b.major_version, b.minor_version, b.extensions);
}

bool operator==(const WriterMetadata& a, const WriterMetadata& b) {
  return std::tie(a.version, a.identity, a.restore_method, a.components, a.exclude_files,
                  a.exclude_files_from_snapshot, a.backup_schema, a.extensions,
                  a.backup_locations_extensions) ==
         std::tie(b.version, b.identity, b.restore_method, b.components, b.exclude_files,
                  b.exclude_files_from_snapshot, b.backup_schema, b.extensions,
                  b.backup_locations_extensions);
}

std::string ComponentDescription::FullPath() const {
  std::string full = "\\";
  if (!logical_path.empty()) {
    full += logical_path;
    if (logical_path.back() != '\\') full += '\\';
  }
  return full + name;
}

const ComponentDescription* WriterMetadata::FindComponent(std::string_view logical_path,
                                                          std::string_view name) const {
  for (const ComponentDescription& c : components) {
    if (c.Is(logical_path, name)) return &c;
  }
  return nullptr;
}

ComponentDescription* WriterMetadata::FindComponent(std::string_view logical_path,
                                                    std::string_view name) {
  for (ComponentDescription& c : components) {
    if (c.Is(logical_path, name)) return &c;
  }
  return nullptr;
}

std::size_t WriterMetadata::FileSetCount() const {
  std::size_t n = 0;
  for (const ComponentDescription& c : components) {
    n += c.files.size() + c.database_files.size() + c.log_files.size();
  }
  return n;
}

}  // namespace vsssim::metadata
