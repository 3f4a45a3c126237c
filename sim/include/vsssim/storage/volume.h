// Volume: a simulated volume — a drive letter, a volume GUID name, a mount folder or a UNC share
// (volume_name.h) — a copy-on-write BlockDevice plus a
// small file layer over it (files with real content in device blocks, sizes, last-modify
// times from the virtual clock, directories), point-in-time snapshots of both, the
// flush-and-hold write queue the provider uses during CommitSnapshots (LIM-06), and write
// observers (how torn-snapshot detection, SIM-QUIESCE-01, sees writes).
//
// Writes: every mutating call returns S_OK when applied, or S_FALSE when writes are held
// (between HoldWrites and ReleaseWrites): the call is queued and applied, in order, at
// release — so it is not in a snapshot taken while holding. Errors: E_INVALIDARG (malformed
// path, another volume), VSS_E_OBJECT_NOT_FOUND (no such file), E_ACCESSDENIED (file vs
// directory mismatch), kDiskFull (no free block), VSS_E_INSUFFICIENT_STORAGE (diff area full;
// part of the range may have been written, as on a real disk).
// Parent directories are created on demand by file writes (a simulator convenience).
//
// Paths: a volume accepts the paths that start with its name ("C:\mnt\data\db\x.mdf" on the
// volume mounted at "C:\mnt\data\"). It knows nothing of volumes mounted inside it, so the
// volume C: would also accept that path: reach files through VolumeManager::Find, which picks
// the deepest mount folder.
//
// Host directories (host_directory.h, docs/storage.md): with VolumeOptions::host_dir the
// volume's files are that directory's files — the live view reads the directory, writes
// through this API go to it (held and observed like any others), processes may change it at
// any time, and a snapshot is a copy of the tree (reflinks where possible, host_clone) taken
// at CreateSnapshot into a private snapshot directory, removed by DeleteSnapshot. The block
// device then holds no file data (ReadSnapshot reads zeros); it still counts the snapshots
// (LIM-02). Writes by other processes are not observed: torn-snapshot detection compares
// content instead (quiesce_monitor.h).
//
// Thread safety: none. REQUIRES: the clock outlives the volume.
#ifndef VSSSIM_STORAGE_VOLUME_H_
#define VSSSIM_STORAGE_VOLUME_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vsssim/runtime/clock.h"
#include "vsssim/storage/block_device.h"
#include "vsssim/storage/file_view.h"
#include "vsssim/storage/host_directory.h"
#include "vsssim/storage/path.h"
#include "vsssim/storage/volume_name.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::storage {

struct FileTable;
struct FileNode;
class HostTree;
class HostSnapshotArea;

// HRESULT_FROM_WIN32(ERROR_DISK_FULL).
inline constexpr HResult kDiskFull{0x80070070u};

struct VolumeOptions {
  std::string name = "C:";  // a volume name (volume_name.h): "C:", "\\?\Volume{...}\", ...
  std::uint64_t size_bytes = 64ull << 20;  // rounded down to whole blocks
  std::uint32_t block_size = 4096;
  std::uint32_t max_snapshots = 512;  // LIM-02
  std::uint64_t diff_area_limit_bytes = std::numeric_limits<std::uint64_t>::max();
  // A host directory holding the volume's files (absolute; empty: the files are simulated).
  // VolumeManager::CreateVolume refuses one that is not a directory.
  std::string host_dir{};
  // Where the snapshot images of a host directory go (empty: next to it, or the system
  // temporary directory; host_snapshot_area.h).
  std::string host_snapshot_dir{};
  // How a host directory's snapshot image is made (host_directory.h): reflinks where the
  // file system has them, or always a byte copy.
  HostCloneMode host_clone = HostCloneMode::kReflinkOrCopy;
};

enum class WriteKind { kCreate, kWrite, kResize, kDelete };
// "create", "write", "resize", "delete".
std::string_view NameOf(WriteKind kind);

