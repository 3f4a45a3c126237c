// Walks the schema (schema.h) and the method table (methods.h) and proves that the loader reads
// every attribute it accepts: for each one, a valid document that gives it one value and the
// same document with another valid value must load into different models. An attribute the
// loader accepted and then dropped (or stored nowhere) gives equal models and fails here.
// Adding an attribute to the schema without a row below fails the completeness test.
//
// What the interpreter does with the model is tested where it plays it (interpreter_test,
// identify_step_test, the fixtures).
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "sim/scenario/schema.h"
#include "vsssim/scenario/loader.h"
#include "vsssim/scenario/methods.h"
#include "vsssim/vss/enum_table.h"

namespace vsssim::scenario {
namespace {

// Every element and every attribute of the schema, each with a first value. The components
// and media are arranged so that every row below can change one value and stay valid.
const char kBase[] = R"(<scenario name="all" seed="7" windows="current">
  <description>Every attribute once.</description>
  <include file="lib.xml"/>
  <choice name="repeated_call" value="E_FAIL"/>
  <volume name="C:" size="64MiB" block-size="4KiB"/>
  <volume name="D:" size="64MiB" block-size="4KiB"/>
  <volume name="F:" host-dir="volume-f"/>
  <provider flush="1s" hold="1s" veto-at="CommitSnapshots" veto-code="VSS_E_PROVIDER_VETO"/>
  <file path="C:\top.dat" size="4KiB"/>
  <writer name="W1" id="11111111-1111-1111-1111-111111111111" instance="i1" usage="USER_DATA" source="TRANSACTION_DB" level="FRONT_END" freeze-timeout="60s" service="S2">
    <schema>VSS_BS_INCREMENTAL</schema>
    <restore-method method="VSS_RME_STOP_RESTORE_START" writer-restore="VSS_WRE_ALWAYS" service="Svc" user-procedure="p" reboot-required="no"/>
    <alternate-location-mapping path="C:\db" filespec="*.mdf" destination="D:\alt" recursive="no"/>
    <component name="db" logical-path="" type="database" caption="c" selectable="yes" selectable-for-restore="no" restore-metadata="no" notify-on-backup-complete="no" flags="0">
      <database-files path="C:\db" filespec="*.mdf" backup-type-mask="VSS_FSBT_ALL_BACKUP_REQUIRED"/>
      <log-files path="C:\db" filespec="*.ldf" backup-type-mask="VSS_FSBT_ALL_BACKUP_REQUIRED"/>
    </component>
    <component name="db2" type="database"><log-files path="C:\db2" filespec="*.ldf"/></component>
    <component name="db" logical-path="lp" type="database"><log-files path="C:\lp" filespec="*.ldf"/></component>
    <component name="fg" logical-path="lp" type="filegroup">
      <files path="C:\fg" filespec="*" recursive="no" alternate-path="D:\stage" backup-type-mask="VSS_FSBT_ALL_BACKUP_REQUIRED"/>
    </component>
    <component name="empty" type="filegroup"/>
    <exclude path="C:\db" filespec="*.tmp" recursive="no"/>
    <file path="C:\db\main.mdf" size="64KiB"/>
    <file path="C:\db\main.ldf" size="64KiB"/>
    <on event="PrepareForBackup" times="1" fail="VSS_E_WRITERERROR_RETRYABLE" delay="1s" hang="no" throw="no" bug="failure-from-other-thread" write="C:\db\main.mdf" set-backup-stamp="s" set-backup-metadata="m" truncate-logs="no">
      <write file="C:\db\main.mdf" offset="0" size="4KiB"/>
      <set-backup-stamp value="v" component="db" logical-path=""/>
      <set-backup-metadata value="v" component="db" logical-path=""/>
      <add-differenced-files path="C:\db" filespec="*.mdf" recursive="no" last-modify-time="1s" component="db" logical-path=""/>
      <add-partial-file path="C:\db" filename="main.mdf" ranges="0:4096" metadata="m" component="db" logical-path=""/>
      <truncate-logs component="db" logical-path=""/>
    </on>
    <on event="PostSnapshot" veto-only="E_FAIL" application-error="E_FAIL" message="m" if="f1" unless-flag="f2">
      <set-flag name="f1"/>
      <clear-flag name="f2"/>
      <wedge/>
      <set-component-failure component="db" logical-path="" code="E_FAIL" application-error="E_FAIL" message="m"/>
    </on>
    <timer start="Freeze" after="60s" arm-delay="1s" unless="Thaw" unless-since="armed" times="1" if="f1">
      <set-writer-failure code="VSS_E_WRITERERROR_TIMEOUT" application-error="E_FAIL" message="m"/>
    </timer>
    <on event="Thaw" return="true"/>
    <on event="PreRestore">
      <set-restore-target value="VSS_RT_ORIGINAL" component="db" logical-path=""/>
      <add-directed-target path="C:\db" filename="main.mdf" ranges="0:4096" destination-path="C:\db" destination-filename="copy.mdf" destination-ranges="0:4096" component="db" logical-path=""/>
      <set-pre-restore-failure-msg value="m" component="db" logical-path=""/>
    </on>
  </writer>
  <writer name="W2" service="S1"/>
  <extend writer="W1"><on event="Freeze" times="1"/></extend>
  <writer name="Process" exec="python3 w.py"/>
  <requester>
    <call as="r" method="InitializeForBackup" expect="S_OK"/>
    <call as="r" method="SaveAsXML" save-as="bcd1"/>
    <call as="r" method="SaveAsXML" save-as="bcd2"/>
    <call as="r" method="GatherWriterMetadata" wait="yes" expect-status="VSS_S_ASYNC_FINISHED"/>
    <call as="r" method="GetWriterMetadataCount" expect-count="1"/>
    <call as="r" method="GetWriterStatus" writer="W1" expect-state="VSS_WS_STABLE" expect-failure="S_OK" expect-application-error="S_OK" expect-message=""/>
    CALL
    <identify writer="W1"/>
    <terminate as="x"/>
    <release as="r" expect="S_OK"/>
    <advance by="1s"/>
    <repeat times="2" new-instances="yes"><advance by="3s"/><terminate as="z"/></repeat>
    <end-hold expect="S_OK"/>
    <stop-service writer="W1"/>
    <stop-service service="S1"/>
    <start-service writer="W1"/>
    <start-service service="S1"/>
    <restart-service writer="W1"/>
    <restart-service service="S1"/>
    <wait as="r" expect="S_OK" expect-status="VSS_S_ASYNC_FINISHED"/>
    <cancel as="r" expect="S_OK"/>
    <backup-data medium="m" as="r" set="s1"/>
    <backup-data medium="m" as="r" set="s3"/>
    <backup-data medium="n" as="r" set="s2"/>
    <restore-data medium="m" as="r" record-status="yes"/>
    <restore-data medium="m" as="r" set="s1"/>
    <check-state as="r" writer="W1" state="VSS_WS_STABLE" failure="S_OK"/>
    <bcd as="r" writer="W1" component="db" logical-path="" backup-stamp="a" previous-stamp="a" backup-metadata="a" backup-options="a" succeeded="yes" failure="E_FAIL" application-error="E_FAIL" message="a"/>
    <bcd document="bcd1" writer="W1" component="db"/>
  </requester>
  <expect>
    <events writer="W1" match="exact" as="r" injected="include">Identify</events>
    <no-event writer="W1" event="Abort" as="r" injected="include"/>
    <event writer="W1" event="Thaw" occurrence="1" as="r" injected="include" at="1s" snapshot-set="r"/>
    <event writer="W1" event="Freeze" within="1s..2s"/>
    <observed writer="W1" event="PrepareForBackup" occurrence="1" as="r" injected="include" backup-type="VSS_BT_FULL" restore-type="VSS_RTYPE_BY_COPY" context="VSS_CTX_BACKUP" components-selected="yes" components="db lp\db" volumes="C:" component="db" previous-stamp="a" backup-options="a" additional-restores="no" snapshot-set="any"/>
    <state writer="W1" state="VSS_WS_STABLE" failure="S_OK" as="r"/>
    <finding rule="X-01" writer="W1" as="r"/>
    <same-data path="C:\db" as-snapshot-of="s1" at="D:\x" exact="no"/>
  </expect>
</scenario>
)";

const char kLibrary[] = R"(<writers><writer name="L"/></writers>)";
const char kLibrary2[] = R"(<writers><writer name="L2"/></writers>)";

// One attribute and how to change it: in the first start tag that begins with `anchor`
// (default "<element ") and holds the attribute, its value becomes `value`.
struct Change {
  std::string element;
  std::string attribute;
  std::string value;
  std::string anchor;
};

const std::vector<Change>& Changes() {
  static const std::vector<Change> kChanges = {
      {"scenario", "name", "all2", ""},
      {"scenario", "seed", "8", ""},
      {"scenario", "windows", "2003", ""},
      {"include", "file", "lib2.xml", ""},
      {"volume", "name", "E:", "<volume name=\"D:\""},
      {"volume", "size", "32MiB", ""},
      {"volume", "block-size", "8KiB", "<volume name=\"D:\""},
      {"volume", "host-dir", "volume-g", ""},
      {"provider", "flush", "2s", ""},
      {"provider", "hold", "2s", ""},
      {"provider", "veto-at", "PreCommitSnapshots", ""},
      {"provider", "veto-code", "E_FAIL", ""},
      {"file", "path", "C:\\top2.dat", ""},
      {"file", "size", "8KiB", ""},
      {"writer", "name", "W3", "<writer name=\"W2\""},
      {"writer", "id", "22222222-2222-2222-2222-222222222222", ""},
      {"writer", "instance", "i2", ""},
      {"writer", "usage", "BOOTABLE_SYSTEM_STATE", ""},
      {"writer", "source", "NONTRANSACTION_DB", ""},
      {"writer", "level", "BACK_END", ""},
      {"writer", "freeze-timeout", "10s", ""},
      {"writer", "exec", "python3 other.py", "<writer name=\"Process\""},
      {"writer", "service", "S1", ""},
      {"on", "if", "f3", "<on event=\"PostSnapshot\""},
      {"on", "unless-flag", "f3", "<on event=\"PostSnapshot\""},
      {"on", "application-error", "E_INVALIDARG", "<on event=\"PostSnapshot\""},
      {"on", "message", "n", "<on event=\"PostSnapshot\""},
      {"set-flag", "name", "f3", ""},
      {"clear-flag", "name", "f3", ""},
      {"set-component-failure", "component", "db2", ""},
      {"set-component-failure", "logical-path", "lp", ""},
      {"set-component-failure", "code", "E_INVALIDARG", ""},
      {"set-component-failure", "application-error", "E_INVALIDARG", ""},
      {"set-component-failure", "message", "n", ""},
      {"timer", "start", "PostSnapshot", ""},
      {"timer", "after", "30s", ""},
      {"timer", "arm-delay", "2s", ""},
      {"timer", "unless", "Abort", ""},
      {"timer", "unless-since", "start", ""},
      {"timer", "times", "2", ""},
      {"timer", "if", "f3", ""},
      {"set-writer-failure", "code", "E_INVALIDARG", ""},
      {"set-writer-failure", "application-error", "E_INVALIDARG", ""},
      {"set-writer-failure", "message", "n", ""},
      {"extend", "writer", "W2", ""},
      {"stop-service", "writer", "W2", ""},
      {"stop-service", "service", "S2", "<stop-service service"},
      {"start-service", "writer", "W2", ""},
      {"start-service", "service", "S2", "<start-service service"},
      {"restart-service", "writer", "W2", ""},
      {"restart-service", "service", "S2", "<restart-service service"},
      {"restore-method", "method", "VSS_RME_RESTORE_IF_CAN_REPLACE", ""},
      {"restore-method", "writer-restore", "VSS_WRE_NEVER", ""},
      {"restore-method", "service", "Svc2", ""},
      {"restore-method", "user-procedure", "q", ""},
      {"restore-method", "reboot-required", "yes", ""},
      {"alternate-location-mapping", "path", "C:\\db2", ""},
      {"alternate-location-mapping", "filespec", "*.ldf", ""},
      {"alternate-location-mapping", "destination", "D:\\alt2", ""},
      {"alternate-location-mapping", "recursive", "yes", ""},
      {"component", "name", "empty2", "<component name=\"empty\""},
      {"component", "type", "database", "<component name=\"empty\""},
      {"component", "logical-path", "lp2", "<component name=\"fg\""},
      {"component", "caption", "c2", ""},
      {"component", "selectable", "no", ""},
      {"component", "selectable-for-restore", "yes", ""},
      {"component", "restore-metadata", "yes", ""},
      {"component", "notify-on-backup-complete", "yes", ""},
      {"component", "flags", "VSS_CF_BACKUP_RECOVERY", ""},
      {"database-files", "path", "C:\\db3", ""},
      {"database-files", "filespec", "*.ndf", ""},
      {"database-files", "backup-type-mask", "VSS_FSBT_FULL_BACKUP_REQUIRED", ""},
      {"log-files", "path", "C:\\db3", ""},
      {"log-files", "filespec", "*.log", ""},
      {"log-files", "backup-type-mask", "VSS_FSBT_FULL_BACKUP_REQUIRED", ""},
      {"files", "path", "C:\\fg2", ""},
      {"files", "filespec", "*.dat", ""},
      {"files", "recursive", "yes", ""},
      {"files", "alternate-path", "D:\\stage2", ""},
      {"files", "backup-type-mask", "VSS_FSBT_FULL_BACKUP_REQUIRED", ""},
      {"exclude", "path", "C:\\db2", ""},
      {"exclude", "filespec", "*.bak", ""},
      {"exclude", "recursive", "yes", ""},
      {"on", "event", "BackupComplete", ""},
      {"on", "fail", "VSS_E_WRITERERROR_NONRETRYABLE", ""},
      {"on", "veto-only", "VSS_E_WRITERERROR_RETRYABLE", ""},
      {"on", "return", "false", ""},
      {"on", "times", "2", ""},
      {"on", "delay", "2s", ""},
      {"on", "hang", "yes", ""},
      {"on", "throw", "yes", ""},
      {"on", "bug", "set-backup-metadata-twice", ""},
      {"on", "write", "C:\\db\\main.ldf", ""},
      {"on", "set-backup-stamp", "t", ""},
      {"on", "set-backup-metadata", "n", ""},
      {"on", "truncate-logs", "yes", ""},
      {"write", "file", "C:\\db\\main.ldf", ""},
      {"write", "offset", "4KiB", ""},
      {"write", "size", "8KiB", ""},
      {"set-backup-stamp", "value", "w", ""},
      {"set-backup-stamp", "component", "db2", ""},
      {"set-backup-stamp", "logical-path", "lp", ""},
      {"set-backup-metadata", "value", "w", ""},
      {"set-backup-metadata", "component", "db2", ""},
      {"set-backup-metadata", "logical-path", "lp", ""},
      {"add-differenced-files", "path", "C:\\db2", ""},
      {"add-differenced-files", "filespec", "*.ldf", ""},
      {"add-differenced-files", "recursive", "yes", ""},
      {"add-differenced-files", "last-modify-time", "2s", ""},
      {"add-differenced-files", "component", "db2", ""},
      {"add-differenced-files", "logical-path", "lp", ""},
      {"add-partial-file", "path", "C:\\db2", ""},
      {"add-partial-file", "filename", "main.ldf", ""},
      {"add-partial-file", "ranges", "0:512", ""},
      {"add-partial-file", "metadata", "n", ""},
      {"add-partial-file", "component", "db2", ""},
      {"add-partial-file", "logical-path", "lp", ""},
      {"truncate-logs", "component", "db2", ""},
      {"truncate-logs", "logical-path", "lp", ""},
      {"set-restore-target", "value", "VSS_RT_ALTERNATE", ""},
      {"set-restore-target", "component", "db2", ""},
      {"set-restore-target", "logical-path", "lp", ""},
      {"add-directed-target", "path", "C:\\db2", ""},
      {"add-directed-target", "filename", "main.ldf", ""},
      {"add-directed-target", "ranges", "0:512", ""},
      {"add-directed-target", "destination-path", "C:\\db2", ""},
      {"add-directed-target", "destination-filename", "copy2.mdf", ""},
      {"add-directed-target", "destination-ranges", "0:512", ""},
      {"add-directed-target", "component", "db2", ""},
      {"add-directed-target", "logical-path", "lp", ""},
      {"set-pre-restore-failure-msg", "value", "n", ""},
      {"set-pre-restore-failure-msg", "component", "db2", ""},
      {"set-pre-restore-failure-msg", "logical-path", "lp", ""},
      {"identify", "writer", "W2", ""},
      {"terminate", "as", "y", ""},
      {"release", "as", "x", ""},
      {"release", "expect", "E_FAIL", ""},
      {"advance", "by", "2s", ""},
      // Issue #19 S: <choice>, <repeat>, <end-hold>.
      {"choice", "name", "writerless_context_call", ""},
      {"choice", "value", "VSS_E_BAD_STATE", ""},
      {"repeat", "times", "3", ""},
      {"repeat", "new-instances", "no", ""},
      {"end-hold", "expect", "E_FAIL", ""},
      {"wait", "as", "x", ""},
      {"wait", "expect", "E_FAIL", ""},
      {"cancel", "as", "x", ""},
      {"cancel", "expect", "E_FAIL", ""},
      {"backup-data", "medium", "o", "<backup-data medium=\"n\""},
      {"backup-data", "as", "x", ""},
      {"backup-data", "set", "s4", "<backup-data medium=\"n\""},
      {"restore-data", "medium", "n", ""},
      {"restore-data", "as", "x", ""},
      {"restore-data", "set", "s3", ""},
      {"restore-data", "record-status", "no", ""},
      {"events", "writer", "W2", ""},
      {"events", "match", "subsequence", ""},
      {"no-event", "writer", "W2", ""},
      {"no-event", "event", "Thaw", ""},
      {"state", "writer", "W2", ""},
      {"state", "state", "VSS_WS_FAILED_AT_FREEZE", ""},
      {"state", "failure", "E_FAIL", ""},
      {"state", "as", "x", ""},
      {"finding", "rule", "X-02", ""},
      {"finding", "writer", "W2", ""},
      {"finding", "as", "x", ""},
      {"same-data", "path", "C:\\db2", ""},
      {"same-data", "as-snapshot-of", "s2", ""},
      {"same-data", "at", "D:\\y", ""},
      {"same-data", "exact", "yes", ""},
      // E: expectations and assertions.
      {"events", "as", "x", ""},
      {"events", "injected", "exclude", ""},
      {"no-event", "as", "x", ""},
      {"no-event", "injected", "exclude", ""},
      {"event", "writer", "W2", ""},
      {"event", "event", "Abort", ""},
      {"event", "occurrence", "2", ""},
      {"event", "as", "x", ""},
      {"event", "injected", "exclude", ""},
      {"event", "at", "2s", ""},
      {"event", "within", "1s..3s", ""},
      {"event", "snapshot-set", "null", ""},
      {"observed", "writer", "W2", ""},
      {"observed", "event", "Freeze", ""},
      {"observed", "occurrence", "2", ""},
      {"observed", "as", "x", ""},
      {"observed", "injected", "exclude", ""},
      {"observed", "backup-type", "VSS_BT_COPY", ""},
      {"observed", "restore-type", "VSS_RTYPE_IMPORT", ""},
      {"observed", "context", "VSS_CTX_FILE_SHARE_BACKUP", ""},
      {"observed", "components-selected", "no", ""},
      {"observed", "components", "db", ""},
      {"observed", "volumes", "D:", ""},
      {"observed", "component", "lp\\db", ""},
      {"observed", "previous-stamp", "b", ""},
      {"observed", "backup-options", "b", ""},
      {"observed", "additional-restores", "yes", ""},
      {"observed", "snapshot-set", "null", ""},
      {"check-state", "writer", "W2", ""},
      {"check-state", "state", "VSS_WS_FAILED_AT_FREEZE", ""},
      {"check-state", "failure", "E_FAIL", ""},
      {"check-state", "as", "x", ""},
      {"bcd", "as", "x", ""},
      {"bcd", "document", "bcd2", ""},
      {"bcd", "writer", "W2", ""},
      {"bcd", "component", "db2", ""},
      {"bcd", "logical-path", "lp", ""},
      {"bcd", "backup-stamp", "b", ""},
      {"bcd", "previous-stamp", "b", ""},
      {"bcd", "backup-metadata", "b", ""},
      {"bcd", "backup-options", "b", ""},
      {"bcd", "succeeded", "no", ""},
      {"bcd", "failure", "E_INVALIDARG", ""},
      {"bcd", "application-error", "E_INVALIDARG", ""},
      {"bcd", "message", "b", ""},
      {"wait", "expect-status", "VSS_S_ASYNC_PENDING", ""},
      // <call>: the step attributes (the method's arguments are generated below).
      {"call", "method", "GatherWriterMetadata", "<call as=\"r\" method=\"InitializeForBackup\""},
      {"call", "as", "x", ""},
      {"call", "expect", "E_FAIL", ""},
      {"call", "wait", "no", ""},
      {"call", "expect-count", "2", ""},
      {"call", "expect-state", "VSS_WS_FAILED_AT_FREEZE", ""},
      {"call", "expect-failure", "E_FAIL", ""},
      {"call", "expect-status", "VSS_S_ASYNC_PENDING", ""},
      {"call", "expect-application-error", "E_FAIL", ""},
      {"call", "expect-message", "m", ""},
  };
  return kChanges;
}

// A location-free text of every field of the model.
class Describer {
 public:
  std::string Of(const Scenario& s) {
    Line("scenario", {s.name, std::to_string(s.seed), s.description,
                      std::string(coordinator::NameOf(s.windows))});
    for (const std::string& f : s.included_files) Line("included", {f});
    for (const Volume& v : s.volumes) {
      Line("volume",
           {v.name, std::to_string(v.size_bytes), std::to_string(v.block_size_bytes), v.host_dir});
    }
    if (const auto& p = s.provider) {
      Line("provider", {D(p->flush), D(p->hold), B(p->hold_until_released), p->veto_at,
                        vsssim::ToString(p->veto_code)});
    }
    for (const ChoiceSetting& c : s.choices) Line("choice", {c.name, c.value});
    for (const File& f : s.files) {
      Line("file", {f.path, f.volume, std::to_string(f.size_bytes), f.writer});
    }
    for (const Writer& w : s.writers) WriterOf(w);
    for (const Step& st : s.steps) StepOf(st);
    for (const DataStep& d : s.data_steps) {
      Line("data", {std::to_string(static_cast<int>(d.kind)), d.requester, d.medium, d.set,
                    B(d.record_status), std::to_string(d.before_step)});
    }
    for (const std::string& r : s.requesters) Line("requester", {r});
    ExpectationsOf(s.expect);
    return out_.str();
  }

