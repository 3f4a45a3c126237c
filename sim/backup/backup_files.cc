#include "vsssim/backup/backup_files.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

#include "sim/backup/file_sources.h"
#include "vsssim/metadata/file_semantics.h"
#include "vsssim/metadata/selection.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::backup {
namespace {

using metadata::ComponentDescription;
using metadata::FileSpec;
using vss::BackupType;

// One explicit component with what the BCD says about it (or nothing outside component mode).
struct Unit {
  const metadata::WriterMetadata* wmd = nullptr;
  const ComponentDescription* explicit_component = nullptr;
  const metadata::ComponentState* state = nullptr;   // null outside component mode
  std::vector<const ComponentDescription*> members;  // explicit + implicit (SEL-05)
};

std::string FullName(const metadata::PartialFile& p) {
  std::string dir = p.path;
  if (!dir.empty() && dir.back() != '\\') dir += '\\';
  return dir + p.filename;
}

// PART-03 binary ranges file: uint64 count, then count (offset, length) pairs, little-endian.
std::optional<std::vector<metadata::ByteRange>> DecodeRangesFile(const std::string& bytes) {
  auto u64 = [&](std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
  };
  if (bytes.size() < 8) return std::nullopt;
  std::uint64_t count = u64(0);
  if (count == 0 || (bytes.size() - 8) / 16 < count) return std::nullopt;
  std::vector<metadata::ByteRange> ranges;
  for (std::uint64_t i = 0; i < count; ++i) ranges.push_back({u64(8 + 16 * i), u64(16 + 16 * i)});
  return ranges;
}

class Copier {
 public:
  Copier(const BackupRequest& request, const FileSources& sources, const BackupSet* base,
         BackupSet* out, BackupReport* report)
      : request_(request), sources_(sources), base_(base), out_(out), report_(report) {}

  // Copies one unit; false when the component failed (SEL-06) — nothing of it is kept.
  bool Run(const Unit& unit) {
    unit_ = &unit;
    files_.clear();
    manifest_.clear();
    failed_ = false;
    BackupType type = metadata::EffectiveBackupType(unit.wmd->backup_schema,
                                                    request_.bcd.backup_type);  // BT-03
    type_ = type;
    handled_.clear();
    for (const ComponentDescription* m : unit.members) {
      for (const auto* list : {&m->files, &m->database_files, &m->log_files}) {
        for (const FileSpec& spec : *list) CopyFileSet(*m, spec);
      }
    }
    CopyNewDifferencedAndPartial();
    if (failed_) return false;
    for (FileRecord& f : files_) {
      ++report_->files_copied;
      if (f.is_partial) ++report_->partial_files;
      report_->bytes_copied += f.bytes.size();
      out_->files.push_back(std::move(f));
    }
    for (ManifestEntry& m : manifest_) out_->manifest.push_back(std::move(m));
    return true;
  }

  ComponentRef Ref(const ComponentDescription& member) const {
    ComponentRef r;
    r.writer_id = unit_->wmd->identity.writer_id;
    r.instance_id = unit_->wmd->identity.instance_id;
    r.logical_path = unit_->explicit_component->logical_path;
    r.name = unit_->explicit_component->name;
    r.member_logical_path = member.logical_path;
    r.member_name = member.name;
    return r;
  }

 private:
  void Fail(std::string rule, std::string message) {
    failed_ = true;
    report_->problems.push_back({std::move(rule), std::move(message)});
  }

  bool Excluded(const std::string& path) const {
    for (const metadata::WriterMetadata& w : request_.writers) {
      for (const FileSpec& x : w.exclude_files) {  // REQ-SET-02: on the default path
        if (metadata::FileSpecMatches(x, path)) return true;
      }
      for (const FileSpec& x : w.exclude_files_from_snapshot) {  // WMD-08, DATA-CHOICE-...
        if (metadata::FileSpecMatches(x, path)) return true;
      }
    }
    return false;
  }

  bool DifferencingApplies() const {  // DIFF-01: incremental or differential backups only
    return unit_->state != nullptr &&
           (type_ == BackupType::VSS_BT_INCREMENTAL || type_ == BackupType::VSS_BT_DIFFERENTIAL);
  }

  // DIFF-02/06: the time a differenced file must reach to be copied, or nullopt when `path` is
  // not differenced.
  std::optional<std::uint64_t> DifferencedSince(const std::string& path) const {
    if (!DifferencingApplies()) return std::nullopt;
    for (const metadata::DifferencedFile& d : unit_->state->differenced_files) {
      FileSpec spec;
      spec.path = d.path;
      spec.filespec = d.filespec;
      spec.recursive = d.recursive;
      if (!metadata::FileSpecMatches(spec, path)) continue;
      if (d.last_modify_time != 0) return d.last_modify_time;  // the writer's time wins
      return base_ == nullptr ? 0 : base_->snapshot_ticks;     // the requester's history
    }
    return std::nullopt;
  }

