#include "vsssim/storage/volume_manager.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace vsssim::storage {

HResult VolumeManager::CreateVolume(const VolumeOptions& options, Volume** out) {
  std::optional<VolumeName> name = ParseVolumeName(options.name);
  // At most Volume::kMaxBlocks blocks (a file's block list keeps a bit per entry for sparse
  // files, file_table.h).
  if (!name || options.block_size < 8 || options.size_bytes < options.block_size ||
      options.size_bytes / options.block_size > Volume::kMaxBlocks) {
    return hr::E_INVALIDARG;
  }
  if (volumes_.count(name->key) != 0) return hr::VSS_E_OBJECT_ALREADY_EXISTS;
  if (name->kind == VolumeNameKind::kMountFolder) {
    Volume* host = Find(name->prefix());
    if (host == nullptr) return hr::VSS_E_OBJECT_NOT_FOUND;
    // vsssim makes no folder in a host directory (only writers and restores change it).
    if (host->host_backed()) return hr::E_ACCESSDENIED;
    HResult made = host->CreateDirectory(name->prefix());
    if (made.Failed()) return made;
  }
  if (!options.host_dir.empty()) {
    std::error_code error;
    if (!std::filesystem::is_directory(options.host_dir, error)) return hr::E_INVALIDARG;
  }
  auto volume = std::make_unique<Volume>(options, clock_);
  if (out != nullptr) *out = volume.get();
  max_folders_ = std::max(max_folders_, name->path.components.size());
  volumes_.emplace(name->key, std::move(volume));
  return hr::S_OK;
}

Volume* VolumeManager::Find(std::string_view path) {
  // Without mount folders the root decides (no allocation beyond the root's few characters).
  if (max_folders_ == 0) {
    std::optional<std::string> root = VolumeNameOf(path);
    if (!root) return nullptr;
    auto it = volumes_.find(FoldCase(*root));
    return it == volumes_.end() ? nullptr : it->second.get();
  }
  for (const std::string& key : VolumeKeysOf(path, max_folders_)) {
    auto it = volumes_.find(key);
    if (it != volumes_.end()) return it->second.get();
  }
  return nullptr;
}

const Volume* VolumeManager::Find(std::string_view path) const {
  return const_cast<VolumeManager*>(this)->Find(path);
}

Volume* VolumeManager::FindByName(std::string_view name) {
  std::optional<VolumeName> parsed = ParseVolumeName(name);
  if (!parsed) return nullptr;
  auto it = volumes_.find(parsed->key);
  return it == volumes_.end() ? nullptr : it->second.get();
}

const Volume* VolumeManager::FindByName(std::string_view name) const {
  return const_cast<VolumeManager*>(this)->FindByName(name);
}

std::vector<Volume*> VolumeManager::volumes() {
  std::vector<Volume*> out;
  for (auto& [name, volume] : volumes_) out.push_back(volume.get());
  return out;
}

std::vector<const Volume*> VolumeManager::volumes() const {
  std::vector<const Volume*> out;
  for (const auto& [name, volume] : volumes_) out.push_back(volume.get());
  return out;
}

}  // namespace vsssim::storage
