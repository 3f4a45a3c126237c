// WriterProcesses on Windows: vsssim starts writer processes on POSIX hosts only
// (ChildProcess is posix_spawn). A Windows writer process reaches a Linux service over TCP
// instead (docs/serve.md).
#include "sim/scenario/writer_processes.h"

namespace vsssim::scenario {

struct WriterProcesses::Impl {
  const Scenario& scenario;
};

WriterProcesses::WriterProcesses(const Scenario& scenario, trace::Trace& /*trace*/,
                                 WriterProcessOptions /*options*/)
    : impl_(std::make_unique<Impl>(Impl{scenario})) {}

WriterProcesses::~WriterProcesses() = default;

bool WriterProcesses::Start(const std::set<std::string, std::less<>>& skip, std::string* error) {
  for (const Writer& model : impl_->scenario.writers) {
    if (model.exec.empty() || skip.count(model.name) != 0) continue;
    *error = model.where.ToString() + ": <writer name=" + model.name +
             " exec=...>: this vsssim was built for Windows, which cannot start writer "
             "processes; run `vsssim serve` on Linux and connect the writer over TCP";
    return false;
  }
  return true;
}

writer::Writer* WriterProcesses::Find(std::string_view /*name*/) const { return nullptr; }

std::string WriterProcesses::GoneReason(const writer::Writer& /*w*/) { return ""; }

}  // namespace vsssim::scenario
