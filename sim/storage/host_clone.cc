// CloneHostTree (host_directory.h): a snapshot image of a host directory, a reflink per file
// where the file system has them (Linux FICLONE: Btrfs, XFS, ...), otherwise a byte copy.
#include <array>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "vsssim/storage/host_directory.h"

#if defined(__linux__)
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>
#endif

namespace vsssim::storage {

namespace fs = std::filesystem;

namespace {

#if defined(__linux__)
// A reflink of `from` at `to` (created): false if the file system cannot (EOPNOTSUPP,
// EXDEV, EINVAL), and then `to` does not exist.
bool Reflink(const fs::path& from, const fs::path& to) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return false;
  const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0) {
    ::close(in);
    return false;
  }
  const bool cloned = ::ioctl(out, FICLONE, in) == 0;
  ::close(in);
  ::close(out);
  if (!cloned) ::unlink(to.c_str());
  return cloned;
}
#else
bool Reflink(const fs::path&, const fs::path&) { return false; }
#endif

// A byte copy through a 1 MiB buffer (not fs::copy_file, which may reflink on its own).
// False if `from` cannot be opened (gone); `error` set if writing failed.
bool CopyBytes(const fs::path& from, const fs::path& to, std::uint64_t* bytes,
               std::error_code* error) {
  std::ifstream in(from, std::ios::binary);
  if (!in) return false;
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = std::make_error_code(std::errc::io_error);
    return false;
  }
  static thread_local std::array<char, 1 << 20> buffer;
  while (in) {
    in.read(buffer.data(), buffer.size());
    const std::streamsize n = in.gcount();
    if (n <= 0) break;
    out.write(buffer.data(), n);
    *bytes += static_cast<std::uint64_t>(n);
  }
  out.flush();
  if (!out) *error = std::make_error_code(std::errc::no_space_on_device);
  return !*error;
}

}  // namespace

bool CloneHostTree(const std::string& from, const std::string& to, HostCloneMode mode,
                   HostCloneStats* stats, std::string* error) {
  HostCloneStats local;
  HostCloneStats& s = stats != nullptr ? *stats : local;
  std::error_code ec;
  if (!fs::create_directory(to, ec) || ec) {
    if (error != nullptr) *error = "cannot create " + to + ": " + ec.message();
    return false;
  }
  const fs::path root(from);
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code status_error;
    const fs::file_status status = it->symlink_status(status_error);
    if (status_error) continue;  // gone while we walked
    const fs::path target = fs::path(to) / fs::relative(it->path(), root, status_error);
    if (fs::is_directory(status)) {
      fs::create_directory(target, ec);
      ++s.directories;
    } else if (fs::is_regular_file(status)) {
      if (mode == HostCloneMode::kReflinkOrCopy && Reflink(it->path(), target)) {
        ++s.files;
        ++s.reflinked_files;
        s.bytes += fs::file_size(target, status_error);
      } else if (CopyBytes(it->path(), target, &s.bytes, &ec)) {
        ++s.files;
      }
    }
  }
  if (ec) {
    if (error != nullptr) *error = "cannot copy " + from + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace vsssim::storage
