// The default simulated service of an SDK program (service.h): a whole machine in the
// process — virtual clock, trace, volumes C: and D: (1 GiB each, simulated files), the
// copy-on-write provider and a coordinator with its storage attached (SIM-QUIESCE-01).
// Or, with MachineOptions::machine_file (env VSSSIM_MACHINE), the machine a scenario file
// describes: its volumes, files and writers (scripted writers, writer processes), built as
// `vsssim run` builds them (scenario::World); such a file has no requester steps — the SDK
// program is the requester.
//
// CVssWriter::Unsubscribe and writer objects that go away are told to the coordinator through
// its writer-gone probe (WRT-INIT-03): the writer is not sent events after that.
//
// Thread safety: callers hold ServiceLock().
#ifndef VSSSIM_SDK_IN_PROCESS_MACHINE_H_
#define VSSSIM_SDK_IN_PROCESS_MACHINE_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "sim/sdk/service.h"
#include "vsssim/coordinator/coordinator.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/storage/cow_provider.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/trace/trace.h"

namespace vsssim::scenario {
struct Scenario;
class World;
}  // namespace vsssim::scenario

namespace vsssim::sdk {

struct MachineOptions {
  std::uint64_t seed = 1;
  // Written when the machine is destroyed (empty: none): the text trace, then "digest <hex>".
  std::string trace_path;
  // A scenario file with <volume>, <file> and <writer> elements and no requester steps
  // (empty: volumes C: and D:, no writers).
  std::string machine_file;
};

class InProcessMachine final : public Service {
 public:
  // The machine `options` describe, or null with "file:line: what is wrong" in `*error`
  // (a machine file that does not load, has requester steps, or whose writers cannot start).
  static std::unique_ptr<InProcessMachine> Create(MachineOptions options, std::string* error);
  // The default machine: volumes C: and D:, no writers. REQUIRES: options.machine_file empty.
  explicit InProcessMachine(MachineOptions options = {});
  InProcessMachine(const InProcessMachine&) = delete;
  InProcessMachine& operator=(const InProcessMachine&) = delete;
  ~InProcessMachine() override;

  std::unique_ptr<coordinator::Requester> CreateRequester() override;
  void Subscribe(writer::Writer& writer) override;
  void Unsubscribe(writer::Writer& writer) override;
  runtime::Clock& clock() override { return clock_; }
  trace::Trace& trace() override { return trace_; }
  Guid WriterInstanceId(const writer::Writer& writer) override;
  std::string SnapshotDeviceName(const Guid& snapshot_set_id, std::string_view volume) override;

  coordinator::Coordinator& coordinator();
  storage::VolumeManager& volumes();

  // Writes the trace and its digest to options().trace_path (no-op when empty). Returns false
  // (and says why in `*error`) when the file cannot be written.
  bool WriteTrace(std::string* error) const;

 private:
  struct FromFile {};
  InProcessMachine(MachineOptions options, FromFile);

  MachineOptions options_;
  runtime::Clock clock_;
  trace::Trace trace_;
  storage::VolumeManager volumes_;
  storage::CowProvider provider_;
  std::unique_ptr<coordinator::Coordinator> vss_;
  // From a machine file: the scenario and the world built from it (then provider_, vss_ and
  // volumes_ stay unused).
  std::unique_ptr<scenario::Scenario> scenario_;
  std::unique_ptr<scenario::World> world_;
  std::set<const writer::Writer*> unsubscribed_;
  int requesters_ = 0;
};

// Reads MachineOptions from the environment (service.h). On a bad value returns false and
// says why in `*error`.
bool MachineOptionsFromEnvironment(MachineOptions* options, std::string* error);

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_IN_PROCESS_MACHINE_H_