// One change that reached a file (after it was applied, so held writes report at release).
struct WriteEvent {
  std::string path;  // "C:\Data\db.mdf"
  WriteKind kind = WriteKind::kWrite;
  std::uint64_t offset = 0;  // kWrite: the range written; kResize: the new size in `size`
  std::uint64_t size = 0;
  runtime::TimePoint time;
};

class Volume {
 public:
  using WriteObserver = std::function<void(const WriteEvent&)>;
  // The most blocks a volume has (2^31: 1 TiB at 512 B, 8 TiB at 4 KiB); VolumeManager refuses
  // larger volumes with E_INVALIDARG.
  static constexpr std::uint64_t kMaxBlocks = std::uint64_t{1} << 31;

  // REQUIRES: options.name is a volume name (ParseVolumeName); at most kMaxBlocks blocks.
  Volume(const VolumeOptions& options, const runtime::Clock& clock);
  ~Volume();
  Volume(const Volume&) = delete;
  Volume& operator=(const Volume&) = delete;

  // The prefix of its files' paths: "C:", "\\?\Volume{...}", "C:\mnt\data", "\\srv\share".
  const std::string& name() const { return name_; }
  // Its name in canonical form ("C:\", "C:\mnt\data\", ...), kind and key (volume_name.h).
  const VolumeName& volume_name() const { return volume_name_; }
  // The host directory holding the files (absolute), or empty for simulated files.
  const std::string& host_dir() const { return host_dir_; }
  bool host_backed() const { return host_ != nullptr; }
  // What the snapshot images of a host directory cost so far: files, bytes, reflinks.
  const HostCloneStats& host_clone_stats() const { return host_clone_stats_; }
  // The host path of `path` on this host-directory volume; nullopt for another volume or a
  // simulated one.
  std::optional<std::string> HostPath(std::string_view path) const;
  BlockDevice& device() { return device_; }
  const BlockDevice& device() const { return device_; }

  // Live files (see the write rules above).
  HResult CreateDirectory(std::string_view path);
  // Writes `data` at `offset`, creating the file and extending it (zero-filled) as needed.
  HResult WriteFile(std::string_view path, std::uint64_t offset, std::string_view data);
  // Creates or replaces the whole file.
  HResult PutFile(std::string_view path, std::string_view content);
  // Creates or replaces the whole file with `size` bytes of the seeded pseudo-random pattern
  // of `seed` (sim/storage/pattern.h). Sparse: it takes the file's blocks from the volume's
  // free space but no block memory (4 bytes of block list per block) until a range is written.
  HResult PutPatternFile(std::string_view path, std::uint64_t size, std::uint64_t seed);
  // Writes `size` bytes of the pattern of `seed` (its bytes 0..size-1) at `offset`, as
  // WriteFile; the bytes are made a block at a time when the write is applied (none are held
  // while writes are held), so a large write costs the blocks it fills and no more.
  HResult WritePattern(std::string_view path, std::uint64_t offset, std::uint64_t size,
                       std::uint64_t seed);
  HResult AppendFile(std::string_view path, std::string_view data);
  // Truncates or extends (with zeros). VSS_E_OBJECT_NOT_FOUND if the file does not exist.
  HResult SetFileSize(std::string_view path, std::uint64_t size);
  HResult DeleteFile(std::string_view path);

  // The live files as they are now.
  FileView Live() const;
  HResult ReadFile(std::string_view path, std::string* content) const {
    return Live().ReadFile(path, content);
  }

  // Point-in-time images of blocks and files together (the provider's CommitSnapshots).
  HResult CreateSnapshot(SnapshotHandle* out);
  HResult DeleteSnapshot(SnapshotHandle snapshot);
  // Nullopt if there is no such snapshot.
  std::optional<FileView> SnapshotFiles(SnapshotHandle snapshot) const;

