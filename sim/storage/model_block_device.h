// ModelBlockDevice: the dumb oracle for BlockDevice (STYLE habit 7). The live volume is one flat
// byte vector and a snapshot is a full copy of it, so it is obviously right and slow. Tests
// drive it and the copy-on-write device with the same operations and compare every read.
//
// Thread safety: none. Test-only (sim/storage/*_test.cc).
#ifndef VSSSIM_SIM_STORAGE_MODEL_BLOCK_DEVICE_H_
#define VSSSIM_SIM_STORAGE_MODEL_BLOCK_DEVICE_H_

#include <cstdint>
#include <cstring>
#include <map>
#include <vector>

#include "vsssim/storage/block_device.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::storage {

class ModelBlockDevice {
 public:
  explicit ModelBlockDevice(const BlockDeviceOptions& options)
      : live_(options.size_bytes / options.block_size * options.block_size, 0),
        max_snapshots_(options.max_snapshots) {}

  HResult Write(std::uint64_t offset, const void* data, std::size_t size) {
    if (!InRange(offset, size)) return hr::E_INVALIDARG;
    if (size > 0) std::memcpy(live_.data() + offset, data, size);
    return hr::S_OK;
  }
  HResult Read(std::uint64_t offset, void* out, std::size_t size) const {
    if (!InRange(offset, size)) return hr::E_INVALIDARG;
    if (size > 0) std::memcpy(out, live_.data() + offset, size);
    return hr::S_OK;
  }
  HResult ReadSnapshot(SnapshotHandle snapshot, std::uint64_t offset, void* out,
                       std::size_t size) const {
    auto it = snapshots_.find(snapshot);
    if (it == snapshots_.end()) return hr::VSS_E_OBJECT_NOT_FOUND;
    if (!InRange(offset, size)) return hr::E_INVALIDARG;
    if (size > 0) std::memcpy(out, it->second.data() + offset, size);
    return hr::S_OK;
  }
  HResult CreateSnapshot(SnapshotHandle* out) {
    if (snapshots_.size() >= max_snapshots_) {
      return hr::VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED;
    }
    *out = next_handle_++;
    snapshots_.emplace(*out, live_);
    return hr::S_OK;
  }
  HResult DeleteSnapshot(SnapshotHandle snapshot) {
    return snapshots_.erase(snapshot) == 1 ? hr::S_OK : hr::VSS_E_OBJECT_NOT_FOUND;
  }
  std::size_t snapshot_count() const { return snapshots_.size(); }

 private:
  bool InRange(std::uint64_t offset, std::size_t size) const {
    return offset <= live_.size() && size <= live_.size() - offset;
  }

  std::vector<std::uint8_t> live_;
  std::map<SnapshotHandle, std::vector<std::uint8_t>> snapshots_;
  std::uint32_t max_snapshots_;
  SnapshotHandle next_handle_ = 1;
};

}  // namespace vsssim::storage

#endif  // VSSSIM_SIM_STORAGE_MODEL_BLOCK_DEVICE_H_
