// ShadowCopy: one committed snapshot of one volume as the CowProvider keeps it — its
// VSS_SNAPSHOT_PROP and its point-in-time image (blocks and files).
//
// Reading: Files() gives a FileView; paths are the ORIGINAL volume's paths ("C:\Data\a.db"),
// as a backup application reads a shadow copy mounted in place of the volume.
//
// Thread safety: none. A ShadowCopy lives until the provider deletes the snapshot
// (DeleteSnapshot, or AbortSnapshots of its set); don't keep pointers past that.
#ifndef VSSSIM_STORAGE_SHADOW_COPY_H_
#define VSSSIM_STORAGE_SHADOW_COPY_H_

#include <string>
#include <string_view>

#include "vsssim/storage/block_device.h"
#include "vsssim/storage/file_view.h"
#include "vsssim/storage/provider.h"
#include "vsssim/storage/volume.h"

namespace vsssim::storage {

class ShadowCopy {
 public:
  ShadowCopy(SnapshotProperties properties, Volume* volume, SnapshotHandle handle)
      : properties_(std::move(properties)), volume_(volume), handle_(handle) {}

  const SnapshotProperties& properties() const { return properties_; }
  SnapshotProperties& mutable_properties() { return properties_; }
  const Volume& volume() const { return *volume_; }
  Volume& volume() { return *volume_; }
  SnapshotHandle handle() const { return handle_; }

  FileView Files() const { return *volume_->SnapshotFiles(handle_); }
  HResult ReadFile(std::string_view path, std::string* content) const {
    return Files().ReadFile(path, content);
  }
  // Raw bytes of the point-in-time volume image.
  HResult ReadImage(std::uint64_t offset, void* out, std::size_t size) const {
    return volume_->device().ReadSnapshot(handle_, offset, out, size);
  }

 private:
  SnapshotProperties properties_;
  Volume* volume_;
  SnapshotHandle handle_;
};

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_SHADOW_COPY_H_
