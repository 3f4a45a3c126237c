// World: one fresh simulated machine for one run of one check — virtual clock, trace, volumes
// C: and D: (64 MiB simulated, or fresh host directories with WriterSuiteOptions::host_volumes),
// the copy-on-write provider, and a coordinator wired to both
// (Coordinator::AttachStorage, so SIM-QUIESCE-01, SIM-SHUT-01 and BT-05 are checked), with the
// writer under test created by its factory and registered. Optionally a scripted companion
// writer that takes longer than the writer's freeze window in its own Freeze (WRT-TIME-01
// expiry).
//
// Application time: once the writer exists its application runs for the writer's
// WriterSuiteOptions::warmup of virtual time (BackupRun adds between_steps before each further
// requester step), so every check sees a writer whose clients have written data.
//
// Wall time: the coordinator talks to a TimedWriter around the writer under test, which
// measures each handler (wall_times.h). blocked() turns true once a handler took as long as its
// real timeout; BackupRun then refuses further steps (WriterBlocked).
//
// Thread safety: none (single simulator thread).
#ifndef VSSSIM_CONFORMANCE_WRITER_WORLD_H_
#define VSSSIM_CONFORMANCE_WRITER_WORLD_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/conformance/writer_suite.h"
#include "vsssim/coordinator/coordinator.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/storage/cow_provider.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/trace/trace.h"
#include "vsssim/writer/scripted_writer.h"

namespace vsssim::conformance {

struct WorldOptions {
  std::uint64_t seed = 7;
  // Provider flush phase: writes still pass while writers are frozen (SIM-QUIESCE-01 window).
  runtime::Duration flush{0};
  // Adds writer "SlowCompanion" (SYSTEM level, frozen after the writer under test) whose
  // Freeze spends the writer's freeze timeout plus 10 s (WRT-TIME-01, LIM-05).
  bool slow_companion = false;
};

// The temporary directory holding the host directories of one World's volumes
// (WriterSuiteOptions::host_volumes); removed with everything in it when the World goes.
class HostVolumeRoot {
 public:
  HostVolumeRoot() = default;
  ~HostVolumeRoot();
  HostVolumeRoot(const HostVolumeRoot&) = delete;
  HostVolumeRoot& operator=(const HostVolumeRoot&) = delete;
  // Makes the root (once) and <root>/<name>; returns the latter ("" and *error on failure).
  std::string MakeVolumeDir(const std::string& name, std::string* error);

 private:
  std::string root_;
};

class World final : public WriterContext {
 public:
  World(const WriterUnderTest& writer, WorldOptions options = {});
  ~World() override;

  // WriterContext.
  storage::VolumeManager& volumes() override { return volumes_; }
  const storage::VolumeManager& volumes_const() const { return volumes_; }
  const runtime::Clock& clock() const override { return clock_; }
  runtime::TimerId ScheduleAfter(runtime::Duration delay, std::function<void()> work) override {
    return clock_.ScheduleAfter(delay, std::move(work));
  }
  bool Cancel(runtime::TimerId id) override { return clock_.Cancel(id); }

  runtime::Clock& mutable_clock() { return clock_; }
  trace::Trace& trace() { return trace_; }
  const trace::Trace& trace() const { return trace_; }
  coordinator::Coordinator& vss() { return *vss_; }
  storage::CowProvider& provider() { return provider_; }
  // The writer as the coordinator sees it (the TimedWriter; its probe is the writer's).
  writer::Writer& writer() { return *writer_; }
  const WriterUnderTest& under_test() const { return under_test_; }
  // True once a handler of the writer blocked past its real timeout (wall_times.h).
  bool blocked() const { return blocked_; }
  // The writer's application runs for `d` of virtual time (its timers fire).
  void RunApplication(runtime::Duration d) { clock_.AdvanceBy(d); }
  const std::string& actor() const { return actor_; }  // "writer:<identity name>"
  const WorldOptions& options() const { return options_; }

  // The writer's file sets of one kind, from the metadata its last Identify gave (empty
  // before any Identify of a session). kLogs: DATABASE_LOGFILES sets only.
  enum class Sets { kAll, kLogs };
  std::vector<storage::FileSetSpec> FileSets(Sets which) const;
  void set_metadata(const metadata::WriterMetadata& m) { metadata_ = m; }
  const metadata::WriterMetadata& metadata() const { return metadata_; }

  // Trace entries that are findings from the writer under test with one of `rules` (a rule
  // ending in '*' matches by prefix).
  std::vector<const trace::Entry*> Findings(const std::vector<std::string>& rules) const;
  // Event names delivered to the writer under test that no other party injected.
  std::vector<std::string> Events() const;

 private:
  WorldOptions options_;
  HostVolumeRoot host_root_;  // before volumes_: removed after them
  runtime::Clock clock_;
  trace::Trace trace_;
  storage::VolumeManager volumes_;
  storage::CowProvider provider_;
  std::unique_ptr<coordinator::Coordinator> vss_;
  void OnHandler(std::string_view event, std::chrono::steady_clock::duration wall);

  WriterUnderTest under_test_;
  std::unique_ptr<writer::Writer> writer_;
  bool blocked_ = false;
  std::unique_ptr<writer::ScriptedWriter> companion_;
  std::string actor_;
  metadata::WriterMetadata metadata_;
};

// Thrown by BackupRun when the writer under test has blocked past a real timeout: the check
// stops; the suite reports the block once (HandlersDoNotBlock) and skips the rest.
struct WriterBlocked {
  std::string why;
};

// REQ-* findings of the suite's own requesters in the Worlds destroyed since the last call
// ("REQ-ORDER-18 in World of <test>: ..."): the suite checks itself with them.
std::vector<std::string> TakeSuiteRequesterFindings();

// True when `rule` is one of `rules` (entries ending in '*' match by prefix).
bool RuleMatches(std::string_view rule, const std::vector<std::string>& rules);

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_WRITER_WORLD_H_
