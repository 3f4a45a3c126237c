// SIM-DATA-01 property test: seeded random workloads backed up through shadow copies of the
// copy-on-write provider and restored as chains; every file of the selected components must
// come back byte-identical to the shadow copy of the last backup of the chain.
//
// Each workload (seed = kBaseSeed + index, printed on failure) draws: a writer schema, 1-3
// selectable components with file sets on C: and D: (masks, recursion, a non-selectable member
// subcomponent, a log file set), excludes and excludes-from-snapshot, a restore destination
// (original location under a random restore method, alternate location mappings, or new
// targets), and 1-4 backups of random types the schema allows (BT-02, BT-07), with files
// created, grown, overwritten, truncated and deleted in between, differenced files
// (DIFF-02) and partial files (PART-06) as a writer would declare them. Then the live volume is
// damaged, the chain to the last backup is restored (BT-06, AR-01) and compared.
//
// What is compared (docs/backup-data.md, DATA-CHOICE-SIM-DATA-01-SCOPE): files of the selected
// components' file sets whose mask requires backup for the last backup's type (FSBT-02), minus
// excluded files; plus: no such file that an earlier backup of the chain had and the last one
// lacks exists after the restore.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "sim/backup/testing/data_world.h"
#include "vsssim/backup/backup_files.h"
#include "vsssim/backup/data_image.h"
#include "vsssim/backup/restore_files.h"
#include "vsssim/metadata/file_semantics.h"
#include "vsssim/storage/path.h"

namespace vsssim::backup {
namespace {

using metadata::FileSpec;
using vss::BackupSchema;
using vss::BackupType;
using vss::RestoreMethod;

constexpr std::uint64_t kBaseSeed = 0x5117DA7A0000ull;
constexpr int kWorkloads = 1000;

enum class Destination { kOriginal, kMapping, kNewTarget };

struct Layout {
  metadata::WriterMetadata wmd;
  std::vector<std::string> selected;    // explicit components
  std::vector<std::string> candidates;  // paths the workload touches
  Destination destination = Destination::kOriginal;
  bool wipe_before_restore = false;
};

bool Excluded(const std::string& path) {  // the workload's excludes, by name
  auto ends = [&](const char* ext) {
    std::string e(ext);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".tmp") || ends(".cache");
}

// Where the restore puts a file of `set` (the workload's mapping / new target layout).
std::string Restored(const Layout& l, const FileSpec& set, const std::string& path) {
  if (l.destination == Destination::kOriginal) return path;
  std::string root = l.destination == Destination::kMapping ? "D:\\R" : "D:\\NT";
  std::string dir = root + "\\" + set.path.substr(0, 1) + set.path.substr(2);
  return dir + path.substr(set.path.size());
}

class Workload {
 public:
  explicit Workload(std::uint64_t seed) : world_(seed, 4u << 20), r_(world_.random().Fork("w")) {}

  // Runs the workload; returns a description of every mismatch (empty: SIM-DATA-01 holds).
  std::string Run() {
    MakeLayout();
    int backups = static_cast<int>(r_.Range(1, 4));
    std::string last;
    for (int i = 0; i < backups; ++i) {
      Mutate(static_cast<int>(r_.Range(i == 0 ? 6 : 1, 12)));
      BackupType type = NextType(i);
      last = "b" + std::to_string(i);
      std::string problem = Backup(last, type);
      if (!problem.empty()) return problem;
    }
    Mutate(static_cast<int>(r_.Range(1, 10)));  // the live volume changes after the backup
    return RestoreAndCompare(last);
  }

  std::size_t files_checked() const { return checked_; }

 private:
  FileSpec Set(const std::string& dir, const std::string& filespec, std::uint32_t mask) {
    FileSpec f = testing::Files(dir, filespec, r_.OneIn(2), mask);
    for (const char* name : {"f0", "f1", "f2", "f3"}) {
      static const char* kExt[] = {".dat", ".dat", ".dat", ".log", ".tmp", ".cache"};
      std::string ext = kExt[r_.Uniform(6)];
      layout_.candidates.push_back(dir + "\\" + name + ext);
      layout_.candidates.push_back(dir + "\\sub\\" + name + ext);
    }
    return f;
  }

  std::uint32_t Mask() {
    static const std::uint32_t kMasks[] = {0xF0F, 0xF0F, 0x00F, 0x505, 0x303, 0x10F};
    return kMasks[r_.Uniform(6)];
  }

