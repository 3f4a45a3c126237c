// <on> (a writer's behaviour for one event) and its actions: the outcome attributes, the
// deliberate bugs, the attribute shorthands and the action elements. Also the checks that keep
// an action from being accepted and then doing nothing: a component action in a handler that
// gets no components, a component= the writer does not declare, a bug where it cannot act.
#include <algorithm>
#include <cctype>
#include <limits>
#include <string>
#include <utility>

#include "sim/scenario/load.h"
#include "vsssim/runtime/time.h"

namespace vsssim::scenario::internal {
namespace {

const ElementSpec& Spec(std::string_view name) { return *FindElement(name); }

auto ParseDurationText = [](const std::string& t) { return runtime::ParseDuration(t); };
auto ParseBoolText = [](const std::string& t) { return ParseBool(t); };
auto ParseSizeText = [](const std::string& t) { return ParseSize(t); };

}  // namespace

std::optional<HResult> ParseFailureCode(const std::string& t) {
  auto code = ParseHResult(t);
  if (!code || code->Succeeded()) return std::nullopt;
  return code;
}

// A flag's name (set-flag, if=, ...): letters, digits, '-', '_' and '.', at most 64 of them.
bool ValidFlagName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
  });
}

std::string ReadFlagName(const Element& e, std::string_view attribute) {
  std::string name = e.Attr(attribute).value_or("");
  if (e.Has(attribute) && !ValidFlagName(name)) {
    e.AttrError(attribute,
                Quote(name) + " is not a flag name (1 to 64 letters, digits, '-', '_' or '.')");
  }
  return name;
}

Action ReadAction(const Element& e) {
  Action a;
  a.where = e.where();
  e.CheckShape(Spec(e.name()));
  a.component = e.Attr("component").value_or("");
  a.logical_path = e.Attr("logical-path").value_or("");
  if (e.Has("logical-path") && !e.Has("component")) {
    e.AttrError("logical-path", "needs component= (without it the action acts on every component)");
  }
  if (e.name() == "write") {
    a.kind = ActionKind::kWrite;
    a.file = e.RequiredName("file");
    e.Read("offset", ParseSizeText, "a byte offset (4096, 4KiB)", &a.offset);
    e.Read("size", ParseSizeText, "a size (4KiB)", &a.size_bytes);
    if (a.size_bytes == 0) e.AttrError("size", "must be more than 0");
    // Limits (docs/scenario-format.md): no file reaches past the largest volume; the volume
    // the file is on is checked against its own size once it is known (resolve.cc).
    if (a.size_bytes > kMaxVolumeBytes) {
      e.AttrError("size", "must be at most 1TiB (the largest volume)");
    } else if (a.offset > kMaxVolumeBytes - a.size_bytes) {
      e.AttrError("offset", "offset + size is past 1TiB, the largest volume");
    }
  } else if (e.name() == "set-backup-stamp" || e.name() == "set-backup-metadata") {
    a.kind = e.name() == "set-backup-stamp" ? ActionKind::kSetBackupStamp
                                            : ActionKind::kSetBackupMetadata;
    a.value = e.Attr("value").value_or("");
  } else if (e.name() == "add-differenced-files") {
    a.kind = ActionKind::kAddDifferencedFiles;
    a.path = e.RequiredName("path");
    a.filespec = e.RequiredName("filespec");
    e.Read("recursive", ParseBoolText, "yes or no", &a.recursive);
    runtime::Duration t{0};
    if (e.Read("last-modify-time", ParseDurationText, "a virtual time (\"30s\")", &t) &&
        e.Has("last-modify-time")) {
      a.last_modify_time = t;
    }
  } else if (e.name() == "add-partial-file") {
    a.kind = ActionKind::kAddPartialFile;
    a.path = e.RequiredName("path");
    a.filespec = e.RequiredName("filename");
    a.ranges = e.RequiredName("ranges");
    a.metadata = e.Attr("metadata").value_or("");
  } else if (e.name() == "set-restore-target") {
    a.kind = ActionKind::kSetRestoreTarget;
    e.Read("value", vss::Parse<vss::RestoreTarget>, "a VSS_RESTORE_TARGET", &a.restore_target);
  } else if (e.name() == "add-directed-target") {
    a.kind = ActionKind::kAddDirectedTarget;
    a.path = e.RequiredName("path");
    a.filespec = e.RequiredName("filename");
    a.ranges = e.RequiredName("ranges");
    a.destination_path = e.RequiredName("destination-path");
    a.destination_filename = e.RequiredName("destination-filename");
    a.destination_ranges = e.RequiredName("destination-ranges");
  } else if (e.name() == "set-pre-restore-failure-msg") {
    a.kind = ActionKind::kSetPreRestoreFailureMsg;
    a.value = e.Attr("value").value_or("");
  } else if (e.name() == "set-writer-failure" || e.name() == "set-component-failure") {
    a.kind = e.name() == "set-writer-failure" ? ActionKind::kSetWriterFailure
                                              : ActionKind::kSetComponentFailure;
    e.Read("code", ParseFailureCode, "a failure HRESULT (VSS_E_WRITERERROR_TIMEOUT, 0x...)",
           &a.code);
    e.Read("application-error", ParseHResult, "an HRESULT (E_FAIL, 0x...)", &a.application_error);
    a.message = e.Attr("message").value_or("");
    if (a.message.size() > 4096) e.AttrError("message", "must be at most 4096 characters");
  } else if (e.name() == "set-flag" || e.name() == "clear-flag") {
    a.kind = e.name() == "set-flag" ? ActionKind::kSetFlag : ActionKind::kClearFlag;
    a.flag = ReadFlagName(e, "name");
  } else if (e.name() == "wedge") {
    a.kind = ActionKind::kWedge;
  } else {
    a.kind = ActionKind::kTruncateLogs;
  }
  return a;
}

