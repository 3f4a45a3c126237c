// Host directories as volumes: what a volume backed by a real directory of the machine running
// vsssim needs besides the Volume class itself (VolumeOptions::host_dir, volume.h).
//
// A host-directory volume's files are the directory's files: "C:\data\x.db" on the volume
// C: backed by DIR is DIR/data/x.db. Writer processes read and write them with ordinary file
// I/O; they learn where each volume lives from the environment variable VSSSIM_VOLUMES, whose
// value HostVolumesEnvironment builds. Name mapping (docs/storage.md, "Host directories"):
// '\' separates components; names compare case-insensitively (ASCII folding), an existing
// host name is used in its own case and a new one is created in the case given; host names
// that cannot be Windows file names (holding '\' or one of <>:"|?*), symbolic links and
// special files are not on the volume.
//
// The provider's snapshot of such a volume is a copy of the tree taken at commit:
// CloneHostTree, a reflink per file (Linux FICLONE) where the file system has them, otherwise
// a byte copy, into a private snapshot directory removed with the shadow copy.
//
// Thread safety: the functions are safe to call from any thread on distinct trees.
#ifndef VSSSIM_STORAGE_HOST_DIRECTORY_H_
#define VSSSIM_STORAGE_HOST_DIRECTORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vsssim::storage {

class VolumeManager;

// The environment variable that tells writer processes where host-directory volumes live.
inline constexpr const char* kHostVolumesVariable = "VSSSIM_VOLUMES";

// The value of VSSSIM_VOLUMES for `volumes`: a JSON object from each host-directory volume's
// canonical name to its absolute directory, {"C:\\": "/abs/DIR", ...}, in the manager's key
// order. "{}" when no volume is backed by a host directory.
std::string HostVolumesEnvironment(const VolumeManager& volumes);

// The host path of the Windows path `path` ("C:\data\x.db" -> "/abs/DIR/data/x.db"), existing
// names matched case-insensitively; nullopt if the path is on no host-directory volume.
std::optional<std::string> HostPathOf(const VolumeManager& volumes, std::string_view path);

enum class HostCloneMode {
  kReflinkOrCopy,  // a reflink per file where the file system has them, else a byte copy
  kCopyOnly,       // always a byte copy (the benchmark's baseline)
};

struct HostCloneStats {
  std::uint64_t files = 0;
  std::uint64_t directories = 0;
  std::uint64_t bytes = 0;            // file bytes in the image
  std::uint64_t reflinked_files = 0;  // files cloned by reflink rather than copied
};

// Makes `to` (which must not exist; its parent must) a copy of the tree `from`: directories and
// regular files; symbolic links and special files are skipped. Files that disappear while the
// tree is copied are skipped (a writer process may delete them). False with `error` set on
// failure; `to` may then hold part of the tree (remove it).
bool CloneHostTree(const std::string& from, const std::string& to, HostCloneMode mode,
                   HostCloneStats* stats, std::string* error);

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_HOST_DIRECTORY_H_
