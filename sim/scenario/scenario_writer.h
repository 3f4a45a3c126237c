// ScenarioWriter: the mock writer a scenario's <writer> element describes. Identify declares
// the model's components, file sets, schema and restore method; every other event runs the
// <on> behaviours that cover its occurrence (times=), their data actions against the storage
// layer's live volumes, and the deliberate bugs (behaviour.h) a conformance run must catch.
//
// A <write> in Freeze happens just after Freeze returned (a timer due at once): the writer
// said it was frozen but its I/O goes on, which is what a torn snapshot is (SIM-QUIESCE-01).
//
// Beyond its handlers (docs/scenario-format.md "Writer timers", "Writer flags"): the writer
// process's <timer>s, armed by its events and firing on the virtual clock outside any handler;
// its flags (the process's memory, across sessions: <on if= unless-flag=>); and <wedge/>, after
// which every event hangs (WRT-TIME-05). Restart() (its service or process restarts) clears
// the flags, the wedge and every armed timer; times= counts stay over the whole run.
//
// Determinism: bytes written by <write> come from a Random forked from the scenario seed.
// Thread safety: the simulator thread, except the planted failure-from-other-thread bug,
// which calls SetWriterFailure from a joined worker thread (WRT-THREAD-01).
#ifndef VSSSIM_SIM_SCENARIO_SCENARIO_WRITER_H_
#define VSSSIM_SIM_SCENARIO_SCENARIO_WRITER_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "vsssim/coordinator/coordinator.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/runtime/random.h"
#include "vsssim/scenario/scenario.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/writer/writer.h"

namespace vsssim::scenario {

class ObservationRecorder;

class ScenarioWriter final : public writer::Writer {
 public:
  // REQUIRES: model, scenario and volumes outlive the writer.
  ScenarioWriter(const scenario::Writer& model, const Scenario& scenario,
                 storage::VolumeManager& volumes, runtime::Clock& clock, runtime::Random random,
                 Guid class_id);
  ~ScenarioWriter() override { EndProcess(); }  // no timer of it may fire later

  const scenario::Writer& model() const { return model_; }
  const std::vector<vss::WriterEvent>& received() const { return received_; }
  // <observed>, <event snapshot-set>: told of every handler call (observations.h); may be null.
  void set_observer(ObservationRecorder* observer) { observer_ = observer; }
  // The simulator's coordinator and trace, for what the writer does outside its handlers
  // (timers). Without them (an external engine) timers are not armed.
  void AttachProcess(coordinator::Coordinator* vss, trace::Trace* trace) {
    vss_ = vss;
    trace_ = trace;
  }
  // The writer's process ended (its service stopped or restarted): flags, wedge and armed
  // timers are gone with its memory.
  void EndProcess();
  bool wedged() const { return wedged_; }
  bool HasFlag(const std::string& flag) const { return flags_.count(flag) != 0; }

  bool OnIdentify(metadata::CreateWriterMetadata& metadata) override;
  bool OnPrepareBackup(writer::WriterComponents* c) override;
  bool OnPrepareSnapshot() override { return Handle(vss::WriterEvent::kPrepareForSnapshot); }
  bool OnFreeze() override { return Handle(vss::WriterEvent::kFreeze); }
  bool OnThaw() override { return Handle(vss::WriterEvent::kThaw); }
  bool OnPostSnapshot(writer::WriterComponents* c) override;
  bool OnAbort() override { return Handle(vss::WriterEvent::kAbort); }
  bool OnBackupComplete(writer::WriterComponents* c) override;
  bool OnBackupShutdown(const Guid& snapshot_set_id) override;
  bool OnPreRestore(writer::WriterComponents* c) override;
  bool OnPostRestore(writer::WriterComponents* c) override;

 private:
  bool Handle(vss::WriterEvent event, writer::WriterComponents* components = nullptr);
  // The <on> that applies to this occurrence of `event` (conditions and times=), counted.
  const Behaviour* BehaviourFor(vss::WriterEvent event);
  bool Applies(const std::string& if_flag, const std::string& unless_flag) const;
  // Timers: disarms those `event` cancels, arms those it starts (writer_timers.cc).
  void TimersOnEvent(vss::WriterEvent event);
  void ArmTimer(std::size_t live);
  void FireTimer(std::size_t live);
  void Disarm(std::size_t live, vss::WriterEvent by);
  // A process action (set-flag, clear-flag, wedge, set-writer-failure), in or out of a handler.
  void RunProcessAction(const Action& action, vss::WriterEvent phase);
  void Note(std::string title, std::vector<trace::Attribute> attributes, std::string rule);
  std::string Actor() const;
  void Declare(metadata::CreateWriterMetadata& metadata) const;
  void RunAction(const Action& action, writer::WriterComponents* components);
  void RunBug(WriterBug bug, writer::WriterComponents* components);
  void Write(const Action& action);
  void TruncateLogs(const Component& component);

  const scenario::Writer& model_;
  const Scenario& scenario_;
  storage::VolumeManager& volumes_;
  runtime::Clock& clock_;
  runtime::Random random_;
  std::vector<vss::WriterEvent> received_;
  std::map<vss::WriterEvent, int> occurrences_;
  ObservationRecorder* observer_ = nullptr;
  // Beyond the handlers (writer_timers.cc).
  coordinator::Coordinator* vss_ = nullptr;
  trace::Trace* trace_ = nullptr;
  std::vector<int> behaviour_uses_;  // per model_.behaviours: occurrences it covered
  std::vector<int> timer_starts_;    // per model_.timers: START occurrences it was armed on
  struct LiveTimer {
    std::size_t timer = 0;      // index in model_.timers
    runtime::TimerId arm = 0;   // pending arming (arm-delay > 0)
    runtime::TimerId fire = 0;  // pending firing once armed
    bool armed = false;
    bool done = false;  // fired or disarmed
  };
  std::vector<LiveTimer> live_;
  std::set<std::string> flags_;
  bool wedged_ = false;
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SIM_SCENARIO_SCENARIO_WRITER_H_
