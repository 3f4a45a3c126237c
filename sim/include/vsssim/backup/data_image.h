// DataImage: the bytes of files at one point in time, kept aside to check SIM-DATA-01 ("a
// backup taken from a shadow copy and restored ... yields files byte-identical to the shadow
// copy"): capture the shadow copies when the backup is taken, restore, compare with the live
// volumes. An oracle for tests and the scenario expectation <same-data>, not part of a backup.
//
// Thread safety: plain values and pure functions.
#ifndef VSSSIM_BACKUP_DATA_IMAGE_H_
#define VSSSIM_BACKUP_DATA_IMAGE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/storage/file_view.h"
#include "vsssim/storage/shadow_copy.h"
#include "vsssim/storage/volume_manager.h"

namespace vsssim::backup {

struct DataImage {
  // Case-folded path ("C:\DB\A.MDF") -> (path as created, bytes).
  std::map<std::string, std::pair<std::string, std::string>> files;
};

// Every file of the views / shadow copies (a later capture of the same path wins).
DataImage CaptureImage(const std::vector<storage::FileView>& views);
DataImage CaptureImage(const std::vector<const storage::ShadowCopy*>& shadow_copies);

struct DataDifference {
  std::string path;
  std::string what;  // "missing", "extra", "differs at byte N (size A vs B)"
};

// SIM-DATA-01: the files at or below `directory` in `expected` and on the live volumes. Files on
// the live volume that `expected` lacks are differences only when `extra_files_differ`.
std::vector<DataDifference> CompareWithLive(const DataImage& expected,
                                            const storage::VolumeManager& live,
                                            std::string_view directory, bool extra_files_differ);

// One line per difference, for messages.
std::string Describe(const std::vector<DataDifference>& differences);

}  // namespace vsssim::backup

#endif  // VSSSIM_BACKUP_DATA_IMAGE_H_
