#include "vsssim/metadata/create_writer_metadata.h"

#include <algorithm>

#include "vsssim/metadata/file_semantics.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::metadata {
namespace {

constexpr std::uint32_t kKnownSchemaBits = 0xF7FF;     // §1.3: 0x800 unassigned
constexpr std::uint32_t kKnownFileSpecBits = 0x10F0F;  // §1.4
constexpr std::uint32_t kKnownComponentFlags = 0x7;    // §1.9

std::uint32_t Bits(vss::BackupSchema s) { return static_cast<std::uint32_t>(s); }

// Does `s` hold `a` or `b`? (A loop: find_first_of calls memchr once per character of `s`.)
bool HasEither(std::string_view s, char a, char b) {
  for (char c : s) {
    if (c == a || c == b) return true;
  }
  return false;
}

// WMD-06 file-set syntax; returns a reason or nullptr.
const char* FileSetProblem(std::string_view path, std::string_view filespec) {
  if (path.empty()) return "path is empty";
  if (filespec.empty()) return "filespec is empty";
  if (HasEither(WithoutWin32Prefix(path), '*', '?')) return "path contains a wildcard";
  if (HasEither(filespec, '\\', '/')) return "filespec contains a directory separator";
  return nullptr;
}

// Fills the element `fill` appends to `list` in place; on an exception the element is removed
// again, so the document is as before the call.
template <class T, class Fill>
void AppendInPlace(std::vector<T>& list, Fill fill) {
  T& item = list.emplace_back();
  try {
    fill(item);
  } catch (...) {
    list.pop_back();
    throw;
  }
}

bool SameTriple(const FileSpec& f, std::string_view path, std::string_view filespec,
                bool recursive) {
  return f.path == path && f.filespec == filespec && f.recursive == recursive;
}

}  // namespace

CreateWriterMetadata::CreateWriterMetadata(WriterIdentity identity, FindingSink findings)
    : findings_(std::move(findings)) {
  metadata_->identity = std::move(identity);
}

void CreateWriterMetadata::Report(std::string_view rule_id, std::string message) const {
  if (findings_) findings_(rule_id, std::move(message));
}

HResult CreateWriterMetadata::SetRestoreMethod(vss::RestoreMethod method, std::string_view service,
                                               std::string_view user_procedure,
                                               vss::WriterRestore writer_restore,
                                               bool reboot_required) {
  // WMD-02: UNDEFINED method / writer-restore values are writer errors.
  if (method == vss::RestoreMethod::VSS_RME_UNDEFINED ||
      writer_restore == vss::WriterRestore::VSS_WRE_UNDEFINED) {
    Report("WMD-02", "SetRestoreMethod with VSS_RME_UNDEFINED or VSS_WRE_UNDEFINED");
    return hr::E_INVALIDARG;
  }
  if ((method == vss::RestoreMethod::VSS_RME_STOP_RESTORE_START ||
       method == vss::RestoreMethod::VSS_RME_RESTORE_STOP_START) &&
      service.empty()) {
    Report("WMD-02",
           "SetRestoreMethod(" + std::string(vss::NameOf(method)) + ") needs the service name");
    return hr::E_INVALIDARG;
  }
  // In place; a second call keeps the mappings. The texts are made first (only they can throw).
  std::string service_text(service);
  std::string user_procedure_text(user_procedure);
  RestoreMethodInfo& info =
      metadata_->restore_method ? *metadata_->restore_method : metadata_->restore_method.emplace();
  info.method = method;
  info.service = std::move(service_text);
  info.user_procedure = std::move(user_procedure_text);
  info.writer_restore = writer_restore;
  info.reboot_required = reboot_required;
  return hr::S_OK;
}