  void MakeLayout() {
    using S = BackupSchema;
    static const S kSchemas[] = {S::VSS_BS_UNDEFINED, S::VSS_BS_INCREMENTAL, S::VSS_BS_DIFFERENTIAL,
                                 S::VSS_BS_INCREMENTAL | S::VSS_BS_DIFFERENTIAL,
                                 S::VSS_BS_INCREMENTAL | S::VSS_BS_DIFFERENTIAL |
                                     S::VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL};
    S schema = kSchemas[r_.Uniform(5)];
    if (r_.OneIn(2)) schema = schema | S::VSS_BS_LAST_MODIFY;
    if (r_.OneIn(4)) schema = schema | S::VSS_BS_LOG;
    if (r_.OneIn(4)) schema = schema | S::VSS_BS_COPY;
    layout_.destination = static_cast<Destination>(r_.Uniform(3));
    if (layout_.destination == Destination::kNewTarget) {
      schema = schema | S::VSS_BS_WRITER_SUPPORTS_NEW_TARGET;
    }
    static const RestoreMethod kMethods[] = {
        RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE,
        RestoreMethod::VSS_RME_STOP_RESTORE_START,
        RestoreMethod::VSS_RME_RESTORE_STOP_START,
        RestoreMethod::VSS_RME_RESTORE_AT_REBOOT,
        RestoreMethod::VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE,
        RestoreMethod::VSS_RME_CUSTOM,
        RestoreMethod::VSS_RME_RESTORE_IF_NOT_THERE};
    RestoreMethod method = kMethods[r_.Uniform(7)];
    if (layout_.destination == Destination::kMapping) {
      method = RestoreMethod::VSS_RME_RESTORE_TO_ALTERNATE_LOCATION;
    }
    // IF_NOT_THERE restores nothing over present files: the disaster wipes them first.
    layout_.wipe_before_restore =
        method == RestoreMethod::VSS_RME_RESTORE_IF_NOT_THERE || r_.OneIn(4);
    std::vector<metadata::ComponentDescription> components;
    int count = static_cast<int>(r_.Range(1, 3));
    for (int c = 0; c < count; ++c) {
      std::string name = "c" + std::to_string(c);
      std::vector<FileSpec> sets = {Set("C:\\" + name, r_.OneIn(3) ? "*.dat" : "*", Mask())};
      if (r_.OneIn(2)) sets.push_back(Set("D:\\" + name, "*", Mask()));
      components.push_back(testing::Component("", name, sets));
      if (vss::HasAll(schema, S::VSS_BS_LOG) && c == 0) {
        components.back().log_files.push_back(Set("C:\\" + name + "log", "*.log", 0xF0F));
      }
      if (r_.OneIn(2)) {  // a non-selectable member (SEL-05)
        components.push_back(
            testing::Component(name, "m", {Set("C:\\" + name + "m", "*", Mask())}, false));
      }
      if (c == 0 || r_.OneIn(2)) layout_.selected.push_back(name);
    }
    layout_.wmd = testing::Writer(components, schema, method);
    layout_.wmd.exclude_files.push_back(testing::Files("C:\\", "*.tmp", true));
    layout_.wmd.exclude_files_from_snapshot.push_back(testing::Files("C:\\", "*.cache", true));
    layout_.wmd.exclude_files_from_snapshot.push_back(testing::Files("D:\\", "*.cache", true));
    for (const FileSpec* set : AllSets()) {
      if (layout_.destination != Destination::kMapping) break;
      metadata::AlternateLocationMapping m;
      m.path = set->path;
      m.filespec = set->filespec;
      m.recursive = set->recursive;
      m.destination = Restored(layout_, *set, set->path);
      layout_.wmd.restore_method->alternate_location_mappings.push_back(m);
    }
  }

  // File sets of the selected components and their members, with their explicit component.
  std::vector<const FileSpec*> AllSets(std::vector<std::string>* owners = nullptr) const {
    std::vector<const FileSpec*> out;
    for (const auto& c : layout_.wmd.components) {
      std::string owner = c.logical_path.empty() ? c.name : c.logical_path;
      if (std::find(layout_.selected.begin(), layout_.selected.end(), owner) ==
          layout_.selected.end())
        continue;
      for (const auto* list : {&c.files, &c.log_files}) {
        for (const FileSpec& f : *list) {
          out.push_back(&f);
          if (owners != nullptr) owners->push_back(owner);
        }
      }
    }
    return out;
  }

