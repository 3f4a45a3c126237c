#include "conformance/writer/world.h"

#include <utility>

#include "vsssim/storage/volume.h"

namespace vsssim::conformance {
namespace {

// Class id of the slow companion writer: {5c0f0000-c0de-4c0d-9e00-000000000001}.
const Guid kCompanionClassId{0x5C0F0000u, 0xC0DE, 0x4C0D, {0x9E, 0, 0, 0, 0, 0, 0, 1}};

}  // namespace

bool RuleMatches(std::string_view rule, const std::vector<std::string>& rules) {
  for (const std::string& r : rules) {
    if (!r.empty() && r.back() == '*') {
      if (rule.substr(0, r.size() - 1) == std::string_view(r).substr(0, r.size() - 1)) return true;
    } else if (rule == r) {
      return true;
    }
  }
  return false;
}

World::World(const WriterUnderTest& writer, WorldOptions options)
    : options_(options), trace_(clock_), volumes_(clock_), provider_(volumes_, clock_, &trace_) {
  for (const char* letter : {"C:", "D:"}) {
    storage::VolumeOptions v;
    v.name = letter;
    v.size_bytes = 64ull << 20;
    volumes_.CreateVolume(v);
  }
  provider_.set_flush_duration(options_.flush);
  vss_ = std::make_unique<coordinator::Coordinator>(clock_, trace_, provider_,
                                                    coordinator::Choices{}, options_.seed);
  vss_->AttachStorage(volumes_);
  writer_ = writer.create(*this);
  actor_ = "writer:" + writer_->identity().name;
  vss_->RegisterWriter(*writer_);
  if (options_.slow_companion) {
    writer::WriterIdentity id;
    id.class_id = kCompanionClassId;
    id.name = "SlowCompanion";
    id.level = vss::ApplicationLevel::VSS_APP_SYSTEM;
    companion_ = std::make_unique<writer::ScriptedWriter>(id);
    writer::ScriptedWriter::Behavior slow;
    slow.delay = writer_->identity().freeze_timeout + std::chrono::seconds(10);
    companion_->On(vss::WriterEvent::kFreeze, slow);
    vss_->RegisterWriter(*companion_);
  }
}

World::~World() {
  // The coordinator refers to the writers: it goes first; the writers may still cancel their
  // timers on the clock.
  vss_.reset();
  companion_.reset();
  writer_.reset();
}

std::vector<storage::FileSetSpec> World::FileSets(Sets which) const {
  std::vector<storage::FileSetSpec> out;
  auto add = [&out](const std::vector<metadata::FileSpec>& specs) {
    for (const metadata::FileSpec& f : specs) out.push_back({f.path, f.filespec, f.recursive});
  };
  for (const metadata::ComponentDescription& c : metadata_.components) {
    if (which == Sets::kAll) {
      add(c.files);
      add(c.database_files);
    }
    add(c.log_files);
  }
  return out;
}

std::vector<const trace::Entry*> World::Findings(const std::vector<std::string>& rules) const {
  std::vector<const trace::Entry*> out;
  for (const trace::Entry& e : trace_.entries()) {
    if (e.kind == trace::EntryKind::kFinding && e.from == actor_ && RuleMatches(e.rule, rules)) {
      out.push_back(&e);
    }
  }
  return out;
}

std::vector<std::string> World::Events() const {
  std::vector<std::string> out;
  for (const trace::Entry& e : trace_.entries()) {
    if (e.kind == trace::EntryKind::kEvent && e.to == actor_ && e.Get("by").empty()) {
      out.push_back(e.name);
    }
  }
  return out;
}

}  // namespace vsssim::conformance
