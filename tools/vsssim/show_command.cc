#include "tools/vsssim/show_command.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

#include "tools/vsssim/check_command.h"
#include "vsssim/metadata/file_semantics.h"
#include "vsssim/metadata/model_json.h"
#include "vsssim/metadata/selection.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::tools {
namespace {

using metadata::ComponentDescription;
using metadata::ComponentState;
using metadata::FileSpec;

const char* TrueFalse(bool b) { return b ? "TRUE" : "FALSE"; }

std::string Hex(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%X", v);
  return buf;
}

// "VSS_CT_FILEGROUP [2]", as vshadow prints enum values.
template <class E>
std::string Enum(E v) {
  return vss::ToString(v) + " [" + std::to_string(static_cast<long long>(v)) + "]";
}

// "0x371 = VSS_BS_DIFFERENTIAL|..." ; "0x0" alone when no bit is set.
template <class E>
std::string Mask(E v) {
  auto bits = static_cast<std::uint32_t>(v);
  return bits == 0 ? std::string("0x0") : Hex(bits) + " = " + vss::ToString(v);
}

// File-spec masks read better with the two composites (§1.4) when all four bits are set.
std::string Mask(vss::FileSpecBackupType v) {
  auto bits = static_cast<std::uint32_t>(v);
  std::string names;
  auto add = [&](std::string_view name) {
    names += (names.empty() ? "" : "|") + std::string(name);
  };
  for (std::uint32_t group : {0xFu, 0xF00u}) {
    if ((bits & group) == group) {
      add(vss::NameOf(vss::FileSpecBackupType{group}));
      bits &= ~group;
    }
  }
  if (bits != 0) add(vss::ToString(vss::FileSpecBackupType{bits}));
  return names.empty() ? std::string("0x0") : Hex(static_cast<std::uint32_t>(v)) + " = " + names;
}

void ShowFileSpec(const FileSpec& f, const char* indent, std::ostream& out, bool with_mask) {
  out << indent << "- " << f.path << (f.path.empty() || f.path.back() == '\\' ? "" : "\\")
      << f.filespec << (f.recursive ? " (recursive)" : "");
  if (!f.alternate_path.empty()) out << " [alternate path: " << f.alternate_path << "]";
  if (with_mask) out << " [mask " << Mask(f.backup_type_mask) << "]";
  out << "\n";
}

void ShowComponent(const metadata::WriterMetadata& wmd, const metadata::ComponentTree& tree,
                   const ComponentDescription& c, std::ostream& out) {
  out << "    - Component \"" << wmd.identity.writer_name << ":" << c.FullPath() << "\"\n"
      << "       - Name: '" << c.name << "'\n"
      << "       - Logical Path: '" << c.logical_path << "'\n"
      << "       - Full Path: '" << c.FullPath() << "'\n"
      << "       - Caption: '" << c.caption << "'\n"
      << "       - Type: " << Enum(c.type) << "\n"
      << "       - Is Selectable: '" << TrueFalse(c.selectable) << "'\n"
      << "       - Is top level: '" << TrueFalse(tree.SelectableAncestor(c) == nullptr) << "'\n"
      << "       - Selectable for restore: '" << TrueFalse(c.selectable_for_restore) << "'\n"
      << "       - Notify on backup complete: '" << TrueFalse(c.notify_on_backup_complete) << "'\n"
      << "       - Restore metadata: '" << TrueFalse(c.restore_metadata) << "'\n"
      << "       - Component flags: " << Mask(c.flags) << "\n";
  if (!c.icon.empty()) out << "       - Icon: " << c.icon.size() << " bytes\n";
  const std::pair<const char*, const std::vector<FileSpec>*> lists[] = {
      {"Files", &c.files}, {"Database files", &c.database_files}, {"Log files", &c.log_files}};
  std::set<std::string> paths, volumes;
  for (const auto& [title, list] : lists) {
    if (list->empty()) continue;
    out << "       - " << title << ":\n";
    for (const FileSpec& f : *list) {
      ShowFileSpec(f, "         ", out, true);
      paths.insert(f.path);
      volumes.insert(metadata::VolumeOf(f.path));
    }
  }
  out << "       - Affected paths by this component:\n";
  for (const std::string& p : paths) out << "         - " << p << "\n";
  out << "       - Affected volumes by this component:\n";
  for (const std::string& v : volumes) out << "         - " << v << "\n";
  for (const metadata::ComponentDependency& d : c.dependencies) {
    out << "       - Dependency on writer {" << d.writer_id.ToString() << "} component '"
        << d.logical_path << (d.logical_path.empty() ? "" : "\\") << d.component_name << "'\n";
  }
}

void ShowOptional(const char* title, const std::optional<std::string>& v, std::ostream& out) {
  if (v) out << "       - " << title << ": '" << *v << "'\n";
}

void ShowComponentState(const ComponentState& c, std::ostream& out) {
  out << "    - Component \"\\" << c.logical_path << (c.logical_path.empty() ? "" : "\\") << c.name
      << "\"\n"
      << "       - Type: " << Enum(c.type) << "\n";
  ShowOptional("Backup stamp", c.backup_stamp, out);
  ShowOptional("Previous backup stamp", c.previous_backup_stamp, out);
  ShowOptional("Backup metadata", c.backup_metadata, out);
  ShowOptional("Backup options", c.backup_options, out);
  if (c.backup_succeeded)
    out << "       - Backup succeeded: '" << TrueFalse(*c.backup_succeeded) << "'\n";
  ShowOptional("PrepareForBackup failure message", c.prepare_for_backup_failure_msg, out);
  ShowOptional("PostSnapshot failure message", c.post_snapshot_failure_msg, out);
  for (const auto& f : c.differenced_files) {
    out << "       - Differenced files: " << f.path << "\\" << f.filespec
        << (f.recursive ? " (recursive)" : "") << " since FILETIME " << f.last_modify_time << "\n";
  }
  for (const auto& f : c.partial_files) {
    out << "       - Partial file: " << f.path << "\\" << f.filename << " ranges " << f.ranges
        << "\n";
  }
  if (c.selected_for_restore) out << "       - Selected for restore: 'TRUE'\n";
  if (c.additional_restores) out << "       - Additional restores: 'TRUE'\n";
  ShowOptional("Restore options", c.restore_options, out);
  ShowOptional("Restore metadata", c.restore_metadata, out);
  if (c.restore_target != vss::RestoreTarget::VSS_RT_ORIGINAL) {
    out << "       - Restore target: " << Enum(c.restore_target) << "\n";
  }
  for (const auto& s : c.restore_subcomponents) {
    out << "       - Restore subcomponent: '" << s.logical_path << "\\" << s.component_name
        << "'\n";
  }
  for (const auto& t : c.new_targets) {
    out << "       - New target: " << t.path << "\\" << t.filespec << " -> " << t.alternate_path
        << "\n";
  }
  for (const auto& t : c.directed_targets) {
    out << "       - Directed target: " << t.source_path << "\\" << t.source_filename << " ["
        << t.source_ranges << "] -> " << t.destination_path << "\\" << t.destination_filename
        << " [" << t.destination_ranges << "]\n";
  }
  for (const auto& m : c.alternate_location_mappings) {
    out << "       - Alternate location used: " << m.path << "\\" << m.filespec << " -> "
        << m.destination << "\n";
  }
  if (c.file_restore_status != vss::FileRestoreStatus::VSS_RS_UNDEFINED) {
    out << "       - File restore status: " << Enum(c.file_restore_status) << "\n";
  }
  ShowOptional("PreRestore failure message", c.pre_restore_failure_msg, out);
  ShowOptional("PostRestore failure message", c.post_restore_failure_msg, out);
  if (c.failure) {
    out << "       - Failure: " << ToString(c.failure->hr) << " (application "
        << ToString(c.failure->application_hr) << ") '" << c.failure->message << "'\n";
  }
}

template <class Document, class Read, class Show>
int ShowDocument(const std::string& bytes, const std::string& path, bool json, Read read, Show show,
                 std::ostream& out, std::ostream& err) {
  auto result = read(bytes, path);
  for (const metadata::Diagnostic& d : result.diagnostics) err << d.ToString() << "\n";
  if (!result.document) return 1;
  if (json) {
    out << metadata::ToJson(*result.document);
  } else {
    show(*result.document, out);
  }
  return 0;
}

}  // namespace

