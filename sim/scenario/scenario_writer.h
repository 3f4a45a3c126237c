// ScenarioWriter: the mock writer a scenario's <writer> element describes. Identify declares
// the model's components, file sets, schema and restore method; every other event runs the
// <on> behaviours that cover its occurrence (times=), their data actions against the storage
// layer's live volumes, and the deliberate bugs (behaviour.h) a conformance run must catch.
//
// A <write> in Freeze happens just after Freeze returned (a timer due at once): the writer
// said it was frozen but its I/O goes on, which is what a torn snapshot is (SIM-QUIESCE-01).
//
// Determinism: bytes written by <write> come from a Random forked from the scenario seed.
// Thread safety: the simulator thread, except the planted failure-from-other-thread bug,
// which calls SetWriterFailure from a joined worker thread (WRT-THREAD-01).
#ifndef VSSSIM_SIM_SCENARIO_SCENARIO_WRITER_H_
#define VSSSIM_SIM_SCENARIO_SCENARIO_WRITER_H_

#include <map>
#include <vector>

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

  const scenario::Writer& model() const { return model_; }
  const std::vector<vss::WriterEvent>& received() const { return received_; }
  // <observed>, <event snapshot-set>: told of every handler call (observations.h); may be null.
  void set_observer(ObservationRecorder* observer) { observer_ = observer; }

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
  const Behaviour* BehaviourFor(vss::WriterEvent event, int occurrence) const;
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
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SIM_SCENARIO_SCENARIO_WRITER_H_
