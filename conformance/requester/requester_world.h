// RequesterWorld: one fresh simulated machine for one run of one requester check — virtual
// clock, trace, volumes C: and D: (64 MiB), the copy-on-write provider, a coordinator wired to
// both, and the PROBE WRITERS the check asks for (writer::ScriptedWriter: each event may take
// virtual time, fail with a code, veto, or hang). Optionally a competing backup (its own
// requester, actor "requester:competitor") that holds the system-wide snapshot-creation slot
// (LIM-12) from time zero for `competitor_holds` of virtual time, then aborts and releases.
//
// The world is the RequesterContext the application gets: each CreateVssBackupComponents
// gives a RequesterProxy named "requester:app<n>" that records into log().
//
// Thread safety: none (single simulator thread).
#ifndef VSSSIM_CONFORMANCE_REQUESTER_REQUESTER_WORLD_H_
#define VSSSIM_CONFORMANCE_REQUESTER_REQUESTER_WORLD_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "conformance/requester/call_log.h"
#include "vsssim/conformance/requester_suite.h"
#include "vsssim/coordinator/coordinator.h"
#include "vsssim/storage/cow_provider.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/trace/trace.h"
#include "vsssim/writer/scripted_writer.h"

namespace vsssim::conformance {

// One probe writer: its name, level and what it does per event.
struct ProbeWriter {
  std::string name;
  vss::ApplicationLevel level = vss::ApplicationLevel::VSS_APP_FRONT_END;
  std::map<vss::WriterEvent, writer::ScriptedWriter::Behavior> script;
};

struct RequesterWorldOptions {
  std::uint64_t seed = 11;
  std::vector<ProbeWriter> writers;
  runtime::Duration competitor_holds{0};  // 0: no competing backup
};

class RequesterWorld final : public RequesterContext {
 public:
  explicit RequesterWorld(RequesterWorldOptions options);
  ~RequesterWorld() override;

  // RequesterContext.
  std::unique_ptr<coordinator::Requester> CreateVssBackupComponents() override;
  std::vector<std::string> VolumesToBackUp() const override { return {"C:\\"}; }
  storage::VolumeManager& volumes() override { return volumes_; }
  const runtime::Clock& clock() const override { return clock_; }
  void Sleep(runtime::Duration duration) override;

  trace::Trace& trace() { return trace_; }
  const trace::Trace& trace() const { return trace_; }
  CallLog& log() { return log_; }
  const CallLog& log() const { return log_; }
  const RequesterWorldOptions& options() const { return options_; }
  int instances() const { return instances_; }
  static std::string Actor(int instance) { return "requester:app" + std::to_string(instance); }
  // When the competing backup released the creation slot (TimePoint{} while it holds it).
  runtime::TimePoint competitor_ended() const { return competitor_ended_; }
  bool competitor_holding() const { return competitor_ != nullptr; }

 private:
  void EndCompetitorIfDue();

  RequesterWorldOptions options_;
  runtime::Clock clock_;
  trace::Trace trace_;
  storage::VolumeManager volumes_;
  storage::CowProvider provider_;
  std::unique_ptr<coordinator::Coordinator> vss_;
  std::vector<std::unique_ptr<writer::ScriptedWriter>> writers_;
  std::unique_ptr<coordinator::Requester> competitor_;
  runtime::TimePoint competitor_until_{};
  runtime::TimePoint competitor_ended_{};
  CallLog log_;
  int instances_ = 0;
};

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_REQUESTER_REQUESTER_WORLD_H_
