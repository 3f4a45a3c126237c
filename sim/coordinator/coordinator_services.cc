// Coordinator: the simulated service control of restores (REQ-RST-11, WRT-SEQ-11).
#include <algorithm>
#include <utility>

#include "sim/coordinator/session.h"
#include "vsssim/coordinator/coordinator.h"

namespace vsssim::coordinator {

HResult Coordinator::StopService(std::string_view by, std::string_view service) {
  trace_.Append(trace::EntryKind::kCall, std::string(by), "scm", "StopService",
                {{"service", std::string(service)}});
  service_changes_.push_back({std::string(service), false});
  if (!ServiceRunning(service)) return hr::S_FALSE;
  stopped_services_.emplace_back(service);
  for (RegisteredWriter& w : writers_) {
    if (HostingService(*w.writer) != service) continue;
    ++w.generation;  // WRT-SEQ-11: this instance is gone with its process
    SetWriterBusyUntil(*w.writer, clock_.Now());  // and a handler it hung in with it
    trace_.Append(trace::EntryKind::kState, w.actor, "", "Stopped",
                  {{"service", std::string(service)}}, "WRT-SEQ-11");
  }
  return hr::S_OK;
}

HResult Coordinator::StartService(std::string_view by, std::string_view service) {
  trace_.Append(trace::EntryKind::kCall, std::string(by), "scm", "StartService",
                {{"service", std::string(service)}});
  service_changes_.push_back({std::string(service), true});
  if (ServiceRunning(service)) return hr::S_FALSE;
  stopped_services_.erase(std::remove(stopped_services_.begin(), stopped_services_.end(), service),
                          stopped_services_.end());
  for (RegisteredWriter& w : writers_) {
    if (HostingService(*w.writer) != service) continue;
    w.instance_id = random_.NextGuid();  // WRT-INIT-04: a new instance subscribes
    trace_.Append(trace::EntryKind::kNote, w.actor, "vss", "Subscribe",
                  {{"instance", w.instance_id.ToString()}, {"service", std::string(service)}},
                  "WRT-INIT-04");
  }
  return hr::S_OK;
}

void Coordinator::FailWriterOutsideHandler(const writer::Writer& writer, vss::WriterEvent phase,
                                           HResult code, HResult application_error,
                                           std::string_view message) {
  for (Session* s : sessions_)
    s->FailOutsideHandler(writer, phase, code, application_error, message);
}

HResult Coordinator::StopWriterProcess(std::string_view by, const writer::Writer& writer) {
  for (RegisteredWriter& w : writers_) {
    if (w.writer != &writer) continue;
    trace_.Append(trace::EntryKind::kCall, std::string(by), w.actor, "StopProcess", {});
    if (w.unsubscribed) return hr::S_FALSE;
    // WRT-INIT-03: "Unsubscribe ends event delivery"; like a stopped hosting service
    // (WRT-SEQ-11) this instance is gone, and a handler it hung in with it.
    w.unsubscribed = true;
    ++w.generation;
    SetWriterBusyUntil(writer, clock_.Now());
    trace_.Append(
        trace::EntryKind::kNote, w.actor, "vss", "Unsubscribe",
        {{"instance", w.instance_id.ToString()}, {"reason", "stopped by " + std::string(by)}},
        "WRT-INIT-03");
    return hr::S_OK;
  }
  return hr::E_INVALIDARG;
}

HResult Coordinator::StartWriterProcess(std::string_view by, const writer::Writer& writer) {
  for (RegisteredWriter& w : writers_) {
    if (w.writer != &writer) continue;
    trace_.Append(trace::EntryKind::kCall, std::string(by), w.actor, "StartProcess", {});
    if (!w.unsubscribed) return hr::S_FALSE;
    RegisterWriter(*w.writer);  // WRT-INIT-04: subscribes again with a new instance id
    return hr::S_OK;
  }
  return hr::E_INVALIDARG;
}

bool Coordinator::ServiceRunning(std::string_view service) const {
  return std::find(stopped_services_.begin(), stopped_services_.end(), service) ==
         stopped_services_.end();
}

std::string Coordinator::HostingService(const writer::Writer& writer) const {
  if (!writer.hosting_service().empty()) return writer.hosting_service();
  if (!choices_.writer_hosted_in_restore_service) return {};
  for (const auto& [w, service] : restore_services_) {
    if (w == &writer) return service;
  }
  return {};
}

void Coordinator::NoteRestoreService(const writer::Writer& writer, std::string service) {
  for (auto& [w, known] : restore_services_) {
    if (w == &writer) {
      known = std::move(service);
      return;
    }
  }
  restore_services_.emplace_back(&writer, std::move(service));
}

const RegisteredWriter* Coordinator::Registration(const writer::Writer& writer) const {
  for (const RegisteredWriter& w : writers_) {
    if (w.writer == &writer) return &w;
  }
  return nullptr;
}

bool Coordinator::WriterRunning(const writer::Writer& writer) const {
  const RegisteredWriter* r = Registration(writer);
  if (r != nullptr && r->unsubscribed) return false;  // its process ended (WRT-INIT-03)
  if (stopped_services_.empty()) return true;
  const std::string hosting = HostingService(writer);
  return hosting.empty() || ServiceRunning(hosting);
}

bool Coordinator::CheckWriterProcess(const writer::Writer& writer) {
  if (!gone_probe_) return WriterRunning(writer);
  for (RegisteredWriter& w : writers_) {
    if (w.writer != &writer || w.unsubscribed) continue;
    std::string reason = gone_probe_(writer);
    if (reason.empty()) break;
    // WRT-INIT-03: "Unsubscribe ends event delivery"; a process that ended said it the hard way.
    // Like a stopped hosting service (WRT-SEQ-11), this instance is gone.
    w.unsubscribed = true;
    ++w.generation;
    trace_.Append(trace::EntryKind::kNote, w.actor, "vss", "Unsubscribe",
                  {{"instance", w.instance_id.ToString()}, {"reason", std::move(reason)}},
                  "WRT-INIT-03");
    break;
  }
  return WriterRunning(writer);
}

}  // namespace vsssim::coordinator
