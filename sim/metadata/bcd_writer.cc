// Writes a BackupComponents as a Backup Components Document (§6.3). Attributes and
// elements Microsoft never published (BCDX-06) are written only when they differ from their
// default, so a document of a plain full backup looks like real output.
//
// One description of the document, written through either element writer: the tinyxml2 DOM
// (ElementWriter, needed to merge unknown XML kept by a reader) or the direct text writer
// (TextElementWriter, same bytes, used when there is nothing to merge: every BCD the
// coordinator makes). bcd_xml_test.cc checks the two agree.
#include "sim/metadata/bcd_writer.h"

#include <tinyxml2.h>

#include "sim/metadata/xml_text_writer.h"
#include "sim/metadata/xml_vocabulary.h"
#include "sim/metadata/xml_writer.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::metadata {
namespace {

using internal::ElementWriter;
using internal::TextElementWriter;
using internal::ToXml;

template <class W, std::size_t N>
void SetOptional(W& w, const char (&attr)[N], const std::optional<std::string>& v) {
  if (v) w.Set(attr, *v);
}

template <class W>
void WriteComponentChildren(W& w, const ComponentState& c) {
  if (c.backup_metadata) {
    auto m = w.Child("BACKUP_METADATA");
    m.SetToken("xmlns", "");  // as observed (§6.3)
    m.Set("metadata", *c.backup_metadata);
  }
  if (c.restore_metadata) {
    auto m = w.Child("RESTORE_METADATA");
    m.SetToken("xmlns", "");
    m.Set("metadata", *c.restore_metadata);
  }
  for (const DifferencedFile& f : c.differenced_files) {
    auto e = w.Child("DIFFERENCED_FILE");
    e.Set("path", f.path);
    e.Set("filespec", f.filespec);
    e.SetBool("recursive", f.recursive);
    e.SetNumber("lastModifyTime", f.last_modify_time);
  }
  for (const PartialFile& f : c.partial_files) {
    auto e = w.Child("PARTIAL_FILE");
    e.Set("path", f.path);
    e.Set("filename", f.filename);
    e.Set("ranges", f.ranges);
    if (!f.metadata.empty()) e.Set("metadata", f.metadata);
    if (!f.ranges_file_path.empty()) e.Set("rangesFilePath", f.ranges_file_path);
  }
  for (const NewTarget& t : c.new_targets) {
    auto e = w.Child("NEW_TARGET");
    e.Set("path", t.path);
    e.Set("filespec", t.filespec);
    e.SetBool("recursive", t.recursive);
    e.Set("alternatePath", t.alternate_path);
  }
  for (const DirectedTarget& t : c.directed_targets) {
    auto e = w.Child("DIRECTED_TARGET");
    e.Set("sourcePath", t.source_path);
    e.Set("sourceFilename", t.source_filename);
    e.Set("sourceRanges", t.source_ranges);
    e.Set("destinationPath", t.destination_path);
    e.Set("destinationFilename", t.destination_filename);
    e.Set("destinationRanges", t.destination_ranges);
  }
  for (const AlternateLocationMapping& m : c.alternate_location_mappings) {
    auto e = w.Child("ALTERNATE_LOCATION_MAPPING");
    e.Set("path", m.path);
    e.Set("filespec", m.filespec);
    e.SetBool("recursive", m.recursive);
    e.Set("destination", m.destination);
  }
  for (const RestoreSubcomponent& s : c.restore_subcomponents) {
    auto e = w.Child("RESTORE_SUBCOMPONENT");
    if (!s.logical_path.empty()) e.Set("logicalPath", s.logical_path);
    e.Set("componentName", s.component_name);
    if (s.repair) e.SetBool("repair", true);
  }
  if (c.failure) {
    auto e = w.Child("FAILURE");
    e.Set("hr", ToString(c.failure->hr));
    e.Set("applicationHr", ToString(c.failure->application_hr));
    e.Set("message", c.failure->message);
    if (c.failure->reserved != 0) e.SetNumber("reserved", c.failure->reserved);
  }
}

template <class W>
void WriteComponent(W& parent, const ComponentState& c) {
  auto w = parent.Child("COMPONENT");
  if (!c.logical_path.empty()) w.Set("logicalPath", c.logical_path);
  w.Set("componentName", c.name);
  w.SetToken("componentType", ToXml(c.type));
  SetOptional(w, "backupStamp", c.backup_stamp);
  SetOptional(w, "previousBackupStamp", c.previous_backup_stamp);
  SetOptional(w, "backupOptions", c.backup_options);
  if (c.backup_succeeded) w.SetBool("backupSucceeded", *c.backup_succeeded);
  if (c.selected_for_restore) w.SetBool("selectedForRestore", true);
  if (c.additional_restores) w.SetBool("additionalRestores", true);
  SetOptional(w, "restoreOptions", c.restore_options);
  if (c.restore_target != vss::RestoreTarget::VSS_RT_ORIGINAL) {
    w.SetToken("restoreTarget", ToXml(c.restore_target));
  }
  if (c.file_restore_status != vss::FileRestoreStatus::VSS_RS_UNDEFINED) {
    w.SetToken("fileRestoreStatus", ToXml(c.file_restore_status));
  }
  if (c.authoritative_restore) w.SetBool("authoritativeRestore", true);
  if (c.roll_forward_type != vss::RollForwardType::VSS_RF_UNDEFINED) {
    w.SetToken("rollForwardType", ToXml(c.roll_forward_type));
  }
  if (!c.roll_forward_point.empty()) w.Set("rollForwardPoint", c.roll_forward_point);
  SetOptional(w, "restoreName", c.restore_name);
  SetOptional(w, "prepareForBackupFailureMsg", c.prepare_for_backup_failure_msg);
  SetOptional(w, "postSnapshotFailureMsg", c.post_snapshot_failure_msg);
  SetOptional(w, "preRestoreFailureMsg", c.pre_restore_failure_msg);
  SetOptional(w, "postRestoreFailureMsg", c.post_restore_failure_msg);
  WriteComponentChildren(w, c);
  w.AddExtensions(c.extensions);
}

template <class W>
void WriteDocument(W& root, const BackupComponents& bc) {
  root.SetToken("xmlns", "x-schema:#VssComponentMetadata");
  root.Set("version", bc.version);
  root.SetBool("bootableSystemStateBackup", bc.bootable_system_state_backup);
  root.SetBool("selectComponents", bc.select_components);
  root.SetToken("backupType", ToXml(bc.backup_type));
  root.SetBool("partialFileSupport", bc.partial_file_support);
  root.SetGuid("snapshotSetId", bc.snapshot_set_id);
  if (bc.restore_type != vss::RestoreType::VSS_RTYPE_UNDEFINED) {
    root.SetToken("restoreType", ToXml(bc.restore_type));
  }
  for (const WriterComponents& wc : bc.writers) {
    auto w = root.Child("WRITER_COMPONENTS");
    w.SetGuid("instanceId", wc.instance_id);
    w.SetGuid("writerId", wc.writer_id);
    if (!wc.instance_name.empty()) w.Set("instanceName", wc.instance_name);
    w.SetNumber("backupSchema", static_cast<std::uint32_t>(wc.backup_schema));
    for (const ComponentState& c : wc.components) WriteComponent(w, c);
    w.AddExtensions(wc.extensions);
  }
  root.AddExtensions(bc.extensions);
}

bool HasExtensions(const BackupComponents& bc) {
  if (!bc.extensions.empty()) return true;
  for (const WriterComponents& wc : bc.writers) {
    if (!wc.extensions.empty()) return true;
    for (const ComponentState& c : wc.components) {
      if (!c.extensions.empty()) return true;
    }
  }
  return false;
}

}  // namespace

namespace internal {

std::string WriteBackupComponentsDom(const BackupComponents& bc) {
  tinyxml2::XMLDocument doc;
  tinyxml2::XMLElement* root_element = doc.NewElement("BACKUP_COMPONENTS");
  doc.InsertEndChild(root_element);
  ElementWriter root(root_element);
  WriteDocument(root, bc);
  return PrintDocument(doc);
}

std::optional<std::string> WriteBackupComponentsText(const BackupComponents& bc) {
  if (HasExtensions(bc)) return std::nullopt;
  XmlText doc(512 + 1024 * bc.writers.size());
  {
    TextElementWriter root(doc, "BACKUP_COMPONENTS");
    WriteDocument(root, bc);
  }
  return doc.Take();
}

}  // namespace internal

std::string WriteBackupComponentsXml(const BackupComponents& bc) {
  if (auto text = internal::WriteBackupComponentsText(bc)) return std::move(*text);
  return internal::WriteBackupComponentsDom(bc);
}

}  // namespace vsssim::metadata