  const metadata::PartialFile* PartialFor(const std::string& path) const {
    if (unit_->state == nullptr || !request_.bcd.partial_file_support) return nullptr;  // PART-01
    for (const metadata::PartialFile& p : unit_->state->partial_files) {
      if (metadata::SamePath(FullName(p), path)) return &p;
    }
    return nullptr;
  }

  void CopyFileSet(const ComponentDescription& member, const FileSpec& spec) {
    bool required = metadata::FileSetBackupRequired(spec.backup_type_mask, type_);  // FSBT-02
    bool snapshot_required =
        metadata::FileSetSnapshotRequired(spec.backup_type_mask, type_);  // FSBT-04
    FoundFiles found = FindFiles(sources_, spec, required && snapshot_required);
    if (!found.ok && required) {
      return Fail("FSBT-04", "no shadow copy of the volume of " + spec.path + "\\" + spec.filespec +
                                 " (snapshot required for " + std::string(vss::NameOf(type_)) +
                                 ")");
    }
    std::size_t kept = 0;
    for (const FoundFile& f : found.files) {
      if (Excluded(f.path)) continue;
      ++kept;
      Handle(member, spec, f, required);
    }
    if (kept == 0 && required && spec.filespec.find('*') == std::string::npos &&
        found.files.empty()) {
      Fail("REQ-SET-06", "file set " + spec.path + "\\" + spec.filespec + " of " +
                             member.FullPath() + " names no existing file");
    }
  }

  void Handle(const ComponentDescription& member, const FileSpec& spec, const FoundFile& f,
              bool required) {
    if (std::find(handled_.begin(), handled_.end(), storage::FoldCase(f.path)) != handled_.end())
      return;
    handled_.push_back(storage::FoldCase(f.path));
    std::uint64_t mtime = FileTimeTicks(f.info.last_modified.since_start.count());
    manifest_.push_back({Ref(member), spec, f.path, f.info.size, mtime});
    // DIFF-07: differenced files first, then partial files, then the mask.
    const metadata::PartialFile* partial = PartialFor(f.path);
    if (auto since = DifferencedSince(f.path)) {
      if (partial != nullptr) {  // DIFF-04: follow the differenced-file instruction
        report_->problems.push_back(
            {"DIFF-04", f.path + " is both a differenced and a partial file"});
      }
      if (mtime >= *since) Copy(member, spec, f, nullptr);  // DATA-CHOICE-DIFF-INCLUSIVE
      return;
    }
    if (partial != nullptr) return Copy(member, spec, f, partial);  // FSBT-05
    if (required) Copy(member, spec, f, nullptr);
  }

  void Copy(const ComponentDescription& member, const FileSpec& spec, const FoundFile& f,
            const metadata::PartialFile* partial) {
    auto view = f.from_snapshot ? sources_.Snapshot(f.read_from) : sources_.Live(f.read_from);
    std::string content;
    if (!view || view->ReadFile(f.read_from, &content).Failed()) {
      return Fail("SEL-06", "cannot read " + f.read_from);
    }
    FileRecord r;
    r.component = Ref(member);
    r.file_set = spec;
    r.path = f.path;
    r.read_from = f.read_from;
    r.from_snapshot = f.from_snapshot;
    r.size = content.size();
    r.last_modify_ticks = FileTimeTicks(f.info.last_modified.since_start.count());
    if (partial != nullptr) {
      auto ranges = Ranges(*partial);
      if (ranges) {
        r.is_partial = true;
        r.partial_metadata = partial->metadata;
        for (metadata::ByteRange range : *ranges) {  // clipped to the file (PART-06)
          if (range.offset >= content.size()) continue;
          range.length = std::min<std::uint64_t>(range.length, content.size() - range.offset);
          r.ranges.push_back(range);
          r.bytes.append(content, range.offset, range.length);
        }
        files_.push_back(std::move(r));
        return;
      }
      report_->problems.push_back({"PART-03", "ranges \"" + partial->ranges + "\" of " + f.path +
                                                  " are unreadable; the whole file is copied"});
    }
    r.bytes = std::move(content);
    files_.push_back(std::move(r));
  }

  std::optional<std::vector<metadata::ByteRange>> Ranges(const metadata::PartialFile& p) const {
    if (auto list = metadata::ParseRanges(p.ranges)) return list;
    auto file = metadata::RangesFilePath(p.ranges);  // PART-03: both forms
    if (!file) return std::nullopt;
    auto view = sources_.For(*file, false);
    std::string bytes;
    if (!view || view->ReadFile(*file, &bytes).Failed()) return std::nullopt;
    return DecodeRangesFile(bytes);
  }

