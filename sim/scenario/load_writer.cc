// <writer> and everything inside it: identity, <schema>, <restore-method>,
// <alternate-location-mapping>, <component> with its file sets, <exclude>, <file>, <on>.
#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "sim/scenario/load.h"
#include "vsssim/runtime/time.h"

namespace vsssim::scenario::internal {
namespace {

const ElementSpec& Spec(std::string_view name) { return *FindElement(name); }

auto ParseDurationText = [](const std::string& t) { return runtime::ParseDuration(t); };
auto ParseBoolText = [](const std::string& t) { return ParseBool(t); };
auto ParseSizeText = [](const std::string& t) { return ParseSize(t); };

FileSet ReadFileSet(const Element& e) {
  FileSet set;
  set.where = e.where();
  e.CheckShape(Spec(e.name()));
  set.path = e.RequiredName("path");
  set.filespec = e.RequiredName("filespec");
  set.alternate_path = e.Attr("alternate-path").value_or("");
  e.Read("recursive", ParseBoolText, "yes or no", &set.recursive);
  e.Read("backup-type-mask", vss::Parse<vss::FileSpecBackupType>,
         "a VSS_FILE_SPEC_BACKUP_TYPE mask (VSS_FSBT_FULL_BACKUP_REQUIRED|...)",
         &set.backup_type_mask, EnumNames<vss::FileSpecBackupType>());
  if (e.Has("alternate-path") && set.alternate_path.empty()) {
    e.AttrError("alternate-path", "must not be empty");
  }
  return set;
}

void ReadComponent(const Element& e, Writer* writer) {
  Component c;
  c.where = e.where();
  e.CheckShape(Spec("component"));
  c.name = e.RequiredName("name");
  c.logical_path = e.Attr("logical-path").value_or("");
  c.caption = e.Attr("caption").value_or("");
  e.Read("type", ParseComponentType, "database or filegroup", &c.type,
         EnumNames<vss::ComponentType>({"database", "filegroup"}));
  if (e.Has("type") && c.type == vss::ComponentType::VSS_CT_UNDEFINED) {
    e.AttrError("type", "must be database or filegroup");
  }
  e.Read("selectable", ParseBoolText, "yes or no", &c.selectable);
  e.Read("selectable-for-restore", ParseBoolText, "yes or no", &c.selectable_for_restore);
  e.Read("restore-metadata", ParseBoolText, "yes or no", &c.restore_metadata);
  e.Read("notify-on-backup-complete", ParseBoolText, "yes or no", &c.notify_on_backup_complete);
  e.Read("flags", vss::Parse<vss::ComponentFlags>, "a VSS_COMPONENT_FLAGS mask", &c.flags,
         EnumNames<vss::ComponentFlags>());
  bool database = c.type == vss::ComponentType::VSS_CT_DATABASE;
  for (const Element& child : e.Children()) {
    if (!IsChild(Spec("component"), child.name())) continue;  // reported by CheckShape
    bool database_set = child.name() != "files";
    if (database_set != database && e.Has("type")) {
      child.Error(database ? "a database component holds <database-files> and <log-files>, "
                             "not <files>"
                           : "a filegroup component holds <files>, not <" + child.name() + ">");
      continue;
    }
    FileSet set = ReadFileSet(child);
    if (child.name() == "database-files") c.database_files.push_back(std::move(set));
    if (child.name() == "log-files") c.log_files.push_back(std::move(set));
    if (child.name() == "files") c.files.push_back(std::move(set));
  }
  writer->components.push_back(std::move(c));
}

void ReadRestoreMethod(const Element& e, Writer* writer) {
  RestoreMethodSpec r;
  r.where = e.where();
  e.CheckShape(Spec("restore-method"));
  e.Read("method", ParseRestoreMethod, "a VSS_RESTOREMETHOD_ENUM", &r.method,
         EnumNames<vss::RestoreMethod>({"RESTORE_IF_CAN_BE_REPLACED", "REPLACE_AT_REBOOT"}));
  e.Read("writer-restore", vss::Parse<vss::WriterRestore>, "a VSS_WRITERRESTORE_ENUM",
         &r.writer_restore, EnumNames<vss::WriterRestore>());
  r.service = e.Attr("service").value_or("");
  r.user_procedure = e.Attr("user-procedure").value_or("");
  e.Read("reboot-required", ParseBoolText, "yes or no", &r.reboot_required);
  writer->restore_method = std::move(r);
}

Action ReadAction(const Element& e) {
  Action a;
  a.where = e.where();
  e.CheckShape(Spec(e.name()));
  a.component = e.Attr("component").value_or("");
  a.logical_path = e.Attr("logical-path").value_or("");
  if (e.name() == "write") {
    a.kind = ActionKind::kWrite;
    a.file = e.RequiredName("file");
    e.Read("offset", ParseSizeText, "a byte offset (4096, 4KiB)", &a.offset);
    e.Read("size", ParseSizeText, "a size (4KiB)", &a.size_bytes);
    if (a.size_bytes == 0) e.AttrError("size", "must be more than 0");
    if (a.offset > std::numeric_limits<std::uint64_t>::max() - a.size_bytes) {
      e.AttrError("offset", "offset + size overflows");
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
  } else {
    a.kind = ActionKind::kTruncateLogs;
  }
  return a;
}

std::vector<std::string_view> EventNames() {
  return {std::begin(vss::kWriterEventNames), std::end(vss::kWriterEventNames)};
}

std::vector<std::string_view> BugNames() {
  std::vector<std::string_view> names;
  for (const WriterBugInfo& b : WriterBugs()) names.push_back(b.name);
  return names;
}

void ReadOutcome(const Element& e, Behaviour* b) {
  auto parse_failure = [](const std::string& t) -> std::optional<HResult> {
    auto code = ParseHResult(t);
    if (!code || code->Succeeded()) return std::nullopt;
    return code;
  };
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
  e.Read("hang", ParseBoolText, "yes or no", &b->hang);
  e.Read("throw", ParseBoolText, "yes or no", &b->throws);
  if (b->hang && b->throws) e.Error("hang= and throw= exclude each other");
}

void ReadBehaviour(const Element& e, Writer* writer) {
  Behaviour b;
  b.where = e.where();
  e.CheckShape(Spec("on"));
  e.Read("event", vss::ParseWriterEvent, "a writer event (Identify, Freeze, ...)", &b.event,
         EventNames());
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
  writer->behaviours.push_back(std::move(b));
}

// Components are unique by (logical path, name). Several <on> for one event chain by times=;
// an <on> after one without times= for the same event never applies. O(n log n) in the
// writer's size, whatever it holds.
void CheckUniqueness(const Writer& w, Errors* errors) {
  std::map<std::pair<std::string, std::string>, const Component*> components;
  for (const Component& c : w.components) {
    auto [it, fresh] = components.emplace(std::make_pair(c.logical_path, c.name), &c);
    if (!fresh) {
      errors->Add(c.where,
                  "<component>: a second component " +
                      Quote(c.logical_path.empty() ? c.name : c.logical_path + "\\" + c.name) +
                      " (the first is at " + it->second->where.ToString() + ")");
    }
  }
  std::map<vss::WriterEvent, const Behaviour*> open_ended;
  for (const Behaviour& b : w.behaviours) {
    auto it = open_ended.find(b.event);
    if (it != open_ended.end()) {
      errors->Add(b.where, "<on>: never applies: the <on event=\"" +
                               std::string(vss::NameOf(b.event)) + "\"> at " +
                               it->second->where.ToString() +
                               " has no times= and covers every occurrence");
    } else if (!b.times) {
      open_ended.emplace(b.event, &b);
    }
  }
}

}  // namespace

void ReadWriter(const Element& e, Scenario* scenario) {
  std::size_t errors_before = e.errors()->count();
  Writer w;
  w.where = e.where();
  e.CheckShape(Spec("writer"));
  e.CheckAtMostOne("schema");
  e.CheckAtMostOne("restore-method");
  w.name = e.RequiredName("name");
  Guid id;
  if (e.Read("id", Guid::Parse, "a GUID", &id) && e.Has("id")) w.class_id = id;
  w.instance_name = e.Attr("instance").value_or("");
  e.Read("usage", ParseUsage, "a usage type (USER_DATA, VSS_UT_USERDATA, ...)", &w.usage,
         EnumNames<vss::UsageType>({"USER_DATA", "BOOTABLE_SYSTEM_STATE", "SYSTEM_SERVICE"}));
  e.Read("source", ParseSource, "a source type (TRANSACTION_DB, VSS_ST_TRANSACTEDDB, ...)",
         &w.source, EnumNames<vss::SourceType>({"TRANSACTION_DB", "NONTRANSACTION_DB"}));
  e.Read("level", vss::Parse<vss::ApplicationLevel>,
         "an application level (FRONT_END, VSS_APP_BACK_END, ...)", &w.level,
         EnumNames<vss::ApplicationLevel>());
  if (e.Read("freeze-timeout", ParseDurationText, "a virtual duration (\"60s\")",
             &w.freeze_timeout) &&
      e.Has("freeze-timeout") && w.freeze_timeout.count() == 0) {
    e.AttrError("freeze-timeout", "must be more than 0s");
  }
  for (const Element& child : e.Children()) {
    const std::string& n = child.name();
    if (n == "schema") {
      child.CheckShape(Spec("schema"));
      auto schema = vss::Parse<vss::BackupSchema>(child.Text());
      if (!schema || child.Text().empty()) {
        child.Error(Quote(child.Text()) + " is not a list of VSS_BS_ flags");
      } else {
        w.schema = schema;
      }
    } else if (n == "restore-method") {
      ReadRestoreMethod(child, &w);
    } else if (n == "alternate-location-mapping") {
      AlternateLocationMapping m;
      m.where = child.where();
      child.CheckShape(Spec(n));
      m.path = child.RequiredName("path");
      m.filespec = child.RequiredName("filespec");
      m.destination = child.RequiredName("destination");
      child.Read("recursive", ParseBoolText, "yes or no", &m.recursive);
      w.alternate_location_mappings.push_back(std::move(m));
    } else if (n == "component") {
      ReadComponent(child, &w);
    } else if (n == "exclude") {
      w.excludes.push_back(ReadFileSet(child));
    } else if (n == "file") {
      ReadFile(child, w.name, scenario);
    } else if (n == "on") {
      ReadBehaviour(child, &w);
    }
  }
  if (e.errors()->count() == errors_before) CheckUniqueness(w, e.errors());
  scenario->writers.push_back(std::move(w));
}

}  // namespace vsssim::scenario::internal
