// The default simulated service of an SDK program (service.h): a whole machine in the
// process — virtual clock, trace, volumes C: and D: (1 GiB each, simulated files), the
// copy-on-write provider and a coordinator with its storage attached (SIM-QUIESCE-01).
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

namespace vsssim::sdk {

struct MachineOptions {
  std::uint64_t seed = 1;
  // Written when the machine is destroyed (empty: none): the text trace, then "digest <hex>".
  std::string trace_path;
};

class InProcessMachine final : public Service {
 public:
  explicit InProcessMachine(MachineOptions options = {});
  ~InProcessMachine() override;

  std::unique_ptr<coordinator::Requester> CreateRequester() override;
  void Subscribe(writer::Writer& writer) override;
  void Unsubscribe(writer::Writer& writer) override;
  runtime::Clock& clock() override { return clock_; }
  trace::Trace& trace() override { return trace_; }
  Guid WriterInstanceId(const writer::Writer& writer) override;
  std::string SnapshotDeviceName(const Guid& snapshot_set_id, std::string_view volume) override;

  coordinator::Coordinator& coordinator() { return *vss_; }
  storage::VolumeManager& volumes() { return volumes_; }

  // Writes the trace and its digest to options().trace_path (no-op when empty). Returns false
  // (and says why in `*error`) when the file cannot be written.
  bool WriteTrace(std::string* error) const;

 private:
  MachineOptions options_;
  runtime::Clock clock_;
  trace::Trace trace_;
  storage::VolumeManager volumes_;
  storage::CowProvider provider_;
  std::unique_ptr<coordinator::Coordinator> vss_;
  std::set<const writer::Writer*> unsubscribed_;
  int requesters_ = 0;
};

// Reads MachineOptions from the environment (service.h). On a bad value returns false and
// says why in `*error`.
bool MachineOptionsFromEnvironment(MachineOptions* options, std::string* error);

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_IN_PROCESS_MACHINE_H_
