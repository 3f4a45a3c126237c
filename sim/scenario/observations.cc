#include "sim/scenario/observations.h"

#include <utility>

#include "vsssim/metadata/component.h"
#include "vsssim/writer/writer_components.h"

namespace vsssim::scenario {

void ObservationRecorder::Watch(const writer::Writer* writer, std::string name, std::string actor) {
  watched_[writer] = Watched{name, std::move(actor)};
  records_[std::move(name)];
}

void ObservationRecorder::Record(const writer::Writer& writer, vss::WriterEvent event,
                                 writer::WriterComponents* components) {
  auto it = watched_.find(&writer);
  if (it == watched_.end()) return;
  Observation o;
  o.event = event;
  // The entry that delivered this call: the last event entry addressed to the writer (the
  // coordinator appends it just before it calls the handler).
  const auto& entries = trace_.entries();
  for (auto e = entries.rbegin(); e != entries.rend(); ++e) {
    if (e->kind == trace::EntryKind::kEvent && e->to == it->second.actor) {
      if (e->name == vss::NameOf(event)) o.sequence = e->sequence;
      break;
    }
  }
  if (const writer::EventHost* host = writer.host()) {  // WRT-CALL-17..23
    o.backup_type = host->GetBackupType();
    o.restore_type = host->GetRestoreType();
    o.context = static_cast<std::uint32_t>(host->GetContext());
    if (event != vss::WriterEvent::kBackupShutdown) {  // WRT-SHUT-03: not the writer's call
      o.snapshot_set = host->GetCurrentSnapshotSetId();
    }
    o.components_selected = host->AreComponentsSelected();
    o.volumes = host->GetCurrentVolumeArray();
  }
  if (components != nullptr) {
    o.given_components = true;
    for (std::uint32_t i = 0; i < components->GetComponentCount(); ++i) {
      metadata::Component* c = nullptr;
      if (components->GetComponent(i, &c).Failed() || c == nullptr) continue;
      const metadata::ComponentState& s = c->state();  // no placement check: not the writer's
      o.components.push_back({s.logical_path, s.name, s.previous_backup_stamp, s.backup_options,
                              s.additional_restores});
    }
  }
  records_[it->second.name].push_back(std::move(o));
}

const std::vector<Observation>& ObservationRecorder::Of(const std::string& name) const {
  static const std::vector<Observation> kNone;
  auto it = records_.find(name);
  return it == records_.end() ? kNone : it->second;
}

}  // namespace vsssim::scenario
