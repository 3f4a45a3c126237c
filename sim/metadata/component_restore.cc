// Component: the restore half of IVssComponent (requester-set values read by writers, and
// writer-set restore values), plus IVssComponentEx2 failure reporting.
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

HResult Component::IsSelectedForRestore(bool* selected) const {
  VSSSIM_CHECK_PLACEMENT_(M::kRestoreGetter, "IsSelectedForRestore");
  return Out(selected, state_.selected_for_restore);
}
HResult Component::GetAdditionalRestores(bool* additional) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetAdditionalRestores");
  return Out(additional, state_.additional_restores);  // AR-01: false unless set
}
HResult Component::GetRestoreOptions(std::string* options) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetRestoreOptions");
  return OutOptional(options, state_.restore_options);
}
HResult Component::GetRestoreSubcomponentCount(std::uint32_t* count) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetRestoreSubcomponentCount");
  return Out(count, Count(state_.restore_subcomponents.size()));
}
HResult Component::GetRestoreSubcomponent(std::uint32_t index, RestoreSubcomponent* sub) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetRestoreSubcomponent");
  return At(state_.restore_subcomponents, index, sub);
}
HResult Component::GetNewTargetCount(std::uint32_t* count) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetNewTargetCount");
  return Out(count, Count(state_.new_targets.size()));
}
HResult Component::GetNewTarget(std::uint32_t index, NewTarget* target) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetNewTarget");
  return At(state_.new_targets, index, target);
}
HResult Component::GetAlternateLocationMappingCount(std::uint32_t* count) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetAlternateLocationMappingCount");
  return Out(count, Count(state_.alternate_location_mappings.size()));
}
HResult Component::GetAlternateLocationMapping(std::uint32_t index,
                                               AlternateLocationMapping* m) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetAlternateLocationMapping");
  return At(state_.alternate_location_mappings, index, m);  // ALT-04: the ones used
}
HResult Component::GetFileRestoreStatus(vss::FileRestoreStatus* status) const {
  VSSSIM_CHECK_PLACEMENT_(M::kGetFileRestoreStatus, "GetFileRestoreStatus");
  return Out(status, state_.file_restore_status);
}
HResult Component::GetAuthoritativeRestore(bool* authoritative) const {
  VSSSIM_CHECK_PLACEMENT_(M::kRestoreGetter, "GetAuthoritativeRestore");
  return Out(authoritative, state_.authoritative_restore);
}
HResult Component::GetRollForward(vss::RollForwardType* type, std::string* point) const {
  VSSSIM_CHECK_PLACEMENT_(M::kRestoreGetter, "GetRollForward");
  if (type == nullptr || point == nullptr) return hr::E_INVALIDARG;
  *type = state_.roll_forward_type;
  *point = state_.roll_forward_point;
  return hr::S_OK;
}
HResult Component::GetRestoreName(std::string* name) const {
  VSSSIM_CHECK_PLACEMENT_(M::kRestoreGetter, "GetRestoreName");
  return OutOptional(name, state_.restore_name);
}

