#include "vsssim/storage/volume.h"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstring>

#include "sim/storage/file_table.h"
#include "sim/storage/host_snapshot_area.h"
#include "sim/storage/host_tree.h"
#include "sim/storage/pattern.h"

namespace vsssim::storage {

std::string_view NameOf(WriteKind kind) {
  switch (kind) {
    case WriteKind::kCreate:
      return "create";
    case WriteKind::kWrite:
      return "write";
    case WriteKind::kResize:
      return "resize";
    case WriteKind::kDelete:
      return "delete";
  }
  return "?";
}

namespace {

BlockDeviceOptions DeviceOptions(const VolumeOptions& o) {
  BlockDeviceOptions d;
  d.size_bytes = o.size_bytes;
  d.block_size = o.block_size;
  d.max_snapshots = o.max_snapshots;
  d.diff_area_limit_bytes = o.diff_area_limit_bytes;
  return d;
}

std::string Display(const ParsedPath& p) {
  std::string out;
  for (std::size_t i = 0; i < p.components.size(); ++i) {
    if (i > 0) out += '\\';
    out += p.components[i];
  }
  return out;
}

VolumeName NameOrPlaceholder(std::string_view text) {
  std::optional<VolumeName> name = ParseVolumeName(text);
  assert(name.has_value());
  if (name) return std::move(*name);
  VolumeName placeholder;  // only without asserts: a name no path matches
  placeholder.path.volume = "?:";
  placeholder.text = "?:\\";
  placeholder.key = "?:";
  return placeholder;
}

}  // namespace

Volume::Volume(const VolumeOptions& options, const runtime::Clock& clock)
    : volume_name_(NameOrPlaceholder(options.name)),
      name_(volume_name_.prefix()),
      clock_(clock),
      device_(DeviceOptions(options)),
      files_(std::make_shared<FileTable>()),
      host_clone_(options.host_clone) {
  assert(device_.block_count() <= kMaxBlocks);
  if (!options.host_dir.empty()) OpenHostDirectory(options);
}

Volume::~Volume() = default;

std::optional<ParsedPath> Volume::ParseOnThisVolume(std::string_view path) const {
  std::optional<ParsedPath> p = ParsePath(path);
  const std::vector<std::string>& folders = volume_name_.path.components;  // of a mount folder
  if (!p || !SameFolded(p->volume, volume_name_.path.volume) ||
      p->components.size() < folders.size()) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < folders.size(); ++i) {
    if (!SameFolded(p->components[i], folders[i])) return std::nullopt;
  }
  p->components.erase(p->components.begin(),
                      p->components.begin() + static_cast<std::ptrdiff_t>(folders.size()));
  p->volume = name_;  // paths print with the volume's own spelling
  return p;
}

FileTable& Volume::MutableFiles() {
  // Snapshots share the table; the first change after one gets a private copy.
  if (files_.use_count() > 1) files_ = std::make_shared<FileTable>(*files_);
  return *files_;
}

HResult Volume::Submit(Mutation mutation) {
  if (held_) {
    queue_.push_back(std::move(mutation));
    return hr::S_FALSE;
  }
  return mutation();
}

std::size_t Volume::ReleaseWrites() {
  held_ = false;
  std::vector<Mutation> queue = std::move(queue_);
  queue_.clear();
  for (Mutation& m : queue) m();
  return queue.size();
}

void Volume::Notify(const std::string& display, WriteKind kind, std::uint64_t offset,
                    std::uint64_t size) {
  if (observers_.empty()) return;
  // The stored spelling, whatever case the caller used.
  WriteEvent event{name_ + "\\" + display, kind, offset, size, clock_.Now()};
  for (const auto& [id, observer] : observers_) observer(event);
}

int Volume::AddWriteObserver(WriteObserver observer) {
  observers_.emplace_back(next_observer_id_, std::move(observer));
  return next_observer_id_++;
}

void Volume::RemoveWriteObserver(int id) {
  observers_.erase(std::remove_if(observers_.begin(), observers_.end(),
                                  [id](const auto& o) { return o.first == id; }),
                   observers_.end());
}

std::uint64_t Volume::free_bytes() const {
  return (device_.block_count() - next_unused_block_ + free_blocks_.size()) * device_.block_size();
}

