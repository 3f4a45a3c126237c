#include "sim/scenario/schema.h"

#include <algorithm>

namespace vsssim::scenario::internal {
namespace {

// The component-addressing attributes of data actions.
#define VSSSIM_COMPONENT_REF "component", "logical-path"
// The children of <requester> and of <repeat>.
#define VSSSIM_STEP_ELEMENTS                                                                    \
  "call", "identify", "terminate", "release", "advance", "wait", "cancel", "backup-data",       \
      "restore-data", "repeat", "end-hold", "stop-service", "start-service", "restart-service", \
      "check-state", "bcd"

std::vector<ElementSpec> MakeElements() {
  return {
      {"scenario",
       {"name"},
       {"seed", "windows"},
       {"description", "include", "choice", "volume", "provider", "file", "writer", "extend",
        "requester", "expect"},
       false,
       false},
      {"writers", {}, {}, {"include", "writer"}, false, false},
      {"choice", {"name", "value"}, {}, {}, false, false},  // issue #19 S: choice.h
      {"description", {}, {}, {}, true, false},
      {"include", {"file"}, {}, {}, false, false},
      {"volume", {"name"}, {"size", "block-size", "host-dir"}, {}, false, false},
      {"provider", {}, {"flush", "hold", "veto-at", "veto-code"}, {}, false, false},
      {"file", {"path", "size"}, {}, {}, false, false},
      {"writer",
       {"name"},
       {"id", "instance", "usage", "source", "level", "freeze-timeout", "exec", "service"},
       {"schema", "restore-method", "alternate-location-mapping", "component", "exclude", "file",
        "on", "timer"},
       false,
       false},
      {"schema", {}, {}, {}, true, false},
      {"restore-method",
       {"method", "writer-restore"},
       {"service", "user-procedure", "reboot-required"},
       {},
       false,
       false},
      {"alternate-location-mapping",
       {"path", "filespec", "destination"},
       {"recursive"},
       {},
       false,
       false},
      {"component",
       {"name", "type"},
       {"logical-path", "caption", "selectable", "selectable-for-restore", "restore-metadata",
        "notify-on-backup-complete", "flags"},
       {"database-files", "log-files", "files"},
       false,
       false},
      {"database-files", {"path", "filespec"}, {"backup-type-mask"}, {}, false, false},
      {"log-files", {"path", "filespec"}, {"backup-type-mask"}, {}, false, false},
      {"files",
       {"path", "filespec"},
       {"recursive", "alternate-path", "backup-type-mask"},
       {},
       false,
       false},
      {"exclude", {"path", "filespec"}, {"recursive"}, {}, false, false},
      {"on",
       {"event"},
       {"fail", "veto-only", "return", "times", "delay", "hang", "throw", "bug", "write",
        "set-backup-stamp", "set-backup-metadata", "truncate-logs", "if", "unless-flag",
        "application-error", "message"},
       {"write", "set-backup-stamp", "set-backup-metadata", "add-differenced-files",
        "add-partial-file", "truncate-logs", "set-restore-target", "add-directed-target",
        "set-pre-restore-failure-msg", "set-flag", "clear-flag", "wedge", "set-component-failure"},
       false,
       false},
      // Writer behaviour outside handlers and across sessions (W, issue #19).
      {"timer",
       {"start", "after"},
       {"arm-delay", "unless", "unless-since", "times", "if"},
       {"set-writer-failure", "write", "set-flag", "clear-flag", "wedge"},
       false,
       false},
      {"set-writer-failure", {"code"}, {"application-error", "message"}, {}, false, false},
      {"set-flag", {"name"}, {}, {}, false, false},
      {"clear-flag", {"name"}, {}, {}, false, false},
      {"wedge", {}, {}, {}, false, false},
      {"set-component-failure",
       {"component", "code"},
       {"logical-path", "application-error", "message"},
       {},
       false,
       false},
      {"extend", {"writer"}, {}, {"on", "timer"}, false, false},
      {"write", {"file"}, {"offset", "size"}, {}, false, false},
      {"set-backup-stamp", {"value"}, {VSSSIM_COMPONENT_REF}, {}, false, false},
      {"set-backup-metadata", {"value"}, {VSSSIM_COMPONENT_REF}, {}, false, false},
      {"add-differenced-files",
       {"path", "filespec"},
       {"recursive", "last-modify-time", VSSSIM_COMPONENT_REF},
       {},
       false,
       false},
      {"add-partial-file",
       {"path", "filename", "ranges"},
       {"metadata", VSSSIM_COMPONENT_REF},
       {},
       false,
       false},
      {"truncate-logs", {}, {VSSSIM_COMPONENT_REF}, {}, false, false},
      // Restore actions (restore-core): WRT-CALL-11..13 in OnPreRestore.
      {"set-restore-target", {"value"}, {VSSSIM_COMPONENT_REF}, {}, false, false},
      {"add-directed-target",
       {"path", "filename", "ranges", "destination-path", "destination-filename",
        "destination-ranges"},
       {VSSSIM_COMPONENT_REF},
       {},
       false,
       false},
      {"set-pre-restore-failure-msg", {"value"}, {VSSSIM_COMPONENT_REF}, {}, false, false},
      {"requester", {}, {}, {VSSSIM_STEP_ELEMENTS}, false, false},
      // Section S of issue #19: <repeat> around steps (load_repeat.cc).
      {"repeat", {"times"}, {"new-instances"}, {VSSSIM_STEP_ELEMENTS}, false, false},
      {"end-hold", {}, {"expect"}, {}, false, false},  // <provider hold="until-released">
      {"call", {"method"}, {}, {}, false, true},
      {"identify", {}, {"writer"}, {}, false, false},
      {"terminate", {}, {"as"}, {}, false, false},
      {"release", {}, {"as", "expect"}, {}, false, false},
      {"advance", {"by"}, {}, {}, false, false},
      {"stop-service", {}, {"writer", "service"}, {}, false, false},
      {"start-service", {}, {"writer", "service"}, {}, false, false},
      {"restart-service", {}, {"writer", "service"}, {}, false, false},
      {"wait", {}, {"as", "expect", "expect-status"}, {}, false, false},
      {"cancel", {}, {"as", "expect"}, {}, false, false},
      {"backup-data", {"medium"}, {"as", "set"}, {}, false, false},
      {"restore-data", {"medium"}, {"as", "set", "record-status"}, {}, false, false},
      {"expect",
       {},
       {},
       {"events", "no-event", "state", "finding", "same-data", "event", "observed"},
       false,
       false},
      {"events", {"writer"}, {"match", "as", "injected"}, {}, true, false},
      {"no-event", {"writer", "event"}, {"as", "injected"}, {}, false, false},
      {"state", {"writer", "state"}, {"failure", "as"}, {}, false, false},
      {"finding", {"rule"}, {"writer", "as"}, {}, false, false},
      {"same-data", {"path", "as-snapshot-of"}, {"at", "exact"}, {}, false, false},
      // E: expectations and assertions (load_expect.cc, load_check_steps.cc)
      {"event",
       {"writer", "event"},
       {"occurrence", "as", "injected", "at", "within", "snapshot-set"},
       {},
       false,
       false},
      {"observed",
       {"writer", "event"},
       {"occurrence", "as", "injected", "backup-type", "restore-type", "context",
        "components-selected", "components", "volumes", "component", "previous-stamp",
        "backup-options", "additional-restores", "snapshot-set"},
       {},
       false,
       false},
      {"check-state", {"writer", "state"}, {"failure", "as"}, {}, false, false},
      {"bcd",
       {"writer", "component"},
       {"as", "document", "logical-path", "backup-stamp", "previous-stamp", "backup-metadata",
        "backup-options", "succeeded", "failure", "application-error", "message"},
       {},
       false,
       false},
  };
}

#undef VSSSIM_COMPONENT_REF
#undef VSSSIM_STEP_ELEMENTS

bool Contains(const std::vector<std::string_view>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

}  // namespace

const std::vector<ElementSpec>& Elements() {
  static const std::vector<ElementSpec> kElements = MakeElements();
  return kElements;
}

const ElementSpec* FindElement(std::string_view name) {
  for (const ElementSpec& e : Elements()) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

bool IsAttribute(const ElementSpec& spec, std::string_view name) {
  return spec.method_attributes || Contains(spec.required, name) || Contains(spec.optional, name);
}

bool IsChild(const ElementSpec& spec, std::string_view name) {
  return Contains(spec.children, name);
}

}  // namespace vsssim::scenario::internal
