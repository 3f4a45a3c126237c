// Volumes named every way IVssBackupComponents::AddToSnapshotSet accepts (REQ-CALL-13: drive
// letter, \\?\Volume{GUID}\, mount folder, \\server\share\), over real storage: canonical names
// in the snapshot set, the documented errors of AddToSnapshotSet and IsVolumeSupported
// (REQ-CALL-13/14), which contexts take a share (MS-FSRVP 2.2.2.2), and what a writer sees.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/coordinator/cow_harness.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::CowHarness;
using vss::SnapshotContext;

constexpr const char* kGuidVolume = "\\\\?\\Volume{0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}\\";
constexpr const char* kMount = "C:\\mnt\\Data\\";
constexpr const char* kShare = "\\\\Files\\Share1\\";

std::uint32_t Ctx(SnapshotContext c) { return static_cast<std::uint32_t>(c); }

// C: (from the harness) plus a GUID-named volume, a volume mounted at C:\mnt\Data\ and a share.
void AddVolumes(CowHarness& h) {
  for (const char* name : {kGuidVolume, kMount, kShare}) {
    storage::VolumeOptions o;
    o.name = name;
    o.size_bytes = 1u << 20;
    ASSERT_EQ(h.volumes.CreateVolume(o), hr::S_OK) << name;
  }
}

// A requester in `context` with its snapshot set started.
std::unique_ptr<Requester> StartSet(CowHarness& h, SnapshotContext context) {
  auto r = h.vss.CreateVssBackupComponents("r");
  EXPECT_EQ(r->InitializeForBackup(), hr::S_OK);
  EXPECT_EQ(r->SetContext(Ctx(context)), hr::S_OK);
  Guid set;
  EXPECT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  return r;
}

std::vector<std::string> TraceValues(const CowHarness& h, std::string_view name,
                                     std::string_view key) {
  std::vector<std::string> out;
  for (const trace::Entry& e : h.trace.entries()) {
    if (e.name != name) continue;
    for (const auto& a : e.attributes) {
      if (a.key == key) out.emplace_back(a.value);
    }
  }
  return out;
}

// Checks REQ-CALL-13's four forms, each written in another case than declared: all are added,
// the provider is asked for the volume by its canonical declared name, and the snapshots'
// original volumes are those names (FILE_SHARE_BACKUP of a share among them).
TEST(Coordinator_VolumeNames, REQ_CALL_13_EveryFormAddedByItsCanonicalName) {
  CowHarness h;
  AddVolumes(h);
  auto r = StartSet(h, SnapshotContext::VSS_CTX_FILE_SHARE_BACKUP);
  Guid snap;
  for (const char* spelling : {"c:", "\\\\?\\VOLUME{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}",
                               "c:\\MNT\\data\\", "\\\\files\\SHARE1\\"}) {
    EXPECT_EQ(r->AddToSnapshotSet(spelling, kGuidNull, &snap), hr::S_OK) << spelling;
  }
  AsyncPtr async;
  ASSERT_EQ(r->DoSnapshotSet(&async), hr::S_OK);
  async->Wait();
  HResult status;
  async->QueryStatus(&status);
  ASSERT_EQ(status, hr::VSS_S_ASYNC_FINISHED);
  const std::vector<std::string> canonical{"C:\\", kGuidVolume, kMount, kShare};
  EXPECT_EQ(TraceValues(h, "BeginPrepareSnapshot", "volume"), canonical);
  std::vector<storage::SnapshotProperties> snapshots;
  ASSERT_EQ(r->Query(kGuidNull, vss::ObjectType::VSS_OBJECT_NONE,
                     vss::ObjectType::VSS_OBJECT_SNAPSHOT, &snapshots),
            hr::S_OK);
  std::vector<std::string> originals;
  for (const auto& s : snapshots) originals.push_back(s.original_volume);
  EXPECT_EQ(originals, canonical);
}

