// VolumeManager: the simulated machine's volumes, by name (volume_name.h: drive letters, volume
// GUID names, mount folders, UNC shares). The scenario or coordinator creates volumes here ("C:"
// with a size); providers and writers find them by name (FindByName) or by any path on them
// (Find: the volume whose name is the longest prefix of the path, so a path through a mount
// folder reaches the mounted volume, not the one the folder is on).
//
// Thread safety: none. REQUIRES: the clock outlives the manager.
#ifndef VSSSIM_STORAGE_VOLUME_MANAGER_H_
#define VSSSIM_STORAGE_VOLUME_MANAGER_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/runtime/clock.h"
#include "vsssim/storage/volume.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::storage {

class VolumeManager {
 public:
  explicit VolumeManager(const runtime::Clock& clock) : clock_(clock) {}
  VolumeManager(const VolumeManager&) = delete;
  VolumeManager& operator=(const VolumeManager&) = delete;

  // E_INVALIDARG for a malformed name or a size under one block; VSS_E_OBJECT_ALREADY_EXISTS if
  // the name is taken (in any spelling). A mount folder needs the volume it is on: otherwise
  // VSS_E_OBJECT_NOT_FOUND; the folder is created there (Windows mounts on an empty folder; a
  // file in its place gives E_ACCESSDENIED). With options.host_dir: E_INVALIDARG unless it is
  // a directory; a mount folder on a host-directory volume gives E_ACCESSDENIED (vsssim makes
  // no folder there).
  HResult CreateVolume(const VolumeOptions& options, Volume** out = nullptr);
  // The volume holding `path` ("C:", "c:\", "C:\Data\x", "C:\mnt\data\x" -> the volume mounted
  // at C:\mnt\data\), or nullptr.
  Volume* Find(std::string_view path);
  const Volume* Find(std::string_view path) const;
  // The volume named exactly `name` (any accepted spelling of its name; "C:\mnt\" is not a
  // name of C: even though it is a path on it), or nullptr.
  Volume* FindByName(std::string_view name);
  const Volume* FindByName(std::string_view name) const;
  // Every volume, by key (case-folded name): "C:" < "C:\MNT\DATA" < "D:" < "\\?\VOLUME{..}".
  std::vector<Volume*> volumes();
  std::vector<const Volume*> volumes() const;

 private:
  const runtime::Clock& clock_;
  std::map<std::string, std::unique_ptr<Volume>, std::less<>> volumes_;  // by VolumeName::key
  std::size_t max_folders_ = 0;  // the deepest mount folder, in folders (0: none)
};

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_VOLUME_MANAGER_H_
