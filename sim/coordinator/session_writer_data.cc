// Session: what a writer does to its log files while its handlers run (SIM-SHUT-01, BT-05),
// when the coordinator has a WriterDataMonitor (Coordinator::AttachStorage /
// AttachWriterDataMonitor). Without one both functions do nothing, so traces are unchanged.
// BeginDelivery calls WatchWriterData just before the handler runs and CheckWriterData right
// after its actions ran; the rules themselves live in writer_data_monitor.cc.
#include "sim/coordinator/session.h"
#include "sim/coordinator/writer_data_monitor.h"

namespace vsssim::coordinator {

void Session::WatchWriterData(const Participant& p, vss::WriterEvent event,
                              const DeliveryView& view) {
  WriterDataMonitor* monitor = vss_.writer_data_monitor();
  if (monitor == nullptr) return;
  HandlerRun run;
  run.requester = name_;
  run.writer = p.registered.actor;
  run.event = event;
  run.backup_type = view.backup_type;
  run.snapshot_set = view.snapshot_set_id;
  run.restore = restore_;
  run.metadata = &p.metadata.metadata();  // from this session's Identify
  monitor->BeforeHandler(run);
}

void Session::CheckWriterData(const Participant& p, const DeliveryOutcome& outcome) {
  if (WriterDataMonitor* monitor = vss_.writer_data_monitor()) {
    monitor->AfterHandler(p.registered.actor, !outcome.vetoed());
  }
}

}  // namespace vsssim::coordinator
