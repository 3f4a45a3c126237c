// Volume on a host directory (volume.h, host_directory.h): the live operations and snapshots
// of a volume whose files are a real directory's files.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "sim/storage/host_snapshot_area.h"
#include "sim/storage/host_tree.h"
#include "vsssim/storage/host_directory.h"
#include "vsssim/storage/volume.h"

namespace vsssim::storage {

namespace fs = std::filesystem;

void Volume::OpenHostDirectory(const VolumeOptions& options) {
  fs::path dir = fs::path(options.host_dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();  // "/abs/DIR/" -> "/abs/DIR"
  host_dir_ = dir.string();
  host_ = std::make_shared<HostTree>(dir, &clock_, false);
  host_area_ = std::make_unique<HostSnapshotArea>(dir, fs::path(options.host_snapshot_dir));
  host_->CurrentStamps();  // what is there now was last modified "now" (virtual)
}

std::optional<std::string> Volume::HostPath(std::string_view path) const {
  if (!host_) return std::nullopt;
  std::optional<ParsedPath> p = ParseOnThisVolume(path);
  if (!p) return std::nullopt;
  return host_->Locate(p->components).string();
}

HResult Volume::HostEnsureParents(const ParsedPath& path) {
  std::vector<std::string> prefix;
  for (std::size_t i = 0; i + 1 < path.components.size(); ++i) {
    prefix.push_back(path.components[i]);
    std::optional<HostTree::Entry> entry = host_->Lookup(prefix);
    if (entry) {
      if (!entry->directory) return hr::E_ACCESSDENIED;
      continue;
    }
    std::error_code error;
    const fs::path made = host_->Locate(prefix);
    fs::create_directory(made, error);
    if (error) return HostError(error);
    if (std::optional<HostTree::Entry> now = host_->Lookup(prefix)) {
      host_->Touch(*now);
      Notify(now->display, WriteKind::kCreate, 0, 0);
    }
  }
  return hr::S_OK;
}

HResult Volume::HostWrite(const ParsedPath& path, std::uint64_t offset, const Source& source,
                          bool replace, bool append) {
  if (path.components.empty()) return hr::E_ACCESSDENIED;  // the root is a directory
  std::optional<HostTree::Entry> entry = host_->Lookup(path.components);
  if (entry && entry->directory) return hr::E_ACCESSDENIED;
  if (!entry) {
    HResult made = HostEnsureParents(path);
    if (made.Failed()) return made;
  }
  const fs::path host = entry ? entry->host : host_->Locate(path.components);
  const bool created = !entry;
  if (append) offset = entry ? entry->size : 0;
  {
    // Create (or truncate), then write in place: fstream cannot create in in|out mode.
    if (created || replace) std::ofstream(host, std::ios::binary | std::ios::trunc);
    std::fstream file(host, std::ios::binary | std::ios::in | std::ios::out);
    if (!file) return hr::E_ACCESSDENIED;
    std::error_code error;
    const std::uint64_t size = fs::file_size(host, error);
    if (!error && offset > size) fs::resize_file(host, offset, error);  // zero-filled gap
    if (error) return HostError(error);
    file.seekp(static_cast<std::streamoff>(offset));
    if (source.kind == Source::Kind::kBytes) {
      file.write(source.bytes.data(), static_cast<std::streamsize>(source.bytes.size()));
    } else {
      // Made and written a chunk at a time: a large generated write holds 1 MiB, not its size.
      std::string chunk;
      for (std::uint64_t done = 0; done < source.size && file; done += chunk.size()) {
        chunk.resize(
            static_cast<std::size_t>(std::min<std::uint64_t>(source.size - done, 1 << 20)));
        source.Copy(done, chunk.data(), chunk.size());
        file.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      }
    }
    file.flush();
    if (!file) return kDiskFull;
  }
  std::optional<HostTree::Entry> now = host_->Lookup(path.components);
  if (!now) return hr::E_FAIL;  // removed behind our back
  host_->Touch(*now);
  if (created) Notify(now->display, WriteKind::kCreate, 0, 0);
  Notify(now->display, WriteKind::kWrite, offset, source.size);
  return hr::S_OK;
}

HResult Volume::HostSetSize(const ParsedPath& path, std::uint64_t size) {
  std::optional<HostTree::Entry> entry = host_->Lookup(path.components);
  if (!entry) return hr::VSS_E_OBJECT_NOT_FOUND;
  if (entry->directory) return hr::E_ACCESSDENIED;
  std::error_code error;
  fs::resize_file(entry->host, size, error);
  if (error) return HostError(error);
  entry->size = size;
  host_->Touch(*entry);
  Notify(entry->display, WriteKind::kResize, 0, size);
  return hr::S_OK;
}

HResult Volume::HostDelete(const ParsedPath& path) {
  std::optional<HostTree::Entry> entry = host_->Lookup(path.components);
  if (!entry) return hr::VSS_E_OBJECT_NOT_FOUND;
  if (entry->directory) return hr::E_ACCESSDENIED;
  std::error_code error;
  fs::remove(entry->host, error);
  if (error) return HostError(error);
  Notify(entry->display, WriteKind::kDelete, 0, 0);
  return hr::S_OK;
}

HResult Volume::HostCreateSnapshot(SnapshotHandle handle) {
  std::string error;
  std::optional<fs::path> dir = host_area_->PathFor(handle, &error);
  if (!dir) return hr::VSS_E_INSUFFICIENT_STORAGE;
  // Stamps first: a file changed while the tree is copied keeps its earlier stamp, as it
  // would in any image of a volume being written.
  std::map<std::string, HostTree::Stamp> stamps = host_->CurrentStamps();
  if (!CloneHostTree(host_dir_, dir->string(), host_clone_, &host_clone_stats_, &error)) {
    std::error_code ignored;
    fs::remove_all(*dir, ignored);
    return hr::VSS_E_INSUFFICIENT_STORAGE;
  }
  auto image = std::make_shared<HostTree>(*dir, nullptr, true);
  image->SetStamps(std::move(stamps), clock_.Now());
  host_snapshots_[handle] = std::move(image);
  return hr::S_OK;
}

}  // namespace vsssim::storage
