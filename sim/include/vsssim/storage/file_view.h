// FileView: read access to the files of one volume at one point in time — the live volume
// (Volume::Live) or a shadow copy (Volume::SnapshotFiles, ShadowCopy::Files).
//
// A live view reads the table current when the view was made and the live bytes: make a new
// view after changing files. On a host-directory volume (volume.h) a live view reads the
// directory as it is at each call, and a snapshot view reads the snapshot's image; last-modify
// times there are virtual (host_tree.h), never the host's. Paths are full Windows paths on the
// view's volume ("C:\Data\a.db").
//
// Thread safety: none. REQUIRES: the volume, and for a snapshot view the snapshot, outlive the
// view.
#ifndef VSSSIM_STORAGE_FILE_VIEW_H_
#define VSSSIM_STORAGE_FILE_VIEW_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/runtime/time.h"
#include "vsssim/storage/block_device.h"
#include "vsssim/storage/path.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::storage {

class Volume;
struct FileTable;
class HostTree;

struct FileInfo {
  std::string path;  // "C:\Data\db.mdf", in the case it was created with
  bool is_directory = false;
  std::uint64_t size = 0;
  runtime::TimePoint last_modified;
};

class FileView {
 public:
  // Nullopt if there is nothing at `path` (or it is malformed / on another volume).
  std::optional<FileInfo> Stat(std::string_view path) const;
  // The whole file. E_INVALIDARG for a malformed path or another volume;
  // VSS_E_OBJECT_NOT_FOUND if there is no such file; E_ACCESSDENIED for a directory.
  HResult ReadFile(std::string_view path, std::string* content) const;
  // The whole file in order, in pieces of at most kReadChunkBytes handed to `sink` (all but the
  // last exactly that long): what it holds at a time is one piece, whatever the file's size.
  // The same errors as ReadFile; `sink` may have been called before a later piece fails.
  static constexpr std::size_t kReadChunkBytes = 1 << 20;
  HResult ReadFileInChunks(std::string_view path,
                           const std::function<void(std::string_view)>& sink) const;
  // Entries directly inside `directory`, in key order. Empty if it is not a directory.
  std::vector<FileInfo> List(std::string_view directory) const;
  // Files of a file set (MATCH-03), in key order.
  std::vector<FileInfo> Find(const FileSetSpec& spec) const;
  // Every file (not directory) on the volume, in key order.
  std::vector<FileInfo> AllFiles() const;

  bool is_snapshot() const { return snapshot_ != 0; }
  SnapshotHandle snapshot() const { return snapshot_; }

 private:
  friend class Volume;
  FileView(const Volume* volume, std::shared_ptr<const FileTable> files,
           std::shared_ptr<const HostTree> host, SnapshotHandle snapshot)
      : volume_(volume), files_(std::move(files)), host_(std::move(host)), snapshot_(snapshot) {}

  // The same calls on a host directory (file_view_host.cc).
  std::optional<FileInfo> HostStat(const ParsedPath& path) const;
  HResult HostReadFile(const ParsedPath& path, std::string* content) const;
  HResult HostReadFileInChunks(const ParsedPath& path,
                               const std::function<void(std::string_view)>& sink) const;
  std::vector<FileInfo> HostList(const ParsedPath& directory) const;
  std::vector<FileInfo> HostFind(const FileSetSpec* spec) const;

  const Volume* volume_;
  std::shared_ptr<const FileTable> files_;
  std::shared_ptr<const HostTree> host_;  // null: simulated files
  SnapshotHandle snapshot_;               // 0: the live volume
};

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_FILE_VIEW_H_
