#include "vsssim/runtime/input_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#if !defined(_WIN32)
#include <sys/stat.h>
#include <sys/types.h>
#endif

namespace vsssim::runtime {
namespace {

std::filesystem::path Scratch(const std::string& name) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "vsssim-input-file-test";
  std::filesystem::create_directories(dir);
  std::filesystem::path p = dir / name;
  std::filesystem::remove(p);
  return p;
}

// Checks that a regular file is read whole, byte for byte.
TEST(Runtime_InputFile, RegularFileIsReadWhole) {
  const std::filesystem::path p = Scratch("ok.xml");
  std::ofstream(p, std::ios::binary) << std::string("a\0b\xFF", 4);
  InputFile f = ReadInputFile(p.u8string(), 16);
  ASSERT_TRUE(f.bytes.has_value()) << f.error;
  EXPECT_EQ(*f.bytes, std::string("a\0b\xFF", 4));
}

// Checks that a missing file, a directory and a file over the cap are refused with a reason.
TEST(Runtime_InputFile, MissingDirectoryAndOversizedAreRefused) {
  EXPECT_EQ(ReadInputFile(Scratch("none.xml").u8string(), 16).error, "no such file");
  EXPECT_EQ(ReadInputFile(std::filesystem::temp_directory_path().u8string(), 16).error,
            "a directory, not a file");
  const std::filesystem::path p = Scratch("big.xml");
  std::ofstream(p, std::ios::binary) << std::string(17, 'x');
  InputFile f = ReadInputFile(p.u8string(), 16);
  EXPECT_FALSE(f.bytes.has_value());
  EXPECT_EQ(f.error, "too large: 17 bytes, at most 16 are read");
  EXPECT_TRUE(ReadInputFile(p.u8string(), 17).bytes.has_value());
}

#if !defined(_WIN32)
// Checks that special files are refused before they are opened: /dev/zero would fill memory
// and a named pipe with no writer would block forever in open().
TEST(Runtime_InputFile, SpecialFilesAreRefusedUnopened) {
  EXPECT_EQ(ReadInputFile("/dev/zero", 1u << 20).error,
            "not a regular file (a device, pipe or socket)");
  const std::filesystem::path fifo = Scratch("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(ReadInputFile(fifo.u8string(), 16).error,
            "not a regular file (a device, pipe or socket)");
  std::filesystem::remove(fifo);
}
#endif

}  // namespace
}  // namespace vsssim::runtime
