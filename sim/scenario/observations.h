// ObservationRecorder: what each scripted writer (ScenarioWriter) saw in each handler, for the
// <observed> and <event snapshot-set> expectations (docs/scenario-format.md "What a writer
// observed"). One record per handler call: the CVssWriter getters' answers (WRT-CALL-17..23:
// GetBackupType, GetRestoreType, GetContext, GetCurrentSnapshotSetId, GetCurrentVolumeArray,
// AreComponentsSelected) and the components the handler was given with what the requester
// recorded on them (GetPreviousBackupStamp STAMP-02/03, GetAdditionalRestores AR-01,
// GetBackupOptions), and the trace sequence of the event entry that delivered it.
//
// Reading is silent: the recorder asks the attached EventHost and reads the components' state
// directly, so it adds no trace entry and no placement finding (the writer did not call them;
// the trace digest of a run does not change). It never calls GetCurrentSnapshotSetId in
// OnBackupShutdown (WRT-SHUT-03 would be the writer's mistake): that event's set id is the one
// the trace's event entry carries.
//
// Thread safety: the simulator thread (handlers are called there).
#ifndef VSSSIM_SIM_SCENARIO_OBSERVATIONS_H_
#define VSSSIM_SIM_SCENARIO_OBSERVATIONS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vsssim/trace/trace.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/writer_event.h"
#include "vsssim/writer/writer.h"

namespace vsssim::writer {
class WriterComponents;
}  // namespace vsssim::writer

namespace vsssim::scenario {

struct ObservedComponentState {
  std::string logical_path;
  std::string name;
  std::optional<std::string> previous_stamp;  // GetPreviousBackupStamp; nullopt: S_FALSE
  std::optional<std::string> backup_options;  // GetBackupOptions; nullopt: S_FALSE
  bool additional_restores = false;           // GetAdditionalRestores
};

struct Observation {
  vss::WriterEvent event = vss::WriterEvent::kIdentify;
  std::optional<std::uint64_t> sequence;  // the trace's event entry; nullopt: none found
  vss::BackupType backup_type = vss::BackupType::VSS_BT_UNDEFINED;
  vss::RestoreType restore_type = vss::RestoreType::VSS_RTYPE_UNDEFINED;
  std::uint32_t context = 0;
  Guid snapshot_set;  // GUID_NULL in BackupShutdown (see above)
  bool components_selected = false;
  std::vector<std::string> volumes;
  bool given_components = false;  // the handler got a component list (component mode)
  std::vector<ObservedComponentState> components;
};

class ObservationRecorder {
 public:
  explicit ObservationRecorder(const trace::Trace& trace) : trace_(trace) {}

  // `writer` (named `name`, trace actor `actor`) is recorded from now on.
  void Watch(const writer::Writer* writer, std::string name, std::string actor);
  // Called at the start of each handler of a watched writer (ScenarioWriter::Handle).
  void Record(const writer::Writer& writer, vss::WriterEvent event,
              writer::WriterComponents* components);
  // Every handler call of writer `name`, in order; empty for a writer never watched.
  const std::vector<Observation>& Of(const std::string& name) const;

 private:
  struct Watched {
    std::string name;
    std::string actor;
  };
  const trace::Trace& trace_;
  std::map<const writer::Writer*, Watched> watched_;
  std::map<std::string, std::vector<Observation>> records_;
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SIM_SCENARIO_OBSERVATIONS_H_
