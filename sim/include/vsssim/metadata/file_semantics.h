// Data semantics of ../shared/spec/CATALOGUE.md §5 that concern backup types, masks and file
// sets: schema support (BT-*), file-spec backup-type masks (FSBT-*), wildcard and file-set
// matching (MATCH-*), partial-file ranges (PART-03), directed-target ranges (DT-02),
// differenced-file placement (DIFF-03/04) and alternate paths vs mappings (ALT-*).
//
// Path comparison is case-insensitive and ignores one trailing backslash, like Windows
// (WMD-06: "trailing backslash optional; consumers must cope").
//
// Thread safety: pure functions.
#ifndef VSSSIM_METADATA_FILE_SEMANTICS_H_
#define VSSSIM_METADATA_FILE_SEMANTICS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/vss/enums.h"

namespace vsssim::metadata {

// BT-02: does the writer's schema support this backup type? FULL always; UNDEFINED/OTHER never.
bool SchemaSupports(vss::BackupSchema schema, vss::BackupType type);
// BT-03: the type a writer acts on — the requested one, or FULL when unsupported.
vss::BackupType EffectiveBackupType(vss::BackupSchema schema, vss::BackupType requested);

// FSBT-02: must the file set be copied in a backup of this type? COPY is treated as FULL
// (§1.4 [INF], docs/xml-format.md). FSBT-03: this overrides component selectability.
bool FileSetBackupRequired(vss::FileSpecBackupType mask, vss::BackupType type);
// FSBT-04: must it be read from the shadow copy (not the live volume)?
bool FileSetSnapshotRequired(vss::FileSpecBackupType mask, vss::BackupType type);

// `path` without a leading "\\?\" — the Win32 prefix of a volume GUID path
// ("\\?\Volume{GUID}\db", a volume name of REQ-CALL-13), whose '?' is no wildcard (WMD-06).
std::string_view WithoutWin32Prefix(std::string_view path);

// The volume a path lives on: "C:\" for "C:\Data\x", "\\server\share\" for UNC paths; the
// first path element otherwise.
std::string VolumeOf(std::string_view path);

// FSBT-04 / REQ-ORDER-13: the volumes that need a snapshot for `type`, from the file sets of
// `components` (each set's alternate path, when present, is where it is read: ALT-01).
// Sorted, without duplicates.
std::vector<std::string> VolumesNeedingSnapshot(
    const std::vector<const ComponentDescription*>& components, vss::BackupType type);

// MATCH-03: Win32 wildcard match of one file name ('?' one char, '*' any run), case-insensitive.
bool WildcardMatch(std::string_view pattern, std::string_view name);
// Does the file `full_path` ("C:\D1\D2\File1.txt") belong to the file set (MATCH-03)?
bool FileSpecMatches(const FileSpec& spec, std::string_view full_path);
// Paths equal the Windows way (case-insensitive, optional trailing backslash).
bool SamePath(std::string_view a, std::string_view b);
// Is `path` equal to or below `base`?
bool PathAtOrBelow(std::string_view path, std::string_view base);

// MATCH-01: the file set of the writer whose (path, filespec, recursive) equals the triple, or
// nullptr. `owner` receives its component when found.
const FileSpec* FindFileSet(const WriterMetadata& wmd, std::string_view path,
                            std::string_view filespec, bool recursive,
                            const ComponentDescription** owner = nullptr);

// PART-03 / DT-02: a range list "offset:length,..." (decimal or 0x hex, 64-bit).
struct ByteRange {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  friend bool operator==(const ByteRange& a, const ByteRange& b) {
    return a.offset == b.offset && a.length == b.length;
  }
};
std::optional<std::vector<ByteRange>> ParseRanges(std::string_view text);
// PART-03 [CONFLICT CONF-09]: a ranges string that is a ranges-file path ("File=<path>" or a
// plain path); returns the path, or nullopt when `text` is a range list.
std::optional<std::string> RangesFilePath(std::string_view text);

// A rule broken by a piece of BCD data: rule ID and message. Empty rule = no problem.
struct RuleProblem {
  std::string rule_id;
  std::string message;
  bool ok() const { return rule_id.empty(); }
};

// DT-02: equal counts and matching lengths of source and destination ranges.
RuleProblem CheckDirectedTarget(const DirectedTarget& target);
// DIFF-03: a differenced-file spec either equals one file set of `component` exactly and does
// not partially overlap others, or names new files at/below a path of `component`, owned by
// no other component.
RuleProblem CheckDifferencedFile(const WriterMetadata& wmd, const ComponentDescription& component,
                                 const DifferencedFile& file);
// DIFF-04: a file both differenced and partial.
RuleProblem CheckDifferencedVsPartial(const ComponentState& state);

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_FILE_SEMANTICS_H_
