#include "vsssim/metadata/component.h"

#include "sim/metadata/component_out.h"

#include "vsssim/metadata/file_semantics.h"

namespace vsssim::metadata {
namespace {

using M = ComponentMethod;
using internal::At;
using internal::Count;
using internal::Out;
using internal::OutOptional;

}  // namespace

Component::Component(ComponentState& state, Caller caller, FindingSink findings,
                     ComponentContext context)
    : state_(state),
      caller_(std::move(caller)),
      findings_(std::move(findings)),
      context_(context) {}

void Component::Report(std::string_view rule_id, std::string message) const {
  if (findings_) findings_(rule_id, std::move(message));
}

HResult Component::Check(ComponentMethod method, std::string_view method_name) const {
  PlacementVerdict verdict = CheckPlacement(method, caller_);
  if (verdict.result.Failed()) {
    Report(verdict.rule_id, "IVssComponent::" + std::string(method_name) + " called by " +
                                caller_.Describe() + " on component \\" + state_.logical_path +
                                (state_.logical_path.empty() ? "" : "\\") + state_.name +
                                " returns " + ToString(verdict.result));
  }
  return verdict.result;
}

HResult Component::GetLogicalPath(std::string* logical_path) const {
  return Out(logical_path, state_.logical_path);
}
HResult Component::GetComponentName(std::string* name) const { return Out(name, state_.name); }
HResult Component::GetComponentType(vss::ComponentType* type) const {
  return Out(type, state_.type);
}

HResult Component::SetBackupMetadata(std::string_view metadata) {
  VSSSIM_CHECK_PLACEMENT_(M::kSetBackupMetadata, "SetBackupMetadata");
  if (state_.backup_metadata) {  // BCD-WIN-04
    Report("BCD-WIN-04", "SetBackupMetadata called twice on " + state_.name);
    return hr::VSS_E_OBJECT_ALREADY_EXISTS;
  }
  state_.backup_metadata = std::string(metadata);
  return hr::S_OK;
}
HResult Component::GetBackupMetadata(std::string* metadata) const {
  VSSSIM_CHECK_PLACEMENT_(M::kBackupGetter, "GetBackupMetadata");
  return OutOptional(metadata, state_.backup_metadata);
}
HResult Component::SetBackupStamp(std::string_view stamp) {
  VSSSIM_CHECK_PLACEMENT_(M::kSetBackupStamp, "SetBackupStamp");
  state_.backup_stamp = std::string(stamp);  // STAMP-01
  return hr::S_OK;
}
HResult Component::GetBackupStamp(std::string* stamp) const {
  VSSSIM_CHECK_PLACEMENT_(M::kBackupGetter, "GetBackupStamp");
  return OutOptional(stamp, state_.backup_stamp);  // STAMP-04
}
HResult Component::GetPreviousBackupStamp(std::string* stamp) const {
  VSSSIM_CHECK_PLACEMENT_(M::kGetPreviousBackupStamp, "GetPreviousBackupStamp");
  return OutOptional(stamp, state_.previous_backup_stamp);  // STAMP-03
}

HResult Component::AddDifferencedFilesByLastModifyTime(std::string_view path,
                                                       std::string_view filespec, bool recursive,
                                                       std::uint64_t last_modify_time) {
  VSSSIM_CHECK_PLACEMENT_(M::kAddDifferencedFilesByLastModifyTime,
                          "AddDifferencedFilesByLastModifyTime");
  if (path.empty() || filespec.empty()) return hr::E_INVALIDARG;
  DifferencedFile file{std::string(path), std::string(filespec), recursive, last_modify_time, 0};
  if (context_.wmd != nullptr) {
    // DIFF-01: needs LAST_MODIFY and a schema bit matching the backup type.
    vss::BackupSchema schema = context_.wmd->backup_schema;
    bool type_ok =
        context_.bcd == nullptr || (context_.bcd->backup_type != vss::BackupType::VSS_BT_FULL &&
                                    SchemaSupports(schema, context_.bcd->backup_type));
    if (!vss::HasAll(schema, vss::BackupSchema::VSS_BS_LAST_MODIFY) || !type_ok) {
      Report("DIFF-01",
             "AddDifferencedFilesByLastModifyTime without VSS_BS_LAST_MODIFY and "
             "a schema bit for the current backup type");
    }
    if (context_.description != nullptr) {
      RuleProblem p = CheckDifferencedFile(*context_.wmd, *context_.description, file);
      if (!p.ok()) Report(p.rule_id, p.message);
    }
  }
  state_.differenced_files.push_back(std::move(file));
  RuleProblem both = CheckDifferencedVsPartial(state_);
  if (!both.ok()) Report(both.rule_id, both.message);
  return hr::S_OK;
}

HResult Component::AddDifferencedFilesByLastModifyLSN(std::string_view, std::string_view, bool,
                                                      std::string_view) {
  Report("DIFF-08", "AddDifferencedFilesByLastModifyLSN is reserved");
  return hr::E_NOTIMPL;
}
HResult Component::GetDifferencedFilesCount(std::uint32_t* count) const {
  VSSSIM_CHECK_PLACEMENT_(M::kBackupGetter, "GetDifferencedFilesCount");
  return Out(count, Count(state_.differenced_files.size()));
}
HResult Component::GetDifferencedFile(std::uint32_t index, DifferencedFile* file) const {
  VSSSIM_CHECK_PLACEMENT_(M::kBackupGetter, "GetDifferencedFile");
  return At(state_.differenced_files, index, file);
}

HResult Component::AddPartialFile(std::string_view path, std::string_view filename,
                                  std::string_view ranges, std::string_view metadata) {
  VSSSIM_CHECK_PLACEMENT_(M::kAddPartialFile, "AddPartialFile");
  // PART-02: ranges are required; PART-03: a range list or a ranges-file path.
  if (path.empty() || filename.empty() || ranges.empty() ||
      filename.find_first_of("*?") != std::string_view::npos) {
    Report("PART-02", "AddPartialFile with an empty path/filename/ranges or a wildcard");
    return hr::E_INVALIDARG;
  }
  if (!ParseRanges(ranges) && !RangesFilePath(ranges)) {
    Report("PART-03", "AddPartialFile ranges \"" + std::string(ranges) + "\" are malformed");
    return hr::E_INVALIDARG;
  }
  if (context_.bcd != nullptr && !context_.bcd->partial_file_support) {
    Report("PART-01",
           "AddPartialFile although the requester did not enable partial-file "
           "support (SetBackupState)");
  }
  state_.partial_files.push_back(PartialFile{
      std::string(path), std::string(filename), std::string(ranges), std::string(metadata), {}, 0});
  RuleProblem both = CheckDifferencedVsPartial(state_);
  if (!both.ok()) Report(both.rule_id, both.message);
  return hr::S_OK;
}
HResult Component::GetPartialFileCount(std::uint32_t* count) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetPartialFileCount");
  return Out(count, Count(state_.partial_files.size()));
}
HResult Component::GetPartialFile(std::uint32_t index, PartialFile* file) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetPartialFile");
  HResult r = At(state_.partial_files, index, file);
  if (r == hr::S_OK && !file->ranges_file_path.empty()) {
    file->ranges = file->ranges_file_path;  // PART-04: SetRangesFilePath fixes the path
  }
  return r;
}

