#include "vsssim/storage/quiesce_monitor.h"

#include <set>
#include <utility>

namespace vsssim::storage {

namespace {
constexpr const char* kRule = "SIM-QUIESCE-01";
}  // namespace

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
      live.ReadFile(file.path, &q.content[file.path]);
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
      std::string now;
      if (frozen == q.content.end()) {
        report(file.path, NameOf(WriteKind::kCreate), file.size);
      } else if (live.ReadFile(file.path, &now).Succeeded() && now != frozen->second) {
        report(file.path, NameOf(WriteKind::kWrite), now.size());
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
      std::string seen;
      HResult result = shadow->ReadFile(path, &seen);
      if (result.Succeeded() && seen == frozen) continue;
      ++findings;
      trace_.Append(trace::EntryKind::kFinding, "writer:" + it->first, "",
                    "shadow copy differs from freeze",
                    {{"path", path},
                     {"snapshot", shadow->properties().snapshot_id.ToString()},
                     {"frozen_size", std::to_string(frozen.size())},
                     {"shadow_size",
                      result.Succeeded() ? std::to_string(seen.size()) : std::string("missing")}},
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
