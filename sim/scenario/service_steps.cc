#include "sim/scenario/service_steps.h"

#include <string>
#include <vector>

namespace vsssim::scenario {
namespace {

constexpr std::string_view kActor = "tool:sc";

// The scripted writers the step's process hosts: every writer of service=, or writer= with
// (when it has a service) the other writers of its service.
std::vector<const Writer*> Hosted(const World& world, const std::string& service) {
  std::vector<const Writer*> out;
  for (const Writer& w : world.scenario().writers) {
    if (w.exec.empty() && w.service == service) out.push_back(&w);
  }
  return out;
}

void Stop(World& world, const std::string& service, const std::vector<const Writer*>& writers) {
  if (service.empty()) {
    world.vss().StopWriterProcess(kActor, world.writer(writers.front()->name));
  } else {
    world.vss().StopService(kActor, service);  // WRT-SEQ-11
  }
  for (const Writer* w : writers) {
    if (ScenarioWriter* s = world.scripted(w->name)) s->EndProcess();  // its memory is gone
  }
}

void Start(World& world, const std::string& service, const std::vector<const Writer*>& writers) {
  if (service.empty()) {
    world.vss().StartWriterProcess(kActor, world.writer(writers.front()->name));
  } else {
    world.vss().StartService(kActor, service);  // WRT-INIT-04: new instance ids
  }
  for (const Writer* w : writers) world.Resubscribed(w->name);
}

}  // namespace

void RunServiceStep(World& world, const Step& step) {
  std::string service = step.service;
  std::vector<const Writer*> writers;
  if (!step.writer.empty()) {
    const Writer& model = world.model(step.writer);
    service = model.service;
    writers = service.empty() ? std::vector<const Writer*>{&model} : Hosted(world, service);
  } else {
    writers = Hosted(world, service);
  }
  if (writers.empty()) return;  // the loader refused it
  if (step.kind != StepKind::kStartService) Stop(world, service, writers);
  if (step.kind != StepKind::kStopService) Start(world, service, writers);
}

}  // namespace vsssim::scenario
