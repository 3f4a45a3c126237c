// Volume names as Windows writes them wherever a volume is named (IVssBackupComponents::
// AddToSnapshotSet and IsVolumeSupported: "The name or UNC path must be in one of the following
// formats and must include a trailing backslash"; catalogue REQ-CALL-13):
//   drive letter      "C:\"        (also "c:" and "C:")
//   volume GUID name  "\\?\Volume{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}\"
//   mount folder      "C:\mnt\data\" — a folder of another (drive-letter or GUID-named) volume
//   UNC share         "\\server\share\" — a remote file share (Windows 8 / Server 2012 on);
//                     the server a host name or FQDN, never an IP address (remarks of the page)
// The trailing backslash may be left out (a simulator convenience kept from the drive-letter
// days: "C:" always worked); '/' is read as '\'.
//
// Canonical form — how a volume is printed (traces, SnapshotProperties::original_volume,
// GetCurrentVolumeArray) and stored: the root as path.h makes it (drive letter upper-case,
// "\\?\Volume{...}" with the GUID in lower case as GetVolumeNameForVolumeMountPoint prints it,
// server and share as written), folder names as written, joined by '\', ending in '\'. Two
// names are the same volume when their keys (case-folded, VolumeName::key) are equal: Windows
// compares volume paths case-insensitively.
//
// Thread safety: pure functions and a plain value type.
#ifndef VSSSIM_STORAGE_VOLUME_NAME_H_
#define VSSSIM_STORAGE_VOLUME_NAME_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/storage/path.h"

namespace vsssim::storage {

enum class VolumeNameKind { kDriveLetter, kVolumeGuid, kMountFolder, kUncShare };
// "drive letter", "volume GUID name", "mount folder", "UNC share".
std::string_view NameOf(VolumeNameKind kind);

struct VolumeName {
  VolumeNameKind kind = VolumeNameKind::kDriveLetter;
  // The root and, for a mount folder, the folder's components on its host volume.
  ParsedPath path;
  std::string text;  // canonical: "C:\", "\\?\Volume{...}\", "C:\mnt\data\", "\\srv\share\"
  // FoldCase(prefix()), "C:", "C:\MNT\DATA": the identity of the volume, and what
  // VolumeKeysOf yields for paths on it.
  std::string key;

  // The prefix of the paths of files on the volume: `text` without its trailing '\'.
  std::string_view prefix() const { return std::string_view(text).substr(0, text.size() - 1); }
  bool remote() const { return kind == VolumeNameKind::kUncShare; }
};

// Nullopt if `text` is not a volume name in one of the forms above; with `why`, the reason
// ("a folder inside a share is not a volume", ...).
std::optional<VolumeName> ParseVolumeName(std::string_view text, std::string* why = nullptr);

// The case-folded names of the volumes `path` could lie on, longest first, at most
// `max_folders` folders deep: "c:\Mnt\data\x.db" -> "C:\MNT\DATA\X.DB", "C:\MNT\DATA", "C:\MNT",
// "C:" (each a possible VolumeName::key). The volume a path lies on is the
// first of these that names a volume: a mount folder wins over the volume it is mounted on.
// Empty if `path` is malformed.
std::vector<std::string> VolumeKeysOf(std::string_view path, std::size_t max_folders = ~0u);

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_VOLUME_NAME_H_
