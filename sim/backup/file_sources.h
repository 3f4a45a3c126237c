// Private to sim/backup: where a backup reads files — the shadow copies of the snapshot set
// (REQ-SET-01) and, when allowed (FSBT-04 bit clear), the live volumes — and the file-set
// enumeration with alternate paths (ALT-01) shared by backup and the data comparison.
//
// Thread safety: none. REQUIRES: shadow copies and volumes outlive the object.
#ifndef VSSSIM_BACKUP_FILE_SOURCES_H_
#define VSSSIM_BACKUP_FILE_SOURCES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/storage/file_view.h"
#include "vsssim/storage/shadow_copy.h"
#include "vsssim/storage/volume_manager.h"

namespace vsssim::backup {

class FileSources {
 public:
  FileSources(const std::vector<const storage::ShadowCopy*>& shadow_copies,
              const storage::VolumeManager* live);

  // The shadow copy of the volume holding `path`, or nullopt.
  std::optional<storage::FileView> Snapshot(std::string_view path) const;
  // The live view of the volume holding `path`, or nullopt.
  std::optional<storage::FileView> Live(std::string_view path) const;
  // FSBT-04: the view to read `path` from: the shadow copy when there is one; otherwise the
  // live volume unless `snapshot_required`. Nullopt when neither is allowed.
  std::optional<storage::FileView> For(std::string_view path, bool snapshot_required) const;
  // FILETIME ticks of the latest shadow copy's creation (0 without shadow copies).
  std::uint64_t snapshot_ticks() const { return snapshot_ticks_; }

 private:
  std::map<std::string, storage::FileView> snapshots_;  // by VolumeName::key ("C:\MNT\DATA")
  const storage::VolumeManager* live_;
  std::uint64_t snapshot_ticks_ = 0;
};

// A file found for a file set: its default path and where its bytes are (ALT-01).
struct FoundFile {
  std::string path;       // default path
  std::string read_from;  // alternate-path location, or == path
  storage::FileInfo info;
  bool from_snapshot = true;
};

// The files of `spec` (MATCH-03), default names. With an alternate path the files found there
// are mapped to the default path (sub-paths keep their names) and win over files found at the
// default path (ALT-01, DATA-CHOICE-ALTERNATE-UNION). Sorted by path. `ok` is false when a
// location could not be read (no allowed view).
struct FoundFiles {
  std::vector<FoundFile> files;
  bool ok = true;
};
FoundFiles FindFiles(const FileSources& sources, const metadata::FileSpec& spec,
                     bool snapshot_required);

// The WMD of the BCD writer `wc`: by instance id, else by writer class id (a restore on
// another machine or after a service restart sees new instance ids). Null when none.
const metadata::WriterMetadata* FindWriter(const std::vector<metadata::WriterMetadata>& writers,
                                           const metadata::WriterComponents& wc);

// `path` with the leading `from` directory replaced by `to` (sub-paths keep their names).
// REQUIRES: metadata::PathAtOrBelow(path, from).
std::string Rebase(std::string_view path, std::string_view from, std::string_view to);

}  // namespace vsssim::backup

#endif  // VSSSIM_BACKUP_FILE_SOURCES_H_
