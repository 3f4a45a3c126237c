#include "vsssim/metadata/backup_components.h"

#include <tuple>

namespace vsssim::metadata {

// Equality compares content; source_line is left out.

bool operator==(const DifferencedFile& a, const DifferencedFile& b) {
  return std::tie(a.path, a.filespec, a.recursive, a.last_modify_time) ==
         std::tie(b.path, b.filespec, b.recursive, b.last_modify_time);
}

bool operator==(const PartialFile& a, const PartialFile& b) {
  return std::tie(a.path, a.filename, a.ranges, a.metadata, a.ranges_file_path) ==
         std::tie(b.path, b.filename, b.ranges, b.metadata, b.ranges_file_path);
}

bool operator==(const NewTarget& a, const NewTarget& b) {
  return std::tie(a.path, a.filespec, a.recursive, a.alternate_path) ==
         std::tie(b.path, b.filespec, b.recursive, b.alternate_path);
}

bool operator==(const DirectedTarget& a, const DirectedTarget& b) {
  return std::tie(a.source_path, a.source_filename, a.source_ranges, a.destination_path,
                  a.destination_filename, a.destination_ranges) ==
         std::tie(b.source_path, b.source_filename, b.source_ranges, b.destination_path,
                  b.destination_filename, b.destination_ranges);
}

bool operator==(const RestoreSubcomponent& a, const RestoreSubcomponent& b) {
  return std::tie(a.logical_path, a.component_name, a.repair) ==
         std::tie(b.logical_path, b.component_name, b.repair);
}

bool operator==(const ComponentFailure& a, const ComponentFailure& b) {
  return std::tie(a.hr, a.application_hr, a.message, a.reserved) ==
         std::tie(b.hr, b.application_hr, b.message, b.reserved);
}

bool operator==(const ComponentState& a, const ComponentState& b) {
  return std::tie(a.type, a.logical_path, a.name, a.backup_stamp, a.backup_metadata,
                  a.prepare_for_backup_failure_msg, a.post_snapshot_failure_msg,
                  a.differenced_files, a.partial_files, a.previous_backup_stamp, a.backup_options,
                  a.backup_succeeded, a.selected_for_restore, a.additional_restores,
                  a.restore_options, a.restore_subcomponents, a.new_targets,
                  a.alternate_location_mappings, a.file_restore_status, a.authoritative_restore,
                  a.roll_forward_type, a.roll_forward_point, a.restore_name, a.restore_metadata,
                  a.restore_target, a.directed_targets, a.pre_restore_failure_msg,
                  a.post_restore_failure_msg, a.failure, a.extensions) ==
         std::tie(b.type, b.logical_path, b.name, b.backup_stamp, b.backup_metadata,
                  b.prepare_for_backup_failure_msg, b.post_snapshot_failure_msg,
                  b.differenced_files, b.partial_files, b.previous_backup_stamp, b.backup_options,
                  b.backup_succeeded, b.selected_for_restore, b.additional_restores,
                  b.restore_options, b.restore_subcomponents, b.new_targets,
                  b.alternate_location_mappings, b.file_restore_status, b.authoritative_restore,
                  b.roll_forward_type, b.roll_forward_point, b.restore_name, b.restore_metadata,
                  b.restore_target, b.directed_targets, b.pre_restore_failure_msg,
                  b.post_restore_failure_msg, b.failure, b.extensions);
}

bool operator==(const WriterComponents& a, const WriterComponents& b) {
  return std::tie(a.writer_id, a.instance_id, a.instance_name, a.backup_schema, a.components,
                  a.extensions) == std::tie(b.writer_id, b.instance_id, b.instance_name,
                                            b.backup_schema, b.components, b.extensions);
}

bool operator==(const BackupComponents& a, const BackupComponents& b) {
  return std::tie(a.version, a.select_components, a.bootable_system_state_backup, a.backup_type,
                  a.partial_file_support, a.snapshot_set_id, a.restore_type, a.writers,
                  a.extensions) == std::tie(b.version, b.select_components,
                                            b.bootable_system_state_backup, b.backup_type,
                                            b.partial_file_support, b.snapshot_set_id,
                                            b.restore_type, b.writers, b.extensions);
}

const ComponentState* WriterComponents::FindComponent(std::string_view logical_path,
                                                      std::string_view name) const {
  for (const ComponentState& c : components) {
    if (c.Is(logical_path, name)) return &c;
  }
  return nullptr;
}

ComponentState* WriterComponents::FindComponent(std::string_view logical_path,
                                                std::string_view name) {
  for (ComponentState& c : components) {
    if (c.Is(logical_path, name)) return &c;
  }
  return nullptr;
}

const WriterComponents* BackupComponents::FindWriter(const Guid& instance_id) const {
  for (const WriterComponents& w : writers) {
    if (w.instance_id == instance_id) return &w;
  }
  return nullptr;
}

WriterComponents* BackupComponents::FindWriter(const Guid& instance_id) {
  for (WriterComponents& w : writers) {
    if (w.instance_id == instance_id) return &w;
  }
  return nullptr;
}

}  // namespace vsssim::metadata