void ShowWriterMetadata(const metadata::WriterMetadata& wmd, std::ostream& out) {
  const metadata::WriterIdentity& id = wmd.identity;
  out << "* WRITER '" << id.writer_name << "'\n"
      << "    - WriterId   = " << id.writer_id.ToBracedString() << "\n"
      << "    - InstanceId = " << id.instance_id.ToBracedString() << "\n";
  if (!id.instance_name.empty()) out << "    - Instance name: '" << id.instance_name << "'\n";
  out << "    - Version: " << id.major_version << "." << id.minor_version << "\n"
      << "    - Usage type: " << Enum(id.usage) << "\n"
      << "    - Source type: " << Enum(id.source_type) << "\n"
      << "    - Backup schema: " << Mask(wmd.backup_schema) << "\n";
  if (wmd.restore_method) {
    const metadata::RestoreMethodInfo& m = *wmd.restore_method;
    out << "    - Restore method: " << Enum(m.method) << "\n"
        << "       - Writer restore: " << Enum(m.writer_restore) << "\n"
        << "       - Reboot required: '" << TrueFalse(m.reboot_required) << "'\n";
    if (!m.service.empty()) out << "       - Service: '" << m.service << "'\n";
    if (!m.user_procedure.empty()) out << "       - User procedure: '" << m.user_procedure << "'\n";
    for (const auto& alm : m.alternate_location_mappings) {
      out << "       - Alternate location mapping: " << alm.path << "\\" << alm.filespec
          << (alm.recursive ? " (recursive)" : "") << " -> " << alm.destination << "\n";
    }
  } else {
    out << "    - Restore method: (none in the document)\n";
  }
  out << "    - Excluded files:\n";
  for (const FileSpec& f : wmd.exclude_files) ShowFileSpec(f, "       ", out, false);
  if (!wmd.exclude_files_from_snapshot.empty()) {
    out << "    - Excluded from the snapshot:\n";
    for (const FileSpec& f : wmd.exclude_files_from_snapshot)
      ShowFileSpec(f, "       ", out, false);
  }
  metadata::ComponentTree tree(wmd);
  for (const ComponentDescription& c : wmd.components) ShowComponent(wmd, tree, c, out);
  out << "\n";
}