 private:
  static std::string B(bool b) { return b ? "yes" : "no"; }
  static std::string D(runtime::Duration d) { return runtime::FormatDuration(d); }
  void Line(const std::string& what, const std::vector<std::string>& fields) {
    out_ << what;
    for (const std::string& f : fields) out_ << " [" << f << "]";
    out_ << "\n";
  }
  void FileSetOf(const std::string& what, const FileSet& f) {
    Line(what,
         {f.path, f.filespec, B(f.recursive), f.alternate_path, vss::ToString(f.backup_type_mask)});
  }
  void WriterOf(const Writer& w) {
    Line("writer",
         {w.name, w.class_id ? w.class_id->ToString() : "-", w.instance_name,
          vss::ToString(w.usage), vss::ToString(w.source), vss::ToString(w.level),
          D(w.freeze_timeout), w.schema ? vss::ToString(*w.schema) : "-", w.exec, w.service});
    if (const auto& r = w.restore_method) {
      Line("restore-method", {vss::ToString(r->method), vss::ToString(r->writer_restore),
                              r->service, r->user_procedure, B(r->reboot_required)});
    }
    for (const AlternateLocationMapping& m : w.alternate_location_mappings) {
      Line("alm", {m.path, m.filespec, B(m.recursive), m.destination});
    }
    for (const Component& c : w.components) {
      Line("component", {c.name, c.logical_path, vss::ToString(c.type), c.caption, B(c.selectable),
                         B(c.selectable_for_restore), B(c.restore_metadata),
                         B(c.notify_on_backup_complete), vss::ToString(c.flags)});
      for (const FileSet& f : c.database_files) FileSetOf(" database-files", f);
      for (const FileSet& f : c.log_files) FileSetOf(" log-files", f);
      for (const FileSet& f : c.files) FileSetOf(" files", f);
    }
    for (const FileSet& f : w.excludes) FileSetOf("exclude", f);
    for (const Behaviour& b : w.behaviours) {
      std::string bugs;
      for (WriterBug bug : b.bugs) bugs += std::string(InfoOf(bug).name) + " ";
      Line("on", {std::string(vss::NameOf(b.event)), b.times ? std::to_string(*b.times) : "-",
                  b.failure ? vsssim::ToString(*b.failure) : "-", B(b.returns), D(b.delay),
                  B(b.hang), B(b.throws), bugs, b.if_flag, b.unless_flag,
                  b.application_error ? vsssim::ToString(*b.application_error) : "-",
                  b.message.value_or("-")});
      for (const Action& a : b.actions) ActionOf(a);
    }
    for (const Timer& t : w.timers) {
      std::string unless;
      for (vss::WriterEvent ev : t.unless) unless += std::string(vss::NameOf(ev)) + " ";
      Line("timer", {std::string(vss::NameOf(t.start)), D(t.after), D(t.arm_delay), unless,
                     B(t.unless_since_armed), t.times ? std::to_string(*t.times) : "-", t.if_flag});
      for (const Action& a : t.actions) ActionOf(a);
    }
  }
  void ActionOf(const Action& a) {
    {
      Line(" action", {std::to_string(static_cast<int>(a.kind)),
                       a.file,
                       std::to_string(a.offset),
                       std::to_string(a.size_bytes),
                       a.value,
                       a.component,
                       a.logical_path,
                       a.path,
                       a.filespec,
                       B(a.recursive),
                       a.last_modify_time ? D(*a.last_modify_time) : "-",
                       a.ranges,
                       a.metadata,
                       vss::ToString(a.restore_target),
                       a.destination_path,
                       a.destination_filename,
                       a.destination_ranges,
                       vsssim::ToString(a.code),
                       vsssim::ToString(a.application_error),
                       a.message,
                       a.flag});
    }
  }
  void StepOf(const Step& st) {
    Line("step",
         {std::string(NameOf(st.kind)), st.requester,
          st.method != nullptr ? std::string(st.method->name) : "-", B(st.wait),
          st.expect ? st.expect->ToString() : "-",
          st.expect_count ? std::to_string(*st.expect_count) : "-",
          st.expect_state ? vss::ToString(*st.expect_state) : "-",
          st.expect_failure ? vsssim::ToString(*st.expect_failure) : "-",
          st.expect_application_error ? vsssim::ToString(*st.expect_application_error) : "-",
          st.expect_message ? "'" + *st.expect_message + "'" : "-", st.writer, D(st.by),
          st.service});
    for (const Argument& a : st.args) Line(" arg", {a.name, a.text});
    if (st.expect_status) Line(" expect-status", {st.expect_status->ToString()});
    if (const auto& b = st.bcd) {
      auto o = [](const std::optional<std::string>& v) { return v ? *v : "-"; };
      Line(" bcd",
           {b->document, b->writer, b->component, b->logical_path, o(b->backup_stamp),
            o(b->previous_stamp), o(b->backup_metadata), o(b->backup_options),
            b->succeeded ? B(*b->succeeded) : "-", b->failure ? vsssim::ToString(*b->failure) : "-",
            b->application_error ? vsssim::ToString(*b->application_error) : "-", o(b->message),
            B(b->no_failure)});
    }
  }
  static std::string ScopeOf(const EventScope& s) {
    return s.requester + "/" + std::to_string(static_cast<int>(s.injected));
  }
  static std::string SetOf(const std::optional<SnapshotSetMatch>& m) {
    return m ? std::to_string(static_cast<int>(m->kind)) + m->requester : "-";
  }
  void ExpectationsOf(const Expectations& x) {
    for (const auto& e : x.events) {
      std::string events;
      for (vss::WriterEvent ev : e.events) events += std::string(vss::NameOf(ev)) + " ";
      Line("events", {e.writer, events, B(e.subsequence), ScopeOf(e.scope)});
    }
    for (const auto& e : x.no_events)
      Line("no-event", {e.writer, std::string(vss::NameOf(e.event)), ScopeOf(e.scope)});
    for (const auto& e : x.event_times) {
      Line("event", {e.writer, std::string(vss::NameOf(e.event)), std::to_string(e.occurrence),
                     ScopeOf(e.scope), e.at ? D(*e.at) : "-",
                     e.within ? D(e.within->first) + ".." + D(e.within->second) : "-",
                     SetOf(e.snapshot_set)});
    }
    for (const auto& e : x.observed) {
      std::string components = "-";
      if (e.components) {
        components.clear();
        for (const auto& c : *e.components) components += c.logical_path + "\\" + c.name + " ";
      }
      std::string volumes = "-";
      if (e.volumes) {
        volumes.clear();
        for (const auto& v : *e.volumes) volumes += v + " ";
      }
      auto o = [](const std::optional<std::string>& v) { return v ? *v : "-"; };
      Line("observed",
           {e.writer, std::string(vss::NameOf(e.event)), std::to_string(e.occurrence),
            ScopeOf(e.scope), e.backup_type ? vss::ToString(*e.backup_type) : "-",
            e.restore_type ? vss::ToString(*e.restore_type) : "-",
            e.context ? std::to_string(*e.context) : "-",
            e.components_selected ? B(*e.components_selected) : "-", components, volumes,
            o(e.component), o(e.previous_stamp), o(e.backup_options),
            e.additional_restores ? B(*e.additional_restores) : "-", SetOf(e.snapshot_set)});
    }
    for (const auto& e : x.states) {
      Line("state", {e.writer, e.requester, vss::ToString(e.state),
                     e.failure ? vsssim::ToString(*e.failure) : "-"});
    }
    for (const auto& e : x.findings) Line("finding", {e.rule, e.writer, e.requester});
    for (const auto& e : x.same_data) Line("same-data", {e.path, e.label, e.at, B(e.exact)});
  }