HResult Component::SetPrepareForBackupFailureMsg(std::string_view message) {
  VSSSIM_CHECK_PLACEMENT_(M::kSetPrepareForBackupFailureMsg, "SetPrepareForBackupFailureMsg");
  state_.prepare_for_backup_failure_msg = std::string(message);
  return hr::S_OK;
}
HResult Component::SetPostSnapshotFailureMsg(std::string_view message) {
  VSSSIM_CHECK_PLACEMENT_(M::kSetPostSnapshotFailureMsg, "SetPostSnapshotFailureMsg");
  state_.post_snapshot_failure_msg = std::string(message);
  return hr::S_OK;
}
HResult Component::GetPrepareForBackupFailureMsg(std::string* message) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetPrepareForBackupFailureMsg");
  return OutOptional(message, state_.prepare_for_backup_failure_msg);
}
HResult Component::GetPostSnapshotFailureMsg(std::string* message) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetPostSnapshotFailureMsg");
  return OutOptional(message, state_.post_snapshot_failure_msg);
}
HResult Component::GetBackupOptions(std::string* options) const {
  VSSSIM_CHECK_PLACEMENT_(M::kBackupGetter, "GetBackupOptions");
  return OutOptional(options, state_.backup_options);
}
HResult Component::GetBackupSucceeded(bool* succeeded) const {
  VSSSIM_CHECK_PLACEMENT_(M::kGetBackupSucceeded, "GetBackupSucceeded");
  if (succeeded == nullptr) return hr::E_INVALIDARG;
  *succeeded = state_.backup_succeeded.value_or(false);
  return state_.backup_succeeded ? hr::S_OK : hr::S_FALSE;  // WRT-BC-01
}

}  // namespace vsssim::metadata
