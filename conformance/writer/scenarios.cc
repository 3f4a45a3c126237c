#include "conformance/writer/scenarios.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "vsssim/metadata/file_semantics.h"
#include "vsssim/storage/file_view.h"
#include "vsssim/storage/volume.h"

namespace vsssim::conformance {

std::vector<Reply> Replies(const World& world) {
  std::vector<Reply> out;
  for (const trace::Entry& e : world.trace().entries()) {
    if (e.kind != trace::EntryKind::kReply || e.from != world.actor()) continue;
    Reply r;
    r.event = e.name;
    r.returned = e.Get("returned") != "false";
    r.threw = e.Get("threw") == "yes";
    r.hung = e.Get("hung") == "yes";
    r.failure = std::string(e.Get("failure"));
    if (auto d = runtime::ParseDuration(e.Get("spent"))) r.spent = *d;
    r.injected = !e.Get("by").empty();
    r.entry = &e;
    out.push_back(r);
  }
  return out;
}

bool IsVetoWithoutFailure(const Reply& r) {
  if (r.returned || r.threw || r.hung || !r.failure.empty()) return false;
  return r.event != "Identify" && r.event != "Abort";
}

std::string RootCause(const World& world) {
  if (!world.Findings({"WRT-RET-02"}).empty()) {
    return "an exception escaped a handler (WRT-RET-02): see NoExceptionEscapes";
  }
  for (const Reply& r : Replies(world)) {
    if (!IsVetoWithoutFailure(r)) continue;
    // A SetWriterFailure from another thread is not recorded (WRT-THREAD-01): ThreadRule's.
    if (!world.Findings({"WRT-THREAD-01"}).empty()) {
      return "SetWriterFailure came from another thread (WRT-THREAD-01): see ThreadRule";
    }
    return "the " + r.event + " handler" +
           " returned false without SetWriterFailure (WRT-RET-01): see VetoSetsWriterFailure";
  }
  return {};
}

std::vector<std::string> SessionEvents(const World& world, std::string_view requester) {
  std::vector<std::string> out;
  for (const trace::Entry& e : world.trace().entries()) {
    if (e.kind == trace::EntryKind::kEvent && e.to == world.actor() &&
        e.Get("requester") == requester) {
      out.push_back(e.name);
    }
  }
  return out;
}

const std::vector<std::string>& FullSequence() {
  static const std::vector<std::string> kSequence = {
      "Identify", "PrepareForBackup", "PrepareForSnapshot", "Freeze",
      "Thaw",     "PostSnapshot",     "BackupComplete",     "BackupShutdown"};
  return kSequence;
}

void LetApplicationRun(World& world) {
  world.RunApplication(world.under_test().options.between_steps);
}

namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return "[" + out + "]";
}

}  // namespace

BackupOutcome RunCheckedBackup(World& world, Reporter& report, std::string_view rule,
                               const std::string& requester, BackupPlan plan) {
  const std::string type(vss::NameOf(plan.type));
  BackupRun run(world, requester, std::move(plan));
  BackupOutcome outcome;
  // Root-cause attribution: a backup broken by a mistake another check owns (RootCause) is
  // reported by that check alone; this one is skipped (docs/conformance-suite.md).
  auto threw = [&world, &outcome] {
    outcome.root_cause = RootCause(world);
    return !outcome.root_cause.empty();
  };
  for (int s = 0; s < BackupRun::kStepCount; ++s) {
    if (s == BackupRun::kRelease) {
      const vss::WriterState state = world.vss().WriterStateIn(run.requester(), world.writer());
      if (state != vss::WriterState::VSS_WS_STABLE) {
        if (threw()) return outcome;
        report.Fail(rule, "writer state VSS_WS_STABLE after BackupComplete (" + type + ")",
                    std::string(vss::NameOf(state)));
        return outcome;
      }
    }
    const HResult r = run.Run(static_cast<BackupRun::Step>(s));
    if (r.Failed()) {
      if (threw()) return outcome;
      report.Fail(rule, std::string(BackupRun::StepName(s)) + " succeeds (" + type + " backup)",
                  ToString(r));
      return outcome;
    }
  }
  const std::vector<std::string> events = SessionEvents(world, requester);
  if (events != FullSequence()) {
    if (threw()) return outcome;
    report.Fail(rule, "events " + Join(FullSequence()), Join(events));
    return outcome;
  }
  outcome.ok = true;
  outcome.stamps = run.SavedStamps();
  return outcome;
}