HResult Volume::EnsureParents(const ParsedPath& path) {
  if (host_) return HostEnsureParents(path);
  ParsedPath prefix{path.volume, {}};
  for (std::size_t i = 0; i + 1 < path.components.size(); ++i) {
    prefix.components.push_back(path.components[i]);
    auto it = files_->nodes.find(prefix.Key());
    if (it != files_->nodes.end()) {
      if (!it->second.directory) return hr::E_ACCESSDENIED;
      continue;
    }
    FileNode dir;
    dir.display = Display(prefix);
    dir.directory = true;
    dir.last_modified = clock_.Now();
    Notify(MutableFiles().nodes.emplace(prefix.Key(), std::move(dir)).first->second.display,
           WriteKind::kCreate, 0, 0);
  }
  return hr::S_OK;
}

HResult Volume::OpenForWrite(const ParsedPath& path, FileNode** node) {
  if (path.components.empty()) return hr::E_ACCESSDENIED;  // the root is a directory
  auto it = files_->nodes.find(path.Key());
  if (it != files_->nodes.end()) {
    if (it->second.directory) return hr::E_ACCESSDENIED;
    *node = &MutableFiles().nodes.find(path.Key())->second;
    return hr::S_OK;
  }
  HResult result = EnsureParents(path);
  if (result.Failed()) return result;
  FileNode file;
  file.display = Display(path);
  file.last_modified = clock_.Now();
  *node = &MutableFiles().nodes.emplace(path.Key(), std::move(file)).first->second;
  Notify((*node)->display, WriteKind::kCreate, 0, 0);
  return hr::S_OK;
}

void Volume::Source::Copy(std::uint64_t at, char* out, std::size_t n) const {
  switch (kind) {
    case Kind::kBytes:
      std::memcpy(out, bytes.data() + at, n);
      return;
    case Kind::kPattern:
      FillPattern(seed, at, out, n);
      return;
    case Kind::kZeros:
      std::memset(out, 0, n);
      return;
  }
}

HResult Volume::SetBlockCount(FileNode& node, std::uint64_t want) {
  if (want > node.blocks.size() && want - node.blocks.size() > device_.block_count() -
                                                                   next_unused_block_ +
                                                                   free_blocks_.size()) {
    return kDiskFull;
  }
  while (node.blocks.size() > want) {
    free_blocks_.push_back(DeviceBlockOf(node.blocks.back()));
    node.blocks.pop_back();
  }
  node.blocks.reserve(static_cast<std::size_t>(want));
  while (node.blocks.size() < want) {
    if (!free_blocks_.empty()) {
      node.blocks.push_back(free_blocks_.back());
      free_blocks_.pop_back();
    } else {
      node.blocks.push_back(static_cast<std::uint32_t>(next_unused_block_++));
    }
  }
  return hr::S_OK;
}

HResult Volume::Resize(FileNode& node, std::uint64_t size) {
  const std::uint64_t bs = device_.block_size();
  const std::uint64_t old_size = node.size;
  const std::uint64_t old_blocks = node.blocks.size();
  HResult result = SetBlockCount(node, (size + bs - 1) / bs);
  if (result.Failed()) return result;
  node.size = size;
  if (size > old_size) {
    // The new range reads as zeros: the rest of the old last block is written with zeros, the
    // added blocks (reused ones hold old bytes) are discarded, which costs no block memory.
    const std::uint64_t tail_end = std::min(size, old_blocks * bs);
    if (tail_end > old_size) {
      Source zeros{Source::Kind::kZeros, {}, tail_end - old_size, 0};
      result = WriteRange(node, old_size, zeros);
      if (result.Failed()) return result;
    }
    for (std::uint64_t b = old_blocks; b < node.blocks.size(); ++b) {
      result = device_.ZeroBlocks(DeviceBlockOf(node.blocks[b]), 1);
      if (result.Failed()) return result;
    }
  }
  node.last_modified = clock_.Now();
  return hr::S_OK;
}