HResult Component::SetRestoreMetadata(std::string_view metadata) {
  VSSSIM_CHECK_PLACEMENT_(M::kSetRestoreMetadata, "SetRestoreMetadata");
  if (state_.restore_metadata) {  // BCD-WIN-04
    Report("BCD-WIN-04", "SetRestoreMetadata called twice on " + state_.name);
    return hr::VSS_E_OBJECT_ALREADY_EXISTS;
  }
  state_.restore_metadata = std::string(metadata);
  return hr::S_OK;
}
HResult Component::GetRestoreMetadata(std::string* metadata) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetRestoreMetadata");
  return OutOptional(metadata, state_.restore_metadata);
}
HResult Component::SetRestoreTarget(vss::RestoreTarget target) {
  VSSSIM_CHECK_PLACEMENT_(M::kSetRestoreTarget, "SetRestoreTarget");
  if (target == vss::RestoreTarget::VSS_RT_UNDEFINED ||
      vss::NameOf(target).empty()) {  // §1.8: UNDEFINED is an error state
    return hr::E_INVALIDARG;
  }
  state_.restore_target = target;
  return hr::S_OK;
}
HResult Component::GetRestoreTarget(vss::RestoreTarget* target) const {
  VSSSIM_CHECK_PLACEMENT_(M::kRestoreGetter, "GetRestoreTarget");
  return Out(target, state_.restore_target);
}
HResult Component::AddDirectedTarget(std::string_view source_path, std::string_view source_filename,
                                     std::string_view source_ranges,
                                     std::string_view destination_path,
                                     std::string_view destination_filename,
                                     std::string_view destination_ranges) {
  VSSSIM_CHECK_PLACEMENT_(M::kAddDirectedTarget, "AddDirectedTarget");
  DirectedTarget t{std::string(source_path),
                   std::string(source_filename),
                   std::string(source_ranges),
                   std::string(destination_path),
                   std::string(destination_filename),
                   std::string(destination_ranges),
                   0};
  if (t.source_path.empty() || t.source_filename.empty() || t.destination_path.empty() ||
      t.destination_filename.empty()) {
    return hr::E_INVALIDARG;
  }
  if (RuleProblem p = CheckDirectedTarget(t); !p.ok()) {  // DT-02
    Report(p.rule_id, p.message);
    return hr::E_INVALIDARG;
  }
  if (state_.restore_target != vss::RestoreTarget::VSS_RT_DIRECTED) {  // DT-01
    Report("DT-01",
           "AddDirectedTarget before SetRestoreTarget(VSS_RT_DIRECTED); the requester "
           "will ignore it");
  }
  state_.directed_targets.push_back(std::move(t));
  return hr::S_OK;
}
HResult Component::GetDirectedTargetCount(std::uint32_t* count) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetDirectedTargetCount");
  return Out(count, Count(state_.directed_targets.size()));
}
HResult Component::GetDirectedTarget(std::uint32_t index, DirectedTarget* target) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetDirectedTarget");
  return At(state_.directed_targets, index, target);
}
HResult Component::SetPreRestoreFailureMsg(std::string_view message) {
  VSSSIM_CHECK_PLACEMENT_(M::kSetPreRestoreFailureMsg, "SetPreRestoreFailureMsg");
  state_.pre_restore_failure_msg = std::string(message);
  return hr::S_OK;
}
HResult Component::SetPostRestoreFailureMsg(std::string_view message) {
  VSSSIM_CHECK_PLACEMENT_(M::kSetPostRestoreFailureMsg, "SetPostRestoreFailureMsg");
  state_.post_restore_failure_msg = std::string(message);
  return hr::S_OK;
}
HResult Component::GetPreRestoreFailureMsg(std::string* message) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetPreRestoreFailureMsg");
  return OutOptional(message, state_.pre_restore_failure_msg);
}
HResult Component::GetPostRestoreFailureMsg(std::string* message) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetPostRestoreFailureMsg");
  return OutOptional(message, state_.post_restore_failure_msg);
}

HResult Component::SetFailure(HResult hr_value, HResult application_hr, std::string_view message,
                              std::uint32_t reserved) {
  VSSSIM_CHECK_PLACEMENT_(M::kSetFailure, "SetFailure");
  state_.failure = ComponentFailure{hr_value, application_hr, std::string(message), reserved};
  return hr::S_OK;
}
HResult Component::GetFailure(HResult* hr_value, HResult* application_hr, std::string* message,
                              std::uint32_t* reserved) const {
  VSSSIM_CHECK_PLACEMENT_(M::kNeutralGetter, "GetFailure");
  if (!hr_value || !application_hr || !message || !reserved) return hr::E_INVALIDARG;
  if (!state_.failure) {
    *hr_value = hr::S_OK;
    *application_hr = hr::S_OK;
    message->clear();
    *reserved = 0;
    return hr::S_FALSE;
  }
  *hr_value = state_.failure->hr;
  *application_hr = state_.failure->application_hr;
  *message = state_.failure->message;
  *reserved = state_.failure->reserved;
  return hr::S_OK;
}

}  // namespace vsssim::metadata
