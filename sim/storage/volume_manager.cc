#include "vsssim/storage/volume_manager.h"

namespace vsssim::storage {

HResult VolumeManager::CreateVolume(const VolumeOptions& options, Volume** out) {
  std::optional<std::string> name = VolumeNameOf(options.name);
  if (!name || options.block_size < 8 || options.size_bytes < options.block_size) {
    return hr::E_INVALIDARG;
  }
  if (volumes_.count(*name) != 0) return hr::VSS_E_OBJECT_ALREADY_EXISTS;
  auto volume = std::make_unique<Volume>(options, clock_);
  if (out != nullptr) *out = volume.get();
  volumes_.emplace(*name, std::move(volume));
  return hr::S_OK;
}

Volume* VolumeManager::Find(std::string_view path) {
  std::optional<std::string> name = VolumeNameOf(path);
  if (!name) return nullptr;
  auto it = volumes_.find(*name);
  return it == volumes_.end() ? nullptr : it->second.get();
}

const Volume* VolumeManager::Find(std::string_view path) const {
  return const_cast<VolumeManager*>(this)->Find(path);
}

std::vector<Volume*> VolumeManager::volumes() {
  std::vector<Volume*> out;
  for (auto& [name, volume] : volumes_) out.push_back(volume.get());
  return out;
}

}  // namespace vsssim::storage
