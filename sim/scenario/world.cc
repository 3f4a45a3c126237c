#include "sim/scenario/world.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <set>
#include <vector>

#include "vsssim/metadata/examine_writer_metadata.h"
#include "vsssim/storage/host_directory.h"
#include "vsssim/storage/volume_name.h"

namespace vsssim::scenario {
namespace {

constexpr std::string_view kWriterActor = "writer:";

// How many folders deep a volume's name is: 0 unless it is a mount folder.
std::size_t FoldersOf(const Volume& v) {
  std::optional<storage::VolumeName> name = storage::ParseVolumeName(v.name);
  return name ? name->path.components.size() : 0;
}

}  // namespace

World::World(const Scenario& scenario, std::uint64_t seed, const coordinator::Choices& choices,
             runtime::Clock& clock, trace::Trace& trace, const ExternalEngine* engine,
             WriterProcessOptions process_options, const ConnectedWriters* connected)
    : scenario_(scenario),
      clock_(clock),
      trace_(trace),
      volumes_(clock),
      engine_(engine),
      connected_(connected) {
  runtime::Random random(seed);
  processes_ = std::make_unique<WriterProcesses>(scenario_, trace_, process_options);
  std::set<std::string, std::less<>> skip;
  for (const Writer& model : scenario_.writers) {  // `vsssim serve`: already subscribed
    if (model.exec.empty() || connected_ == nullptr || engine_ != nullptr) continue;
    if (writer::Writer* w = connected_->find(model.name, trace_)) {
      connected_writers_.emplace(model.name, w);
      skip.insert(model.name);
    }
  }
  if (engine_ != nullptr) {
    CreateWriters(random);
    CreateExternalRequesters();
    return;
  }
  CreateVolumesAndFiles(random);
  // Writer processes learn where the host-directory volumes are (VSSSIM_VOLUMES, docs/serve.md).
  if (!processes_->Start(skip, {{"VSSSIM_VOLUMES", storage::HostVolumesEnvironment(volumes_)}},
                         &start_error_)) {
    return;
  }
  provider_ = std::make_unique<storage::CowProvider>(volumes_, clock_, &trace_, ProviderOptions());
  if (scenario_.provider && !scenario_.provider->veto_at.empty()) {
    for (int m = 0; m <= static_cast<int>(storage::ProviderMethod::kDeleteSnapshot); ++m) {
      auto method = static_cast<storage::ProviderMethod>(m);
      if (storage::NameOf(method) == scenario_.provider->veto_at) {
        provider_->InjectFault({method, scenario_.provider->veto_code, 1});  // the first call
      }
    }
  }
  monitor_ = std::make_unique<storage::QuiesceMonitor>(volumes_, trace_);
  vss_ = std::make_unique<coordinator::Coordinator>(clock_, trace_, *provider_, choices, seed);
  if (std::any_of(scenario_.writers.begin(), scenario_.writers.end(),
                  [](const Writer& w) { return !w.exec.empty(); })) {
    process_monitor_ = std::make_unique<storage::QuiesceMonitor>(volumes_, trace_);
    vss_->SetQuiesceMonitor(process_monitor_.get(),
                            [this](std::string_view name) { return IsProcessWriter(name); });
  }
  vss_->SetVolumes(&volumes_);  // VSS knows the machine's volumes (REQ-CALL-13 OBJECT_NOT_FOUND)
  vss_->AttachWriterDataMonitor(volumes_);  // SIM-SHUT-01, BT-05: log files in the handlers
  // WRT-INIT-03: a writer process that ended has unsubscribed.
  vss_->SetWriterGoneProbe([this](const writer::Writer& w) {
    for (const auto& [name, connected] : connected_writers_) {
      if (connected == &w) return connected_->gone_reason(w);
    }
    return processes_->GoneReason(w);
  });
  CreateWriters(random);
  trace_.SetObserver([this](const trace::Entry& e) { OnTraceEntry(e); });
  vss_->SetBeforeEventHook(
      [this](std::string_view r, std::string_view w, vss::WriterEvent e) { BeforeEvent(r, w, e); });
  for (const std::string& name : scenario_.requesters) {
    requesters_.emplace(name, vss_->CreateVssBackupComponents(name));
  }
}

World::~World() {
  trace_.SetObserver(nullptr);
  if (vss_ != nullptr) vss_->SetBeforeEventHook(nullptr);
  requesters_.clear();  // a requester never released dies here, as a process would
  vss_.reset();         // before the writer processes it may still call
  processes_.reset();   // shutdown, then kill and reap what is left
}

// <provider flush hold>: the CommitSnapshots phases (LIM-06); absent: both instant.
storage::CowProviderOptions World::ProviderOptions() const {
  storage::CowProviderOptions options;
  if (scenario_.provider) {
    options.flush_duration = scenario_.provider->flush;
    options.commit_duration = scenario_.provider->hold;
    options.hold_until_released = scenario_.provider->hold_until_released;
  }
  return options;
}

void World::CreateVolumesAndFiles(runtime::Random& random) {
  // A mount folder needs the volume it is on: shallower names first (Resolve checked the host).
  std::vector<const Volume*> order;
  for (const Volume& v : scenario_.volumes) order.push_back(&v);
  std::stable_sort(order.begin(), order.end(),
                   [](const Volume* a, const Volume* b) { return FoldersOf(*a) < FoldersOf(*b); });
  for (const Volume* volume : order) {
    const Volume& v = *volume;
    storage::VolumeOptions options;
    options.name = v.name;
    if (v.host_dir.empty()) {
      options.size_bytes = v.size_bytes;
      options.block_size = v.block_size_bytes;
    } else {
      options.host_dir = v.host_dir;  // the files are the directory's (storage/host_directory.h)
    }
    volumes_.CreateVolume(options);
  }
  // Every file's content is its own fork of the seed: adding a file changes no other file.
  for (const File& f : scenario_.files) {
    storage::Volume* volume = volumes_.Find(f.path);
    if (volume == nullptr) continue;
    // Sparse: the content is a seeded pattern made when read, no block memory until written.
    volume->PutPatternFile(f.path, f.size_bytes, random.Fork("file:" + f.path).Next());
  }
}

void World::CreateWriters(runtime::Random& random) {
  for (const Writer& model : scenario_.writers) {
    auto connected = connected_writers_.find(model.name);  // `vsssim serve`'s
    writer::Writer* w =
        connected != connected_writers_.end() ? connected->second : processes_->Find(model.name);
    if (w == nullptr) {
      Guid class_id =
          model.class_id ? *model.class_id : random.Fork("writer-class:" + model.name).NextGuid();
      writers_.push_back(std::make_unique<ScenarioWriter>(
          model, scenario_, volumes_, clock_, random.Fork("writer:" + model.name), class_id));
      // service=: its hosting service (WRT-SEQ-11); timers and failures outside handlers.
      if (!model.service.empty()) writers_.back()->SetHostingService(model.service);
      if (vss_ != nullptr) writers_.back()->AttachProcess(vss_.get(), &trace_);
      w = writers_.back().get();
    }
    by_name_.emplace(model.name, w);
    if (vss_ != nullptr) {
      registered_.emplace(model.name, vss_->RegisterWriter(*w));
      if (scripted(model.name)) {  // <observed> (observations.h)
        observations_.Watch(w, model.name, registered_.at(model.name).actor);
        writers_.back()->set_observer(&observations_);
      }
    } else {  // an external engine's writer: instance id unknown until metadata is gathered
      registered_.emplace(model.name,
                          coordinator::RegisteredWriter{w, Guid{}, "writer:" + model.name});
    }
  }
}

void World::CreateExternalRequesters() {
  for (const std::string& name : scenario_.requesters) {
    std::unique_ptr<coordinator::Requester> requester;
    HResult h = engine_->create_requester(&requester);
    if (h.Failed() || requester == nullptr) {
      engine_error_ =
          "engine " + engine_->name + ": cannot create requester " + name + ": " + ToString(h);
      requesters_.clear();
      return;
    }
    requesters_.emplace(name, std::move(requester));
  }
}

void World::OnMetadataGathered(std::string_view requester) {
  if (vss_ != nullptr) return;
  coordinator::Requester& r = this->requester(requester);
  std::uint32_t count = 0;
  if (r.GetWriterMetadataCount(&count).Failed()) return;
  for (std::uint32_t i = 0; i < count; ++i) {
    Guid instance;
    const metadata::ExamineWriterMetadata* wmd = nullptr;
    if (r.GetWriterMetadata(i, &instance, &wmd).Failed() || wmd == nullptr) continue;
    Guid ignored_instance, writer_id;
    std::string writer_name;
    vss::UsageType usage{};
    vss::SourceType source{};
    if (wmd->GetIdentity(&ignored_instance, &writer_id, &writer_name, &usage, &source).Failed()) {
      continue;
    }
    for (auto& [name, reg] : registered_) {
      if (reg.writer->identity().class_id == writer_id) reg.instance_id = instance;
    }
  }
}

coordinator::Requester& World::requester(std::string_view name) {
  auto it = requesters_.find(name);
  assert(it != requesters_.end());
  return *it->second;
}

writer::Writer& World::writer(std::string_view name) {
  auto it = by_name_.find(name);
  assert(it != by_name_.end() && "writer checked by the loader");
  return *it->second;
}

const Writer& World::model(std::string_view name) const {
  for (const Writer& m : scenario_.writers) {
    if (m.name == name) return m;
  }
  assert(false && "writer checked by the loader");
  return scenario_.writers.front();
}

const ScenarioWriter* World::scripted(std::string_view name) const {
  for (const auto& w : writers_) {
    if (w->model().name == name) return w.get();
  }
  return nullptr;
}

std::vector<vss::WriterEvent> World::received(std::string_view name) const {
  for (const auto& w : writers_) {
    if (w->model().name == name) return w->received();
  }
  // A writer process: what the coordinator delivered to it, as the trace says.
  std::vector<vss::WriterEvent> out;
  const std::string& actor = registered(name).actor;
  for (const trace::Entry& e : trace_.entries()) {
    if (e.kind != trace::EntryKind::kEvent || e.to != actor) continue;
    if (auto event = vss::ParseWriterEvent(e.name)) out.push_back(*event);
  }
  return out;
}

const coordinator::RegisteredWriter& World::registered(std::string_view name) const {
  auto it = registered_.find(name);
  assert(it != registered_.end());
  return it->second;
}

std::vector<storage::FileSetSpec> World::FileSetsOf(const Writer& model) const {
  std::vector<storage::FileSetSpec> sets;
  for (const Component& c : model.components) {
    for (const auto* list : {&c.database_files, &c.log_files, &c.files}) {
      for (const FileSet& f : *list) sets.push_back({f.path, f.filespec, f.recursive});
    }
  }
  return sets;
}

ScenarioWriter* World::scripted(std::string_view name) {
  for (const auto& w : writers_) {
    if (w->model().name == name) return w.get();
  }
  return nullptr;
}

void World::Resubscribed(std::string_view name) {
  auto it = registered_.find(name);
  if (it == registered_.end() || vss_ == nullptr) return;
  if (const coordinator::RegisteredWriter* now = vss_->Registration(*it->second.writer)) {
    it->second = *now;
  }
}

bool World::IsProcessWriter(std::string_view name) const {
  for (const Writer& model : scenario_.writers) {
    if (model.name == name) return !model.exec.empty();
  }
  return false;
}

// SIM-QUIESCE-01: Freeze returned true -> capture. Appends nothing (observer context). Writer
// processes are captured by the coordinator (process_monitor_).
void World::OnTraceEntry(const trace::Entry& e) {
  if (e.kind != trace::EntryKind::kReply || e.name != "Freeze") return;
  if (e.Get("returned") != "true" || e.from.compare(0, kWriterActor.size(), kWriterActor) != 0) {
    return;
  }
  std::string name = e.from.substr(kWriterActor.size());
  for (const Writer& model : scenario_.writers) {
    if (model.name == name && model.exec.empty()) monitor_->BeginQuiesce(name, FileSetsOf(model));
  }
}

// SIM-QUIESCE-01: at Thaw (or Abort) compare the shadow copies with the capture, then stop.
void World::BeforeEvent(std::string_view requester, std::string_view writer,
                        vss::WriterEvent event) {
  if (event != vss::WriterEvent::kThaw && event != vss::WriterEvent::kAbort) return;
  if (writer.substr(0, kWriterActor.size()) != kWriterActor) return;
  std::string_view name = writer.substr(kWriterActor.size());
  if (!monitor_->IsQuiescing(name)) return;
  auto set = sets_.find(std::string(requester));
  if (set != sets_.end())
    monitor_->CheckShadowCopies(name, provider_->ShadowCopiesOfSet(set->second));
  monitor_->EndQuiesce(name);
}

}  // namespace vsssim::scenario
