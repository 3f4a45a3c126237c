// Reading one input file (a scenario, an included library, a WMD/BCD) safely: regular files
// only — a directory, device, named pipe or socket is refused before it is opened, so
// /dev/zero cannot fill memory and a FIFO cannot block — and never more than a cap: a file
// that grows past it while being read is refused too.
//
// Thread safety: pure function (reads the file system).
#ifndef VSSSIM_RUNTIME_INPUT_FILE_H_
#define VSSSIM_RUNTIME_INPUT_FILE_H_

#include <cstddef>
#include <optional>
#include <string>

namespace vsssim::runtime {

struct InputFile {
  std::optional<std::string> bytes;  // the whole file, when it could be read
  std::string error;                 // else why not: "no such file", "a directory, not a file"
};

// Reads `path` (UTF-8) whole when it is a regular file (symbolic links followed) of at most
// `max_bytes` bytes.
InputFile ReadInputFile(const std::string& path, std::size_t max_bytes);

}  // namespace vsssim::runtime

#endif  // VSSSIM_RUNTIME_INPUT_FILE_H_
