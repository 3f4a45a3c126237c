// Windows-style paths on simulated volumes and file-set matching (catalogue §5.6 MATCH-03).
//
// A path is a root followed by components separated by '\' (or '/', read as '\'):
//   "C:\Data\db.mdf"                                   a drive letter
//   "\\?\Volume{0a1b2c3d-...-...}\Data\db.mdf"         a volume GUID name
//   "\\server\share\Data\db.mdf"                       a UNC share
// (a path through a mount folder, "C:\mnt\data\db.mdf", is a drive path here: which volume it
// lies on is decided by the volumes' names, VolumeManager::Find / volume_name.h). Comparison
// is case-insensitive (ASCII folding, as NTFS compares the names the simulator uses); the case
// a file was created with is kept for display. Empty components ("C:\a\\b", a trailing '\') are
// dropped; "." and ".." and the characters <>:"|?* inside a component are rejected. The
// server of a UNC path must be a host name or a fully qualified domain name, not an IP address
// (IVssBackupComponents::AddToSnapshotSet, remarks: "the server name portion must be in
// hostname or fully qualified domain name format").
//
// Thread safety: pure functions.
#ifndef VSSSIM_STORAGE_PATH_H_
#define VSSSIM_STORAGE_PATH_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vsssim::storage {

struct ParsedPath {
  // The root, canonical: "C:" (letter upper-cased), "\\?\Volume{<lower-case GUID>}",
  // "\\server\share" (case as written). Volume::ParseOnThisVolume puts the volume's name here
  // ("C:\mnt\data" for a mount folder) and keeps only the components below it.
  std::string volume;
  std::vector<std::string> components;  // {"Data", "db.mdf"}; empty for the root
  // "C:\Data\db.mdf"; "C:\" for the root.
  std::string ToString() const;
  // Components joined by '\' and case-folded: the key of a file on its volume ("DATA\DB.MDF").
  std::string Key() const;
};

// Nullopt if `path` is not a root optionally followed by valid components. With `why`, the
// reason ("a drive-relative path", ...).
std::optional<ParsedPath> ParsePath(std::string_view path, std::string* why = nullptr);

// The canonical root of `path` ("c:\dir\file" -> "C:", "\\?\volume{..}\x" -> "\\?\Volume{..}",
// "\\srv\share\x" -> "\\srv\share"); nullopt if it has none. The root is the volume only when
// no mount folder is involved.
std::optional<std::string> VolumeNameOf(std::string_view path);

// ASCII upper-casing: the case folding used for every comparison.
std::string FoldCase(std::string_view text);
// FoldCase(a) == FoldCase(b), without allocating.
bool SameFolded(std::string_view a, std::string_view b);

// Win32 FindFirstFile-style match of one file name against a filespec, case-insensitive
// (MATCH-03): '?' matches exactly one character, '*' any run (also empty). As in Win32, "*.*"
// matches every name, also names without a dot (documented simulator choice, docs/storage.md).
bool WildcardMatch(std::string_view filespec, std::string_view name);

// A writer's file set (IVssCreateWriterMetadata::AddFilesToFileGroup / AddDatabaseFiles /
// AddDatabaseLogFiles): directory, filespec, and whether subdirectories count.
struct FileSetSpec {
  std::string path;      // "C:\Data"
  std::string filespec;  // "*.mdf"
  bool recursive = false;
};

// Whether the file at `file_path` belongs to `spec` (MATCH-03): its name matches the filespec
// and its directory is spec.path, or (recursive) spec.path or any directory below it. Both are
// compared by name (a file set named through a mount folder matches file paths named the same
// way).
bool FileSetMatches(const FileSetSpec& spec, std::string_view file_path);

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_PATH_H_