  void Mutate(int ops) {
    for (int i = 0; i < ops; ++i) {
      const std::string& path = layout_.candidates[r_.Uniform(layout_.candidates.size())];
      storage::Volume& v = *world_.volumes().Find(path);
      std::string current;
      bool exists = v.ReadFile(path, &current).Succeeded();
      std::string bytes(static_cast<std::size_t>(r_.Range(0, 2000)), '\0');
      r_.Fill(bytes.data(), bytes.size());
      switch (exists ? r_.Uniform(5) : 0) {
        case 0:  // create or replace
          v.PutFile(path, bytes);
          break;
        case 1:  // grow
          v.AppendFile(path, bytes);
          break;
        case 2:  // overwrite a range (may extend)
          v.WriteFile(path, r_.Uniform(current.size() + 1), bytes.substr(0, bytes.size() / 4));
          break;
        case 3:  // truncate
          v.SetFileSize(path, r_.Uniform(current.size() + 1));
          break;
        default:
          v.DeleteFile(path);
          break;
      }
      if (r_.OneIn(2)) world_.Tick();
    }
    world_.Tick();
  }

  BackupType NextType(int index) {
    using S = BackupSchema;
    const S schema = layout_.wmd.backup_schema;
    std::vector<BackupType> allowed = {BackupType::VSS_BT_FULL};
    if (index > 0) {
      bool exclusive = vss::HasAll(schema, S::VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL);
      if (vss::HasAll(schema, S::VSS_BS_INCREMENTAL) && !(exclusive && saw_differential_)) {
        allowed.push_back(BackupType::VSS_BT_INCREMENTAL);
      }
      if (vss::HasAll(schema, S::VSS_BS_DIFFERENTIAL) && !(exclusive && saw_incremental_)) {
        allowed.push_back(BackupType::VSS_BT_DIFFERENTIAL);
      }
      if (vss::HasAll(schema, S::VSS_BS_LOG) && !(exclusive && saw_differential_)) {
        allowed.push_back(BackupType::VSS_BT_LOG);
      }
    }
    if (vss::HasAll(schema, S::VSS_BS_COPY)) allowed.push_back(BackupType::VSS_BT_COPY);
    BackupType t = allowed[r_.Uniform(allowed.size())];
    if (t == BackupType::VSS_BT_FULL) saw_incremental_ = saw_differential_ = false;  // BT-07
    if (t == BackupType::VSS_BT_INCREMENTAL || t == BackupType::VSS_BT_LOG) saw_incremental_ = true;
    if (t == BackupType::VSS_BT_DIFFERENTIAL) saw_differential_ = true;
    return t;
  }

  // The writer's differenced and partial files for this backup (DIFF-02, PART-06), from what
  // changed since the base backup's shadow copy.
  void Declare(metadata::BackupComponents& bcd, const BackupSet* base, const DataImage& now) {
    using S = BackupSchema;
    BackupType type = bcd.backup_type;
    if (base == nullptr ||
        (type != BackupType::VSS_BT_INCREMENTAL && type != BackupType::VSS_BT_DIFFERENTIAL))
      return;
    const DataImage& before = images_.at(base->label);
    std::vector<std::string> owners;
    std::vector<const FileSpec*> sets = AllSets(&owners);
    for (std::size_t i = 0; i < sets.size(); ++i) {
      const FileSpec& set = *sets[i];
      if ((static_cast<std::uint32_t>(set.backup_type_mask) & 0xF) != 0xF) continue;
      metadata::ComponentState* cs = bcd.writers[0].FindComponent("", owners[i]);
      if (vss::HasAll(layout_.wmd.backup_schema, S::VSS_BS_LAST_MODIFY) && r_.OneIn(2)) {
        std::uint64_t t =
            r_.OneIn(2) || base->snapshot_ticks < 2 ? 0 : base->snapshot_ticks - r_.Uniform(2);
        cs->differenced_files.push_back({set.path, set.filespec, set.recursive, t, 0});
        continue;
      }
      for (const auto& [key, file] : now.files) {
        const auto& [path, bytes] = file;
        if (!metadata::FileSpecMatches(set, path) || Excluded(path) || !r_.OneIn(2)) continue;
        auto old = before.files.find(key);
        if (old == before.files.end()) continue;
        std::string ranges = Ranges(old->second.second, bytes);
        if (ranges.empty()) continue;
        std::size_t slash = path.rfind('\\');
        cs->partial_files.push_back(
            {path.substr(0, slash), path.substr(slash + 1), ranges, "", "", 0});
      }
    }
  }

  static std::string Ranges(const std::string& a, const std::string& b) {
    std::string out;
    auto add = [&](std::size_t off, std::size_t len) {
      out += (out.empty() ? "" : ",") + std::to_string(off) + ":" + std::to_string(len);
    };
    std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n;) {
      if (a[i] == b[i]) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < n && a[j] != b[j]) ++j;
      add(i, j - i);
      i = j;
    }
    if (b.size() > a.size()) add(a.size(), b.size() - a.size());
    return out;
  }

