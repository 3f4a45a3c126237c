// Private test support for sim/backup: a small simulated machine (virtual clock, volumes C: and
// D:, the copy-on-write provider) that takes shadow copies through the provider's PRV-02 call
// sequence, and builders for WMDs and BCDs.
//
// Thread safety: none.
#ifndef VSSSIM_BACKUP_TESTING_DATA_WORLD_H_
#define VSSSIM_BACKUP_TESTING_DATA_WORLD_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/runtime/random.h"
#include "vsssim/storage/cow_provider.h"
#include "vsssim/storage/volume_manager.h"

namespace vsssim::backup::testing {

class DataWorld {
 public:
  explicit DataWorld(std::uint64_t seed = 1, std::uint64_t volume_bytes = 2u << 20)
      : volumes_(clock_), random_(seed) {
    for (const char* name : {"C:", "D:"}) {
      storage::VolumeOptions o;
      o.name = name;
      o.size_bytes = volume_bytes;
      o.block_size = 512;
      volumes_.CreateVolume(o);
    }
    provider_ = std::make_unique<storage::CowProvider>(volumes_, clock_, nullptr);
  }

  storage::Volume& C() { return *volumes_.Find("C:"); }
  storage::Volume& D() { return *volumes_.Find("D:"); }
  storage::VolumeManager& volumes() { return volumes_; }
  runtime::Clock& clock() { return clock_; }
  runtime::Random& random() { return random_; }
  void Tick() { clock_.AdvanceBy(std::chrono::seconds(1)); }

  // A committed snapshot set of `vols` (PRV-02 sequence); empty on failure.
  std::vector<const storage::ShadowCopy*> Snapshot(std::vector<std::string> vols = {"C:\\",
                                                                                    "D:\\"}) {
    Guid set = random_.NextGuid();
    for (const std::string& v : vols) {
      if (provider_
              ->BeginPrepareSnapshot(set, random_.NextGuid(), v,
                                     vss::SnapshotContext::VSS_CTX_BACKUP,
                                     vss::VolumeSnapshotAttributes{0})
              .Failed())
        return {};
    }
    auto n = static_cast<std::int32_t>(vols.size());
    if (provider_->EndPrepareSnapshots(set).Failed() ||
        provider_->PreCommitSnapshots(set).Failed() || provider_->CommitSnapshots(set).Failed() ||
        provider_->PostCommitSnapshots(set, n).Failed() ||
        provider_->PreFinalCommitSnapshots(set).Failed() ||
        provider_->PostFinalCommitSnapshots(set).Failed())
      return {};
    Tick();
    return provider_->ShadowCopiesOfSet(set);
  }

 private:
  runtime::Clock clock_;
  storage::VolumeManager volumes_;
  runtime::Random random_;
  std::unique_ptr<storage::CowProvider> provider_;
};

inline metadata::FileSpec Files(std::string path, std::string filespec, bool recursive = false,
                                std::uint32_t mask = 0xF0F, std::string alternate = "") {
  metadata::FileSpec f;
  f.path = std::move(path);
  f.filespec = std::move(filespec);
  f.recursive = recursive;
  f.backup_type_mask = vss::FileSpecBackupType{mask};
  f.alternate_path = std::move(alternate);
  return f;
}

inline metadata::ComponentDescription Component(std::string logical_path, std::string name,
                                                std::vector<metadata::FileSpec> files,
                                                bool selectable = true) {
  metadata::ComponentDescription c;
  c.logical_path = std::move(logical_path);
  c.name = std::move(name);
  c.files = std::move(files);
  c.selectable = selectable;
  return c;
}

// A writer with `components`, schema `schema`, restore method `method`.
inline metadata::WriterMetadata Writer(
    std::vector<metadata::ComponentDescription> components,
    vss::BackupSchema schema = vss::BackupSchema::VSS_BS_UNDEFINED,
    vss::RestoreMethod method = vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE) {
  metadata::WriterMetadata w;
  w.identity.writer_id = Guid{0x11111111u, 0x2222, 0x3333, {1, 2, 3, 4, 5, 6, 7, 8}};
  w.identity.instance_id = Guid{0x44444444u, 0x5555, 0x6666, {1, 2, 3, 4, 5, 6, 7, 9}};
  w.identity.writer_name = "DataWriter";
  w.backup_schema = schema;
  w.restore_method.emplace();
  w.restore_method->method = method;
  w.components = std::move(components);
  return w;
}

// A component-mode BCD of `type` with the given explicit components of `wmd`.
inline metadata::BackupComponents Bcd(const metadata::WriterMetadata& wmd, vss::BackupType type,
                                      const std::vector<std::string>& names) {
  metadata::BackupComponents bcd;
  bcd.select_components = true;
  bcd.backup_type = type;
  metadata::WriterComponents wc;
  wc.writer_id = wmd.identity.writer_id;
  wc.instance_id = wmd.identity.instance_id;
  wc.backup_schema = wmd.backup_schema;
  for (const std::string& n : names) {
    const metadata::ComponentDescription* c = nullptr;
    for (const auto& d : wmd.components) {
      if (d.name == n) c = &d;
    }
    metadata::ComponentState cs;
    cs.logical_path = c != nullptr ? c->logical_path : "";
    cs.name = n;
    wc.components.push_back(cs);
  }
  bcd.writers.push_back(wc);
  return bcd;
}

}  // namespace vsssim::backup::testing

#endif  // VSSSIM_BACKUP_TESTING_DATA_WORLD_H_
