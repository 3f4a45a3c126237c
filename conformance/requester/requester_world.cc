#include "conformance/requester/requester_world.h"

#include <utility>

#include "conformance/requester/requester_proxy.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/storage/volume.h"

namespace vsssim::conformance {
namespace {

// Class ids of the probe writers: {5c0f1000-c0de-4c0d-9e00-00000000000n}.
Guid ProbeClassId(std::size_t n) {
  return Guid{
      0x5C0F1000u, 0xC0DE, 0x4C0D, {0x9E, 0, 0, 0, 0, 0, 0, static_cast<std::uint8_t>(n + 1)}};
}

constexpr std::uint32_t kFileShareBackup = 0x10;  // VSS_CTX_FILE_SHARE_BACKUP

}  // namespace

RequesterWorld::RequesterWorld(RequesterWorldOptions options)
    : options_(std::move(options)),
      trace_(clock_),
      volumes_(clock_),
      provider_(volumes_, clock_, &trace_),
      log_(clock_, RequesterContext::kMaxCalls) {
  for (const char* letter : {"C:", "D:"}) {
    storage::VolumeOptions v;
    v.name = letter;
    v.size_bytes = 64ull << 20;
    volumes_.CreateVolume(v);
  }
  vss_ = std::make_unique<coordinator::Coordinator>(clock_, trace_, provider_,
                                                    coordinator::Choices{}, options_.seed);
  vss_->AttachStorage(volumes_);
  storage::Volume* c = volumes_.Find("C:");
  for (const ProbeWriter& probe : options_.writers) {
    writer::WriterIdentity id;
    id.class_id = ProbeClassId(writers_.size());
    id.name = probe.name;
    id.level = probe.level;
    auto w = std::make_unique<writer::ScriptedWriter>(id);
    for (const auto& [event, behavior] : probe.script) w->On(event, behavior);
    // One selectable component over C:\<name>\*, restored by VSS with the writer taking part
    // (VSS_WRE_ALWAYS: REQ-RST-06 does not keep a requester away from it).
    w->SetIdentify([name = probe.name](metadata::CreateWriterMetadata& m) {
      m.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                         vss::WriterRestore::VSS_WRE_ALWAYS, false);
      m.AddComponent(vss::ComponentType::VSS_CT_FILEGROUP, "", name + "Data", name, {}, false,
                     false, /*selectable=*/true, /*selectable_for_restore=*/false);
      m.AddFilesToFileGroup("", name + "Data", "C:\\" + name, "*", true, "");
    });
    // Its file set's one file.
    c->CreateDirectory("C:\\" + probe.name);
    c->PutFile("C:\\" + probe.name + "\\data.bin", probe.name + " data\n");
    vss_->RegisterWriter(*w);
    writers_.push_back(std::move(w));
  }
  if (options_.competitor_holds > runtime::Duration{0}) {
    // LIM-12: another backup application holds the creation slot from StartSnapshotSet until
    // its DoSnapshotSet returns (or it aborts). A writerless context needs no writers.
    competitor_ = vss_->CreateVssBackupComponents("competitor");
    competitor_->InitializeForBackup();
    competitor_->SetContext(kFileShareBackup);
    Guid set;
    competitor_->StartSnapshotSet(&set);
    competitor_until_ = clock_.Now() + options_.competitor_holds;
  }
}

RequesterWorld::~RequesterWorld() {
  competitor_.reset();
  vss_.reset();  // refers to the writers
  writers_.clear();
}

void RequesterWorld::EndCompetitorIfDue() {
  if (competitor_ == nullptr || clock_.Now() < competitor_until_) return;
  competitor_->AbortBackup();
  competitor_->Release();
  competitor_.reset();
  competitor_ended_ = clock_.Now();
}

std::unique_ptr<coordinator::Requester> RequesterWorld::CreateVssBackupComponents() {
  EndCompetitorIfDue();
  const int instance = ++instances_;
  return std::make_unique<RequesterProxy>(
      vss_->CreateVssBackupComponents("app" + std::to_string(instance)), instance, log_,
      [this] { EndCompetitorIfDue(); },
      [this](const coordinator::Requester& requester, const Guid& writer_id) {
        for (const auto& w : writers_) {
          if (w->identity().class_id == writer_id &&
              vss_->WriterFailureIn(requester, *w).Failed()) {
            return true;
          }
        }
        return false;
      });
}

void RequesterWorld::Sleep(runtime::Duration duration) {
  log_.Tick();
  const runtime::TimePoint until = clock_.Now() + duration;
  // The competing backup ends at its instant, outside any timer callback.
  if (competitor_ != nullptr && competitor_until_ < until) {
    clock_.AdvanceTo(competitor_until_);
    EndCompetitorIfDue();
  }
  clock_.AdvanceTo(until);
}

}  // namespace vsssim::conformance
