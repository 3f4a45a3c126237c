// HostSnapshotArea: the private directory holding the snapshot images of one host-directory
// volume (docs/storage.md, "Host directories"). Made on first use, mode 0700, named
// "vsssim-shadow-<process id>-<n>": by default next to the volume's directory (a hidden
// ".vsssim-shadow-..." in its parent, so reflinks are possible: they need the same file
// system), or in the system temporary directory when the parent is not writable, or under the
// directory the volume's options name. Removed with everything in it when the area is
// destroyed, and at normal process exit for areas still alive then (std::atexit), so no
// snapshot image outlives the run unless the process is killed.
//
// Thread safety: the exit registry is locked; an area itself is not thread-safe.
// Private to sim/storage.
#ifndef VSSSIM_SIM_STORAGE_HOST_SNAPSHOT_AREA_H_
#define VSSSIM_SIM_STORAGE_HOST_SNAPSHOT_AREA_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace vsssim::storage {

class HostSnapshotArea {
 public:
  // `volume_dir`: the host directory snapshotted; `under`: where to make the area (empty: the
  // default above).
  HostSnapshotArea(std::filesystem::path volume_dir, std::filesystem::path under);
  ~HostSnapshotArea();
  HostSnapshotArea(const HostSnapshotArea&) = delete;
  HostSnapshotArea& operator=(const HostSnapshotArea&) = delete;

  // Where snapshot `handle`'s image goes (not created yet); makes the area on first use.
  // Nullopt with `error` set if no area can be made.
  std::optional<std::filesystem::path> PathFor(std::uint64_t handle, std::string* error);
  // The area's directory; empty before first use.
  const std::filesystem::path& directory() const { return directory_; }

 private:
  bool Make(const std::filesystem::path& parent, const std::string& prefix);

  std::filesystem::path volume_dir_;
  std::filesystem::path under_;
  std::filesystem::path directory_;
};

}  // namespace vsssim::storage

#endif  // VSSSIM_SIM_STORAGE_HOST_SNAPSHOT_AREA_H_
