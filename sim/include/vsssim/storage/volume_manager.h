// VolumeManager: the simulated machine's volumes, by drive letter. The scenario or coordinator
// creates volumes here ("C:" with a size); providers and writers find them by any path on them.
//
// Thread safety: none. REQUIRES: the clock outlives the manager.
#ifndef VSSSIM_STORAGE_VOLUME_MANAGER_H_
#define VSSSIM_STORAGE_VOLUME_MANAGER_H_

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

  // E_INVALIDARG without a drive letter or with a size under one block;
  // VSS_E_OBJECT_ALREADY_EXISTS if the letter is taken.
  HResult CreateVolume(const VolumeOptions& options, Volume** out = nullptr);
  // The volume holding `path` ("C:", "c:\", "C:\Data\x"), or nullptr.
  Volume* Find(std::string_view path);
  const Volume* Find(std::string_view path) const;
  // Every volume, by letter.
  std::vector<Volume*> volumes();

 private:
  const runtime::Clock& clock_;
  std::map<std::string, std::unique_ptr<Volume>> volumes_;
};

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_VOLUME_MANAGER_H_
