#include "vsssim/runtime/input_file.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace vsssim::runtime {

InputFile ReadInputFile(const std::string& path, std::size_t max_bytes) {
  namespace fs = std::filesystem;
  InputFile out;
  std::error_code ec;
  const fs::path p = fs::u8path(path);
  const fs::file_status status = fs::status(p, ec);
  if (ec || status.type() == fs::file_type::not_found) {
    out.error = ec && ec != std::errc::no_such_file_or_directory
                    ? "cannot read the file: " + ec.message()
                    : "no such file";
    return out;
  }
  if (status.type() == fs::file_type::directory) {
    out.error = "a directory, not a file";
    return out;
  }
  if (status.type() != fs::file_type::regular) {
    out.error = "not a regular file (a device, pipe or socket)";
    return out;
  }
  const std::uintmax_t size = fs::file_size(p, ec);
  auto too_big = [&](std::uintmax_t bytes) {
    out.error = "too large: " + std::to_string(bytes) + " bytes, at most " +
                std::to_string(max_bytes) + " are read";
  };
  if (!ec && size > max_bytes) {
    too_big(size);
    return out;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    out.error = "cannot open the file";
    return out;
  }
  // Read at most max_bytes + 1: a file that grew meanwhile is refused, not read whole.
  std::string bytes;
  char buffer[1 << 16];
  while (in && bytes.size() <= max_bytes) {
    in.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    out.error = "cannot read the file";
    return out;
  }
  if (bytes.size() > max_bytes) {
    too_big(bytes.size());
    return out;
  }
  out.bytes = std::move(bytes);
  return out;
}

}  // namespace vsssim::runtime
