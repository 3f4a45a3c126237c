// Component: the per-component API over one ComponentState of a BackupComponents, shaped
// like IVssComponent / IVssComponentEx / IVssComponentEx2. Writers get one per explicitly
// included component in the handlers that receive IVssWriterComponents; requesters get one
// from GetWriterComponents.
//
// The handler-placement matrix of ../shared/spec/CATALOGUE.md §3.6 (WRT-CALL-03..15, 24) and
// the BCD edit windows (BCD-WIN-01..05) are enforced from a data table
// (sim/metadata/component_rules.cc): a call from the wrong handler, or a writer-only setter
// called by a requester, returns the documented HRESULT (VSS_E_BAD_STATE) and reports the
// rule through the FindingSink. Cells the catalogue marks "?" are allowed (tolerant choice,
// docs/xml-format.md "Handler placement").
//
// CONTRACT: consumed by sim/writer and sim/coordinator. Names are stable.
//
// REQUIRES: the ComponentState outlives the Component (it is a view, not a copy).
// Thread safety: none.
#ifndef VSSSIM_METADATA_COMPONENT_H_
#define VSSSIM_METADATA_COMPONENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/finding_sink.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/hresult.h"
#include "vsssim/vss/writer_event.h"

namespace vsssim::metadata {

// Who is calling: a writer inside the handler of `event`, or the requester. A requester
// states whether the session is a backup or a restore (getters of the other kind return
// VSS_E_BAD_STATE, WRT-CALL-24).
struct Caller {
  enum class Operation { kBackup, kRestore };
  std::optional<vss::WriterEvent> writer_event;  // nullopt: requester
  Operation operation = Operation::kBackup;

  static Caller Writer(vss::WriterEvent event);
  static Caller Requester(Operation operation);
  bool is_requester() const { return !writer_event.has_value(); }
  // "writer in OnPostSnapshot" / "requester (backup)".
  std::string Describe() const;
};

// The methods whose placement is checked, one per IVssComponent method.
enum class ComponentMethod {
  kSetBackupMetadata,
  kSetBackupStamp,
  kGetPreviousBackupStamp,
  kAddDifferencedFilesByLastModifyTime,
  kAddPartialFile,
  kSetPrepareForBackupFailureMsg,
  kSetPostSnapshotFailureMsg,
  kSetRestoreMetadata,
  kSetRestoreTarget,
  kAddDirectedTarget,
  kSetPreRestoreFailureMsg,
  kSetPostRestoreFailureMsg,
  kSetFailure,
  kBackupGetter,   // GetBackupMetadata, GetBackupStamp, GetBackupOptions, GetDifferencedFile...
  kRestoreGetter,  // IsSelectedForRestore, GetRestoreOptions, GetNewTarget, GetRestoreTarget...
  kGetBackupSucceeded,
  kGetFileRestoreStatus,
  kNeutralGetter,  // identity, GetFailure, failure-message getters
};

// Optional documents that let Component check data rules (PART-01 partial-file support,
// DIFF-01 schema, DIFF-03 file-set placement, DIFF-04, DT-01). Violations are findings only;
// the call still succeeds (choice: VSS documents no error code for them).
struct ComponentContext {
  const BackupComponents* bcd = nullptr;              // requester state
  const WriterMetadata* wmd = nullptr;                // the writer's own WMD
  const ComponentDescription* description = nullptr;  // this component in `wmd`
};

class Component {
 public:
  Component(ComponentState& state, Caller caller, FindingSink findings = {},
            ComponentContext context = {});

  // Identity.
  HResult GetLogicalPath(std::string* logical_path) const;
  HResult GetComponentName(std::string* name) const;
  HResult GetComponentType(vss::ComponentType* type) const;

