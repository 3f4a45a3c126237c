#include "vsssim/storage/volume_name.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vsssim::storage {
namespace {

constexpr const char* kGuidName = "\\\\?\\Volume{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}\\";
constexpr const char* kGuidCanonical = "\\\\?\\Volume{0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}\\";

std::string Canonical(std::string_view text) {
  std::optional<VolumeName> name = ParseVolumeName(text);
  return name ? name->text : "<malformed>";
}

std::string Why(std::string_view text) {
  std::string why;
  EXPECT_FALSE(ParseVolumeName(text, &why).has_value()) << text;
  return why;
}

// Checks REQ-CALL-13's four forms: each parses to its kind and prints in canonical form (drive
// letter upper-case, GUID lower-case, folder and share names as written, trailing '\').
TEST(Storage_VolumeName, Req_Call_13_FourFormsAndTheirCanonicalForm) {
  EXPECT_EQ(ParseVolumeName("c:")->kind, VolumeNameKind::kDriveLetter);
  EXPECT_EQ(Canonical("c:"), "C:\\");
  EXPECT_EQ(Canonical("C:\\"), "C:\\");
  EXPECT_EQ(ParseVolumeName(kGuidName)->kind, VolumeNameKind::kVolumeGuid);
  EXPECT_EQ(Canonical(kGuidName), kGuidCanonical);
  EXPECT_EQ(Canonical("\\\\?\\volume{0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}"), kGuidCanonical);
  EXPECT_EQ(ParseVolumeName("y:\\MountX\\")->kind, VolumeNameKind::kMountFolder);
  EXPECT_EQ(Canonical("y:/MountX//Data"), "Y:\\MountX\\Data\\");
  EXPECT_EQ(ParseVolumeName(std::string(kGuidName) + "mnt\\")->kind, VolumeNameKind::kMountFolder);
  EXPECT_EQ(ParseVolumeName("\\\\Clusterx\\Share1\\")->kind, VolumeNameKind::kUncShare);
  EXPECT_EQ(Canonical("\\\\Clusterx\\Share1"), "\\\\Clusterx\\Share1\\");
  EXPECT_EQ(Canonical("\\\\files.corp.example.com\\Share1\\"),
            "\\\\files.corp.example.com\\Share1\\");
  EXPECT_TRUE(ParseVolumeName("\\\\Clusterx\\Share1\\")->remote());
  EXPECT_FALSE(ParseVolumeName("C:\\mnt\\")->remote());
}

// Checks that spellings of one volume share a key (Windows compares names case-insensitively)
// and that the prefix is the canonical form without its trailing backslash.
TEST(Storage_VolumeName, SpellingsOfOneVolumeShareTheKey) {
  EXPECT_EQ(ParseVolumeName("c:")->key, ParseVolumeName("C:\\")->key);
  EXPECT_EQ(ParseVolumeName("C:\\MNT\\data")->key, ParseVolumeName("c:\\mnt\\DATA\\")->key);
  EXPECT_EQ(ParseVolumeName("\\\\SRV\\Share\\")->key, ParseVolumeName("\\\\srv\\share")->key);
  EXPECT_EQ(ParseVolumeName(kGuidName)->key, ParseVolumeName(kGuidCanonical)->key);
  EXPECT_NE(ParseVolumeName("C:\\mnt\\")->key, ParseVolumeName("C:\\")->key);
  EXPECT_EQ(ParseVolumeName("C:\\mnt\\data\\")->prefix(), "C:\\mnt\\data");
  EXPECT_EQ(ParseVolumeName("C:\\mnt\\data\\")->key, "C:\\MNT\\DATA");
}

// Checks that malformed names are refused with a reason: no root, a drive-relative name, a bad
// GUID, another \\?\ form, a device path, a folder inside a share, an IP address as server
// (AddToSnapshotSet remarks), a share without its name, characters no name may hold.
TEST(Storage_VolumeName, RefusesMalformedNamesWithAReason) {
  EXPECT_NE(Why("Data\\").find("absolute"), std::string::npos);
  EXPECT_NE(Why("C:mnt\\").find("drive-relative"), std::string::npos);
  EXPECT_NE(Why("\\\\?\\Volume{0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f}\\").find("GUID"),
            std::string::npos);
  EXPECT_NE(Why("\\\\?\\Volume{0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8fZ}\\").find("not a GUID"),
            std::string::npos);
  EXPECT_NE(Why("\\\\?\\C:\\").find("Volume{GUID}"), std::string::npos);
  EXPECT_NE(Why("\\\\.\\C:\\").find("device"), std::string::npos);
  EXPECT_NE(Why("\\\\srv\\share\\dir\\").find("inside a share"), std::string::npos);
  EXPECT_NE(Why("\\\\10.0.0.7\\share\\").find("IP address"), std::string::npos);
  EXPECT_NE(Why("\\\\srv\\").find("share"), std::string::npos);
  EXPECT_NE(Why("\\\\srv:1\\share\\").find("host name"), std::string::npos);
  EXPECT_NE(Why("C:\\a*b\\").find("a*b"), std::string::npos);
  EXPECT_FALSE(ParseVolumeName("").has_value());
  EXPECT_FALSE(ParseVolumeName("1:\\").has_value());
}

// Checks longest-prefix resolution order: the keys of the volumes a path could be on, deepest
// mount folder first, limited to the depth asked for; nothing for a malformed path.
TEST(Storage_VolumeName, VolumeKeysOfPathAreLongestFirst) {
  EXPECT_EQ(VolumeKeysOf("c:\\Mnt\\data\\x.db"),
            (std::vector<std::string>{"C:\\MNT\\DATA\\X.DB", "C:\\MNT\\DATA", "C:\\MNT", "C:"}));
  EXPECT_EQ(VolumeKeysOf("c:\\Mnt\\data\\x.db", 1), (std::vector<std::string>{"C:\\MNT", "C:"}));
  EXPECT_EQ(VolumeKeysOf("\\\\srv\\Share\\x"),
            (std::vector<std::string>{"\\\\SRV\\SHARE\\X", "\\\\SRV\\SHARE"}));
  EXPECT_TRUE(VolumeKeysOf("relative\\x").empty());
}

}  // namespace
}  // namespace vsssim::storage
