// The Backup Components Document (BCD) as a plain data model (../shared/spec/CATALOGUE.md
// XML-03, §6.3): the requester's backup/restore state and, per writer instance, the
// explicitly included components (BCDX-01) with everything writers and requesters record on
// them (stamps, private metadata, options, failure messages, differenced and partial files,
// targets, restore selection and status).
//
// CONTRACT: this header is consumed by sim/writer (through metadata::Component, the
// IVssComponent-shaped view) and sim/coordinator (which owns one BackupComponents per
// requester session and serialises it with SaveAsXML). Names are stable; members may be
// added, never renamed.
//
// Optional fields use std::optional where VSS distinguishes "never set" (getters return
// S_FALSE) from an empty value. Equality ignores `source_line`.
//
// Thread safety: plain values.
#ifndef VSSSIM_METADATA_BACKUP_COMPONENTS_H_
#define VSSSIM_METADATA_BACKUP_COMPONENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::metadata {

// AddDifferencedFilesByLastModifyTime (DIFF-01..03). Time is a FILETIME (100 ns since 1601,
// GMT); 0 = the requester decides (DIFF-02).
struct DifferencedFile {
  std::string path;
  std::string filespec;
  bool recursive = false;
  std::uint64_t last_modify_time = 0;
  int source_line = 0;
  friend bool operator==(const DifferencedFile& a, const DifferencedFile& b);
  friend bool operator!=(const DifferencedFile& a, const DifferencedFile& b) { return !(a == b); }
};

// AddPartialFile (PART-01..03). `ranges` is "offset:length,..." or a ranges-file path;
// `ranges_file_path` is what SetRangesFilePath recorded at restore (PART-04), empty if none.
struct PartialFile {
  std::string path;
  std::string filename;
  std::string ranges;
  std::string metadata;
  std::string ranges_file_path;
  int source_line = 0;
  friend bool operator==(const PartialFile& a, const PartialFile& b);
  friend bool operator!=(const PartialFile& a, const PartialFile& b) { return !(a == b); }
};

// AddNewTarget (NT-01): the file set (path, filespec, recursive) goes to `alternate_path`.
struct NewTarget {
  std::string path;
  std::string filespec;
  bool recursive = false;
  std::string alternate_path;
  int source_line = 0;
  friend bool operator==(const NewTarget& a, const NewTarget& b);
  friend bool operator!=(const NewTarget& a, const NewTarget& b) { return !(a == b); }
};

// AddDirectedTarget (DT-01..03).
struct DirectedTarget {
  std::string source_path;
  std::string source_filename;
  std::string source_ranges;
  std::string destination_path;
  std::string destination_filename;
  std::string destination_ranges;
  int source_line = 0;
  friend bool operator==(const DirectedTarget& a, const DirectedTarget& b);
  friend bool operator!=(const DirectedTarget& a, const DirectedTarget& b) { return !(a == b); }
};

// AddRestoreSubcomponent (SEL-07).
struct RestoreSubcomponent {
  std::string logical_path;
  std::string component_name;
  bool repair = false;  // reserved in the SDK signature (bRepair)
  int source_line = 0;
  friend bool operator==(const RestoreSubcomponent& a, const RestoreSubcomponent& b);
  friend bool operator!=(const RestoreSubcomponent& a, const RestoreSubcomponent& b) {
    return !(a == b);
  }
};

// IVssComponentEx2::SetFailure (WRT-CALL-15).
struct ComponentFailure {
  HResult hr;
  HResult application_hr;
  std::string message;
  std::uint32_t reserved = 0;
  friend bool operator==(const ComponentFailure& a, const ComponentFailure& b);
  friend bool operator!=(const ComponentFailure& a, const ComponentFailure& b) { return !(a == b); }
};

// One explicitly included component (BCDX-01) and everything recorded on it.
struct ComponentState {
  // Identity (SEL-09).
  vss::ComponentType type = vss::ComponentType::VSS_CT_FILEGROUP;
  std::string logical_path;
  std::string name;