namespace {

std::vector<std::string_view> EventNames() {
  return {std::begin(vss::kWriterEventNames), std::end(vss::kWriterEventNames)};
}

std::vector<std::string_view> BugNames() {
  std::vector<std::string_view> names;
  for (const WriterBugInfo& b : WriterBugs()) names.push_back(b.name);
  return names;
}

void ReadOutcome(const Element& e, Behaviour* b) {
  auto parse_failure = ParseFailureCode;
  if (e.Has("fail") && e.Has("veto-only")) e.Error("fail= and veto-only= exclude each other");
  for (std::string_view attribute : {"fail", "veto-only"}) {
    HResult code;
    if (e.Has(attribute) &&
        e.Read(attribute, parse_failure, "a failure HRESULT (VSS_E_WRITERERROR_RETRYABLE, 0x...)",
               &code)) {
      b->failure = code;
      b->returns = attribute != "fail";
    }
  }
  bool returns = true;
  if (e.Read("return", ParseBoolText, "true or false", &returns) && e.Has("return")) {
    if (e.Has("fail")) {
      e.AttrError("return", "not with fail=, which already returns false");
    } else if (e.Has("veto-only") && !returns) {
      e.AttrError("return", "not with veto-only=, which returns true (use fail=)");
    }
    b->returns = b->returns && returns;
  }
  int times = 0;
  auto parse_times = [](const std::string& t) { return ParseUnsigned(t, 1000000); };
  if (e.Read("times", parse_times, "a count from 1 to 1000000", &times) && e.Has("times")) {
    if (times == 0) e.AttrError("times", "must be at least 1");
    b->times = times;
  }
  e.Read("delay", ParseDurationText, "a virtual duration (\"5s\", \"250ms\")", &b->delay);
  // WRT-ERR-02, WRT-RET-06: with a failure, SetWriterFailureEx instead of SetWriterFailure.
  HResult application_error;
  if (e.Read("application-error", ParseHResult, "an HRESULT (E_FAIL, 0x...)", &application_error) &&
      e.Has("application-error")) {
    b->application_error = application_error;
  }
  if (auto message = e.Attr("message")) {
    if (message->size() > 4096) e.AttrError("message", "must be at most 4096 characters");
    b->message = *message;
  }
  if ((e.Has("application-error") || e.Has("message")) && !e.Has("fail") && !e.Has("veto-only")) {
    e.Error(std::string(e.Has("message") ? "message=" : "application-error=") +
            " needs fail= or veto-only= (they are SetWriterFailureEx's other arguments)");
  }
  b->if_flag = ReadFlagName(e, "if");
  b->unless_flag = ReadFlagName(e, "unless-flag");
  if (e.Has("if") && e.Has("unless-flag") && b->if_flag == b->unless_flag) {
    e.Error("if= and unless-flag= name the same flag: the <on> can never apply");
  }
  e.Read("hang", ParseBoolText, "yes or no", &b->hang);
  e.Read("throw", ParseBoolText, "yes or no", &b->throws);
  if (b->hang && b->throws) e.Error("hang= and throw= exclude each other");
  // A handler that never returns, or throws (VSS then takes false, WRT-RET-02), returns
  // nothing: return= would be accepted and ignored.
  if (e.Has("return") && (b->hang || b->throws)) {
    e.AttrError("return", std::string("not with ") + (b->hang ? "hang" : "throw") +
                              "=\"yes\": that handler returns nothing");
  }
}

// The events whose handler is given the writer's components: in CVssWriter (vswriter.h,
// learn.microsoft.com "CVssWriter class") OnPrepareBackup, OnPostSnapshot, OnBackupComplete,
// OnPreRestore and OnPostRestore take an IVssWriterComponents*; OnIdentify, OnPrepareSnapshot,
// OnFreeze, OnThaw, OnAbort and OnBackupShutdown take none.
bool GetsComponents(vss::WriterEvent event) {
  using vss::WriterEvent;
  return event == WriterEvent::kPrepareForBackup || event == WriterEvent::kPostSnapshot ||
         event == WriterEvent::kBackupComplete || event == WriterEvent::kPreRestore ||
         event == WriterEvent::kPostRestore;
}
constexpr char kComponentEvents[] =
    "PrepareForBackup, PostSnapshot, BackupComplete, PreRestore, PostRestore";

// Why bug= cannot act in a handler of `event` ("" when it can): a deliberate bug that would do
// nothing there, or break no rule, is refused rather than accepted and ignored.
std::string BugRefusal(WriterBug bug, vss::WriterEvent event) {
  using vss::WriterEvent;
  const std::string rule(InfoOf(bug).rule);
  switch (bug) {
    case WriterBug::kSetFailureInIdentify:  // WRT-IDENTIFY-03
      if (event == WriterEvent::kIdentify) return "";
      return "acts in <on event=\"Identify\"> only (elsewhere use fail= or veto-only=)";
    case WriterBug::kSnapshotSetIdInShutdown:  // WRT-SHUT-03
      if (event == WriterEvent::kBackupShutdown) return "";
      return "acts in <on event=\"BackupShutdown\"> only (elsewhere the call is allowed)";
    case WriterBug::kBackupMetadataTwice:  // BCD-WIN-04: needs a component to call
      if (GetsComponents(event)) return "";
      return std::string("needs a handler that gets components (") + kComponentEvents + ")";
    case WriterBug::kFailureFromOtherThread:  // WRT-THREAD-01: any handler
      return "";
    case WriterBug::kChangeStateInIdentify:
    case WriterBug::kIgnoreAbort:
      return "is not simulated: a scenario run cannot observe it (vsssim conform checks " + rule +
             ")";
  }
  return "";
}

// The element name of an action, for messages.
std::string_view ActionName(ActionKind kind) {
  switch (kind) {
    case ActionKind::kWrite:
      return "write";
    case ActionKind::kSetBackupStamp:
      return "set-backup-stamp";
    case ActionKind::kSetBackupMetadata:
      return "set-backup-metadata";
    case ActionKind::kAddDifferencedFiles:
      return "add-differenced-files";
    case ActionKind::kAddPartialFile:
      return "add-partial-file";
    case ActionKind::kTruncateLogs:
      return "truncate-logs";
    case ActionKind::kSetRestoreTarget:
      return "set-restore-target";
    case ActionKind::kAddDirectedTarget:
      return "add-directed-target";
    case ActionKind::kSetPreRestoreFailureMsg:
      return "set-pre-restore-failure-msg";
    case ActionKind::kSetWriterFailure:
      return "set-writer-failure";
    case ActionKind::kSetFlag:
      return "set-flag";
    case ActionKind::kClearFlag:
      return "clear-flag";
    case ActionKind::kWedge:
      return "wedge";
    case ActionKind::kSetComponentFailure:
      return "set-component-failure";
  }
  return "action";
}

// Actions on IVssComponent (all but write and truncate-logs) need the handler's components.
bool NeedsComponents(ActionKind kind) {
  return kind != ActionKind::kWrite && kind != ActionKind::kTruncateLogs && !IsProcessAction(kind);
}

const Component* FindComponent(const Writer& w, const Action& a) {
  for (const Component& c : w.components) {
    if (c.name == a.component && c.logical_path == a.logical_path) return &c;
  }
  return nullptr;
}

}  // namespace

