// World: the simulated machine a scenario runs on, built from the scenario model — volumes
// with their files (deterministic bytes from the seed), the copy-on-write provider, the
// torn-snapshot monitor (SIM-QUIESCE-01), the coordinator, one ScenarioWriter per <writer>
// and one requester per as= name.
//
// The coordinator knows nothing of the storage layer's QuiesceMonitor, so World wires it: a
// writer's Freeze that returned true starts its quiesce (trace observer, which only captures
// content and appends nothing), and just before the writer's Thaw or Abort the shadow copies
// of the requester's snapshot set are compared with that capture and the quiesce ends.
// What writers do to their log files in their handlers (SIM-SHUT-01, BT-05) is the
// coordinator's WriterDataMonitor, the one the writer conformance suite uses too.
//
// With an ExternalEngine (interpreter.h) the world simulates nothing: no volumes, provider or
// coordinator; the requesters come from the engine, and the ScenarioWriters only carry each
// <writer>'s name, class id and model. Their instance ids are unknown (GUID_NULL) until a
// GatherWriterMetadata step lists the engine's writers (OnMetadataGathered).
//
// A <writer exec=...> is a writer process (WriterProcesses): started, subscribed in file order
// and ended with the world; the coordinator asks it whether the process is still there
// (WRT-INIT-03). When one cannot start, start_error() says why and nothing is simulated.
//
// Thread safety: none. REQUIRES: the scenario, clock and trace outlive the world.
#ifndef VSSSIM_SIM_SCENARIO_WORLD_H_
#define VSSSIM_SIM_SCENARIO_WORLD_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/observations.h"
#include "sim/scenario/scenario_writer.h"
#include "sim/scenario/writer_processes.h"
#include "vsssim/coordinator/coordinator.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/runtime/random.h"
#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/scenario.h"
#include "vsssim/storage/cow_provider.h"
#include "vsssim/storage/quiesce_monitor.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/trace/trace.h"

namespace vsssim::scenario {

class World {
 public:
  // `engine` null: the simulator. REQUIRES: a non-null engine outlives the world.
  // `choices` configure the simulated coordinator (the scenario's windows= and the CLI's).
  World(const Scenario& scenario, std::uint64_t seed, const coordinator::Choices& choices,
        runtime::Clock& clock, trace::Trace& trace, const ExternalEngine* engine = nullptr,
        WriterProcessOptions process_options = {}, const ConnectedWriters* connected = nullptr);
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // REQUIRES: simulated() (an external engine has no coordinator to inspect).
  coordinator::Coordinator& vss() { return *vss_; }
  bool simulated() const { return vss_ != nullptr; }
  // External engine: why its requesters could not be created; empty when they were.
  const std::string& engine_error() const { return engine_error_; }
  // Why the writer processes could not be started ("file:line: <writer ...>: ..."); empty
  // when they were (or there are none). When set, the world has no coordinator.
  const std::string& start_error() const { return start_error_; }
  // External engine: after `requester`'s GatherWriterMetadata succeeded, learns the instance
  // id of every scenario writer whose class id the engine lists. Simulator: nothing to learn.
  void OnMetadataGathered(std::string_view requester);
  runtime::Clock& clock() { return clock_; }
  storage::VolumeManager& volumes() { return volumes_; }
  storage::CowProvider& provider() { return *provider_; }
  const Scenario& scenario() const { return scenario_; }

  // REQUIRES: the scenario names the requester / writer (the loader checked that).
  coordinator::Requester& requester(std::string_view name);
  writer::Writer& writer(std::string_view name);
  const Writer& model(std::string_view name) const;
  // The events `name` received, in order (a writer process: the events the trace shows
  // delivered to it).
  std::vector<vss::WriterEvent> received(std::string_view name) const;
  const coordinator::RegisteredWriter& registered(std::string_view name) const;
  // What the scripted writers saw in their handlers (observations.h); writer processes: none.
  const ObservationRecorder& observations() const { return observations_; }
  // The scripted writer called `name` (a ScenarioWriter, observed), or nullptr (a writer
  // process).
  ScenarioWriter* scripted(std::string_view name);
  const ScenarioWriter* scripted(std::string_view name) const;
  // After `name` subscribed again (its service or process started): the new instance id.
  void Resubscribed(std::string_view name);

  // The snapshot set `requester` started last (for the quiesce check).
  void set_snapshot_set(std::string_view requester, const Guid& set) {
    sets_[std::string(requester)] = set;
  }
  // The snapshot set `requester` started last; GUID_NULL when none (<backup-data>).
  Guid snapshot_set(std::string_view requester) const {
    auto it = sets_.find(std::string(requester));
    return it == sets_.end() ? Guid{} : it->second;
  }

 private:
  storage::CowProviderOptions ProviderOptions() const;
  void CreateVolumesAndFiles(runtime::Random& random);
  void CreateWriters(runtime::Random& random);
  void CreateExternalRequesters();
  void OnTraceEntry(const trace::Entry& entry);
  void BeforeEvent(std::string_view requester, std::string_view writer, vss::WriterEvent event);
  std::vector<storage::FileSetSpec> FileSetsOf(const Writer& model) const;

  const Scenario& scenario_;
  runtime::Clock& clock_;
  trace::Trace& trace_;
  storage::VolumeManager volumes_;
  std::unique_ptr<storage::CowProvider> provider_;
  std::unique_ptr<storage::QuiesceMonitor> monitor_;
  // SIM-QUIESCE-01 for writer processes (<writer exec>): their file sets come from the metadata
  // their Identify returned, so the coordinator captures them (SetQuiesceMonitor); scripted
  // writers stay with monitor_ and the scenario's file sets.
  std::unique_ptr<storage::QuiesceMonitor> process_monitor_;
  bool IsProcessWriter(std::string_view name) const;
  ObservationRecorder observations_{trace_};
  std::vector<std::unique_ptr<ScenarioWriter>> writers_;
  std::unique_ptr<WriterProcesses> processes_;
  std::map<std::string, writer::Writer*, std::less<>> by_name_;
  std::map<std::string, writer::Writer*, std::less<>> connected_writers_;  // exec= names
  std::unique_ptr<coordinator::Coordinator> vss_;
  std::map<std::string, coordinator::RegisteredWriter, std::less<>> registered_;
  std::map<std::string, std::unique_ptr<coordinator::Requester>, std::less<>> requesters_;
  std::map<std::string, Guid> sets_;
  const ExternalEngine* engine_ = nullptr;
  std::string engine_error_;
  std::string start_error_;
  const ConnectedWriters* connected_ = nullptr;
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SIM_SCENARIO_WORLD_H_
