#include "sim/backup/file_sources.h"

#include <algorithm>

#include "vsssim/backup/medium.h"
#include "vsssim/metadata/file_semantics.h"
#include "vsssim/storage/path.h"
#include "vsssim/storage/volume_name.h"

namespace vsssim::backup {

FileSources::FileSources(const std::vector<const storage::ShadowCopy*>& shadow_copies,
                         const storage::VolumeManager* live)
    : live_(live) {
  for (const storage::ShadowCopy* s : shadow_copies) {
    if (s == nullptr) continue;
    snapshots_.insert_or_assign(s->volume().volume_name().key, s->Files());
    snapshot_ticks_ =
        std::max(snapshot_ticks_, FileTimeTicks(s->properties().created.since_start.count()));
  }
}

std::optional<storage::FileView> FileSources::Snapshot(std::string_view path) const {
  // The deepest volume name that is a prefix of the path: through a mount folder, the mounted
  // volume's shadow copy, not its host's.
  for (const std::string& key : storage::VolumeKeysOf(path)) {
    auto it = snapshots_.find(key);
    if (it != snapshots_.end()) return it->second;
  }
  return std::nullopt;
}

std::optional<storage::FileView> FileSources::Live(std::string_view path) const {
  if (live_ == nullptr) return std::nullopt;
  const storage::Volume* v = live_->Find(path);
  if (v == nullptr) return std::nullopt;
  return v->Live();
}

std::optional<storage::FileView> FileSources::For(std::string_view path,
                                                  bool snapshot_required) const {
  if (auto s = Snapshot(path)) return s;  // FSBT-04: the shadow copy is always allowed
  if (snapshot_required) return std::nullopt;
  return Live(path);  // FSBT-04: bit clear, live volume allowed
}

std::string Rebase(std::string_view path, std::string_view from, std::string_view to) {
  std::string_view base = from;
  if (base.size() > 1 && base.back() == '\\') base.remove_suffix(1);
  std::string out(to);
  if (out.size() > 1 && out.back() == '\\') out.pop_back();
  out += path.substr(base.size());
  return out;
}

FoundFiles FindFiles(const FileSources& sources, const metadata::FileSpec& spec,
                     bool snapshot_required) {
  FoundFiles found;
  auto scan = [&](const std::string& dir, bool alternate) {
    auto view = sources.For(dir, snapshot_required);
    if (!view) {
      // With an alternate path the default location is optional (ALT-01).
      if (alternate || spec.alternate_path.empty()) found.ok = false;
      return;
    }
    for (const storage::FileInfo& info :
         view->Find(storage::FileSetSpec{dir, spec.filespec, spec.recursive})) {
      FoundFile f;
      f.path = alternate ? Rebase(info.path, dir, spec.path) : info.path;
      f.read_from = info.path;
      f.info = info;
      f.from_snapshot = view->is_snapshot();
      auto same = std::find_if(found.files.begin(), found.files.end(), [&](const FoundFile& g) {
        return metadata::SamePath(g.path, f.path);
      });
      if (same == found.files.end()) {
        found.files.push_back(std::move(f));
      } else if (alternate) {
        *same = std::move(f);  // ALT-01: a file in both places is read from the alternate path
      }
    }
  };
  scan(spec.path, false);
  if (!spec.alternate_path.empty()) scan(spec.alternate_path, true);
  std::sort(found.files.begin(), found.files.end(), [](const FoundFile& a, const FoundFile& b) {
    return storage::FoldCase(a.path) < storage::FoldCase(b.path);
  });
  return found;
}

const metadata::WriterMetadata* FindWriter(const std::vector<metadata::WriterMetadata>& writers,
                                           const metadata::WriterComponents& wc) {
  for (const metadata::WriterMetadata& w : writers) {
    if (w.identity.instance_id == wc.instance_id) return &w;
  }
  for (const metadata::WriterMetadata& w : writers) {
    if (w.identity.writer_id == wc.writer_id) return &w;
  }
  return nullptr;
}

}  // namespace vsssim::backup