HResult CreateWriterMetadata::AddAlternateLocationMapping(std::string_view path,
                                                          std::string_view filespec, bool recursive,
                                                          std::string_view destination) {
  if (!metadata_->restore_method) {  // WMD-03
    Report("WMD-03", "AddAlternateLocationMapping before SetRestoreMethod");
    return hr::VSS_E_OBJECT_NOT_FOUND;
  }
  if (destination.empty()) return hr::E_INVALIDARG;
  bool found = false;  // MATCH-01: the triple must name an existing file set
  for (const ComponentDescription& c : metadata_->components) {
    for (const auto* list : {&c.files, &c.database_files, &c.log_files}) {
      found = found || std::any_of(list->begin(), list->end(), [&](const FileSpec& f) {
                return SameTriple(f, path, filespec, recursive);
              });
    }
  }
  if (!found) {
    Report("MATCH-01", "AddAlternateLocationMapping(" + std::string(path) + ", " +
                           std::string(filespec) + ") names no file set of any component");
    return hr::VSS_E_OBJECT_NOT_FOUND;
  }
  AlternateLocationMapping m;
  m.path = std::string(path);
  m.filespec = std::string(filespec);
  m.recursive = recursive;
  m.destination = std::string(destination);
  metadata_->restore_method->alternate_location_mappings.push_back(std::move(m));
  return hr::S_OK;
}

HResult CreateWriterMetadata::AddComponent(vss::ComponentType type, std::string_view logical_path,
                                           std::string_view name, std::string_view caption,
                                           const std::vector<std::uint8_t>& icon,
                                           bool restore_metadata, bool notify_on_backup_complete,
                                           bool selectable, bool selectable_for_restore,
                                           vss::ComponentFlags flags) {
  // WMD-04.
  if (type != vss::ComponentType::VSS_CT_DATABASE && type != vss::ComponentType::VSS_CT_FILEGROUP) {
    Report("WMD-04", "AddComponent with component type " + vss::ToString(type));
    return hr::E_INVALIDARG;
  }
  if (name.empty() || name.find('\\') != std::string_view::npos) {
    Report("WMD-04",
           "AddComponent name \"" + std::string(name) + "\" is empty or contains a backslash");
    return hr::E_INVALIDARG;
  }
  if ((static_cast<std::uint32_t>(flags) & ~kKnownComponentFlags) != 0) {
    return hr::E_INVALIDARG;
  }
  if (metadata_->FindComponent(logical_path, name) != nullptr) {
    Report("SEL-09",
           "AddComponent duplicate (" + std::string(logical_path) + ", " + std::string(name) + ")");
    return hr::VSS_E_OBJECT_ALREADY_EXISTS;
  }
  if (restore_metadata || notify_on_backup_complete) {
    Report("WMD-04",
           "AddComponent sets a reserved flag (bRestoreMetadata / "
           "bNotifyOnBackupComplete should be false)");
  }
  AppendInPlace(metadata_->components, [&](ComponentDescription& c) {
    c.type = type;
    c.logical_path.assign(logical_path);
    c.name.assign(name);
    c.caption.assign(caption);
    c.icon = icon;
    c.restore_metadata = restore_metadata;
    c.notify_on_backup_complete = notify_on_backup_complete;
    c.selectable = selectable;
    c.selectable_for_restore = selectable_for_restore;
    c.flags = flags;
  });
  return hr::S_OK;
}