HResult Volume::WriteRange(FileNode& node, std::uint64_t offset, const Source& source) {
  const std::uint64_t bs = device_.block_size();
  std::string block;  // a whole block, for a pattern block written in part or a made range
  std::uint64_t done = 0;
  while (done < source.size) {
    const std::uint64_t pos = offset + done;
    const std::uint64_t in_block = pos % bs;
    const std::size_t n =
        static_cast<std::size_t>(std::min<std::uint64_t>(source.size - done, bs - in_block));
    std::uint32_t& entry = node.blocks[static_cast<std::size_t>(pos / bs)];
    const std::uint64_t at = std::uint64_t{DeviceBlockOf(entry)} * bs;
    HResult result;
    if ((entry & kPatternBit) != 0) {
      // The block leaves the pattern: the whole block is written, its pattern around the range.
      block.resize(static_cast<std::size_t>(bs));
      FillPattern(node.pattern_seed, pos - in_block, block.data(), block.size());
      source.Copy(done, block.data() + in_block, n);
      result = device_.Write(at, block.data(), block.size());
      if (result.Succeeded()) entry = DeviceBlockOf(entry);
    } else if (source.kind == Source::Kind::kBytes) {
      result = device_.Write(at + in_block, source.bytes.data() + done, n);
    } else {
      block.resize(n);
      source.Copy(done, block.data(), n);
      result = device_.Write(at + in_block, block.data(), n);
    }
    if (result.Failed()) return result;
    done += n;
  }
  return hr::S_OK;
}

HResult Volume::ApplyWrite(const ParsedPath& path, std::uint64_t offset, const Source& source,
                           bool replace) {
  if (host_) return HostWrite(path, offset, source, replace, false);
  FileNode* node = nullptr;
  HResult result = OpenForWrite(path, &node);
  if (result.Failed()) return result;
  if (replace && node->size > 0) {
    result = Resize(*node, 0);
    if (result.Failed()) return result;
  }
  const std::uint64_t end = offset + source.size;
  if (end > node->size) {
    // Zero-fill any gap before `offset`, then room for the data itself.
    if (offset > node->size) {
      result = Resize(*node, offset);
      if (result.Failed()) return result;
    }
    const std::uint64_t bs = device_.block_size();
    const std::uint64_t want = (end + bs - 1) / bs;
    if (want > node->blocks.size()) {
      result = SetBlockCount(*node, want);
      if (result.Failed()) return result;
    }
    node->size = end;
  }
  result = WriteRange(*node, offset, source);
  node->last_modified = clock_.Now();
  Notify(node->display, WriteKind::kWrite, offset, source.size);
  return result;
}

HResult Volume::ApplyPutPattern(const ParsedPath& path, std::uint64_t size, std::uint64_t seed) {
  if (host_) return HostWrite(path, 0, Source{Source::Kind::kPattern, {}, size, seed}, true, false);
  FileNode* node = nullptr;
  HResult result = OpenForWrite(path, &node);
  if (result.Failed()) return result;
  if (node->size > 0) {
    result = Resize(*node, 0);
    if (result.Failed()) return result;
  }
  const std::uint64_t bs = device_.block_size();
  result = SetBlockCount(*node, (size + bs - 1) / bs);
  if (result.Failed()) return result;
  for (std::uint32_t& entry : node->blocks) entry |= kPatternBit;
  node->pattern_seed = seed;
  node->size = size;
  node->last_modified = clock_.Now();
  Notify(node->display, WriteKind::kWrite, 0, size);  // as PutFile of the same bytes
  return hr::S_OK;
}

HResult Volume::ApplySetSize(const ParsedPath& path, std::uint64_t size) {
  if (host_) return HostSetSize(path, size);
  auto it = files_->nodes.find(path.Key());
  if (it == files_->nodes.end()) return hr::VSS_E_OBJECT_NOT_FOUND;
  if (it->second.directory) return hr::E_ACCESSDENIED;
  FileNode& node = MutableFiles().nodes.find(path.Key())->second;
  HResult result = Resize(node, size);
  Notify(node.display, WriteKind::kResize, 0, size);
  return result;
}

HResult Volume::ApplyDelete(const ParsedPath& path) {
  if (host_) return HostDelete(path);
  auto it = files_->nodes.find(path.Key());
  if (it == files_->nodes.end()) return hr::VSS_E_OBJECT_NOT_FOUND;
  if (it->second.directory) return hr::E_ACCESSDENIED;
  FileTable& files = MutableFiles();
  auto mine = files.nodes.find(path.Key());
  for (auto b = mine->second.blocks.rbegin(); b != mine->second.blocks.rend(); ++b) {
    free_blocks_.push_back(DeviceBlockOf(*b));
  }
  FileNode gone = std::move(mine->second);
  files.nodes.erase(mine);
  Notify(gone.display, WriteKind::kDelete, 0, 0);
  return hr::S_OK;
}