std::vector<std::string> UnusedVolumes(const World& world) {
  std::vector<std::string> out;
  const std::vector<storage::FileSetSpec> sets = world.FileSets(World::Sets::kAll);
  for (const char* v : {"C:\\", "D:\\"}) {
    const bool used = std::any_of(sets.begin(), sets.end(), [v](const storage::FileSetSpec& s) {
      return metadata::SamePath(metadata::VolumeOf(s.path), v);
    });
    if (!used) out.push_back(v);
  }
  return out;
}

void RunMissingVolumeBackup(World& world, const std::string& requester) {
  BackupPlan plan;
  plan.volumes = UnusedVolumes(world);
  if (plan.volumes.empty()) return;  // the writer uses every volume
  BackupRun run(world, requester, plan);
  run.RunRange(0, BackupRun::kRelease);
  run.requester().AbortBackup();
  run.Run(BackupRun::kRelease);
}

bool RunUntilEvent(World& world, BackupRun& run, std::string_view event,
                   coordinator::AsyncPtr* async, int from) {
  if (run.RunRange(from, BackupRun::kDoSnapshotSet).Failed()) return false;
  if (run.requester().DoSnapshotSet(async).Failed()) return false;
  for (int guard = 0; guard < 100000; ++guard) {
    const std::vector<std::string> events = SessionEvents(world, run.name());
    if (!events.empty() && events.back() == event) return true;
    HResult status;
    (*async)->QueryStatus(&status);
    if (status != hr::VSS_S_ASYNC_PENDING) return false;
    if (!world.mutable_clock().FireNext()) return false;
  }
  return false;
}

bool HasProbe(const writer::Writer& writer) { return FindWriterProbe(writer) != nullptr; }

std::string LiveFilesDigest(const World& world) {
  std::string out;
  for (const storage::FileSetSpec& spec : world.FileSets(World::Sets::kAll)) {
    const storage::Volume* volume = world.volumes_const().Find(spec.path);
    if (volume == nullptr) continue;
    const storage::FileView files = volume->Live();
    for (const storage::FileInfo& f : files.Find(spec)) {
      std::string content;
      files.ReadFile(f.path, &content);
      out += f.path + "\n" + std::to_string(content.size()) + ":" + content + "\n";
    }
  }
  return out;
}

runtime::Duration ResumeWindow() { return std::chrono::seconds(1); }

std::string WritesResumeAfterAbort(World& world) {
  const std::string after_abort = LiveFilesDigest(world);
  world.RunApplication(ResumeWindow());
  if (LiveFilesDigest(world) != after_abort) return {};
  if (FilesChangeInRealTime(world, after_abort)) return {};
  return "the application wrote to its files before the backup, but in " +
         runtime::FormatDuration(ResumeWindow()) +
         " after OnAbort no write reached them: it is still held (seen without a WriterProbe)";
}

bool FilesChangeInRealTime(const World& world, const std::string& before) {
  if (!world.under_test().options.host_volumes) return false;
  // Waiting on another process, not timing the simulator: the deadline bounds the wait.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (LiveFilesDigest(world) != before) return true;
  }
  return false;
}

std::string ProbeWriter(writer::Writer& writer) {
  const WriterProbe* probe = FindWriterProbe(writer);
  if (probe == nullptr) return {};
  if (probe->IsFrozen()) return "the writer still holds its application frozen";
  const std::string problem = probe->CheckConsistency();
  if (!problem.empty()) return "the live files disagree with the writer's model: " + problem;
  return {};
}

}  // namespace vsssim::conformance