HResult CreateWriterMetadata::AddFileSet(vss::ComponentType required_type, std::string_view method,
                                         std::string_view logical_path,
                                         std::string_view component_name, std::string_view path,
                                         std::string_view filespec, bool recursive,
                                         std::string_view alternate_location,
                                         vss::FileSpecBackupType mask, int list) {
  ComponentDescription* c = metadata_->FindComponent(logical_path, component_name);
  if (c == nullptr) {  // WMD-05
    Report("WMD-05", std::string(method) + ": no component (" + std::string(logical_path) + ", " +
                         std::string(component_name) + ")");
    return hr::VSS_E_OBJECT_NOT_FOUND;
  }
  if (c->type != required_type) {
    Report("WMD-05", std::string(method) + " on a " + vss::ToString(c->type) + " component");
    return hr::E_INVALIDARG;
  }
  if (const char* problem = FileSetProblem(path, filespec)) {
    Report("WMD-06", std::string(method) + ": " + problem);
    return hr::E_INVALIDARG;
  }
  if ((static_cast<std::uint32_t>(mask) & ~kKnownFileSpecBits) != 0) {
    Report("FSBT-01", std::string(method) + ": unknown bits in the backup-type mask");
    return hr::E_INVALIDARG;
  }
  // WMD-06: a file may be named only once in a writer (SHOULD; reported, not refused). One
  // finding per call, naming the first component that has it: n identical calls give n-1
  // findings, not n(n-1)/2 (issue #23 item 4).
  [&] {
    for (const ComponentDescription& other : metadata_->components) {
      for (const auto* l : {&other.files, &other.database_files, &other.log_files}) {
        for (const FileSpec& f : *l) {
          if (SameTriple(f, path, filespec, recursive)) {
            Report("WMD-06", std::string(method) + ": file set " + std::string(path) + "\\" +
                                 std::string(filespec) + " already in component " +
                                 other.FullPath());
            return;
          }
        }
      }
    }
  }();
  AppendInPlace(list == 0   ? c->files
                : list == 1 ? c->database_files
                            : c->log_files,
                [&](FileSpec& spec) {
                  spec.path.assign(path);
                  spec.filespec.assign(filespec);
                  spec.recursive = recursive;
                  spec.alternate_path.assign(alternate_location);
                  spec.backup_type_mask = mask;
                });
  return hr::S_OK;
}

HResult CreateWriterMetadata::AddFilesToFileGroup(std::string_view logical_path,
                                                  std::string_view group_name,
                                                  std::string_view path, std::string_view filespec,
                                                  bool recursive,
                                                  std::string_view alternate_location,
                                                  vss::FileSpecBackupType mask) {
  return AddFileSet(vss::ComponentType::VSS_CT_FILEGROUP, "AddFilesToFileGroup", logical_path,
                    group_name, path, filespec, recursive, alternate_location, mask, 0);
}

HResult CreateWriterMetadata::AddDatabaseFiles(std::string_view logical_path,
                                               std::string_view database_name,
                                               std::string_view path, std::string_view filespec,
                                               vss::FileSpecBackupType mask) {
  return AddFileSet(vss::ComponentType::VSS_CT_DATABASE, "AddDatabaseFiles", logical_path,
                    database_name, path, filespec, false, {}, mask, 1);
}

HResult CreateWriterMetadata::AddDatabaseLogFiles(std::string_view logical_path,
                                                  std::string_view database_name,
                                                  std::string_view path, std::string_view filespec,
                                                  vss::FileSpecBackupType mask) {
  return AddFileSet(vss::ComponentType::VSS_CT_DATABASE, "AddDatabaseLogFiles", logical_path,
                    database_name, path, filespec, false, {}, mask, 2);
}

HResult CreateWriterMetadata::AddExcludeFiles(std::string_view path, std::string_view filespec,
                                              bool recursive) {
  if (const char* problem = FileSetProblem(path, filespec)) {
    Report("WMD-07", std::string("AddExcludeFiles: ") + problem);
    return hr::E_INVALIDARG;
  }
  FileSpec spec;
  spec.path = std::string(path);
  spec.filespec = std::string(filespec);
  spec.recursive = recursive;
  metadata_->exclude_files.push_back(std::move(spec));
  return hr::S_OK;
}

HResult CreateWriterMetadata::AddExcludeFilesFromSnapshot(std::string_view path,
                                                          std::string_view filespec,
                                                          bool recursive) {
  if (const char* problem = FileSetProblem(path, filespec)) {
    Report("WMD-08", std::string("AddExcludeFilesFromSnapshot: ") + problem);
    return hr::E_INVALIDARG;
  }
  FileSpec spec;
  spec.path = std::string(path);
  spec.filespec = std::string(filespec);
  spec.recursive = recursive;
  metadata_->exclude_files_from_snapshot.push_back(std::move(spec));
  return hr::S_OK;
}

