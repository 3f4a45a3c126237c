// WriterProcesses on POSIX: one remote::SpawnedWriter per <writer exec>.
#include "sim/scenario/writer_processes.h"

#include <filesystem>
#include <system_error>
#include <vector>

#include "vsssim/remote/spawned_writer.h"

namespace vsssim::scenario {
namespace {

// The directory of the file that declared the writer: exec= commands are relative to it.
std::string DirectoryOf(const std::string& file) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(file).parent_path();
  std::error_code ec;
  const fs::path absolute = fs::absolute(dir.empty() ? fs::path(".") : dir, ec);
  return ec ? dir.string() : absolute.lexically_normal().string();
}

}  // namespace

struct WriterProcesses::Impl {
  const Scenario& scenario;
  trace::Trace& trace;
  WriterProcessOptions options;
  std::vector<std::pair<std::string, std::unique_ptr<remote::SpawnedWriter>>> writers;
};

WriterProcesses::WriterProcesses(const Scenario& scenario, trace::Trace& trace,
                                 WriterProcessOptions options)
    : impl_(std::make_unique<Impl>(Impl{scenario, trace, options, {}})) {}

WriterProcesses::~WriterProcesses() = default;

bool WriterProcesses::Start(const std::set<std::string, std::less<>>& skip, std::string* error) {
  for (const Writer& model : impl_->scenario.writers) {
    if (model.exec.empty() || skip.count(model.name) != 0) continue;
    const std::string who =
        model.where.ToString() + ": <writer name=" + model.name + " exec=\"" + model.exec + "\">: ";
    remote::SpawnOptions spawn;
    spawn.command = model.exec;
    spawn.cwd = DirectoryOf(model.where.file);
    spawn.remote.guard = impl_->options.guard;
    spawn.remote.hello_timeout = impl_->options.hello_timeout;
    std::string why;
    std::unique_ptr<remote::SpawnedWriter> w = remote::SpawnedWriter::Start(spawn, &why);
    if (w == nullptr) {
      *error = who + why;
      return false;
    }
    if (w->identity().name != model.name) {
      *error = who + "the process says it is writer \"" + w->identity().name +
               "\" in its hello; name= must be the writer's name";
      return false;
    }
    w->AttachTrace(&impl_->trace);
    impl_->writers.emplace_back(model.name, std::move(w));
  }
  return true;
}

writer::Writer* WriterProcesses::Find(std::string_view name) const {
  for (const auto& [n, w] : impl_->writers) {
    if (n == name) return w.get();
  }
  return nullptr;
}

std::string WriterProcesses::GoneReason(const writer::Writer& w) {
  for (auto& [n, spawned] : impl_->writers) {
    if (spawned.get() == &w) return spawned->GoneReason();
  }
  return "";
}

}  // namespace vsssim::scenario
