#include "vsssim/storage/file_view.h"

#include <algorithm>
#include <string>

#include "sim/storage/file_table.h"
#include "sim/storage/pattern.h"
#include "vsssim/storage/volume.h"

namespace vsssim::storage {
namespace {

FileInfo InfoOf(const std::string& volume, const FileNode& node) {
  FileInfo info;
  info.path = volume + "\\" + node.display;
  info.is_directory = node.directory;
  info.size = node.size;
  info.last_modified = node.last_modified;
  return info;
}

}  // namespace

std::optional<FileInfo> FileView::Stat(std::string_view path) const {
  std::optional<ParsedPath> p = volume_->ParseOnThisVolume(path);
  if (!p) return std::nullopt;
  if (host_ && !p->components.empty()) return HostStat(*p);
  if (p->components.empty()) {
    FileInfo root;
    root.path = volume_->name() + "\\";
    root.is_directory = true;
    return root;
  }
  auto it = files_->nodes.find(p->Key());
  if (it == files_->nodes.end()) return std::nullopt;
  return InfoOf(volume_->name(), it->second);
}

HResult FileView::ReadFile(std::string_view path, std::string* content) const {
  std::optional<ParsedPath> p = volume_->ParseOnThisVolume(path);
  if (!p) return hr::E_INVALIDARG;
  if (p->components.empty()) return hr::E_ACCESSDENIED;
  if (host_) return HostReadFile(*p, content);
  auto it = files_->nodes.find(p->Key());
  if (it == files_->nodes.end()) return hr::VSS_E_OBJECT_NOT_FOUND;
  const FileNode& node = it->second;
  if (node.directory) return hr::E_ACCESSDENIED;
  const BlockDevice& device = volume_->device();
  const std::uint64_t bs = device.block_size();
  content->assign(static_cast<std::size_t>(node.size), '\0');
  for (std::uint64_t done = 0; done < node.size; done += bs) {
    std::size_t n = static_cast<std::size_t>(std::min(bs, node.size - done));
    const std::uint32_t entry = node.blocks[static_cast<std::size_t>(done / bs)];
    char* out = content->data() + done;
    if ((entry & kPatternBit) != 0) {  // never written: the file's pattern
      FillPattern(node.pattern_seed, done, out, n);
      continue;
    }
    std::uint64_t offset = std::uint64_t{entry} * bs;
    HResult result = snapshot_ == 0 ? device.Read(offset, out, n)
                                    : device.ReadSnapshot(snapshot_, offset, out, n);
    if (result.Failed()) return result;
  }
  return hr::S_OK;
}

HResult FileView::ReadFileInChunks(std::string_view path,
                                   const std::function<void(std::string_view)>& sink) const {
  std::optional<ParsedPath> p = volume_->ParseOnThisVolume(path);
  if (!p) return hr::E_INVALIDARG;
  if (p->components.empty()) return hr::E_ACCESSDENIED;
  if (host_) return HostReadFileInChunks(*p, sink);
  auto it = files_->nodes.find(p->Key());
  if (it == files_->nodes.end()) return hr::VSS_E_OBJECT_NOT_FOUND;
  const FileNode& node = it->second;
  if (node.directory) return hr::E_ACCESSDENIED;
  const BlockDevice& device = volume_->device();
  const std::uint64_t bs = device.block_size();
  std::string chunk;
  for (std::uint64_t done = 0; done < node.size;) {
    const std::uint64_t n = std::min<std::uint64_t>(node.size - done, bs - done % bs);
    const std::size_t at = chunk.size();
    chunk.resize(at + static_cast<std::size_t>(std::min<std::uint64_t>(n, kReadChunkBytes - at)));
    const std::uint32_t entry = node.blocks[static_cast<std::size_t>(done / bs)];
    const std::size_t take = chunk.size() - at;
    if ((entry & kPatternBit) != 0) {
      FillPattern(node.pattern_seed, done, chunk.data() + at, take);
    } else {
      const std::uint64_t offset = std::uint64_t{entry} * bs + done % bs;
      HResult result = snapshot_ == 0
                           ? device.Read(offset, chunk.data() + at, take)
                           : device.ReadSnapshot(snapshot_, offset, chunk.data() + at, take);
      if (result.Failed()) return result;
    }
    done += take;
    if (chunk.size() == kReadChunkBytes || done == node.size) {
      sink(chunk);
      chunk.clear();
    }
  }
  return hr::S_OK;
}

std::vector<FileInfo> FileView::List(std::string_view directory) const {
  std::vector<FileInfo> out;
  std::optional<ParsedPath> p = volume_->ParseOnThisVolume(directory);
  if (!p) return out;
  if (host_) return HostList(*p);
  const std::string key = p->Key();
  if (!key.empty()) {
    auto it = files_->nodes.find(key);
    if (it == files_->nodes.end() || !it->second.directory) return out;
  }
  const std::string prefix = key.empty() ? key : key + "\\";
  for (auto it = files_->nodes.lower_bound(prefix); it != files_->nodes.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    if (it->first.find('\\', prefix.size()) != std::string::npos) continue;  // deeper
    out.push_back(InfoOf(volume_->name(), it->second));
  }
  return out;
}

std::vector<FileInfo> FileView::Find(const FileSetSpec& spec) const {
  if (host_) return HostFind(&spec);
  std::vector<FileInfo> out;
  for (const auto& [key, node] : files_->nodes) {
    if (node.directory) continue;
    FileInfo info = InfoOf(volume_->name(), node);
    if (FileSetMatches(spec, info.path)) out.push_back(std::move(info));
  }
  return out;
}

std::vector<FileInfo> FileView::AllFiles() const {
  if (host_) return HostFind(nullptr);
  std::vector<FileInfo> out;
  for (const auto& [key, node] : files_->nodes) {
    if (!node.directory) out.push_back(InfoOf(volume_->name(), node));
  }
  return out;
}

}  // namespace vsssim::storage
