#include "vsssim/storage/volume_name.h"

#include <algorithm>
#include <utility>

namespace vsssim::storage {
namespace {

VolumeNameKind KindOf(const ParsedPath& path) {
  if (!path.components.empty()) return VolumeNameKind::kMountFolder;
  if (path.volume.size() == 2) return VolumeNameKind::kDriveLetter;
  return path.volume[2] == '?' ? VolumeNameKind::kVolumeGuid : VolumeNameKind::kUncShare;
}

}  // namespace

std::string_view NameOf(VolumeNameKind kind) {
  switch (kind) {
    case VolumeNameKind::kDriveLetter:
      return "drive letter";
    case VolumeNameKind::kVolumeGuid:
      return "volume GUID name";
    case VolumeNameKind::kMountFolder:
      return "mount folder";
    case VolumeNameKind::kUncShare:
      return "UNC share";
  }
  return "?";
}

std::optional<VolumeName> ParseVolumeName(std::string_view text, std::string* why) {
  std::optional<ParsedPath> path = ParsePath(text, why);
  if (!path) return std::nullopt;
  VolumeName name;
  name.kind = KindOf(*path);
  // REQ-CALL-13: a share is named by \\server\share\ alone; a path below it is split into root
  // and logical prefix first (IVssBackupComponentsEx4::GetRootAndLogicalPrefixPaths).
  const bool share_folder = path->volume.size() > 2 && path->volume[2] != '?' &&
                            name.kind == VolumeNameKind::kMountFolder;
  if (share_folder) {
    if (why != nullptr) {
      *why = "a folder inside a share is not a volume; name the share (\\\\server\\share\\)";
    }
    return std::nullopt;
  }
  name.text = path->ToString();
  if (name.text.back() != '\\') name.text += '\\';
  name.key = FoldCase(name.prefix());
  name.path = std::move(*path);
  return name;
}

std::vector<std::string> VolumeKeysOf(std::string_view path, std::size_t max_folders) {
  std::vector<std::string> keys;
  std::optional<ParsedPath> p = ParsePath(path);
  if (!p) return keys;
  const std::size_t depth = std::min(p->components.size(), max_folders);
  std::string key = FoldCase(p->volume);
  keys.push_back(key);
  for (std::size_t i = 0; i < depth; ++i) {
    key += '\\';
    key += FoldCase(p->components[i]);
    keys.push_back(key);
  }
  std::reverse(keys.begin(), keys.end());
  return keys;
}

}  // namespace vsssim::storage
