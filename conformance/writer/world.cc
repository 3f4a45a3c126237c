#include "conformance/writer/world.h"

#include <atomic>
#include <filesystem>
#include <system_error>
#include <utility>

#if defined(_WIN32)
#include <process.h>
#else
#include <unistd.h>
#endif

#include "conformance/writer/timed_writer.h"
#include "conformance/writer/wall_times.h"
#include "vsssim/storage/volume.h"

#include <gtest/gtest.h>

namespace vsssim::conformance {
namespace {

// Class id of the slow companion writer: {5c0f0000-c0de-4c0d-9e00-000000000001}.
const Guid kCompanionClassId{0x5C0F0000u, 0xC0DE, 0x4C0D, {0x9E, 0, 0, 0, 0, 0, 0, 1}};

}  // namespace

HostVolumeRoot::~HostVolumeRoot() {
  if (root_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(root_, ignored);
}

std::string HostVolumeRoot::MakeVolumeDir(const std::string& name, std::string* error) {
  std::error_code ec;
  if (root_.empty()) {
    // One root per World of this process: the pid and a counter keep parallel runs apart.
    static std::atomic<unsigned> counter{0};
#if defined(_WIN32)
    const long pid = static_cast<long>(_getpid());
#else
    const long pid = static_cast<long>(::getpid());
#endif
    const std::filesystem::path root =
        std::filesystem::temp_directory_path(ec) /
        ("vsssim-conform-" + std::to_string(pid) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(root, ec);
    if (!std::filesystem::create_directories(root, ec)) {
      *error = root.string() + ": cannot create: " + ec.message();
      return "";
    }
    root_ = root.string();
  }
  std::string letter = name;  // "C:" -> "C"
  if (!letter.empty() && letter.back() == ':') letter.pop_back();
  const std::filesystem::path dir = std::filesystem::path(root_) / ("volume-" + letter);
  if (!std::filesystem::create_directories(dir, ec)) {
    *error = dir.string() + ": cannot create: " + ec.message();
    return "";
  }
  return dir.string();
}

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
    : options_(options),
      trace_(clock_),
      volumes_(clock_),
      provider_(volumes_, clock_, &trace_),
      under_test_(writer) {
  for (const char* letter : {"C:", "D:"}) {
    storage::VolumeOptions v;
    v.name = letter;
    v.size_bytes = 64ull << 20;
    if (writer.options.host_volumes) {
      std::string error;
      v.host_dir = host_root_.MakeVolumeDir(letter, &error);
      // Without its directory the check cannot run: fail it, not the whole suite.
      if (v.host_dir.empty()) ADD_FAILURE() << "host-directory volume " << letter << ": " << error;
    }
    volumes_.CreateVolume(v);
  }
  provider_.set_flush_duration(options_.flush);
  vss_ = std::make_unique<coordinator::Coordinator>(clock_, trace_, provider_,
                                                    coordinator::Choices{}, options_.seed);
  vss_->AttachStorage(volumes_);
  writer_ = std::make_unique<TimedWriter>(
      writer.create(*this),
      [this](std::string_view event, std::chrono::steady_clock::duration wall) {
        OnHandler(event, wall);
      });
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
  // Application time before the first requester step (docs/conformance.md).
  RunApplication(writer.options.warmup);
}

void World::OnHandler(std::string_view event, std::chrono::steady_clock::duration wall) {
  // The real timeouts: OnFreeze runs inside the writer's own freeze window (dwTimeoutFreeze,
  // LIM-05, WRT-TIME-01; WRT-TIME-02 "keep OnFreeze short"); every other handler within the
  // time VSS waits for a writer (Choices::writer_event_timeout, GAP-05, WRT-TIME-05).
  const bool freeze = event == "OnFreeze";
  const runtime::Duration timeout =
      freeze ? writer_->identity().freeze_timeout : vss_->choices().writer_event_timeout;
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  HandlerWallTime h{under_test_.name,
                    test != nullptr ? std::string(test->test_suite_name()) + "." + test->name()
                                    : std::string("-"),
                    std::string(event), wall};
  if (WallTimes::Get().Record(std::move(h), timeout, freeze ? "WRT-TIME-01" : "WRT-TIME-05")) {
    blocked_ = true;
  }
}

namespace {

std::vector<std::string>& SuiteRequesterFindings() {
  static std::vector<std::string> findings;
  return findings;
}

}  // namespace

std::vector<std::string> TakeSuiteRequesterFindings() {
  std::vector<std::string> out;
  out.swap(SuiteRequesterFindings());
  return out;
}

World::~World() {
  for (const trace::Entry& e : trace_.entries()) {
    if (e.kind == trace::EntryKind::kFinding && e.rule.substr(0, 4) == "REQ-") {
      SuiteRequesterFindings().push_back(std::string(e.rule) + " (" + std::string(e.from) +
                                         "): " + std::string(e.name));
    }
  }
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