std::string_view NameOfAction(ActionKind kind) { return ActionName(kind); }

void ReadBehaviour(const Element& e, Writer* writer) {
  Behaviour b;
  b.where = e.where();
  e.CheckShape(Spec("on"));
  const bool event_known =
      e.Read("event", vss::ParseWriterEvent, "a writer event (Identify, Freeze, ...)", &b.event,
             EventNames()) &&
      e.Has("event");
  ReadOutcome(e, &b);
  if (auto bugs = e.Attr("bug")) {
    std::string list = *bugs;
    std::replace(list.begin(), list.end(), ' ', ',');
    list.erase(
        std::unique(list.begin(), list.end(), [](char x, char y) { return x == ',' && y == ','; }),
        list.end());
    auto names = SplitList(list);
    if (!names) e.BadValue("bug", *bugs, "a list of bug names", {});
    for (const std::string& name : names.value_or(std::vector<std::string>{})) {
      if (auto bug = ParseWriterBug(name)) {
        std::string refusal = event_known ? BugRefusal(*bug, b.event) : "";
        if (!refusal.empty()) e.AttrError("bug", Quote(name) + " " + refusal);
        b.bugs.push_back(*bug);
      } else {
        e.BadValue("bug", name, "a deliberate bug this simulator knows", BugNames());
      }
    }
  }
  // Attribute shorthands for the simple data actions, before the child elements.
  if (auto file = e.Attr("write")) {
    Action a;
    a.where = e.where("write");
    a.kind = ActionKind::kWrite;
    a.file = *file;
    if (file->empty()) e.AttrError("write", "must name a file");
    b.actions.push_back(std::move(a));
  }
  for (std::string_view attribute : {"set-backup-stamp", "set-backup-metadata"}) {
    if (auto value = e.Attr(attribute)) {
      Action a;
      a.where = e.where(attribute);
      a.kind = attribute == "set-backup-stamp" ? ActionKind::kSetBackupStamp
                                               : ActionKind::kSetBackupMetadata;
      a.value = *value;
      b.actions.push_back(std::move(a));
    }
  }
  bool truncate = false;
  if (e.Read("truncate-logs", ParseBoolText, "yes or no", &truncate) && truncate) {
    Action a;
    a.where = e.where("truncate-logs");
    a.kind = ActionKind::kTruncateLogs;
    b.actions.push_back(std::move(a));
  }
  for (const Element& child : e.Children()) {
    if (IsChild(Spec("on"), child.name())) b.actions.push_back(ReadAction(child));
  }
  for (const Action& a : b.actions) {
    if (event_known && NeedsComponents(a.kind) && !GetsComponents(b.event)) {
      e.errors()->Add(a.where, "<" + std::string(ActionName(a.kind)) + ">: the " +
                                   std::string(vss::NameOf(b.event)) +
                                   " handler gets no components to act on (only " +
                                   kComponentEvents + " do)");
    }
  }
  writer->behaviours.push_back(std::move(b));
}