  // Backup, written by the writer (BCD-WIN-05).
  std::optional<std::string> backup_stamp;     // STAMP-01
  std::optional<std::string> backup_metadata;  // WRT-CALL-03, BCDX-04
  std::optional<std::string> prepare_for_backup_failure_msg;
  std::optional<std::string> post_snapshot_failure_msg;
  std::vector<DifferencedFile> differenced_files;
  std::vector<PartialFile> partial_files;
  // Backup, written by the requester.
  std::optional<std::string> previous_backup_stamp;  // STAMP-02
  std::optional<std::string> backup_options;
  std::optional<bool> backup_succeeded;  // SetBackupSucceeded; unset: S_FALSE (WRT-BC-01)

  // Restore, written by the requester.
  bool selected_for_restore = false;
  bool additional_restores = false;            // AR-01
  std::optional<std::string> restore_options;  // RO-01
  std::vector<RestoreSubcomponent> restore_subcomponents;
  std::vector<NewTarget> new_targets;
  std::vector<AlternateLocationMapping> alternate_location_mappings;  // used ones (ALT-04)
  vss::FileRestoreStatus file_restore_status = vss::FileRestoreStatus::VSS_RS_UNDEFINED;
  bool authoritative_restore = false;                                               // RO-02
  vss::RollForwardType roll_forward_type = vss::RollForwardType::VSS_RF_UNDEFINED;  // RO-02
  std::string roll_forward_point;
  std::optional<std::string> restore_name;  // RO-02
  // Restore, written by the writer.
  std::optional<std::string> restore_metadata;                              // WRT-CALL-10
  vss::RestoreTarget restore_target = vss::RestoreTarget::VSS_RT_ORIGINAL;  // RM-01
  std::vector<DirectedTarget> directed_targets;
  std::optional<std::string> pre_restore_failure_msg;
  std::optional<std::string> post_restore_failure_msg;

  std::optional<ComponentFailure> failure;  // SetFailure (Ex2)

  Extensions extensions;
  int source_line = 0;

  bool Is(std::string_view lpath, std::string_view component_name) const {
    return logical_path == lpath && name == component_name;
  }
  friend bool operator==(const ComponentState& a, const ComponentState& b);
  friend bool operator!=(const ComponentState& a, const ComponentState& b) { return !(a == b); }
};

// One WRITER_COMPONENTS element: one writer instance (BCDX-01, BCDX-03).
struct WriterComponents {
  Guid writer_id;
  Guid instance_id;
  std::string instance_name;
  vss::BackupSchema backup_schema = vss::BackupSchema::VSS_BS_UNDEFINED;
  std::vector<ComponentState> components;
  Extensions extensions;
  int source_line = 0;

  const ComponentState* FindComponent(std::string_view logical_path, std::string_view name) const;
  ComponentState* FindComponent(std::string_view logical_path, std::string_view name);

  friend bool operator==(const WriterComponents& a, const WriterComponents& b);
  friend bool operator!=(const WriterComponents& a, const WriterComponents& b) { return !(a == b); }
};

// The whole document.
struct BackupComponents {
  std::string version = "1.2";
  // Requester state (SetBackupState / SetRestoreState, XML-03).
  bool select_components = false;  // SEL-01
  bool bootable_system_state_backup = false;
  vss::BackupType backup_type = vss::BackupType::VSS_BT_FULL;
  bool partial_file_support = false;  // PART-01
  Guid snapshot_set_id;
  vss::RestoreType restore_type = vss::RestoreType::VSS_RTYPE_UNDEFINED;  // RT-01
  std::vector<WriterComponents> writers;
  Extensions extensions;  // e.g. SNAPSHOT_SET_DESCRIPTION of transportable sets (BCDX-05)

  // The WRITER_COMPONENTS of the given instance, or nullptr.
  const WriterComponents* FindWriter(const Guid& instance_id) const;
  WriterComponents* FindWriter(const Guid& instance_id);

  friend bool operator==(const BackupComponents& a, const BackupComponents& b);
  friend bool operator!=(const BackupComponents& a, const BackupComponents& b) { return !(a == b); }
};

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_BACKUP_COMPONENTS_H_
