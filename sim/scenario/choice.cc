// The table of settable choices (choice.h): one row per field of coordinator::Choices, typed by
// the field. choice_test.cc reads choices.h and fails when a field has no row here.
#include "vsssim/scenario/choice.h"

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "vsssim/runtime/time.h"
#include "vsssim/scenario/values.h"
#include "vsssim/vss/enum_table.h"

namespace vsssim::scenario {
namespace {

using coordinator::Choices;

struct Row {
  std::string_view name;
  std::string kind;  // for messages
  std::function<bool(std::string_view, Choices*)> set;
};

template <class T>
Row Field(std::string_view name, T Choices::*member);

template <>
Row Field(std::string_view name, HResult Choices::*member) {
  return {name, "an HRESULT (a name such as VSS_E_BAD_STATE, or 0xHEX)",
          [member](std::string_view text, Choices* c) {
            auto v = ParseHResult(text);
            if (v) c->*member = *v;
            return v.has_value();
          }};
}

template <>
Row Field(std::string_view name, bool Choices::*member) {
  return {name, "yes or no", [member](std::string_view text, Choices* c) {
            auto v = ParseBool(text);
            if (v) c->*member = *v;
            return v.has_value();
          }};
}

template <>
Row Field(std::string_view name, vss::WriterState Choices::*member) {
  return {name, "a VSS_WRITER_STATE (VSS_WS_FAILED_AT_FREEZE, ...)",
          [member](std::string_view text, Choices* c) {
            auto v = vss::Parse<vss::WriterState>(text);
            if (v) c->*member = *v;
            return v.has_value();
          }};
}

template <>
Row Field(std::string_view name, runtime::Duration Choices::*member) {
  return {name, "a virtual duration (\"180s\")", [member](std::string_view text, Choices* c) {
            auto v = runtime::ParseDuration(text);
            if (v) c->*member = *v;
            return v.has_value();
          }};
}

template <>
Row Field(std::string_view name, std::uint32_t Choices::*member) {
  return {name, "a count (0 to 4294967295)", [member](std::string_view text, Choices* c) {
            auto v = ParseUnsigned(text, std::numeric_limits<std::uint32_t>::max());
            if (v) c->*member = static_cast<std::uint32_t>(*v);
            return v.has_value();
          }};
}

#define VSSSIM_CHOICE(field) Field(#field, &Choices::field)

const std::vector<Row>& Rows() {
  static const std::vector<Row> kRows = {
      VSSSIM_CHOICE(repeated_call),
      VSSSIM_CHOICE(writerless_context_call),
      VSSSIM_CHOICE(invalid_context),
      VSSSIM_CHOICE(call_after_release),
      VSSSIM_CHOICE(async_call_while_pending),
      VSSSIM_CHOICE(writer_veto_result),
      VSSSIM_CHOICE(freeze_timeout_state),
      VSSSIM_CHOICE(failure_without_code),
      VSSSIM_CHOICE(failure_without_veto_fails_writer),
      VSSSIM_CHOICE(keep_undocumented_failure_codes),
      VSSSIM_CHOICE(writer_event_timeout),
      VSSSIM_CHOICE(thaw_in_reverse_order),
      VSSSIM_CHOICE(parallel_delivery),
      VSSSIM_CHOICE(serialise_events_per_writer),
      VSSSIM_CHOICE(freeze_window_until_thaw_returns),
      VSSSIM_CHOICE(vetoing_writer_leaves_backup),
      VSSSIM_CHOICE(shutdown_to_unselected_writers),
      VSSSIM_CHOICE(set_context_after_gather),
      VSSSIM_CHOICE(is_volume_supported_malformed_name),
      VSSSIM_CHOICE(remote_fault_is_hang),
      VSSSIM_CHOICE(killed_requester_keeps_snapshots),
      VSSSIM_CHOICE(writer_status_slots),
      VSSSIM_CHOICE(abort_during_restore),
      VSSSIM_CHOICE(restore_veto_result),
      VSSSIM_CHOICE(stop_restore_after_pre_restore_veto),
      VSSSIM_CHOICE(lost_writer_post_restore_result),
      VSSSIM_CHOICE(writer_hosted_in_restore_service),
      VSSSIM_CHOICE(if_replace_fails_post_restore_only_on_failure),
      VSSSIM_CHOICE(shutdown_after_restore),
  };
  return kRows;
}

#undef VSSSIM_CHOICE

const Row* Find(std::string_view name) {
  for (const Row& r : Rows()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string_view> ChoiceNames() {
  std::vector<std::string_view> names;
  for (const Row& r : Rows()) names.push_back(r.name);
  return names;
}

std::string DescribeChoice(std::string_view name) {
  const Row* r = Find(name);
  return r ? r->kind : std::string();
}

bool ApplyChoice(std::string_view name, std::string_view value, coordinator::Choices* choices) {
  const Row* r = Find(name);
  return r != nullptr && r->set(value, choices);
}

}  // namespace vsssim::scenario