HResult Volume::ApplyCreateDirectory(const ParsedPath& path) {
  if (path.components.empty()) return hr::S_OK;
  auto it = files_->nodes.find(path.Key());  // (empty for a host directory)
  if (it != files_->nodes.end()) return it->second.directory ? hr::S_OK : hr::E_ACCESSDENIED;
  ParsedPath child = path;
  child.components.emplace_back("x");  // EnsureParents makes every proper prefix of `child`
  return EnsureParents(child);
}

HResult Volume::CreateDirectory(std::string_view path) {
  std::optional<ParsedPath> p = ParseOnThisVolume(path);
  if (!p) return hr::E_INVALIDARG;
  return Submit([this, p = *p] { return ApplyCreateDirectory(p); });
}

HResult Volume::WriteFile(std::string_view path, std::uint64_t offset, std::string_view data) {
  std::optional<ParsedPath> p = ParseOnThisVolume(path);
  if (!p) return hr::E_INVALIDARG;
  return Submit([this, p = *p, offset, d = std::string(data)] {
    return ApplyWrite(p, offset, Source::Of(d), false);
  });
}

HResult Volume::PutFile(std::string_view path, std::string_view content) {
  std::optional<ParsedPath> p = ParseOnThisVolume(path);
  if (!p) return hr::E_INVALIDARG;
  return Submit(
      [this, p = *p, d = std::string(content)] { return ApplyWrite(p, 0, Source::Of(d), true); });
}

HResult Volume::PutPatternFile(std::string_view path, std::uint64_t size, std::uint64_t seed) {
  std::optional<ParsedPath> p = ParseOnThisVolume(path);
  if (!p) return hr::E_INVALIDARG;
  return Submit([this, p = *p, size, seed] { return ApplyPutPattern(p, size, seed); });
}

HResult Volume::WritePattern(std::string_view path, std::uint64_t offset, std::uint64_t size,
                             std::uint64_t seed) {
  std::optional<ParsedPath> p = ParseOnThisVolume(path);
  if (!p) return hr::E_INVALIDARG;
  if (offset > std::numeric_limits<std::uint64_t>::max() - size) return hr::E_INVALIDARG;
  return Submit([this, p = *p, offset, size, seed] {
    return ApplyWrite(p, offset, Source{Source::Kind::kPattern, {}, size, seed}, false);
  });
}

HResult Volume::AppendFile(std::string_view path, std::string_view data) {
  std::optional<ParsedPath> p = ParseOnThisVolume(path);
  if (!p) return hr::E_INVALIDARG;
  return Submit([this, p = *p, d = std::string(data)] {
    if (host_) return HostWrite(p, 0, Source::Of(d), false, true);
    auto it = files_->nodes.find(p.Key());
    std::uint64_t end = it == files_->nodes.end() ? 0 : it->second.size;
    return ApplyWrite(p, end, Source::Of(d), false);
  });
}

HResult Volume::SetFileSize(std::string_view path, std::uint64_t size) {
  std::optional<ParsedPath> p = ParseOnThisVolume(path);
  if (!p) return hr::E_INVALIDARG;
  return Submit([this, p = *p, size] { return ApplySetSize(p, size); });
}

HResult Volume::DeleteFile(std::string_view path) {
  std::optional<ParsedPath> p = ParseOnThisVolume(path);
  if (!p) return hr::E_INVALIDARG;
  return Submit([this, p = *p] { return ApplyDelete(p); });
}

FileView Volume::Live() const { return FileView(this, files_, host_, 0); }

HResult Volume::CreateSnapshot(SnapshotHandle* out) {
  HResult result = device_.CreateSnapshot(out);
  if (result.Succeeded() && host_) {
    result = HostCreateSnapshot(*out);
    if (result.Failed()) device_.DeleteSnapshot(*out);
  }
  if (result.Succeeded()) snapshot_files_.emplace(*out, files_);
  return result;
}

HResult Volume::DeleteSnapshot(SnapshotHandle snapshot) {
  HResult result = device_.DeleteSnapshot(snapshot);
  if (result.Succeeded()) {
    snapshot_files_.erase(snapshot);
    host_snapshots_.erase(snapshot);  // removes the image's directory
  }
  return result;
}

std::optional<FileView> Volume::SnapshotFiles(SnapshotHandle snapshot) const {
  auto it = snapshot_files_.find(snapshot);
  if (it == snapshot_files_.end()) return std::nullopt;
  auto host = host_snapshots_.find(snapshot);
  return FileView(this, it->second, host == host_snapshots_.end() ? nullptr : host->second,
                  snapshot);
}

}  // namespace vsssim::storage
