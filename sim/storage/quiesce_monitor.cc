#include "vsssim/storage/quiesce_monitor.h"

#include <set>
#include <utility>

namespace vsssim::storage {

namespace {
constexpr const char* kRule = "SIM-QUIESCE-01";
}  // namespace

HResult QuiesceMonitor::Take(const FileView& view, const std::string& path, Fingerprint* out) {
  // FNV-1a over 64-bit little-endian words (the last one zero-padded), then the size: the
  // pieces' boundaries do not matter, a word is completed across them.
  std::uint64_t hash = 0xCBF29CE484222325ull;
  std::uint64_t word = 0;
  unsigned filled = 0;
  std::uint64_t size = 0;
  HResult result = view.ReadFileInChunks(path, [&](std::string_view piece) {
    size += piece.size();
    const auto* p = reinterpret_cast<const unsigned char*>(piece.data());
    std::size_t i = 0;
    for (; i < piece.size() && filled != 0; ++i) {  // complete a word begun in the last piece
      word |= std::uint64_t{p[i]} << (8 * filled);
      if (++filled == 8) {
        hash = (hash ^ word) * 0x100000001B3ull;
        word = 0;
        filled = 0;
      }
    }
    for (; piece.size() - i >= 8; i += 8) {
      std::uint64_t w = 0;
      for (unsigned b = 0; b < 8; ++b) w |= std::uint64_t{p[i + b]} << (8 * b);
      hash = (hash ^ w) * 0x100000001B3ull;
    }
    for (; i < piece.size(); ++i) word |= std::uint64_t{p[i]} << (8 * filled++);
  });
  if (filled > 0) hash = (hash ^ word) * 0x100000001B3ull;
  out->size = size;
  out->hash = (hash ^ size) * 0x100000001B3ull;
  return result;
}

QuiesceMonitor::QuiesceMonitor(VolumeManager& volumes, trace::Trace& trace)
    : volumes_(volumes), trace_(trace) {}

QuiesceMonitor::~QuiesceMonitor() {
  for (auto& [volume, id] : observers_) volume->RemoveWriteObserver(id);
}

void QuiesceMonitor::Watch(Volume* volume) {
  if (observers_.count(volume) != 0) return;
  observers_[volume] = volume->AddWriteObserver([this](const WriteEvent& e) { OnWrite(e); });
}

bool QuiesceMonitor::Excluded(const Quiesce& q, std::string_view path) {
  for (const FileSetSpec& spec : q.excludes) {
    if (FileSetMatches(spec, path)) return true;
  }
  return false;
}

void QuiesceMonitor::BeginQuiesce(std::string_view writer, std::vector<FileSetSpec> file_sets) {
  BeginQuiesce(writer, std::move(file_sets), {});
}

void QuiesceMonitor::BeginQuiesce(std::string_view writer, std::vector<FileSetSpec> file_sets,
                                  std::vector<FileSetSpec> excludes) {
  Quiesce q;
  q.excludes = std::move(excludes);
  for (const FileSetSpec& spec : file_sets) {
    Volume* volume = volumes_.Find(spec.path);
    if (volume == nullptr) continue;
    Watch(volume);
    FileView live = volume->Live();
    for (const FileInfo& file : live.Find(spec)) {
      if (q.content.count(file.path) != 0 || Excluded(q, file.path)) continue;
      Take(live, file.path, &q.content[file.path]);
    }
  }
  q.file_sets = std::move(file_sets);
  quiescing_[std::string(writer)] = std::move(q);
}

void QuiesceMonitor::OnWrite(const WriteEvent& event) {
  for (auto& [writer, q] : quiescing_) {
    if (Excluded(q, event.path)) continue;
    for (const FileSetSpec& spec : q.file_sets) {
      if (!FileSetMatches(spec, event.path)) continue;
      trace_.Append(trace::EntryKind::kFinding, "writer:" + writer, "", "write during freeze",
                    {{"path", event.path},
                     {"op", std::string(NameOf(event.kind))},
                     {"offset", std::to_string(event.offset)},
                     {"size", std::to_string(event.size)}},
                    kRule);
      q.reported.insert(FoldCase(event.path));
      break;
    }
  }
}

void QuiesceMonitor::CheckHostFiles(const std::string& writer, const Quiesce& q) {
  std::set<std::string> seen;  // folded paths found now
  auto report = [&](const std::string& path, std::string_view op, std::uint64_t size) {
    if (q.reported.count(FoldCase(path)) != 0) return;  // the observer saw it already
    trace_.Append(trace::EntryKind::kFinding, "writer:" + writer, "", "write during freeze",
                  {{"path", path},
                   {"op", std::string(op)},
                   {"size", std::to_string(size)},
                   {"detected", "content compared at thaw"}},
                  kRule);
  };
  for (const FileSetSpec& spec : q.file_sets) {
    const Volume* volume = volumes_.Find(spec.path);
    if (volume == nullptr || !volume->host_backed()) continue;
    FileView live = volume->Live();
    for (const FileInfo& file : live.Find(spec)) {
      if (Excluded(q, file.path) || !seen.insert(FoldCase(file.path)).second) continue;
      auto frozen = q.content.find(file.path);
      Fingerprint now;
      if (frozen == q.content.end()) {
        report(file.path, NameOf(WriteKind::kCreate), file.size);
      } else if (Take(live, file.path, &now).Succeeded() && now != frozen->second) {
        report(file.path, NameOf(WriteKind::kWrite), now.size);
      }
    }
  }
  for (const auto& [path, bytes] : q.content) {
    const Volume* volume = volumes_.Find(path);
    if (volume != nullptr && volume->host_backed() && seen.count(FoldCase(path)) == 0) {
      report(path, NameOf(WriteKind::kDelete), 0);
    }
  }
}

std::size_t QuiesceMonitor::CheckShadowCopies(std::string_view writer,
                                              const std::vector<const ShadowCopy*>& shadows) {
  auto it = quiescing_.find(writer);
  if (it == quiescing_.end()) return 0;
  std::size_t findings = 0;
  for (const auto& [path, frozen] : it->second.content) {
    const Volume* volume = volumes_.Find(path);  // through mount folders too
    for (const ShadowCopy* shadow : shadows) {
      if (&shadow->volume() != volume) continue;
      Fingerprint seen;
      HResult result = Take(shadow->Files(), path, &seen);
      if (result.Succeeded() && seen == frozen) continue;
      ++findings;
      trace_.Append(trace::EntryKind::kFinding, "writer:" + it->first, "",
                    "shadow copy differs from freeze",
                    {{"path", path},
                     {"snapshot", shadow->properties().snapshot_id.ToString()},
                     {"frozen_size", std::to_string(frozen.size)},
                     {"shadow_size",
                      result.Succeeded() ? std::to_string(seen.size) : std::string("missing")}},
                    kRule);
    }
  }
  return findings;
}

void QuiesceMonitor::EndQuiesce(std::string_view writer) {
  auto it = quiescing_.find(writer);
  if (it == quiescing_.end()) return;
  CheckHostFiles(it->first, it->second);
  quiescing_.erase(it);
}

bool QuiesceMonitor::IsQuiescing(std::string_view writer) const {
  return quiescing_.find(writer) != quiescing_.end();
}

std::vector<std::string> QuiesceMonitor::CapturedFiles(std::string_view writer) const {
  std::vector<std::string> out;
  auto it = quiescing_.find(writer);
  if (it == quiescing_.end()) return out;
  for (const auto& [path, bytes] : it->second.content) out.push_back(path);
  return out;
}

}  // namespace vsssim::storage