  std::string Backup(const std::string& label, BackupType type) {
    auto shadows = world_.Snapshot();
    if (shadows.size() != 2) return "snapshot failed";
    DataImage now = CaptureImage(shadows);
    BackupRequest r;
    r.label = label;
    r.bcd = testing::Bcd(layout_.wmd, type, layout_.selected);
    r.bcd.partial_file_support = true;
    Declare(r.bcd, medium_.BaseFor(type), now);
    r.writers = {layout_.wmd};
    r.shadow_copies = shadows;
    r.live = &world_.volumes();
    BackupReport report = BackupFiles(r, &medium_);
    images_[label] = std::move(now);
    if (!report.ok()) return "backup " + label + ": " + report.problems[0].message;
    return "";
  }

  std::string RestoreAndCompare(const std::string& last) {
    std::vector<std::string> owners;
    std::vector<const FileSpec*> sets = AllSets(&owners);
    if (layout_.wipe_before_restore) {
      for (const std::string& p : layout_.candidates) world_.volumes().Find(p)->DeleteFile(p);
    }
    std::vector<const BackupSet*> chain = medium_.ChainTo(last);
    std::string failures;
    for (std::size_t i = 0; i < chain.size(); ++i) {
      RestoreRequest req;
      req.set = chain[i];
      req.bcd = SelectAllForRestore(*chain[i], i + 1 < chain.size());  // AR-01
      for (std::size_t s = 0; s < sets.size(); ++s) {
        if (layout_.destination != Destination::kNewTarget) break;
        metadata::ComponentState* cs = req.bcd.writers[0].FindComponent("", owners[s]);
        cs->new_targets.push_back({sets[s]->path, sets[s]->filespec, sets[s]->recursive,
                                   Restored(layout_, *sets[s], sets[s]->path), 0});
      }
      RestoreReport report = RestoreFiles(req, &world_.volumes());
      for (const DataProblem& p : report.problems) failures += "restore: " + p.message + "\n";
      for (const ComponentRestore& c : report.components) {
        if (c.status != vss::FileRestoreStatus::VSS_RS_ALL) {
          failures += "restore of " + c.component.name + " in " + chain[i]->label + " not ALL\n";
        }
      }
    }
    const BackupSet& last_set = *chain.back();
    const DataImage& expected = images_.at(last);
    for (const FileSpec* set : sets) {
      bool required = metadata::FileSetBackupRequired(set->backup_type_mask, last_set.backup_type);
      for (const auto& [key, file] : expected.files) {  // SIM-DATA-01
        const auto& [path, bytes] = file;
        if (!required || !metadata::FileSpecMatches(*set, path) || Excluded(path)) continue;
        std::string dest = Restored(layout_, *set, path);
        std::string found;
        ++checked_;
        if (world_.volumes().Find(dest)->ReadFile(dest, &found).Failed()) {
          failures += dest + ": missing\n";
        } else if (found != bytes) {
          failures += dest + ": differs (" + std::to_string(found.size()) + " vs " +
                      std::to_string(bytes.size()) + " bytes)\n";
        }
      }
      for (const BackupSet* s : chain) {  // no resurrection
        for (const auto& [key, file] : images_.at(s->label).files) {
          const std::string& path = file.first;
          if (expected.files.count(key) != 0 || !metadata::FileSpecMatches(*set, path) ||
              Excluded(path))
            continue;
          std::string dest = Restored(layout_, *set, path);
          if (world_.volumes().Find(dest)->Live().Stat(dest)) {
            failures += dest + ": resurrected from " + s->label + "\n";
          }
        }
      }
    }
    return failures;
  }

  testing::DataWorld world_;
  runtime::Random r_;
  Layout layout_;
  Medium medium_;
  std::map<std::string, DataImage> images_;
  bool saw_incremental_ = false;
  bool saw_differential_ = false;
  std::size_t checked_ = 0;
};

// Checks SIM-DATA-01 over kWorkloads seeded random workloads: 0 mismatches.
TEST(Backup_Property, SimData01_RandomChainsRestoreByteForByte) {
  ::testing::Test::RecordProperty("rule", "SIM-DATA-01");
  int failed = 0;
  std::size_t checked = 0;
  for (int i = 0; i < kWorkloads; ++i) {
    std::uint64_t seed = kBaseSeed + static_cast<std::uint64_t>(i);
    Workload w(seed);
    std::string mismatches = w.Run();
    checked += w.files_checked();
    if (!mismatches.empty() && ++failed <= 5) {
      ADD_FAILURE() << "SIM-DATA-01 broken for seed 0x" << std::hex << seed << std::dec
                    << " (workload " << i << "):\n"
                    << mismatches;
    }
  }
  EXPECT_EQ(failed, 0);
  EXPECT_GT(checked, 1000u);  // the workloads do compare files
  ::testing::Test::RecordProperty("files_checked", static_cast<int>(checked));
}

}  // namespace
}  // namespace vsssim::backup
