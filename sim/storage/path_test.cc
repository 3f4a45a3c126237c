#include "vsssim/storage/path.h"

#include <gtest/gtest.h>

namespace vsssim::storage {
namespace {

// Checks that paths parse to a volume and components, with '/' read as '\' and empty
// components dropped, and that the key folds case.
TEST(Storage_Path, ParsesWindowsPaths) {
  auto p = ParsePath("c:/Data\\\\Sub\\db.MDF\\");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->volume, "C:");
  EXPECT_EQ(p->ToString(), "C:\\Data\\Sub\\db.MDF");
  EXPECT_EQ(p->Key(), "DATA\\SUB\\DB.MDF");
  EXPECT_EQ(ParsePath("C:")->ToString(), "C:\\");
  EXPECT_EQ(*VolumeNameOf("d:\\x"), "D:");
}

// Checks that malformed paths are rejected rather than guessed.
TEST(Storage_Path, RejectsMalformedPaths) {
  EXPECT_FALSE(ParsePath("Data\\x").has_value());
  EXPECT_FALSE(ParsePath("C:relative").has_value());
  EXPECT_FALSE(ParsePath("C:\\a\\..\\b").has_value());
  EXPECT_FALSE(ParsePath("C:\\a*b").has_value());
  EXPECT_FALSE(ParsePath("1:\\a").has_value());
  EXPECT_FALSE(ParsePath("\\\\?\\GLOBALROOT\\Device\\x").has_value());
  EXPECT_FALSE(ParsePath("\\\\192.168.1.2\\share\\x").has_value());
}

// Checks that paths under a volume GUID name or a UNC share parse to that root (GUID printed in
// lower case, server and share as written) and components, and compare case-insensitively.
TEST(Storage_Path, ParsesGuidAndSharePaths) {
  auto g = ParsePath("\\\\?\\Volume{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}\\Dir/f.txt");
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->volume, "\\\\?\\Volume{0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}");
  EXPECT_EQ(g->ToString(), "\\\\?\\Volume{0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}\\Dir\\f.txt");
  auto u = ParsePath("//Files/Share1/docs\\a.doc");
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->volume, "\\\\Files\\Share1");
  EXPECT_EQ(u->Key(), "DOCS\\A.DOC");
  EXPECT_EQ(*VolumeNameOf("\\\\files\\share1\\docs"), "\\\\files\\share1");
  EXPECT_TRUE(FileSetMatches({"\\\\FILES\\share1\\docs", "*.doc", false},
                             "\\\\files\\Share1\\docs\\a.doc"));
  EXPECT_FALSE(FileSetMatches({"\\\\files\\share2\\docs", "*.doc", false},
                              "\\\\files\\share1\\docs\\a.doc"));
}

// Checks MATCH-03 wildcards: '?' one character, '*' any run, case-insensitive, "*.*" all.
TEST(Storage_Path, Match03_Wildcards) {
  EXPECT_TRUE(WildcardMatch("*.mdf", "DB.MDF"));
  EXPECT_FALSE(WildcardMatch("*.mdf", "db.ldf"));
  EXPECT_TRUE(WildcardMatch("File1.*", "file1.txt"));
  EXPECT_TRUE(WildcardMatch("log??.txt", "log01.txt"));
  EXPECT_FALSE(WildcardMatch("log??.txt", "log1.txt"));
  EXPECT_TRUE(WildcardMatch("*", "anything"));
  EXPECT_TRUE(WildcardMatch("*.*", "no_dot"));
  EXPECT_TRUE(WildcardMatch("a*b*c", "aXXbYYbc"));
  EXPECT_FALSE(WildcardMatch("a*b*c", "aXXbYY"));
}

// Checks the MATCH-03 example: C:\D1, File1.*, recursive matches C:\D1\File1.txt and
// C:\D1\D2\File1.txt; non-recursive "*" matches only files directly in C:\D1.
TEST(Storage_Path, Match03_RecursiveFileSets) {
  FileSetSpec rec{"C:\\D1", "File1.*", true};
  EXPECT_TRUE(FileSetMatches(rec, "C:\\D1\\File1.txt"));
  EXPECT_TRUE(FileSetMatches(rec, "c:\\d1\\D2\\file1.txt"));
  EXPECT_FALSE(FileSetMatches(rec, "C:\\D10\\File1.txt"));
  EXPECT_FALSE(FileSetMatches(rec, "D:\\D1\\File1.txt"));
  FileSetSpec flat{"C:\\D1\\", "*", false};
  EXPECT_TRUE(FileSetMatches(flat, "C:\\D1\\a.txt"));
  EXPECT_FALSE(FileSetMatches(flat, "C:\\D1\\D2\\a.txt"));
  FileSetSpec root{"C:\\", "*.sys", false};
  EXPECT_TRUE(FileSetMatches(root, "C:\\pagefile.sys"));
}

}  // namespace
}  // namespace vsssim::storage
