// Test harness for the coordinator over real storage: a clock, a trace, a VolumeManager with
// volume C: (small), the copy-on-write provider and a coordinator wired to both
// (Coordinator::AttachStorage unless `attach_storage` is false), plus scripted writers whose
// handlers can reach the volumes. Walk a backup with testing::BackupDriver(h.vss, name).
//
// Thread safety: none.
#ifndef VSSSIM_SIM_COORDINATOR_COW_HARNESS_H_
#define VSSSIM_SIM_COORDINATOR_COW_HARNESS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/coordinator/test_harness.h"
#include "vsssim/storage/cow_provider.h"
#include "vsssim/storage/volume_manager.h"

namespace vsssim::coordinator::testing {

struct CowHarness {
  explicit CowHarness(bool attach_storage = true, std::uint64_t seed = 7)
      : trace(clock),
        volumes(clock),
        provider(volumes, clock, &trace),
        vss(clock, trace, provider, {}, seed) {
    storage::VolumeOptions c;
    c.name = "C:";
    c.size_bytes = 1u << 20;
    volumes.CreateVolume(c);
    if (attach_storage) vss.AttachStorage(volumes);
  }

  storage::Volume& C() { return *volumes.Find("C:"); }
  std::string Live(std::string_view path) {
    std::string out;
    volumes.Find(path)->ReadFile(path, &out);
    return out;
  }
  // The bytes of `path` in the shadow copy `snapshot_id`; "<none>" if there is none.
  std::string Shadow(const Guid& snapshot_id, std::string_view path) const {
    const storage::ShadowCopy* s = provider.FindShadowCopy(snapshot_id);
    std::string out;
    if (s == nullptr || s->ReadFile(path, &out).Failed()) return "<none>";
    return out;
  }

  writer::ScriptedWriter& AddWriter(const std::string& name) {
    writer::WriterIdentity id;
    id.class_id = ClassId(static_cast<int>(writers.size()) + 1);
    id.name = name;
    writers.push_back(std::make_unique<writer::ScriptedWriter>(id));
    vss.RegisterWriter(*writers.back());
    return *writers.back();
  }

  std::vector<std::string> EventsTo(const std::string& writer_actor) const {
    std::vector<std::string> out;
    for (const trace::Entry& e : trace.entries()) {
      if (e.kind == trace::EntryKind::kEvent && e.to == writer_actor) out.push_back(e.name);
    }
    return out;
  }
  // The titles of the findings with `rule`, in trace order.
  std::vector<std::string> Findings(std::string_view rule) const {
    std::vector<std::string> out;
    for (const trace::Entry& e : trace.entries()) {
      if (e.kind == trace::EntryKind::kFinding && e.rule == rule) out.push_back(e.name);
    }
    return out;
  }

  runtime::Clock clock;
  trace::Trace trace;
  storage::VolumeManager volumes;
  storage::CowProvider provider;
  Coordinator vss;
  std::vector<std::unique_ptr<writer::ScriptedWriter>> writers;
};

}  // namespace vsssim::coordinator::testing

#endif  // VSSSIM_SIM_COORDINATOR_COW_HARNESS_H_
