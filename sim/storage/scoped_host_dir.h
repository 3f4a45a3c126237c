// ScopedHostDir (tests only): a fresh directory tree for a host-directory volume, removed with
// everything in it when the object goes. It is made in the temporary directory (TMPDIR): put
// TMPDIR on XFS or Btrfs to run the reflink tests. The volume's directory is <root>/<name>, so
// snapshot areas made next to it (host_snapshot_area.h) land inside <root> too.
#ifndef VSSSIM_SIM_STORAGE_SCOPED_HOST_DIR_H_
#define VSSSIM_SIM_STORAGE_SCOPED_HOST_DIR_H_

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

#if defined(_WIN32)
#include <process.h>
#else
#include <unistd.h>
#endif

namespace vsssim::storage::testing {

class ScopedHostDir {
 public:
  explicit ScopedHostDir(const std::string& test, const std::string& name = "volume") {
#if defined(_WIN32)
    const long pid = static_cast<long>(_getpid());
#else
    const long pid = static_cast<long>(::getpid());
#endif
    root_ = std::filesystem::temp_directory_path() / ("vsssim-" + test + "-" + std::to_string(pid));
    std::filesystem::remove_all(root_);
    dir_ = root_ / name;
    std::filesystem::create_directories(dir_);
  }
  ~ScopedHostDir() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  ScopedHostDir(const ScopedHostDir&) = delete;
  ScopedHostDir& operator=(const ScopedHostDir&) = delete;

  const std::filesystem::path& root() const { return root_; }
  const std::filesystem::path& dir() const { return dir_; }

  // Writes `content` to <dir>/<relative> ("Data/db.mdf"), making directories: what a writer
  // process does with ordinary file I/O.
  void Put(const std::string& relative, const std::string& content) const {
    const std::filesystem::path path = dir_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
  }
  // Overwrites bytes in place at `offset` (same inode): a reflinked image must not see it.
  void Patch(const std::string& relative, std::uint64_t offset, const std::string& data) const {
    std::fstream file(dir_ / relative, std::ios::binary | std::ios::in | std::ios::out);
    file.seekp(static_cast<std::streamoff>(offset));
    file.write(data.data(), static_cast<std::streamsize>(data.size()));
  }
  std::string Get(const std::string& relative) const {
    std::ifstream in(dir_ / relative, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // Entries directly in root(): the volume's directory plus any snapshot area.
  int RootEntries() const {
    int n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(root_)) ++n;
    return n;
  }

 private:
  std::filesystem::path root_;
  std::filesystem::path dir_;
};

}  // namespace vsssim::storage::testing

#endif  // VSSSIM_SIM_STORAGE_SCOPED_HOST_DIR_H_