HResult CreateWriterMetadata::AddIncludeFiles(std::string_view, std::string_view, bool,
                                              std::string_view) {
  Report("WMD-11", "AddIncludeFiles is reserved and not supported");
  return hr::E_NOTIMPL;
}

HResult CreateWriterMetadata::AddComponentDependency(std::string_view for_logical_path,
                                                     std::string_view for_name,
                                                     const Guid& on_writer_id,
                                                     std::string_view on_logical_path,
                                                     std::string_view on_name) {
  ComponentDescription* c = metadata_->FindComponent(for_logical_path, for_name);
  if (c == nullptr) {  // WMD-09
    Report("WMD-09", "AddComponentDependency: no component (" + std::string(for_logical_path) +
                         ", " + std::string(for_name) + ")");
    return hr::VSS_E_OBJECT_NOT_FOUND;
  }
  if (on_name.empty() || on_writer_id == metadata_->identity.writer_id) {
    Report("WMD-09", "AddComponentDependency on this writer's own components or without a name");
    return hr::E_INVALIDARG;
  }
  ComponentDependency d;
  d.writer_id = on_writer_id;
  d.logical_path = std::string(on_logical_path);
  d.component_name = std::string(on_name);
  c->dependencies.push_back(std::move(d));
  return hr::S_OK;
}

HResult CreateWriterMetadata::SetBackupSchema(vss::BackupSchema schema) {
  using S = vss::BackupSchema;
  const std::uint32_t bits = Bits(schema);
  const bool incr_or_diff = (bits & (Bits(S::VSS_BS_INCREMENTAL) | Bits(S::VSS_BS_DIFFERENTIAL)));
  std::string problem;
  if ((bits & ~kKnownSchemaBits) != 0) {
    problem = "unknown bits";
  } else if ((bits & Bits(S::VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL)) &&
             !vss::HasAll(schema, S::VSS_BS_INCREMENTAL | S::VSS_BS_DIFFERENTIAL)) {
    problem = "EXCLUSIVE_INCREMENTAL_DIFFERENTIAL needs both INCREMENTAL and DIFFERENTIAL";
  } else if ((bits & (Bits(S::VSS_BS_TIMESTAMPED) | Bits(S::VSS_BS_LAST_MODIFY))) &&
             !incr_or_diff) {
    problem = "TIMESTAMPED / LAST_MODIFY need INCREMENTAL or DIFFERENTIAL";
  }
  if (!problem.empty()) {  // WMD-10
    Report("WMD-10", "SetBackupSchema(" + vss::ToString(schema) + "): " + problem);
    return hr::E_INVALIDARG;
  }
  metadata_->backup_schema = schema;
  return hr::S_OK;
}

HResult CreateWriterMetadata::SaveAsXML(std::string* xml) const {
  if (xml == nullptr) return hr::E_INVALIDARG;
  if (!metadata_->restore_method) {
    Report("WRT-IDENTIFY-05", "the writer set no restore method before the WMD was saved");
  }
  if (metadata_->components.empty()) {
    Report("WRT-IDENTIFY-05", "the writer added no component before the WMD was saved");
  }
  if (vss::HasAll(metadata_->backup_schema, vss::BackupSchema::VSS_BS_LOG)) {
    bool has_log = std::any_of(metadata_->components.begin(), metadata_->components.end(),
                               [](const ComponentDescription& c) { return !c.log_files.empty(); });
    if (!has_log) Report("WMD-10", "schema VSS_BS_LOG without any AddDatabaseLogFiles file set");
  }
  *xml = WriteWriterMetadataXml(*metadata_);
  return hr::S_OK;
}

}  // namespace vsssim::metadata