// Checks the documented AddToSnapshotSet errors for names: malformed (bad GUID, IP address as
// server, folder inside a share) -> E_INVALIDARG; no such volume, or a plain folder that is no
// mount folder -> VSS_E_OBJECT_NOT_FOUND; the same volume by another spelling ->
// VSS_E_OBJECT_ALREADY_EXISTS (fixed choice).
TEST(Coordinator_VolumeNames, REQ_CALL_13_NameErrors) {
  CowHarness h;
  AddVolumes(h);
  auto r = StartSet(h, SnapshotContext::VSS_CTX_BACKUP);
  Guid snap;
  EXPECT_EQ(r->AddToSnapshotSet("\\\\?\\Volume{0a1b2c3d}\\", kGuidNull, &snap), hr::E_INVALIDARG);
  EXPECT_EQ(r->AddToSnapshotSet("\\\\10.0.0.7\\Share1\\", kGuidNull, &snap), hr::E_INVALIDARG);
  EXPECT_EQ(r->AddToSnapshotSet("\\\\Files\\Share1\\dir\\", kGuidNull, &snap), hr::E_INVALIDARG);
  EXPECT_EQ(r->AddToSnapshotSet("E:\\", kGuidNull, &snap), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->AddToSnapshotSet("C:\\mnt\\", kGuidNull, &snap), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->AddToSnapshotSet("\\\\Files\\Share2\\", kGuidNull, &snap),
            hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(r->AddToSnapshotSet(kMount, kGuidNull, &snap), hr::S_OK);
  EXPECT_EQ(r->AddToSnapshotSet("c:/mnt/data", kGuidNull, &snap), hr::VSS_E_OBJECT_ALREADY_EXISTS);
}

// Checks that a share is not snapshotted in a CLIENT_ACCESSIBLE context (MS-FSRVP 2.2.2.2 lists
// only BACKUP, FILE_SHARE_BACKUP, NAS_ROLLBACK, APP_ROLLBACK): VSS_E_VOLUME_NOT_SUPPORTED with
// GUID_NULL, VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER with the provider named; a local volume is.
TEST(Coordinator_VolumeNames, REQ_CALL_13_ShareNotInClientAccessibleContext) {
  CowHarness h;
  AddVolumes(h);
  auto r = StartSet(h, SnapshotContext::VSS_CTX_CLIENT_ACCESSIBLE);
  Guid snap;
  EXPECT_EQ(r->AddToSnapshotSet(kShare, kGuidNull, &snap), hr::VSS_E_VOLUME_NOT_SUPPORTED);
  EXPECT_EQ(r->AddToSnapshotSet(kShare, storage::kCowProviderId, &snap),
            hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
  EXPECT_EQ(r->AddToSnapshotSet(kGuidVolume, kGuidNull, &snap), hr::S_OK);
}

// Checks REQ-CALL-14: IsVolumeSupported answers for every form, VSS_E_OBJECT_NOT_FOUND for a
// volume that is not there and (Choices::is_volume_supported_malformed_name) a malformed name,
// and S_OK with FALSE for a share in a context that cannot take it.
TEST(Coordinator_VolumeNames, REQ_CALL_14_IsVolumeSupported) {
  CowHarness h;
  AddVolumes(h);
  auto r = h.vss.CreateVssBackupComponents("r");
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  bool supported = false;
  for (const char* name : {"C:\\", kGuidVolume, kMount, kShare}) {
    EXPECT_EQ(r->IsVolumeSupported(kGuidNull, name, &supported), hr::S_OK) << name;
    EXPECT_TRUE(supported) << name;
  }
  EXPECT_EQ(r->IsVolumeSupported(kGuidNull, "F:\\", &supported), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->IsVolumeSupported(kGuidNull, "\\\\?\\Volume{x}\\", &supported),
            hr::VSS_E_OBJECT_NOT_FOUND);
  auto ca = h.vss.CreateVssBackupComponents("ca");
  ASSERT_EQ(ca->InitializeForBackup(), hr::S_OK);
  ASSERT_EQ(ca->SetContext(Ctx(SnapshotContext::VSS_CTX_CLIENT_ACCESSIBLE)), hr::S_OK);
  supported = true;
  EXPECT_EQ(ca->IsVolumeSupported(kGuidNull, kShare, &supported), hr::S_OK);
  EXPECT_FALSE(supported);
}

// Checks that without the machine's volumes attached the coordinator cannot tell a missing
// volume from an unsupported one: the providers decide (VSS_E_VOLUME_NOT_SUPPORTED).
TEST(Coordinator_VolumeNames, REQ_CALL_13_WithoutAttachedVolumesProvidersDecide) {
  CowHarness h(/*attach_storage=*/false);
  auto r = StartSet(h, SnapshotContext::VSS_CTX_BACKUP);
  Guid snap;
  EXPECT_EQ(r->AddToSnapshotSet("E:\\", kGuidNull, &snap), hr::VSS_E_VOLUME_NOT_SUPPORTED);
  EXPECT_EQ(r->AddToSnapshotSet("\\\\?\\Volume{}\\", kGuidNull, &snap), hr::E_INVALIDARG);
}

// Checks what a writer sees of a backup of a mount folder and a GUID-named volume:
// GetCurrentVolumeArray lists the canonical names, IsPathAffected is true for files on them.
TEST(Coordinator_VolumeNames, WriterSeesCanonicalVolumeNames) {
  CowHarness h;
  AddVolumes(h);
  writer::ScriptedWriter& w = h.AddWriter("db");
  std::vector<std::string> seen;
  bool affected = false;
  w.On(vss::WriterEvent::kFreeze,
       {{}, true, {}, false, false, [&](writer::ScriptedWriter& self) {
          seen = self.GetCurrentVolumeArray();
          affected = self.IsPathAffected("c:\\mnt\\data\\db\\x.mdf") &&
                     self.IsPathAffected(std::string(kGuidVolume) + "logs\\x.ldf");
        }});
  BackupDriver d(h.vss, "r");
  d.volumes = {"c:\\MNT\\DATA", "\\\\?\\volume{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}\\"};
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_EQ(seen, (std::vector<std::string>{kMount, kGuidVolume}));
  EXPECT_TRUE(affected);
}

// Checks that IsPathAffected follows mount folders: with only C: in the set, a file under the
// volume mounted at C:\mnt\Data\ is not affected (it lies on the mounted volume), a file
// elsewhere on C: is; with only the mounted volume in the set, the reverse.
TEST(Coordinator_VolumeNames, IsPathAffectedFollowsMountFolders) {
  for (const bool only_c : {true, false}) {
    CowHarness h;
    AddVolumes(h);
    writer::ScriptedWriter& w = h.AddWriter("db");
    bool under_mount = false;
    bool elsewhere_on_c = false;
    w.On(vss::WriterEvent::kFreeze, {{}, true, {}, false, false, [&](writer::ScriptedWriter& self) {
                                       under_mount =
                                           self.IsPathAffected("C:\\mnt\\Data\\db\\x.mdf");
                                       elsewhere_on_c = self.IsPathAffected("C:\\db\\x.mdf");
                                     }});
    BackupDriver d(h.vss, "r");
    d.volumes = {only_c ? "C:\\" : kMount};
    ASSERT_EQ(d.RunAll(), hr::S_OK);
    EXPECT_EQ(under_mount, !only_c) << (only_c ? "set: C:" : "set: the mount folder");
    EXPECT_EQ(elsewhere_on_c, only_c) << (only_c ? "set: C:" : "set: the mount folder");
  }
}

}  // namespace
}  // namespace vsssim::coordinator
