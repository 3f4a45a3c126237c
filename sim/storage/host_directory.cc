#include "vsssim/storage/host_directory.h"

#include <nlohmann/json.hpp>

#include "vsssim/storage/volume_manager.h"

namespace vsssim::storage {

std::string HostVolumesEnvironment(const VolumeManager& volumes) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const Volume* volume : volumes.volumes()) {
    if (volume->host_backed()) object[volume->volume_name().text] = volume->host_dir();
  }
  return object.dump();
}

std::optional<std::string> HostPathOf(const VolumeManager& volumes, std::string_view path) {
  const Volume* volume = volumes.Find(path);
  return volume == nullptr ? std::nullopt : volume->HostPath(path);
}

}  // namespace vsssim::storage
