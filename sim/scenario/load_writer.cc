// <writer> and everything inside it: identity, <schema>, <restore-method>,
// <alternate-location-mapping>, <component> with its file sets, <exclude>, <file>, and <on>
// (load_behaviour.cc).
#include <map>
#include <utility>

#include "sim/scenario/load.h"
#include "vsssim/runtime/time.h"

namespace vsssim::scenario::internal {
namespace {

const ElementSpec& Spec(std::string_view name) { return *FindElement(name); }

auto ParseDurationText = [](const std::string& t) { return runtime::ParseDuration(t); };
auto ParseBoolText = [](const std::string& t) { return ParseBool(t); };

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

// Components are unique by (logical path, name). O(n log n) in the writer's size.
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
}

}  // namespace

// Several <on> for one event chain by times=; an <on> after an unconditional one without times=
// for the same event never applies. A conditional <on> (if=, unless-flag=) shadows nothing:
// when its condition does not hold the next <on> applies.
void CheckBehaviours(const Writer& w, Errors* errors) {
  std::map<vss::WriterEvent, const Behaviour*> open_ended;
  for (const Behaviour& b : w.behaviours) {
    auto it = open_ended.find(b.event);
    if (it != open_ended.end()) {
      errors->Add(b.where, "<on>: never applies: the <on event=\"" +
                               std::string(vss::NameOf(b.event)) + "\"> at " +
                               it->second->where.ToString() +
                               " has no times= and covers every occurrence");
    } else if (!b.times && !b.Conditional()) {
      open_ended.emplace(b.event, &b);
    }
  }
}

namespace {

// <writer exec=...>: the process says who it is and what it does (docs/wire-protocol.md
// "hello", Identify's WMD); anything the scenario said about it would be ignored silently.
void CheckExecWriter(const Element& e, const Writer& w) {
  if (w.exec.find_first_not_of(" \t") == std::string::npos) {
    e.AttrError("exec", "must name a command");
    return;
  }
  for (std::string_view a : {"id", "instance", "usage", "source", "level", "freeze-timeout"}) {
    if (e.Has(a)) {
      e.AttrError(a, "a writer process (exec=) says its own identity in its hello; remove " +
                         std::string(a) + "=");
    }
  }
  for (const Element& child : e.Children()) {
    child.Error(
        "not allowed inside <writer exec=...>: a writer process declares its own "
        "metadata and behaviour");
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
  w.exec = e.Attr("exec").value_or("");
  w.service = e.Attr("service").value_or("");
  if (e.Has("service") && w.service.find_first_not_of(" \t") == std::string::npos) {
    e.AttrError("service", "must name a service");
  }
  if (e.Has("exec")) {
    if (e.Has("service")) {
      e.AttrError("service", "a writer process (exec=) is not under simulated service control");
    }
    CheckExecWriter(e, w);
    scenario->writers.push_back(std::move(w));
    return;
  }
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
    } else if (n == "timer") {
      ReadTimer(child, &w);
    }
  }
  if (e.errors()->count() == errors_before) CheckUniqueness(w, e.errors());
  if (e.errors()->count() == errors_before) CheckBehaviours(w, e.errors());
  if (e.errors()->count() == errors_before) CheckActionTargets(w, e.errors());
  scenario->writers.push_back(std::move(w));
}

}  // namespace vsssim::scenario::internal
