// Session: torn-snapshot detection (SIM-QUIESCE-01) when the coordinator was given a
// storage::QuiesceMonitor (Coordinator::AttachStorage / SetQuiesceMonitor). Without one every
// function here does nothing, so traces of sessions without storage are unchanged.
//
// Timeline per writer: Freeze returned true -> BeginQuiesce as the handler returns (its reply,
// at delivery time + its spent time); provider commit succeeded -> CheckShadowCopies; just
// before Thaw or Abort is delivered (or the creation ends without one) -> EndQuiesce.
#include <string>
#include <utility>
#include <vector>

#include "sim/coordinator/session.h"
#include "vsssim/metadata/examine_writer_metadata.h"
#include "vsssim/storage/cow_provider.h"
#include "vsssim/storage/quiesce_monitor.h"

namespace vsssim::coordinator {
namespace {

constexpr std::string_view kWriterPrefix = "writer:";

// The monitor's name for a writer: its actor without "writer:", so findings come from the
// writer's actor ("writer:NAME" or "writer:NAME(INSTANCE)").
std::string QuiesceName(const Participant& p) {
  const std::string& actor = p.registered.actor;
  return actor.compare(0, kWriterPrefix.size(), kWriterPrefix) == 0
             ? actor.substr(kWriterPrefix.size())
             : actor;
}

void AddSpec(const metadata::WMFiledesc& file, std::vector<storage::FileSetSpec>* out) {
  storage::FileSetSpec spec;
  file.GetPath(&spec.path);
  file.GetFilespec(&spec.filespec);
  file.GetRecursive(&spec.recursive);
  out->push_back(std::move(spec));
}

// SIM-QUIESCE-01 "that writer's file sets": every component's file-group files, database files
// and log files; excludes: AddExcludeFiles and AddExcludeFilesFromSnapshot.
void WriterFileSets(const metadata::ExamineWriterMetadata& m,
                    std::vector<storage::FileSetSpec>* includes,
                    std::vector<storage::FileSetSpec>* excludes) {
  std::uint32_t include_count = 0;
  std::uint32_t exclude_count = 0;
  std::uint32_t component_count = 0;
  m.GetFileCounts(&include_count, &exclude_count, &component_count);
  metadata::WMFiledesc file;
  for (std::uint32_t i = 0; i < component_count; ++i) {
    metadata::WMComponent component;
    if (m.GetComponent(i, &component) != hr::S_OK) continue;
    metadata::ComponentInfo info;
    component.GetComponentInfo(&info);
    for (std::uint32_t f = 0; f < info.file_count; ++f) {
      if (component.GetFile(f, &file) == hr::S_OK) AddSpec(file, includes);
    }
    for (std::uint32_t f = 0; f < info.database_count; ++f) {
      if (component.GetDatabaseFile(f, &file) == hr::S_OK) AddSpec(file, includes);
    }
    for (std::uint32_t f = 0; f < info.log_file_count; ++f) {
      if (component.GetDatabaseLogFile(f, &file) == hr::S_OK) AddSpec(file, includes);
    }
  }
  for (std::uint32_t i = 0; i < exclude_count; ++i) {
    if (m.GetExcludeFile(i, &file) == hr::S_OK) AddSpec(file, excludes);
  }
  std::uint32_t from_snapshot = 0;
  m.GetExcludeFromSnapshotCount(&from_snapshot);
  for (std::uint32_t i = 0; i < from_snapshot; ++i) {
    if (m.GetExcludeFromSnapshotFile(i, &file) == hr::S_OK) AddSpec(file, excludes);
  }
}

}  // namespace

void Session::QuiesceAfterFreeze(Participant& p) {
  if (!vss_.QuiesceWatches(QuiesceName(p))) return;
  // SIM-QUIESCE-01: "at the moment Freeze returned": the reply is handled as the handler
  // returns (delivery time + its spent time); writes before it (the writer flushing in
  // OnFreeze) are legitimate.
  std::vector<storage::FileSetSpec> includes;
  std::vector<storage::FileSetSpec> excludes;
  WriterFileSets(p.metadata, &includes, &excludes);
  vss_.quiesce_monitor()->BeginQuiesce(QuiesceName(p), std::move(includes), std::move(excludes));
}

void Session::CheckQuiesce() {
  storage::QuiesceMonitor* monitor = vss_.quiesce_monitor();
  if (monitor == nullptr) return;
  std::vector<const storage::ShadowCopy*> shadows;
  for (storage::Provider* provider : SetProviders()) {
    // Only the copy-on-write provider keeps readable point-in-time images.
    if (const auto* cow = dynamic_cast<const storage::CowProvider*>(provider)) {
      for (const storage::ShadowCopy* s : cow->ShadowCopiesOfSet(bcd_.snapshot_set_id)) {
        shadows.push_back(s);
      }
    }
  }
  for (Participant* p : FreezeOrder()) {
    const std::string name = QuiesceName(*p);
    if (monitor->IsQuiescing(name)) monitor->CheckShadowCopies(name, shadows);  // SIM-QUIESCE-01
  }
}

void Session::EndQuiesce(Participant& p) {
  if (storage::QuiesceMonitor* monitor = vss_.quiesce_monitor()) {
    monitor->EndQuiesce(QuiesceName(p));
  }
}

void Session::EndAllQuiesce() {
  if (vss_.quiesce_monitor() == nullptr) return;
  for (auto& p : participants_) EndQuiesce(*p);
}

}  // namespace vsssim::coordinator
