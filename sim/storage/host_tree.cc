#include "sim/storage/host_tree.h"

#include <algorithm>
#include <utility>

#include "vsssim/storage/path.h"
#include "vsssim/storage/volume.h"

namespace vsssim::storage {

namespace fs = std::filesystem;

// Whether the host's file system folds case (Windows' does; Linux's does not).
#if defined(_WIN32)
constexpr bool kHostFoldsCase = true;
#else
constexpr bool kHostFoldsCase = false;
#endif

bool IsWindowsName(const std::string& name) {
  if (name.empty() || name == "." || name == "..") return false;
  return name.find_first_of("\\<>:\"|?*") == std::string::npos;
}

HResult HostError(const std::error_code& error) {
  if (error == std::errc::no_space_on_device) return kDiskFull;
  if (error == std::errc::permission_denied || error == std::errc::is_a_directory ||
      error == std::errc::not_a_directory) {
    return hr::E_ACCESSDENIED;
  }
  return hr::E_FAIL;
}

HostTree::HostTree(fs::path root, const runtime::Clock* clock, bool owned)
    : root_(std::move(root)), clock_(clock), owned_(owned) {}

HostTree::~HostTree() {
  if (!owned_) return;
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

namespace {

std::string Join(const std::string& a, const std::string& b) {
  return a.empty() ? b : a + "\\" + b;
}

}  // namespace

std::optional<HostTree::Entry> HostTree::EntryAt(const fs::path& host, std::string key,
                                                 std::string display) const {
  std::error_code error;
  const fs::file_status status = fs::symlink_status(host, error);
  if (error) return std::nullopt;
  Entry entry;
  entry.key = std::move(key);
  entry.display = std::move(display);
  entry.host = host;
  if (fs::is_directory(status)) {
    entry.directory = true;
  } else if (fs::is_regular_file(status)) {
    entry.size = fs::file_size(host, error);
    if (error) return std::nullopt;
  } else {
    return std::nullopt;  // symbolic links, devices, sockets: not on the volume
  }
  return entry;
}

fs::path HostTree::Locate(const std::vector<std::string>& components) const {
  fs::path at = root_;
  bool exists = true;  // below a missing directory nothing exists: no listing
  for (const std::string& component : components) {
    std::error_code error;
    // A host that folds case (Windows) finds `component` in any spelling, so there the
    // directory is always listed to learn the host's own spelling.
    if (exists && (kHostFoldsCase || !fs::exists(fs::symlink_status(at / component, error)))) {
      // Its own spelling, else the smallest host name that folds to `component`.
      std::optional<std::string> match;
      for (fs::directory_iterator it(at, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name == component) {
          match = name;
          break;
        }
        if (SameFolded(name, component) && (!match || name < *match)) match = name;
      }
      if (match) {
        at /= *match;
        continue;
      }
      exists = false;
    }
    at /= component;
  }
  return at;
}

std::optional<HostTree::Entry> HostTree::Lookup(const std::vector<std::string>& components) const {
  if (components.empty()) return EntryAt(root_, "", "");
  const fs::path host = Locate(components);
  // The display path is the host spelling of every component.
  std::string display;
  fs::path walk = host;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < components.size(); ++i) {
    names.push_back(walk.filename().string());
    walk = walk.parent_path();
  }
  for (auto it = names.rbegin(); it != names.rend(); ++it) {
    if (!IsWindowsName(*it)) return std::nullopt;
    display = Join(display, *it);
  }
  return EntryAt(host, FoldCase(display), display);
}

void HostTree::AppendChildren(const Entry* parent, std::vector<Entry>* out, bool recursive) const {
  const fs::path dir = parent == nullptr ? root_ : parent->host;
  std::vector<Entry> found;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!IsWindowsName(name)) continue;
    const std::string display = Join(parent == nullptr ? "" : parent->display, name);
    std::optional<Entry> entry = EntryAt(it->path(), FoldCase(display), display);
    if (entry) found.push_back(std::move(*entry));
  }
  // Key order; of names differing only in case, the first in byte order (docs/storage.md).
  std::sort(found.begin(), found.end(), [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.display < b.display;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const Entry& a, const Entry& b) { return a.key == b.key; }),
              found.end());
  for (Entry& entry : found) {
    out->push_back(std::move(entry));
    if (recursive && out->back().directory) {
      const Entry child = out->back();
      AppendChildren(&child, out, true);
    }
  }
}

std::vector<HostTree::Entry> HostTree::Children(const std::vector<std::string>& components) const {
  std::vector<Entry> out;
  std::optional<Entry> parent = Lookup(components);
  if (!parent || !parent->directory) return out;
  AppendChildren(components.empty() ? nullptr : &*parent, &out, false);
  return out;
}

std::vector<HostTree::Entry> HostTree::Scan() const {
  std::vector<Entry> out;
  AppendChildren(nullptr, &out, true);
  // Depth-first order is not key order where a name sorts after "name\...": sort by key.
  std::stable_sort(out.begin(), out.end(),
                   [](const Entry& a, const Entry& b) { return a.key < b.key; });
  return out;
}

runtime::TimePoint HostTree::StampOf(const Entry& entry) const {
  if (clock_ == nullptr) {
    auto it = stamps_.find(entry.key);
    return it == stamps_.end() ? fallback_ : it->second.seen;
  }
  std::error_code error;
  const std::int64_t mtime = fs::last_write_time(entry.host, error).time_since_epoch().count();
  auto [it, fresh] = stamps_.try_emplace(entry.key, Stamp{mtime, entry.size, clock_->Now()});
  if (!fresh && (it->second.host_mtime != mtime || it->second.size != entry.size)) {
    it->second = Stamp{mtime, entry.size, clock_->Now()};
  }
  return it->second.seen;
}

void HostTree::Touch(const Entry& entry) {
  if (clock_ == nullptr) return;
  std::error_code error;
  const std::int64_t mtime = fs::last_write_time(entry.host, error).time_since_epoch().count();
  stamps_[entry.key] = Stamp{mtime, entry.size, clock_->Now()};
}

std::map<std::string, HostTree::Stamp> HostTree::CurrentStamps() const {
  for (const Entry& entry : Scan()) {
    if (!entry.directory) StampOf(entry);
  }
  return stamps_;
}

void HostTree::SetStamps(std::map<std::string, Stamp> stamps, runtime::TimePoint fallback) {
  stamps_ = std::move(stamps);
  fallback_ = fallback;
}

}  // namespace vsssim::storage