void ShowBackupComponents(const metadata::BackupComponents& bcd, std::ostream& out) {
  out << "* BACKUP COMPONENTS DOCUMENT\n"
      << "    - Backup type: " << Enum(bcd.backup_type) << "\n"
      << "    - Component mode (select components): '" << TrueFalse(bcd.select_components) << "'\n"
      << "    - Bootable system state backup: '" << TrueFalse(bcd.bootable_system_state_backup)
      << "'\n"
      << "    - Partial file support: '" << TrueFalse(bcd.partial_file_support) << "'\n"
      << "    - Snapshot set id = " << bcd.snapshot_set_id.ToBracedString() << "\n";
  if (bcd.restore_type != vss::RestoreType::VSS_RTYPE_UNDEFINED) {
    out << "    - Restore type: " << Enum(bcd.restore_type) << "\n";
  }
  for (const metadata::WriterComponents& w : bcd.writers) {
    out << "* WRITER COMPONENTS\n"
        << "    - WriterId   = " << w.writer_id.ToBracedString() << "\n"
        << "    - InstanceId = " << w.instance_id.ToBracedString() << "\n";
    if (!w.instance_name.empty()) out << "    - Instance name: '" << w.instance_name << "'\n";
    out << "    - Backup schema: " << Mask(w.backup_schema) << "\n";
    for (const ComponentState& c : w.components) ShowComponentState(c, out);
  }
  out << "\n";
}

int RunShow(const std::string& path, bool json, std::ostream& out, std::ostream& err) {
  std::optional<std::string> bytes = ReadDocumentFile(path, err);
  if (!bytes) return 2;
  switch (metadata::DetectDocumentKind(*bytes)) {
    case metadata::DocumentKind::kWriterMetadata:
      return ShowDocument<metadata::WriterMetadata>(
          *bytes, path, json, metadata::ReadWriterMetadataXml,
          [](const metadata::WriterMetadata& d, std::ostream& o) { ShowWriterMetadata(d, o); }, out,
          err);
    case metadata::DocumentKind::kBackupComponents:
      return ShowDocument<metadata::BackupComponents>(
          *bytes, path, json, metadata::ReadBackupComponentsXml,
          [](const metadata::BackupComponents& d, std::ostream& o) { ShowBackupComponents(d, o); },
          out, err);
    case metadata::DocumentKind::kUnknown:
      break;
  }
  return RunCheck(path, err);  // prints why it is unreadable; returns 2
}

}  // namespace vsssim::tools