  std::ostringstream out_;
};

LoadOptions Files() {
  LoadOptions o;
  o.read_file = [](const std::string& path) -> std::optional<std::string> {
    static const std::map<std::string, std::string> kFiles = {
        {"lib.xml", kLibrary}, {"lib2.xml", kLibrary2}, {"a.xml", "x"}, {"b.xml", "y"}};
    auto it = kFiles.find(path);
    if (it == kFiles.end()) return std::nullopt;
    return it->second;
  };
  o.check_directory = [](const std::string&) { return std::string(); };  // any host-dir exists
  return o;
}

std::string Base(const std::string& call = "") {
  std::string text = kBase;
  text.replace(text.find("CALL"), 4, call);
  return text;
}

// `text` with the change applied, or "" when no start tag matches.
std::string Apply(const std::string& text, const Change& c) {
  std::string anchor = c.anchor.empty() ? "<" + c.element + " " : c.anchor;
  std::string needle = " " + c.attribute + "=\"";
  for (std::size_t at = text.find(anchor); at != std::string::npos;
       at = text.find(anchor, at + 1)) {
    std::size_t end = text.find('>', at);
    std::size_t attr = text.find(needle, at);
    if (attr == std::string::npos || attr > end) continue;
    std::size_t value = attr + needle.size();
    std::string changed = text;
    changed.replace(value, text.find('"', value) - value, c.value);
    return changed;
  }
  return "";
}

std::string Load(const std::string& text, const std::string& label) {
  LoadResult r = LoadScenarioText(text, "all.xml", Format::kXml, Files());
  EXPECT_TRUE(r.ok()) << label << "\n" << r.ErrorText();
  return r.ok() ? Describer().Of(*r.scenario) : "";
}

// Checks that every attribute of every element in the schema has a row in Changes() (and that
// no row names an attribute the schema does not accept).
TEST(Scenario_Schema, EveryAcceptedAttributeHasAChange) {
  std::set<std::pair<std::string, std::string>> rows;
  for (const Change& c : Changes()) {
    rows.emplace(c.element, c.attribute);
    const internal::ElementSpec* spec = internal::FindElement(c.element);
    ASSERT_NE(spec, nullptr) << c.element;
    bool step_attribute = false;
    for (std::string_view a : kStepAttributes) step_attribute = step_attribute || a == c.attribute;
    EXPECT_TRUE(spec->method_attributes ? step_attribute
                                        : internal::IsAttribute(*spec, c.attribute))
        << c.element << " " << c.attribute;
  }
  for (const internal::ElementSpec& e : internal::Elements()) {
    std::vector<std::string_view> attributes = e.required;
    attributes.insert(attributes.end(), e.optional.begin(), e.optional.end());
    if (e.method_attributes)
      attributes.assign(std::begin(kStepAttributes), std::end(kStepAttributes));
    for (std::string_view a : attributes) {
      EXPECT_EQ(rows.count({std::string(e.name), std::string(a)}), 1u)
          << "no row for <" << e.name << " " << a << "=>";
    }
  }
}

// Checks that each attribute the schema accepts reaches the model: changing only its value
// changes what the loader produces.
TEST(Scenario_Schema, EveryAcceptedAttributeReachesTheModel) {
  const std::string base = Base();
  const std::string model = Load(base, "base");
  ASSERT_FALSE(model.empty());
  for (const Change& c : Changes()) {
    std::string label = "<" + c.element + " " + c.attribute + "=\"" + c.value + "\">";
    std::string changed = Apply(base, c);
    ASSERT_FALSE(changed.empty()) << "the base has no " << label;
    ASSERT_NE(changed, base) << label << " is already the base's value";
    std::string other = Load(changed, label);
    EXPECT_TRUE(other != model) << label << " was accepted and changed nothing in the model";
  }
}

// Values of each argument type: a first and a second valid one.
std::pair<std::string, std::string> ValuesOf(ArgType type) {
  switch (type) {
    case ArgType::kText:
    case ArgType::kName:
      return {"a", "b"};
    case ArgType::kBool:
      return {"yes", "no"};
    case ArgType::kUnsigned:
      return {"0", "1"};
    case ArgType::kWriter:
    case ArgType::kWriterList:
      return {"W1", "W2"};
    case ArgType::kGuidList:
    case ArgType::kGuid:
      return {"11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"};
    case ArgType::kVolume:
      return {"C:", "D:"};
    case ArgType::kContext:
      return {"VSS_CTX_BACKUP", "VSS_CTX_FILE_SHARE_BACKUP"};
    case ArgType::kBackupType:
      return {"VSS_BT_FULL", "VSS_BT_INCREMENTAL"};
    case ArgType::kComponentType:
      return {"database", "filegroup"};
    case ArgType::kObjectType:
      return {"VSS_OBJECT_SNAPSHOT_SET", "VSS_OBJECT_SNAPSHOT"};
    case ArgType::kRestoreType:
      return {"VSS_RTYPE_BY_COPY", "VSS_RTYPE_IMPORT"};
    case ArgType::kFileRestoreStatus:
      return {"VSS_RS_ALL", "VSS_RS_NONE"};
    case ArgType::kRollForwardType:
      return {"VSS_RF_ALL", "VSS_RF_NONE"};
    case ArgType::kSavedDocument:
      return {"bcd1", "bcd2"};
    case ArgType::kSaveName:
      return {"s", "t"};
    case ArgType::kFile:
      return {"a.xml", "b.xml"};
  }
  return {"", ""};
}

bool InGroup(const std::vector<std::vector<std::string_view>>& groups, std::string_view a,
             std::string_view b) {
  for (const auto& g : groups) {
    bool has_a = false, has_b = false;
    for (std::string_view n : g) {
      has_a = has_a || n == a;
      has_b = has_b || n == b;
    }
    if (has_a && has_b) return true;
  }
  return false;
}

// A <call> of `m` giving `arg` the value `value`, the required arguments (and the first of
// each exactly-one-of group that `arg` is not in) their first value. expect="failure" makes
// component and volume references soft, so one set of values fits every method.
std::string CallWith(const MethodSpec& m, const ArgSpec& arg, const std::string& value) {
  std::string call = "<call as=\"r\" method=\"" + std::string(m.name) + "\" expect=\"failure\"";
  for (const ArgSpec& a : m.args) {
    if (a.name == arg.name) {
      call += " " + std::string(a.name) + "=\"" + value + "\"";
      continue;
    }
    if (InGroup(m.exactly_one_of, a.name, arg.name) ||
        InGroup(m.at_most_one_of, a.name, arg.name)) {
      continue;
    }
    bool first_of_group = false;
    for (const auto& g : m.exactly_one_of) first_of_group = first_of_group || g.front() == a.name;
    if (a.required || first_of_group) {
      call += " " + std::string(a.name) + "=\"" + ValuesOf(a.type).first + "\"";
    }
  }
  return call + "/>";
}

// Checks that every argument of every method reaches the step: the same call with another
// value of that argument loads into another model.
TEST(Scenario_Schema, EveryMethodArgumentReachesTheStep) {
  int arguments = 0;
  for (const MethodSpec& m : Methods()) {
    for (const ArgSpec& a : m.args) {
      auto [first, second] = ValuesOf(a.type);
      std::string one = Base(CallWith(m, a, first));
      std::string two = Base(CallWith(m, a, second));
      std::string label = std::string(m.name) + " " + std::string(a.name);
      std::string model = Load(one, label + "=" + first);
      EXPECT_TRUE(model != Load(two, label + "=" + second)) << label << " changed nothing";
      ++arguments;
    }
  }
  EXPECT_GE(arguments, 60);
}

}  // namespace
}  // namespace vsssim::scenario