// An action's component= must be one of the writer's; truncate-logs must reach log files.
// Otherwise the action would match nothing and silently do nothing.
void CheckActionTargets(const Writer& w, Errors* errors) {
  bool any_logs = std::any_of(w.components.begin(), w.components.end(),
                              [](const Component& c) { return !c.log_files.empty(); });
  for (const Behaviour& b : w.behaviours) {
    for (const Action& a : b.actions) {
      if (a.kind == ActionKind::kWrite || IsProcessAction(a.kind)) continue;
      const std::string what = "<" + std::string(ActionName(a.kind)) + ">: ";
      if (a.component.empty()) {
        if (w.components.empty()) {
          errors->Add(a.where, what + "writer " + Quote(w.name) + " declares no component");
        } else if (a.kind == ActionKind::kTruncateLogs && !any_logs) {
          errors->Add(a.where,
                      what + "no component of writer " + Quote(w.name) + " has <log-files>");
        }
        continue;
      }
      const std::string name =
          a.logical_path.empty() ? a.component : a.logical_path + "\\" + a.component;
      const Component* c = FindComponent(w, a);
      if (c == nullptr) {
        errors->Add(a.where, what + "writer " + Quote(w.name) + " has no component " + Quote(name));
      } else if (a.kind == ActionKind::kTruncateLogs && c->log_files.empty()) {
        errors->Add(a.where, what + "component " + Quote(name) + " has no <log-files>");
      }
    }
  }
}

}  // namespace vsssim::scenario::internal
