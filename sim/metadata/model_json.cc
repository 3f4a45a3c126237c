#include "vsssim/metadata/model_json.h"

#include <nlohmann/json.hpp>

namespace vsssim::metadata {
namespace {

using nlohmann::ordered_json;

template <class E>
ordered_json Mask(E value) {
  return ordered_json{{"value", static_cast<std::uint32_t>(value)},
                      {"names", vss::ToString(value)}};
}

ordered_json Json(const Extensions& e) {
  ordered_json attrs = ordered_json::object();
  for (const auto& [k, v] : e.attributes) attrs[k] = v;
  return ordered_json{{"attributes", attrs}, {"elements", e.elements}};
}

template <class T>
ordered_json Optional(const std::optional<T>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json Json(const FileSpec& f) {
  return ordered_json{{"path", f.path},
                      {"filespec", f.filespec},
                      {"recursive", f.recursive},
                      {"alternate_path", f.alternate_path},
                      {"backup_type_mask", Mask(f.backup_type_mask)},
                      {"extensions", Json(f.extensions)}};
}

ordered_json Json(const AlternateLocationMapping& m) {
  return ordered_json{{"path", m.path},
                      {"filespec", m.filespec},
                      {"recursive", m.recursive},
                      {"destination", m.destination}};
}

ordered_json Json(const ComponentDependency& d);
ordered_json Json(const DifferencedFile& f);
ordered_json Json(const PartialFile& f);
ordered_json Json(const NewTarget& t);
ordered_json Json(const DirectedTarget& t);
ordered_json Json(const RestoreSubcomponent& s);
ordered_json Json(const ComponentState& c);
ordered_json Json(const WriterComponents& w);
ordered_json Json(const ComponentDescription& c);

template <class T>
ordered_json List(const std::vector<T>& items) {
  ordered_json a = ordered_json::array();
  for (const T& item : items) a.push_back(Json(item));
  return a;
}

ordered_json Json(const ComponentDependency& d) {
  return ordered_json{{"writer_id", d.writer_id.ToString()},
                      {"logical_path", d.logical_path},
                      {"component_name", d.component_name}};
}

ordered_json Json(const ComponentDescription& c) {
  return ordered_json{{"type", vss::ToString(c.type)},
                      {"logical_path", c.logical_path},
                      {"name", c.name},
                      {"full_path", c.FullPath()},
                      {"caption", c.caption},
                      {"icon_bytes", c.icon.size()},
                      {"restore_metadata", c.restore_metadata},
                      {"notify_on_backup_complete", c.notify_on_backup_complete},
                      {"selectable", c.selectable},
                      {"selectable_for_restore", c.selectable_for_restore},
                      {"flags", Mask(c.flags)},
                      {"files", List(c.files)},
                      {"database_files", List(c.database_files)},
                      {"log_files", List(c.log_files)},
                      {"dependencies", List(c.dependencies)},
                      {"extensions", Json(c.extensions)}};
}

ordered_json Json(const DifferencedFile& f) {
  return ordered_json{{"path", f.path},
                      {"filespec", f.filespec},
                      {"recursive", f.recursive},
                      {"last_modify_time", f.last_modify_time}};
}
ordered_json Json(const PartialFile& f) {
  return ordered_json{{"path", f.path},
                      {"filename", f.filename},
                      {"ranges", f.ranges},
                      {"metadata", f.metadata},
                      {"ranges_file_path", f.ranges_file_path}};
}
ordered_json Json(const NewTarget& t) {
  return ordered_json{{"path", t.path},
                      {"filespec", t.filespec},
                      {"recursive", t.recursive},
                      {"alternate_path", t.alternate_path}};
}
ordered_json Json(const DirectedTarget& t) {
  return ordered_json{{"source_path", t.source_path},
                      {"source_filename", t.source_filename},
                      {"source_ranges", t.source_ranges},
                      {"destination_path", t.destination_path},
                      {"destination_filename", t.destination_filename},
                      {"destination_ranges", t.destination_ranges}};
}
ordered_json Json(const RestoreSubcomponent& s) {
  return ordered_json{
      {"logical_path", s.logical_path}, {"component_name", s.component_name}, {"repair", s.repair}};
}

ordered_json Json(const ComponentState& c) {
  ordered_json j{{"type", vss::ToString(c.type)},
                 {"logical_path", c.logical_path},
                 {"name", c.name},
                 {"backup_stamp", Optional(c.backup_stamp)},
                 {"previous_backup_stamp", Optional(c.previous_backup_stamp)},
                 {"backup_metadata", Optional(c.backup_metadata)},
                 {"backup_options", Optional(c.backup_options)},
                 {"backup_succeeded", Optional(c.backup_succeeded)},
                 {"prepare_for_backup_failure_msg", Optional(c.prepare_for_backup_failure_msg)},
                 {"post_snapshot_failure_msg", Optional(c.post_snapshot_failure_msg)},
                 {"differenced_files", List(c.differenced_files)},
                 {"partial_files", List(c.partial_files)},
                 {"selected_for_restore", c.selected_for_restore},
                 {"additional_restores", c.additional_restores},
                 {"restore_options", Optional(c.restore_options)},
                 {"restore_subcomponents", List(c.restore_subcomponents)},
                 {"new_targets", List(c.new_targets)},
                 {"alternate_location_mappings", List(c.alternate_location_mappings)},
                 {"file_restore_status", vss::ToString(c.file_restore_status)},
                 {"authoritative_restore", c.authoritative_restore},
                 {"roll_forward_type", vss::ToString(c.roll_forward_type)},
                 {"roll_forward_point", c.roll_forward_point},
                 {"restore_name", Optional(c.restore_name)},
                 {"restore_metadata", Optional(c.restore_metadata)},
                 {"restore_target", vss::ToString(c.restore_target)},
                 {"directed_targets", List(c.directed_targets)},
                 {"pre_restore_failure_msg", Optional(c.pre_restore_failure_msg)},
                 {"post_restore_failure_msg", Optional(c.post_restore_failure_msg)}};
  if (c.failure) {
    j["failure"] = ordered_json{{"hr", ToString(c.failure->hr)},
                                {"application_hr", ToString(c.failure->application_hr)},
                                {"message", c.failure->message},
                                {"reserved", c.failure->reserved}};
  } else {
    j["failure"] = nullptr;
  }
  j["extensions"] = Json(c.extensions);
  return j;
}

ordered_json Json(const WriterComponents& w) {
  return ordered_json{
      {"writer_id", w.writer_id.ToString()}, {"instance_id", w.instance_id.ToString()},
      {"instance_name", w.instance_name},    {"backup_schema", Mask(w.backup_schema)},
      {"components", List(w.components)},    {"extensions", Json(w.extensions)}};
}

}  // namespace

std::string ToJson(const WriterMetadata& wmd, int indent) {
  const WriterIdentity& id = wmd.identity;
  ordered_json j;
  j["document"] = "WRITER_METADATA";
  j["version"] = wmd.version;
  j["identity"] = ordered_json{
      {"writer_id", id.writer_id.ToString()}, {"instance_id", id.instance_id.ToString()},
      {"writer_name", id.writer_name},        {"instance_name", id.instance_name},
      {"usage", vss::ToString(id.usage)},     {"source_type", vss::ToString(id.source_type)},
      {"major_version", id.major_version},    {"minor_version", id.minor_version},
      {"extensions", Json(id.extensions)}};
  if (wmd.restore_method) {
    const RestoreMethodInfo& m = *wmd.restore_method;
    j["restore_method"] =
        ordered_json{{"method", vss::ToString(m.method)},
                     {"service", m.service},
                     {"user_procedure", m.user_procedure},
                     {"writer_restore", vss::ToString(m.writer_restore)},
                     {"reboot_required", m.reboot_required},
                     {"alternate_location_mappings", List(m.alternate_location_mappings)},
                     {"extensions", Json(m.extensions)}};
  } else {
    j["restore_method"] = nullptr;
  }
  j["backup_schema"] = Mask(wmd.backup_schema);
  j["components"] = List(wmd.components);
  j["exclude_files"] = List(wmd.exclude_files);
  j["exclude_files_from_snapshot"] = List(wmd.exclude_files_from_snapshot);
  j["extensions"] = Json(wmd.extensions);
  j["backup_locations_extensions"] = Json(wmd.backup_locations_extensions);
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string ToJson(const BackupComponents& bcd, int indent) {
  ordered_json j;
  j["document"] = "BACKUP_COMPONENTS";
  j["version"] = bcd.version;
  j["select_components"] = bcd.select_components;
  j["bootable_system_state_backup"] = bcd.bootable_system_state_backup;
  j["backup_type"] = vss::ToString(bcd.backup_type);
  j["partial_file_support"] = bcd.partial_file_support;
  j["snapshot_set_id"] = bcd.snapshot_set_id.ToString();
  j["restore_type"] = vss::ToString(bcd.restore_type);
  j["writers"] = List(bcd.writers);
  j["extensions"] = Json(bcd.extensions);
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace vsssim::metadata
