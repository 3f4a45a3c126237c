#include "sim/storage/host_snapshot_area.h"

#include <cstdlib>
#include <mutex>
#include <set>
#include <system_error>
#include <utility>

#if defined(_WIN32)
#include <process.h>
#else
#include <unistd.h>
#endif

namespace vsssim::storage {

namespace fs = std::filesystem;

namespace {

// Areas alive now, removed at normal exit if their owner did not get to it.
struct ExitRegistry {
  std::mutex mutex;
  std::set<fs::path> areas;
  bool registered = false;
};

ExitRegistry& Registry() {
  static ExitRegistry* registry = new ExitRegistry;  // never destroyed: used from atexit
  return *registry;
}

void RemoveLeftOvers() {
  ExitRegistry& r = Registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (const fs::path& area : r.areas) {
    std::error_code ignored;
    fs::remove_all(area, ignored);
  }
  r.areas.clear();
}

void Register(const fs::path& area) {
  ExitRegistry& r = Registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  if (!r.registered) r.registered = std::atexit(RemoveLeftOvers) == 0;
  r.areas.insert(area);
}

void Unregister(const fs::path& area) {
  ExitRegistry& r = Registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.areas.erase(area);
}

long ProcessId() {
#if defined(_WIN32)
  return static_cast<long>(_getpid());
#else
  return static_cast<long>(::getpid());
#endif
}

}  // namespace

HostSnapshotArea::HostSnapshotArea(fs::path volume_dir, fs::path under)
    : volume_dir_(std::move(volume_dir)), under_(std::move(under)) {}

HostSnapshotArea::~HostSnapshotArea() {
  if (directory_.empty()) return;
  std::error_code ignored;
  fs::remove_all(directory_, ignored);
  Unregister(directory_);
}

bool HostSnapshotArea::Make(const fs::path& parent, const std::string& prefix) {
  static std::mutex mutex;  // several volumes may make areas in one parent
  static unsigned next = 0;
  std::lock_guard<std::mutex> lock(mutex);
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path candidate =
        parent / (prefix + std::to_string(ProcessId()) + "-" + std::to_string(next++));
    std::error_code error;
    if (!fs::create_directory(candidate, error)) {
      if (error) return false;  // not writable: no point trying other names
      continue;                 // taken: try the next name
    }
    fs::permissions(candidate, fs::perms::owner_all, error);
    directory_ = candidate;
    Register(directory_);
    return true;
  }
  return false;
}

std::optional<fs::path> HostSnapshotArea::PathFor(std::uint64_t handle, std::string* error) {
  if (directory_.empty()) {
    std::error_code ignored;
    const bool made = !under_.empty()
                          ? Make(under_, "vsssim-shadow-")
                          : Make(volume_dir_.parent_path(), ".vsssim-shadow-") ||
                                Make(fs::temp_directory_path(ignored), "vsssim-shadow-");
    if (!made) {
      if (error != nullptr) {
        *error = "cannot make a snapshot directory for " + volume_dir_.string();
      }
      return std::nullopt;
    }
  }
  return directory_ / std::to_string(handle);
}

}  // namespace vsssim::storage
