// VolumeManager with every kind of volume name (volume_name.h): mount folders resolved by the
// longest prefix, exact names, GUID-named volumes and UNC shares holding files, and the
// provider's view of them (original_volume, which contexts take a share).
#include "vsssim/storage/volume_manager.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vsssim/storage/cow_provider.h"

namespace vsssim::storage {
namespace {

constexpr const char* kGuidVolume = "\\\\?\\Volume{0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}\\";
constexpr const char* kShare = "\\\\Files\\Share1\\";

class Storage_VolumeManager : public ::testing::Test {
 protected:
  Storage_VolumeManager() : volumes_(clock_) { EXPECT_EQ(Create("C:"), hr::S_OK); }

  HResult Create(const std::string& name, Volume** out = nullptr) {
    VolumeOptions o;
    o.name = name;
    o.size_bytes = 1 << 20;
    return volumes_.CreateVolume(o, out);
  }

  runtime::Clock clock_;
  VolumeManager volumes_;
};

// Checks that a path through a mount folder reaches the mounted volume (longest prefix, any
// case), that other folders of the host stay on the host, and that the folder exists on the host.
TEST_F(Storage_VolumeManager, MountFolderTakesThePathsBelowIt) {
  Volume* data = nullptr;
  ASSERT_EQ(Create("c:\\mnt\\Data", &data), hr::S_OK);
  Volume* c = volumes_.FindByName("C:");
  EXPECT_EQ(data->name(), "C:\\mnt\\Data");
  EXPECT_EQ(data->volume_name().text, "C:\\mnt\\Data\\");
  EXPECT_EQ(volumes_.Find("C:\\MNT\\DATA\\db\\x.mdf"), data);
  EXPECT_EQ(volumes_.Find("C:\\mnt\\data"), data);
  EXPECT_EQ(volumes_.Find("C:\\mnt\\other\\x"), c);
  EXPECT_EQ(volumes_.Find("C:\\mnt"), c);
  ASSERT_EQ(volumes_.Find("c:\\mnt\\data\\db\\x.mdf")->PutFile("c:\\mnt\\data\\db\\x.mdf", "x"),
            hr::S_OK);
  EXPECT_EQ(data->Live().AllFiles().at(0).path, "C:\\mnt\\Data\\db\\x.mdf");
  EXPECT_TRUE(c->Live().AllFiles().empty());
  ASSERT_TRUE(c->Live().Stat("C:\\mnt\\data").has_value());
  EXPECT_TRUE(c->Live().Stat("C:\\mnt\\data")->is_directory);
}

// Checks that FindByName takes names only: a mount folder by any spelling, but not a folder of
// a volume that is no mount folder, and not a file path.
TEST_F(Storage_VolumeManager, FindByNameTakesNamesNotPaths) {
  ASSERT_EQ(Create("C:\\mnt\\data\\"), hr::S_OK);
  EXPECT_NE(volumes_.FindByName("c:\\MNT\\data"), nullptr);
  EXPECT_EQ(volumes_.FindByName("C:\\mnt\\"), nullptr);
  EXPECT_EQ(volumes_.FindByName("C:\\mnt\\data\\db\\x.mdf"), nullptr);
  EXPECT_EQ(volumes_.FindByName("\\\\srv\\share\\"), nullptr);
  EXPECT_EQ(volumes_.FindByName("not a name"), nullptr);
}

// Checks the creation errors: a second spelling of a taken name, a mount folder with no volume
// under it, a mount folder where a file is, a folder inside a share, a malformed name.
TEST_F(Storage_VolumeManager, CreationErrors) {
  ASSERT_EQ(Create(kShare), hr::S_OK);
  EXPECT_EQ(Create("\\\\FILES\\share1"), hr::VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(Create("E:\\mnt\\"), hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(volumes_.Find("C:")->PutFile("C:\\busy", "file"), hr::S_OK);
  EXPECT_EQ(Create("C:\\busy\\"), hr::E_ACCESSDENIED);
  EXPECT_EQ(Create("\\\\Files\\Share1\\dir\\"), hr::E_INVALIDARG);
  EXPECT_EQ(Create("\\\\?\\Volume{nope}\\"), hr::E_INVALIDARG);
  EXPECT_EQ(volumes_.volumes().size(), 2u);
}

// Checks that GUID-named volumes and shares hold files under their canonical names, and that
// the provider names the snapshot's original volume canonically and takes a share in the
// FSRVP contexts but not in the CLIENT_ACCESSIBLE ones (MS-FSRVP 2.2.2.2).
TEST_F(Storage_VolumeManager, GuidVolumesAndSharesThroughTheProvider) {
  ASSERT_EQ(Create("\\\\?\\volume{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}"), hr::S_OK);
  ASSERT_EQ(Create(kShare), hr::S_OK);
  const std::string guid_file = std::string(kGuidVolume) + "dir\\f.txt";
  ASSERT_EQ(volumes_.Find(guid_file)->PutFile(guid_file, "g"), hr::S_OK);
  EXPECT_EQ(volumes_.FindByName(kGuidVolume)->Live().AllFiles().at(0).path, guid_file);
  ASSERT_EQ(volumes_.Find("\\\\files\\share1\\a.doc")->PutFile("\\\\files\\share1\\a.doc", "s"),
            hr::S_OK);
  EXPECT_EQ(volumes_.FindByName(kShare)->Live().AllFiles().at(0).path, "\\\\Files\\Share1\\a.doc");

  trace::Trace trace(clock_);
  CowProvider provider(volumes_, clock_, &trace);
  using Ctx = vss::SnapshotContext;
  EXPECT_TRUE(provider.IsVolumeSupported(kShare, Ctx::VSS_CTX_FILE_SHARE_BACKUP));
  EXPECT_TRUE(provider.IsVolumeSupported(kShare, Ctx::VSS_CTX_BACKUP));
  EXPECT_FALSE(provider.IsVolumeSupported(kShare, Ctx::VSS_CTX_CLIENT_ACCESSIBLE));
  EXPECT_TRUE(provider.IsVolumeSupported(kGuidVolume, Ctx::VSS_CTX_CLIENT_ACCESSIBLE));
  EXPECT_FALSE(provider.IsVolumeSupported("C:\\dir\\", Ctx::VSS_CTX_BACKUP));

  const Guid set{1, 2, 3, {4}};
  const Guid snapshot{5, 6, 7, {8}};
  const auto none = vss::VolumeSnapshotAttributes{0};
  ASSERT_EQ(provider.BeginPrepareSnapshot(set, snapshot, "\\\\files\\SHARE1\\",
                                          Ctx::VSS_CTX_FILE_SHARE_BACKUP, none),
            hr::S_OK);
  ASSERT_EQ(provider.EndPrepareSnapshots(set), hr::S_OK);
  ASSERT_EQ(provider.PreCommitSnapshots(set), hr::S_OK);
  ASSERT_EQ(provider.CommitSnapshots(set), hr::S_OK);
  ASSERT_EQ(provider.PostCommitSnapshots(set, 1), hr::S_OK);
  ASSERT_EQ(provider.Query().at(0).original_volume, kShare);
  std::string seen;
  ASSERT_EQ(provider.FindShadowCopy(snapshot)->ReadFile("\\\\FILES\\share1\\A.DOC", &seen),
            hr::S_OK);
  EXPECT_EQ(seen, "s");
}

}  // namespace
}  // namespace vsssim::storage
