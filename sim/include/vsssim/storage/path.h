// Windows-style paths on simulated volumes and file-set matching (catalogue §5.6 MATCH-03).
//
// A path is "<letter>:" followed by components separated by '\' (or '/', read as '\'):
// "C:\Data\db.mdf". Comparison is case-insensitive (ASCII folding, as NTFS compares the names
// the simulator uses); the case a file was created with is kept for display. Empty components
// ("C:\a\\b", a trailing '\') are dropped; "." and ".." and the characters <>:"|?* inside a
// component are rejected.
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
  std::string volume;                   // "C:" (letter upper-cased)
  std::vector<std::string> components;  // {"Data", "db.mdf"}; empty for the root
  // "C:\Data\db.mdf"; "C:\" for the root.
  std::string ToString() const;
  // Components joined by '\' and case-folded: the key of a file on its volume ("DATA\DB.MDF").
  std::string Key() const;
};

// Nullopt if `path` is not "<letter>:" optionally followed by valid components.
std::optional<ParsedPath> ParsePath(std::string_view path);

// "c:", "C:\", "c:\dir\file" -> "C:". Nullopt if there is no drive letter.
std::optional<std::string> VolumeNameOf(std::string_view path);

// ASCII upper-casing: the case folding used for every comparison.
std::string FoldCase(std::string_view text);

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
// and its directory is spec.path, or (recursive) spec.path or any directory below it.
bool FileSetMatches(const FileSetSpec& spec, std::string_view file_path);

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_PATH_H_