  // DIFF-03 / PART-05: differenced specs and partial files naming files outside every file set.
  void CopyNewDifferencedAndPartial() {
    if (unit_->state == nullptr) return;
    const ComponentDescription& owner = *unit_->explicit_component;
    if (DifferencingApplies()) {
      for (const metadata::DifferencedFile& d : unit_->state->differenced_files) {
        FileSpec spec;
        spec.path = d.path;
        spec.filespec = d.filespec;
        spec.recursive = d.recursive;
        spec.backup_type_mask = vss::FileSpecBackupType{0};  // FSBT-05: mask ignored
        for (const FoundFile& f : FindFiles(sources_, spec, false).files) {
          if (!Excluded(f.path)) Handle(owner, spec, f, false);
        }
      }
    }
    if (!request_.bcd.partial_file_support) return;
    for (const metadata::PartialFile& p : unit_->state->partial_files) {
      FileSpec spec;
      spec.path = p.path;
      spec.filespec = p.filename;
      spec.backup_type_mask = vss::FileSpecBackupType{0};
      for (const FoundFile& f : FindFiles(sources_, spec, false).files) {
        if (!Excluded(f.path)) Handle(owner, spec, f, false);
      }
    }
  }

  const BackupRequest& request_;
  const FileSources& sources_;
  const BackupSet* base_;
  BackupSet* out_;
  BackupReport* report_;
  const Unit* unit_ = nullptr;
  BackupType type_ = BackupType::VSS_BT_FULL;
  std::vector<FileRecord> files_;
  std::vector<ManifestEntry> manifest_;
  std::vector<std::string> handled_;  // folded paths already decided in this unit
  bool failed_ = false;
};

std::vector<Unit> Units(const BackupRequest& request, BackupReport* report) {
  std::vector<Unit> units;
  if (!request.bcd.select_components) {  // SEL-01: non-component mode backs up everything
    for (const metadata::WriterMetadata& w : request.writers) {
      for (const ComponentDescription& c : w.components) units.push_back({&w, &c, nullptr, {&c}});
    }
    return units;
  }
  for (const metadata::WriterComponents& wc : request.bcd.writers) {
    const metadata::WriterMetadata* wmd = FindWriter(request.writers, wc);
    if (wmd == nullptr) {
      report->problems.push_back({"REQ-SET-03", "no WMD for writer instance " +
                                                    wc.instance_id.ToString() + " in the BCD"});
      continue;
    }
    metadata::ComponentTree tree(*wmd);
    for (const metadata::ComponentState& cs : wc.components) {
      const ComponentDescription* c = tree.Find({cs.logical_path, cs.name});
      if (c == nullptr) {
        report->problems.push_back(
            {"SEL-09", "component " + cs.logical_path + "\\" + cs.name + " is not in the WMD"});
        continue;
      }
      units.push_back({wmd, c, &cs, tree.Included({{cs.logical_path, cs.name}})});
    }
  }
  return units;
}

}  // namespace

BackupReport BackupFiles(const BackupRequest& request, Medium* medium) {
  BackupReport report;
  FileSources sources(request.shadow_copies, request.live);
  BackupSet set;
  set.label = request.label;
  set.backup_type = request.bcd.backup_type;
  set.snapshot_ticks = sources.snapshot_ticks();
  set.bcd_xml = metadata::WriteBackupComponentsXml(request.bcd);
  for (const metadata::WriterMetadata& w : request.writers) {
    set.wmd_xmls.push_back(metadata::WriteWriterMetadataXml(w));
  }
  const BackupSet* base = medium->BaseFor(request.bcd.backup_type);
  if (base != nullptr) set.base_label = base->label;

  std::vector<ComponentRef> done;  // explicit components copied completely
  Copier copier(request, sources, base, &set, &report);
  for (const Unit& unit : Units(request, &report)) {
    if (copier.Run(unit)) {
      done.push_back(copier.Ref(*unit.explicit_component));
    } else {
      report.failed_components.push_back(copier.Ref(*unit.explicit_component));
    }
  }
  // DATA-CHOICE-MANIFEST: files of a completed component that the base had and that are gone.
  if (base != nullptr) {
    for (const ManifestEntry& m : base->manifest) {
      bool component_done = std::any_of(done.begin(), done.end(), [&](const ComponentRef& r) {
        return r.instance_id == m.component.instance_id &&
               r.logical_path == m.component.logical_path && r.name == m.component.name;
      });
      if (component_done && set.FindManifest(m.path) == nullptr) set.removed.push_back(m);
    }
  }
  report.label = medium->Add(std::move(set)).label;
  return report;
}

}  // namespace vsssim::backup
