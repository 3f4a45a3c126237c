// Writes a WriterMetadata as a Writer Metadata Document (§6.2), canonical element order:
// IDENTIFICATION, RESTORE_METHOD, BACKUP_LOCATIONS (components, then EXCLUDE_FILES, then
// EXCLUDE_FILES_FROM_SNAPSHOT), unknown elements last.
#include <tinyxml2.h>

#include "sim/metadata/xml_reader.h"
#include "sim/metadata/xml_vocabulary.h"
#include "sim/metadata/xml_writer.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::metadata {
namespace {

using internal::ElementWriter;
using internal::ToXml;

void WriteFileSpec(ElementWriter parent, const char* name, const FileSpec& spec, bool with_mask) {
  ElementWriter w = parent.Child(name);
  w.Set("path", spec.path);
  w.Set("filespec", spec.filespec);
  w.SetBool("recursive", spec.recursive);
  if (!spec.alternate_path.empty()) w.Set("alternatePath", spec.alternate_path);
  if (with_mask)
    w.SetNumber("filespecBackupType", static_cast<std::uint32_t>(spec.backup_type_mask));
  w.AddExtensions(spec.extensions);
}

void WriteComponent(ElementWriter parent, const ComponentDescription& c) {
  const bool database = c.type == vss::ComponentType::VSS_CT_DATABASE;
  ElementWriter w = parent.Child(database ? "DATABASE" : "FILE_GROUP");
  if (!c.logical_path.empty()) w.Set("logicalPath", c.logical_path);
  w.Set("componentName", c.name);
  w.Set("caption", c.caption);
  if (!c.icon.empty()) w.Set("icon", internal::EncodeBase64(c.icon));
  w.SetBool("restoreMetadata", c.restore_metadata);
  w.SetBool("notifyOnBackupComplete", c.notify_on_backup_complete);
  w.SetBool("selectable", c.selectable);
  w.SetBool("selectableForRestore", c.selectable_for_restore);
  w.SetNumber("componentFlags", static_cast<std::uint32_t>(c.flags));
  for (const FileSpec& f : c.files) WriteFileSpec(w, "FILE_LIST", f, true);
  for (const FileSpec& f : c.database_files) WriteFileSpec(w, "DATABASE_FILES", f, true);
  for (const FileSpec& f : c.log_files) WriteFileSpec(w, "DATABASE_LOGFILES", f, true);
  for (const ComponentDependency& d : c.dependencies) {
    ElementWriter dw = w.Child("DEPENDENCY");
    dw.Set("writerId", d.writer_id.ToString());
    if (!d.logical_path.empty()) dw.Set("logicalPath", d.logical_path);
    dw.Set("componentName", d.component_name);
    dw.AddExtensions(d.extensions);
  }
  w.AddExtensions(c.extensions);
}

void WriteRestoreMethod(ElementWriter root, const RestoreMethodInfo& m) {
  ElementWriter w = root.Child("RESTORE_METHOD");
  w.Set("method", ToXml(m.method));
  if (!m.service.empty()) w.Set("service", m.service);
  if (!m.user_procedure.empty()) w.Set("userProcedure", m.user_procedure);
  w.Set("writerRestore", ToXml(m.writer_restore));
  w.SetBool("rebootRequired", m.reboot_required);
  for (const AlternateLocationMapping& alm : m.alternate_location_mappings) {
    ElementWriter aw = w.Child("ALTERNATE_LOCATION_MAPPING");
    aw.Set("path", alm.path);
    aw.Set("filespec", alm.filespec);
    aw.SetBool("recursive", alm.recursive);
    aw.Set("destination", alm.destination);
    aw.AddExtensions(alm.extensions);
  }
  w.AddExtensions(m.extensions);
}

}  // namespace

std::string WriteWriterMetadataXml(const WriterMetadata& wm) {
  tinyxml2::XMLDocument doc;
  tinyxml2::XMLElement* root_element = doc.NewElement("WRITER_METADATA");
  doc.InsertEndChild(root_element);
  ElementWriter root(root_element);
  root.Set("xmlns", "x-schema:#VssWriterMetadataInfo");
  root.Set("version", wm.version);
  // Absent when 0, as in real output (§6.2).
  if (static_cast<std::uint32_t>(wm.backup_schema) != 0) {
    root.SetNumber("backupSchema", static_cast<std::uint32_t>(wm.backup_schema));
  }
  const WriterIdentity& id = wm.identity;
  ElementWriter iw = root.Child("IDENTIFICATION");
  iw.Set("writerId", id.writer_id.ToString());
  iw.Set("instanceId", id.instance_id.ToString());
  if (!id.instance_name.empty()) iw.Set("instanceName", id.instance_name);
  iw.Set("friendlyName", id.writer_name);
  iw.Set("usage", ToXml(id.usage));
  iw.Set("dataSource", ToXml(id.source_type));
  iw.SetNumber("majorVersion", id.major_version);
  iw.SetNumber("minorVersion", id.minor_version);
  iw.AddExtensions(id.extensions);
  if (wm.restore_method) WriteRestoreMethod(root, *wm.restore_method);
  ElementWriter locations = root.Child("BACKUP_LOCATIONS");
  for (const ComponentDescription& c : wm.components) WriteComponent(locations, c);
  for (const FileSpec& f : wm.exclude_files) WriteFileSpec(locations, "EXCLUDE_FILES", f, false);
  for (const FileSpec& f : wm.exclude_files_from_snapshot) {
    WriteFileSpec(locations, "EXCLUDE_FILES_FROM_SNAPSHOT", f, false);
  }
  locations.AddExtensions(wm.backup_locations_extensions);
  root.AddExtensions(wm.extensions);
  return internal::PrintDocument(doc);
}

}  // namespace vsssim::metadata
