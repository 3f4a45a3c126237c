// FileView on a host directory (file_view.h, host_tree.h): the live directory or a snapshot
// image, read with ordinary file I/O.
#include <cstddef>
#include <fstream>

#include "sim/storage/host_tree.h"
#include "vsssim/storage/file_view.h"
#include "vsssim/storage/volume.h"

namespace vsssim::storage {

namespace {

FileInfo InfoOf(const std::string& volume, const HostTree& tree, const HostTree::Entry& entry) {
  FileInfo info;
  info.path = volume + "\\" + entry.display;
  info.is_directory = entry.directory;
  info.size = entry.size;
  info.last_modified = tree.StampOf(entry);
  return info;
}

}  // namespace

std::optional<FileInfo> FileView::HostStat(const ParsedPath& path) const {
  std::optional<HostTree::Entry> entry = host_->Lookup(path.components);
  if (!entry) return std::nullopt;
  return InfoOf(volume_->name(), *host_, *entry);
}

HResult FileView::HostReadFile(const ParsedPath& path, std::string* content) const {
  std::optional<HostTree::Entry> entry = host_->Lookup(path.components);
  if (!entry) return hr::VSS_E_OBJECT_NOT_FOUND;
  if (entry->directory) return hr::E_ACCESSDENIED;
  std::ifstream in(entry->host, std::ios::binary);
  if (!in) return hr::VSS_E_OBJECT_NOT_FOUND;  // removed since the lookup
  // In one read of the size it has now (a file that grows meanwhile is read as it was; one
  // that shrinks, up to its end): byte by byte is slow on big files, worse under sanitizers.
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return hr::E_FAIL;
  in.seekg(0, std::ios::beg);
  content->resize(static_cast<std::size_t>(size));
  in.read(content->data(), size);
  content->resize(static_cast<std::size_t>(in.gcount()));
  return in.bad() ? hr::E_FAIL : hr::S_OK;
}

HResult FileView::HostReadFileInChunks(const ParsedPath& path,
                                       const std::function<void(std::string_view)>& sink) const {
  std::optional<HostTree::Entry> entry = host_->Lookup(path.components);
  if (!entry) return hr::VSS_E_OBJECT_NOT_FOUND;
  if (entry->directory) return hr::E_ACCESSDENIED;
  std::ifstream in(entry->host, std::ios::binary);
  if (!in) return hr::VSS_E_OBJECT_NOT_FOUND;  // removed since the lookup
  std::string chunk(kReadChunkBytes, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got > 0) sink(std::string_view(chunk.data(), got));
  }
  return in.bad() ? hr::E_FAIL : hr::S_OK;
}

std::vector<FileInfo> FileView::HostList(const ParsedPath& directory) const {
  std::vector<FileInfo> out;
  for (const HostTree::Entry& entry : host_->Children(directory.components)) {
    out.push_back(InfoOf(volume_->name(), *host_, entry));
  }
  return out;
}

std::vector<FileInfo> FileView::HostFind(const FileSetSpec* spec) const {
  std::vector<FileInfo> out;
  for (const HostTree::Entry& entry : host_->Scan()) {
    if (entry.directory) continue;
    const std::string path = volume_->name() + "\\" + entry.display;
    if (spec != nullptr && !FileSetMatches(*spec, path)) continue;
    out.push_back(InfoOf(volume_->name(), *host_, entry));
  }
  return out;
}

}  // namespace vsssim::storage
