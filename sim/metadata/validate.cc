#include "vsssim/metadata/validate.h"

#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "vsssim/metadata/file_semantics.h"

namespace vsssim::metadata {
namespace {

constexpr std::uint32_t kKnownSchemaBits = 0xF7FF;     // §1.3
constexpr std::uint32_t kKnownFileSpecBits = 0x10F0F;  // §1.4
constexpr std::uint32_t kKnownComponentFlags = 0x7;    // §1.9

class Sink {
 public:
  explicit Sink(std::string_view file) : file_(file) {}
  void Error(int line, std::string_view rule, std::string message) {
    out_.push_back({Severity::kError, file_, line, std::string(rule), std::move(message)});
  }
  void Warning(int line, std::string_view rule, std::string message) {
    out_.push_back({Severity::kWarning, file_, line, std::string(rule), std::move(message)});
  }
  std::vector<Diagnostic> Take() { return std::move(out_); }

 private:
  std::string file_;
  std::vector<Diagnostic> out_;
};

void CheckFileSpec(const FileSpec& f, const std::string& where, bool with_mask, Sink& sink) {
  if (WithoutWin32Prefix(f.path).find_first_of("*?") != std::string::npos) {
    sink.Error(f.source_line, "WMD-06", where + ": path " + f.path + " contains a wildcard");
  }
  if (f.filespec.find_first_of("\\/") != std::string::npos) {
    sink.Error(f.source_line, "WMD-06",
               where + ": filespec " + f.filespec + " contains a directory separator");
  }
  if (with_mask && (static_cast<std::uint32_t>(f.backup_type_mask) & ~kKnownFileSpecBits)) {
    sink.Error(f.source_line, "FSBT-01",
               where + ": filespecBackupType " +
                   std::to_string(static_cast<std::uint32_t>(f.backup_type_mask)) +
                   " has bits no VSS_FILE_SPEC_BACKUP_TYPE defines");
  }
}

void CheckIdentityAndSchema(const WriterMetadata& wmd, Sink& sink) {
  const WriterIdentity& id = wmd.identity;
  if (id.usage == vss::UsageType::VSS_UT_UNDEFINED) {
    sink.Error(id.source_line, "WMD-01", "usage is UNDEFINED (a writer error, §1.9)");
  }
  if (id.source_type == vss::SourceType::VSS_ST_UNDEFINED) {
    sink.Error(id.source_line, "WMD-01", "dataSource is UNDEFINED (a writer error, §1.9)");
  }
  if (id.writer_id.IsNull()) sink.Error(id.source_line, "WMD-01", "writerId is GUID_NULL");
  using S = vss::BackupSchema;
  const auto bits = static_cast<std::uint32_t>(wmd.backup_schema);
  if (bits & ~kKnownSchemaBits) {
    sink.Error(1, "WMD-10", "backupSchema " + std::to_string(bits) + " has undefined bits");
  }
  const bool incr_or_diff = bits & 0x3;
  if ((bits & static_cast<std::uint32_t>(S::VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL)) &&
      (bits & 0x3) != 0x3) {
    sink.Error(1, "WMD-10", "EXCLUSIVE_INCREMENTAL_DIFFERENTIAL without both INCR and DIFF");
  }
  if ((bits & 0x60) && !incr_or_diff) {
    sink.Error(1, "WMD-10", "TIMESTAMPED / LAST_MODIFY without INCREMENTAL or DIFFERENTIAL");
  }
  if (bits & static_cast<std::uint32_t>(S::VSS_BS_LOG)) {
    bool has_log = false;
    for (const ComponentDescription& c : wmd.components) has_log = has_log || !c.log_files.empty();
    if (!has_log) sink.Warning(1, "WMD-10", "schema has VSS_BS_LOG but no DATABASE_LOGFILES");
  }
}

void CheckRestoreMethod(const WriterMetadata& wmd, Sink& sink) {
  if (!wmd.restore_method) return;  // the reader already warned (WMDX-08)
  const RestoreMethodInfo& m = *wmd.restore_method;
  using RM = vss::RestoreMethod;
  if (m.method == RM::VSS_RME_UNDEFINED) {
    sink.Error(m.source_line, "WMD-02", "restore method UNDEFINED is a writer error");
  }
  if (m.writer_restore == vss::WriterRestore::VSS_WRE_UNDEFINED) {
    sink.Error(m.source_line, "WMD-02", "writerRestore undefined is a writer error");
  }
  if ((m.method == RM::VSS_RME_STOP_RESTORE_START || m.method == RM::VSS_RME_RESTORE_STOP_START) &&
      m.service.empty()) {
    sink.Error(m.source_line, "WMD-02", "method " + vss::ToString(m.method) + " without service");
  }
  if (m.method == RM::VSS_RME_RESTORE_TO_ALTERNATE_LOCATION &&
      m.alternate_location_mappings.empty()) {
    sink.Warning(m.source_line, "ALT-03",
                 "RESTORE_TO_ALTERNATE_LOCATION without any alternate location mapping");
  }
  for (const AlternateLocationMapping& alm : m.alternate_location_mappings) {
    if (!FindFileSet(wmd, alm.path, alm.filespec, alm.recursive)) {
      sink.Error(alm.source_line, "WMD-03",
                 "alternate location mapping " + alm.path + "\\" + alm.filespec +
                     " names no file set of any component (MATCH-01)");
    }
  }
}

void CheckComponents(const WriterMetadata& wmd, Sink& sink) {
  std::set<std::pair<std::string, std::string>> seen;
  std::set<std::tuple<std::string, std::string, bool>> file_sets;
  for (const ComponentDescription& c : wmd.components) {
    const std::string where = "component " + c.FullPath();
    if (!seen.insert({c.logical_path, c.name}).second) {
      sink.Error(c.source_line, "SEL-09", where + " is declared twice");
    }
    if (c.name.empty() || c.name.find('\\') != std::string::npos) {
      sink.Error(c.source_line, "WMD-04", where + ": name is empty or contains a backslash");
    }
    if (static_cast<std::uint32_t>(c.flags) & ~kKnownComponentFlags) {
      sink.Error(c.source_line, "WMD-04", where + ": componentFlags has undefined bits");
    }
    if (c.selectable_for_restore && c.logical_path.empty()) {
      sink.Warning(c.source_line, "SEL-08",
                   where + ": selectableForRestore is meaningless at top level");
    }
    for (const auto* list : {&c.files, &c.database_files, &c.log_files}) {
      for (const FileSpec& f : *list) {
        CheckFileSpec(f, where, true, sink);
        if (!file_sets.insert({f.path, f.filespec, f.recursive}).second) {
          sink.Warning(f.source_line, "WMD-06",
                       where + ": file set " + f.path + "\\" + f.filespec +
                           " is named more than once in this writer");
        }
      }
    }
    for (const ComponentDependency& d : c.dependencies) {
      if (d.writer_id == wmd.identity.writer_id) {
        sink.Error(d.source_line, "WMD-09", where + ": depends on its own writer");
      }
    }
  }
  for (const FileSpec& f : wmd.exclude_files) CheckFileSpec(f, "EXCLUDE_FILES", false, sink);
  for (const FileSpec& f : wmd.exclude_files_from_snapshot) {
    CheckFileSpec(f, "EXCLUDE_FILES_FROM_SNAPSHOT", false, sink);
  }
}

void CheckComponentState(const BackupComponents& bcd, const WriterComponents& w,
                         const ComponentState& c, Sink& sink) {
  const std::string where =
      "component \\" + c.logical_path + (c.logical_path.empty() ? "" : "\\") + c.name;
  if (c.type == vss::ComponentType::VSS_CT_UNDEFINED) {
    sink.Error(c.source_line, "XML-03", where + ": componentType undefined");
  }
  if (c.backup_stamp && !vss::HasAll(w.backup_schema, vss::BackupSchema::VSS_BS_TIMESTAMPED)) {
    sink.Warning(c.source_line, "STAMP-01",
                 where + ": backupStamp from a writer whose schema lacks VSS_BS_TIMESTAMPED");
  }
  for (const PartialFile& p : c.partial_files) {
    if (!bcd.partial_file_support) {
      sink.Error(p.source_line, "PART-01",
                 where + ": partial file " + p.filename + " although partial-file support is off");
    }
    if (!ParseRanges(p.ranges) && !RangesFilePath(p.ranges)) {
      sink.Error(p.source_line, "PART-03", where + ": ranges \"" + p.ranges + "\" malformed");
    }
  }
  for (const DirectedTarget& t : c.directed_targets) {
    if (RuleProblem p = CheckDirectedTarget(t); !p.ok()) {
      sink.Error(t.source_line, p.rule_id, where + ": " + p.message);
    }
  }
  if (!c.directed_targets.empty() && c.restore_target != vss::RestoreTarget::VSS_RT_DIRECTED) {
    sink.Warning(c.source_line, "DT-01",
                 where + ": directed targets while the restore target is not DIRECTED");
  }
  // NT-01 / RO-02: restore requests the writer's schema must support.
  auto needs = [&](bool used, vss::BackupSchema bit, const char* rule, const char* what) {
    if (used && !vss::HasAll(w.backup_schema, bit)) {
      sink.Warning(c.source_line, rule,
                   where + ": " + what + " although the writer's schema lacks " +
                       std::string(vss::NameOf(bit)));
    }
  };
  using S = vss::BackupSchema;
  needs(!c.new_targets.empty(), S::VSS_BS_WRITER_SUPPORTS_NEW_TARGET, "NT-01", "new targets");
  needs(c.authoritative_restore, S::VSS_BS_AUTHORITATIVE_RESTORE, "RO-02", "authoritative restore");
  needs(c.roll_forward_type != vss::RollForwardType::VSS_RF_UNDEFINED,
        S::VSS_BS_ROLLFORWARD_RESTORE, "RO-02", "roll-forward");
  needs(c.restore_name.has_value(), S::VSS_BS_RESTORE_RENAME, "RO-02", "restore name");
  if (RuleProblem p = CheckDifferencedVsPartial(c); !p.ok()) {
    sink.Warning(c.source_line, p.rule_id, where + ": " + p.message);
  }
}

}  // namespace

std::vector<Diagnostic> ValidateWriterMetadata(const WriterMetadata& wmd,
                                               std::string_view file_name) {
  Sink sink(file_name);
  CheckIdentityAndSchema(wmd, sink);
  CheckRestoreMethod(wmd, sink);
  CheckComponents(wmd, sink);
  return sink.Take();
}

std::vector<Diagnostic> ValidateBackupComponents(const BackupComponents& bcd,
                                                 std::string_view file_name) {
  Sink sink(file_name);
  if (bcd.backup_type == vss::BackupType::VSS_BT_UNDEFINED) {
    sink.Error(1, "BT-01", "backupType undefined (an application error, §1.2)");
  }
  std::set<Guid> instances;
  for (const WriterComponents& w : bcd.writers) {
    if (!instances.insert(w.instance_id).second) {
      sink.Error(w.source_line, "BCDX-01",
                 "writer instance " + w.instance_id.ToString() + " appears twice");
    }
    if (!w.components.empty() && !bcd.select_components) {
      sink.Warning(w.source_line, "SEL-01",
                   "components listed although selectComponents=\"no\" (not component mode)");
    }
    std::set<std::pair<std::string, std::string>> seen;
    for (const ComponentState& c : w.components) {
      if (!seen.insert({c.logical_path, c.name}).second) {
        sink.Error(c.source_line, "SEL-09", "component " + c.name + " listed twice");
      }
      CheckComponentState(bcd, w, c, sink);
    }
  }
  return sink.Take();
}

}  // namespace vsssim::metadata
