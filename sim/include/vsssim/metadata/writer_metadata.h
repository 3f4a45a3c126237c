// The Writer Metadata Document (WMD) as a plain data model: what a writer declares in
// OnIdentify (../shared/spec/CATALOGUE.md §3.11, §6.2) — its identity, restore method with
// alternate location mappings, components with their file sets and dependencies, exclusions
// and backup schema.
//
// CONTRACT: this header is consumed by sim/writer (writers build it through
// CreateWriterMetadata) and sim/coordinator (requesters read it through
// ExamineWriterMetadata). Names are stable; members may be added, never renamed.
//
// Equality compares content only: `source_line` (where a reader found an element) and the
// order of unknown XML preserved in `extensions` is part of content, the line is not.
//
// Thread safety: plain values.
#ifndef VSSSIM_METADATA_WRITER_METADATA_H_
#define VSSSIM_METADATA_WRITER_METADATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"

namespace vsssim::metadata {

// XML a reader did not understand, kept so a round trip loses nothing (§6, WMDX-11): unknown
// attributes in document order, and unknown child elements as serialised XML text.
struct Extensions {
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<std::string> elements;

  bool empty() const { return attributes.empty() && elements.empty(); }
  friend bool operator==(const Extensions& a, const Extensions& b) {
    return a.attributes == b.attributes && a.elements == b.elements;
  }
  friend bool operator!=(const Extensions& a, const Extensions& b) { return !(a == b); }
};

// One file set (WMD-05, WMD-06): a directory, a filespec with wildcards, recursion, an
// optional alternate backup source (ALT-01) and the file-spec backup-type mask (FSBT-01).
struct FileSpec {
  std::string path;
  std::string filespec;
  bool recursive = false;
  std::string alternate_path;  // empty: none
  vss::FileSpecBackupType backup_type_mask = vss::kDefaultFileSpecBackupType;
  Extensions extensions;
  int source_line = 0;  // 0 when built in memory; not part of equality

  friend bool operator==(const FileSpec& a, const FileSpec& b);
  friend bool operator!=(const FileSpec& a, const FileSpec& b) { return !(a == b); }
};

// A writer-level restore destination for a file set (WMD-03, ALT-02). (path, filespec,
// recursive) names an existing file set (MATCH-01).
struct AlternateLocationMapping {
  std::string path;
  std::string filespec;
  bool recursive = false;
  std::string destination;
  Extensions extensions;
  int source_line = 0;

  friend bool operator==(const AlternateLocationMapping& a, const AlternateLocationMapping& b);
  friend bool operator!=(const AlternateLocationMapping& a, const AlternateLocationMapping& b) {
    return !(a == b);
  }
};

// SetRestoreMethod (WMD-02) plus the mappings added after it (WMD-03).
struct RestoreMethodInfo {
  vss::RestoreMethod method = vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE;
  std::string service;
  std::string user_procedure;
  vss::WriterRestore writer_restore = vss::WriterRestore::VSS_WRE_NEVER;
  bool reboot_required = false;
  std::vector<AlternateLocationMapping> alternate_location_mappings;
  Extensions extensions;
  int source_line = 0;

  friend bool operator==(const RestoreMethodInfo& a, const RestoreMethodInfo& b);
  friend bool operator!=(const RestoreMethodInfo& a, const RestoreMethodInfo& b) {
    return !(a == b);
  }
};

// AddComponentDependency (WMD-09, SEL-11): the component depends on another writer's
// component. A logical path starting with "\\" names a remote computer (MATCH-04).
struct ComponentDependency {
  Guid writer_id;
  std::string logical_path;
  std::string component_name;
  Extensions extensions;
  int source_line = 0;

  friend bool operator==(const ComponentDependency& a, const ComponentDependency& b);
  friend bool operator!=(const ComponentDependency& a, const ComponentDependency& b) {
    return !(a == b);
  }
};

// One component (WMD-04). FILE_GROUP components hold `files`; DATABASE components hold
// `database_files` and `log_files` (WMDX-01).
struct ComponentDescription {
  vss::ComponentType type = vss::ComponentType::VSS_CT_FILEGROUP;
  std::string logical_path;  // "" = top level
  std::string name;
  std::string caption;
  std::vector<std::uint8_t> icon;
  bool restore_metadata = false;           // reserved by Microsoft: always false
  bool notify_on_backup_complete = false;  // reserved by Microsoft: always false
  bool selectable = false;
  bool selectable_for_restore = false;
  vss::ComponentFlags flags = vss::ComponentFlags{0};
  std::vector<FileSpec> files;
  std::vector<FileSpec> database_files;
  std::vector<FileSpec> log_files;
  std::vector<ComponentDependency> dependencies;
  Extensions extensions;
  int source_line = 0;

  // "\<logical path>\<name>", or "\<name>" at top level — vshadow's "Full Path".
  std::string FullPath() const;
  // True when (logical_path, name) equals the given pair (SEL-09 identity).
  bool Is(std::string_view lpath, std::string_view component_name) const {
    return logical_path == lpath && name == component_name;
  }

  friend bool operator==(const ComponentDescription& a, const ComponentDescription& b);
  friend bool operator!=(const ComponentDescription& a, const ComponentDescription& b) {
    return !(a == b);
  }
};

// Writer identity (WMD-01): from CVssWriter::Initialize(Ex); the instance id comes from VSS.
struct WriterIdentity {
  Guid writer_id;    // writer class id
  Guid instance_id;  // this instance
  std::string writer_name;
  std::string instance_name;  // empty: none
  vss::UsageType usage = vss::UsageType::VSS_UT_USERDATA;
  vss::SourceType source_type = vss::SourceType::VSS_ST_OTHER;
  std::uint32_t major_version = 1;
  std::uint32_t minor_version = 0;
  Extensions extensions;
  int source_line = 0;

  friend bool operator==(const WriterIdentity& a, const WriterIdentity& b);
  friend bool operator!=(const WriterIdentity& a, const WriterIdentity& b) { return !(a == b); }
};

// The whole document.
struct WriterMetadata {
  std::string version = "1.2";  // WRITER_METADATA@version as written by Windows (§6.2)
  WriterIdentity identity;
  std::optional<RestoreMethodInfo> restore_method;  // missing in some real output (WMDX-08)
  std::vector<ComponentDescription> components;
  std::vector<FileSpec> exclude_files;                                    // WMD-07
  std::vector<FileSpec> exclude_files_from_snapshot;                      // WMD-08
  vss::BackupSchema backup_schema = vss::BackupSchema::VSS_BS_UNDEFINED;  // WMD-10
  Extensions extensions;                   // on WRITER_METADATA itself
  Extensions backup_locations_extensions;  // on BACKUP_LOCATIONS

  // The component with (logical path, name), or nullptr.
  const ComponentDescription* FindComponent(std::string_view logical_path,
                                            std::string_view name) const;
  ComponentDescription* FindComponent(std::string_view logical_path, std::string_view name);
  // Number of file sets over all components (files + database files + log files).
  std::size_t FileSetCount() const;

  friend bool operator==(const WriterMetadata& a, const WriterMetadata& b);
  friend bool operator!=(const WriterMetadata& a, const WriterMetadata& b) { return !(a == b); }
};

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_WRITER_METADATA_H_
