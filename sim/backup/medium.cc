#include "vsssim/backup/medium.h"

#include <algorithm>

namespace vsssim::backup {
namespace {

using vss::BackupType;

bool UpdatesIncrementalHistory(BackupType t) {  // §1.2: FULL, INCREMENTAL (and LOG) update it
  return t == BackupType::VSS_BT_FULL || t == BackupType::VSS_BT_INCREMENTAL ||
         t == BackupType::VSS_BT_LOG;
}

}  // namespace

bool operator==(const ComponentRef& a, const ComponentRef& b) {
  return a.writer_id == b.writer_id && a.instance_id == b.instance_id &&
         a.logical_path == b.logical_path && a.name == b.name &&
         a.member_logical_path == b.member_logical_path && a.member_name == b.member_name;
}

const FileRecord* BackupSet::FindFile(const std::string& path) const {
  for (const FileRecord& f : files) {
    if (metadata::SamePath(f.path, path)) return &f;
  }
  return nullptr;
}

const ManifestEntry* BackupSet::FindManifest(const std::string& path) const {
  for (const ManifestEntry& m : manifest) {
    if (metadata::SamePath(m.path, path)) return &m;
  }
  return nullptr;
}

BackupSet& Medium::Add(BackupSet set) {
  std::string base = set.label;
  for (int n = 2; Find(set.label) != nullptr; ++n) set.label = base + "#" + std::to_string(n);
  sets_.push_back(std::move(set));
  return sets_.back();
}

const BackupSet* Medium::Find(const std::string& label) const {
  for (const BackupSet& s : sets_) {
    if (s.label == label) return &s;
  }
  return nullptr;
}

const BackupSet* Medium::BaseFor(BackupType type) const {
  // DATA-CHOICE-CHAIN-BASE (BT-06, §1.2): incremental/log since the last full-or-incremental;
  // differential since the last full; everything else stands alone.
  for (auto it = sets_.rbegin(); it != sets_.rend(); ++it) {
    switch (type) {
      case BackupType::VSS_BT_INCREMENTAL:
      case BackupType::VSS_BT_LOG:
        if (UpdatesIncrementalHistory(it->backup_type)) return &*it;
        break;
      case BackupType::VSS_BT_DIFFERENTIAL:
        if (it->backup_type == BackupType::VSS_BT_FULL) return &*it;
        break;
      default:
        return nullptr;
    }
  }
  return nullptr;
}

std::vector<const BackupSet*> Medium::ChainTo(const std::string& label) const {
  std::vector<const BackupSet*> chain;
  const BackupSet* s = Find(label);
  while (s != nullptr) {
    chain.push_back(s);
    if (s->base_label.empty()) break;
    const BackupSet* base = Find(s->base_label);
    if (base == nullptr) return {};  // broken chain
    s = base;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::uint64_t FileTimeTicks(std::int64_t nanoseconds_since_start) {
  return nanoseconds_since_start <= 0 ? 0
                                      : static_cast<std::uint64_t>(nanoseconds_since_start / 100);
}

}  // namespace vsssim::backup
