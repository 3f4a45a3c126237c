// HostTree: one host directory seen as the files of a volume — the live directory of a
// host-directory volume or one of its snapshot images (host_directory.h has the name mapping).
//
// Last-modify times are virtual, never the host's (SIM-DET-01: nothing host-specific reaches
// the trace): a live tree stamps a file with the virtual time at which it first saw the file's
// current host state (real mtime and size), or at which a write through the Volume API reached
// it; files present when the volume was made carry the time it was made. A snapshot tree keeps
// the stamps of the moment it was taken.
//
// An owned tree (a snapshot image) removes its directory when destroyed.
//
// Thread safety: none. Private to sim/storage.
#ifndef VSSSIM_SIM_STORAGE_HOST_TREE_H_
#define VSSSIM_SIM_STORAGE_HOST_TREE_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "vsssim/runtime/clock.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::storage {

class HostTree {
 public:
  struct Entry {
    std::string key;      // folded path below the root: "DATA\X.DB" (ParsedPath::Key)
    std::string display;  // host spelling joined by '\': "data\x.db"
    bool directory = false;
    std::uint64_t size = 0;
    std::filesystem::path host;
  };
  struct Stamp {
    std::int64_t host_mtime = 0;  // the host's file time, only compared, never shown
    std::uint64_t size = 0;
    runtime::TimePoint seen;
  };

  // A live tree stamps with `clock`; a snapshot tree (clock null) keeps `stamps`.
  HostTree(std::filesystem::path root, const runtime::Clock* clock, bool owned);
  ~HostTree();
  HostTree(const HostTree&) = delete;
  HostTree& operator=(const HostTree&) = delete;

  const std::filesystem::path& root() const { return root_; }

  // The host path of `components` below the root: each existing name matched
  // case-insensitively (its own spelling first), the rest as given.
  std::filesystem::path Locate(const std::vector<std::string>& components) const;
  // The entry at `components`, or nullopt (nothing there, or not a file or directory).
  std::optional<Entry> Lookup(const std::vector<std::string>& components) const;
  // Entries directly inside the directory at `components` (empty: the root), in key order.
  std::vector<Entry> Children(const std::vector<std::string>& components) const;
  // Every entry of the tree, in key order.
  std::vector<Entry> Scan() const;

  // The virtual last-modify time of `entry` (see above).
  runtime::TimePoint StampOf(const Entry& entry) const;
  // A write through the Volume API reached `entry`: stamp it now.
  void Touch(const Entry& entry);
  // Every file's stamp, brought up to date (for a snapshot taken now).
  std::map<std::string, Stamp> CurrentStamps() const;
  void SetStamps(std::map<std::string, Stamp> stamps, runtime::TimePoint fallback);

 private:
  std::optional<Entry> EntryAt(const std::filesystem::path& host, std::string key,
                               std::string display) const;
  void AppendChildren(const Entry* parent, std::vector<Entry>* out, bool recursive) const;

  std::filesystem::path root_;
  const runtime::Clock* clock_;
  bool owned_;
  runtime::TimePoint fallback_;  // a snapshot's time, for a file it has no stamp for
  mutable std::map<std::string, Stamp> stamps_;  // by key
};

// Whether `name` can be a Windows file name component (not "." or "..", none of \<>:"|?*).
bool IsWindowsName(const std::string& name);

// The HRESULT of a failed host file operation: kDiskFull, E_ACCESSDENIED or E_FAIL.
HResult HostError(const std::error_code& error);

}  // namespace vsssim::storage

#endif  // VSSSIM_SIM_STORAGE_HOST_TREE_H_