  // Flush-and-hold (LIM-06): while held, mutating calls are queued. ReleaseWrites applies the
  // queue in order and returns how many calls it applied.
  void HoldWrites() { held_ = true; }
  std::size_t ReleaseWrites();
  bool writes_held() const { return held_; }
  std::size_t held_write_count() const { return queue_.size(); }

  // Observers are called after each applied change, in registration order.
  int AddWriteObserver(WriteObserver observer);
  void RemoveWriteObserver(int id);

  std::uint64_t free_bytes() const;

 private:
  friend class FileView;
  using Mutation = std::function<HResult()>;
  // What a write puts in its range: given bytes, the pattern of a seed, or zeros.
  struct Source {
    enum class Kind { kBytes, kPattern, kZeros };
    Kind kind = Kind::kBytes;
    std::string_view bytes{};  // kBytes
    std::uint64_t size = 0;    // bytes.size() for kBytes
    std::uint64_t seed = 0;    // kPattern
    static Source Of(std::string_view data) { return {Kind::kBytes, data, data.size(), 0}; }
    // Writes bytes [at, at + n) of the range to `out`.
    void Copy(std::uint64_t at, char* out, std::size_t n) const;
  };

  HResult Submit(Mutation mutation);
  FileTable& MutableFiles();
  HResult EnsureParents(const ParsedPath& path);
  HResult OpenForWrite(const ParsedPath& path, FileNode** node);
  // Gives `node` `want` blocks (dropping or adding at the end); kDiskFull (nothing changed) if
  // the volume has too few free blocks. Added blocks hold unspecified bytes.
  HResult SetBlockCount(FileNode& node, std::uint64_t want);
  HResult Resize(FileNode& node, std::uint64_t size);
  HResult WriteRange(FileNode& node, std::uint64_t offset, const Source& source);
  HResult ApplyWrite(const ParsedPath& path, std::uint64_t offset, const Source& source,
                     bool replace);
  HResult ApplyPutPattern(const ParsedPath& path, std::uint64_t size, std::uint64_t seed);
  HResult ApplySetSize(const ParsedPath& path, std::uint64_t size);
  HResult ApplyDelete(const ParsedPath& path);
  HResult ApplyCreateDirectory(const ParsedPath& path);
  void Notify(const std::string& display, WriteKind kind, std::uint64_t offset, std::uint64_t size);
  // The same operations on a host directory (volume_host.cc).
  HResult HostEnsureParents(const ParsedPath& path);
  HResult HostWrite(const ParsedPath& path, std::uint64_t offset, const Source& source,
                    bool replace, bool append);
  HResult HostSetSize(const ParsedPath& path, std::uint64_t size);
  HResult HostDelete(const ParsedPath& path);
  HResult HostCreateSnapshot(SnapshotHandle handle);
  void OpenHostDirectory(const VolumeOptions& options);
  std::optional<ParsedPath> ParseOnThisVolume(std::string_view path) const;

  VolumeName volume_name_;
  std::string name_;  // volume_name_.prefix()
  const runtime::Clock& clock_;
  BlockDevice device_;
  std::shared_ptr<FileTable> files_;
  std::map<SnapshotHandle, std::shared_ptr<const FileTable>> snapshot_files_;
  std::string host_dir_;
  HostCloneMode host_clone_ = HostCloneMode::kReflinkOrCopy;
  HostCloneStats host_clone_stats_;  // summed over this volume's snapshots
  std::shared_ptr<HostTree> host_;   // the live directory; null: simulated files
  std::map<SnapshotHandle, std::shared_ptr<const HostTree>> host_snapshots_;
  std::unique_ptr<HostSnapshotArea> host_area_;
  std::vector<std::uint32_t> free_blocks_;  // returned blocks, reused last-in first-out
  std::uint64_t next_unused_block_ = 0;
  bool held_ = false;
  std::vector<Mutation> queue_;
  std::vector<std::pair<int, WriteObserver>> observers_;
  int next_observer_id_ = 1;
};

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_VOLUME_H_