  // Backup: writer-set (WRT-CALL-03/04/06/07/08/09, STAMP-*, DIFF-*, PART-*).
  HResult SetBackupMetadata(std::string_view metadata);
  HResult GetBackupMetadata(std::string* metadata) const;  // S_FALSE when none
  HResult SetBackupStamp(std::string_view stamp);
  HResult GetBackupStamp(std::string* stamp) const;          // S_FALSE when none (STAMP-04)
  HResult GetPreviousBackupStamp(std::string* stamp) const;  // S_FALSE when none
  HResult AddDifferencedFilesByLastModifyTime(std::string_view path, std::string_view filespec,
                                              bool recursive, std::uint64_t last_modify_time);
  HResult AddDifferencedFilesByLastModifyLSN(std::string_view path, std::string_view filespec,
                                             bool recursive, std::string_view lsn);  // DIFF-08
  HResult GetDifferencedFilesCount(std::uint32_t* count) const;
  HResult GetDifferencedFile(std::uint32_t index, DifferencedFile* file) const;
  HResult AddPartialFile(std::string_view path, std::string_view filename, std::string_view ranges,
                         std::string_view metadata);
  HResult GetPartialFileCount(std::uint32_t* count) const;
  HResult GetPartialFile(std::uint32_t index, PartialFile* file) const;
  HResult SetPrepareForBackupFailureMsg(std::string_view message);
  HResult SetPostSnapshotFailureMsg(std::string_view message);
  HResult GetPrepareForBackupFailureMsg(std::string* message) const;  // S_FALSE when none
  HResult GetPostSnapshotFailureMsg(std::string* message) const;
  // Backup: requester-set values, read here.
  HResult GetBackupOptions(std::string* options) const;  // S_FALSE when none
  HResult GetBackupSucceeded(bool* succeeded) const;     // S_FALSE before it is set (WRT-BC-01)

  // Restore: requester-set values, read here.
  HResult IsSelectedForRestore(bool* selected) const;
  HResult GetAdditionalRestores(bool* additional) const;
  HResult GetRestoreOptions(std::string* options) const;
  HResult GetRestoreSubcomponentCount(std::uint32_t* count) const;
  HResult GetRestoreSubcomponent(std::uint32_t index, RestoreSubcomponent* sub) const;
  HResult GetNewTargetCount(std::uint32_t* count) const;
  HResult GetNewTarget(std::uint32_t index, NewTarget* target) const;
  HResult GetAlternateLocationMappingCount(std::uint32_t* count) const;
  HResult GetAlternateLocationMapping(std::uint32_t index, AlternateLocationMapping* m) const;
  HResult GetFileRestoreStatus(vss::FileRestoreStatus* status) const;
  HResult GetAuthoritativeRestore(bool* authoritative) const;
  HResult GetRollForward(vss::RollForwardType* type, std::string* point) const;
  HResult GetRestoreName(std::string* name) const;  // S_FALSE when none
  // Restore: writer-set (WRT-CALL-10..14, DT-*).
  HResult SetRestoreMetadata(std::string_view metadata);
  HResult GetRestoreMetadata(std::string* metadata) const;  // S_FALSE when none
  HResult SetRestoreTarget(vss::RestoreTarget target);
  HResult GetRestoreTarget(vss::RestoreTarget* target) const;
  HResult AddDirectedTarget(std::string_view source_path, std::string_view source_filename,
                            std::string_view source_ranges, std::string_view destination_path,
                            std::string_view destination_filename,
                            std::string_view destination_ranges);
  HResult GetDirectedTargetCount(std::uint32_t* count) const;
  HResult GetDirectedTarget(std::uint32_t index, DirectedTarget* target) const;
  HResult SetPreRestoreFailureMsg(std::string_view message);
  HResult SetPostRestoreFailureMsg(std::string_view message);
  HResult GetPreRestoreFailureMsg(std::string* message) const;
  HResult GetPostRestoreFailureMsg(std::string* message) const;

  // Ex2 (WRT-CALL-15).
  HResult SetFailure(HResult hr, HResult application_hr, std::string_view message,
                     std::uint32_t reserved = 0);
  HResult GetFailure(HResult* hr, HResult* application_hr, std::string* message,
                     std::uint32_t* reserved) const;  // S_FALSE when none

  const ComponentState& state() const { return state_; }
  const Caller& caller() const { return caller_; }
  // Where this component reports findings (a remote writer's forwarded findings go there too).
  const FindingSink& findings() const { return findings_; }

 private:
  // S_OK, or the placement error after reporting the finding.
  HResult Check(ComponentMethod method, std::string_view method_name) const;

  void Report(std::string_view rule_id, std::string message) const;

  ComponentState& state_;
  Caller caller_;
  FindingSink findings_;
  ComponentContext context_;
};

// The placement decision for `method` called by `caller`: S_OK or the error, and the rule ID
// that decides it. Exposed for tests and for the conformance checker.
struct PlacementVerdict {
  HResult result;
  std::string_view rule_id;
};
PlacementVerdict CheckPlacement(ComponentMethod method, const Caller& caller);

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_COMPONENT_H_
