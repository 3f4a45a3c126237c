#include "vsssim/metadata/file_semantics.h"

#include <gtest/gtest.h>

namespace vsssim::metadata {
namespace {

using vss::BackupSchema;
using vss::BackupType;
using vss::FileSpecBackupType;

// Checks the type -> schema-bit mapping and "unsupported means FULL" (BT-02, BT-03).
TEST(Metadata_BackupType, UnsupportedTypeIsTreatedAsFull_BT_02_BT_03) {
  const BackupSchema sql{0x371};  // DIFFERENTIAL|COPY|TIMESTAMPED|LAST_MODIFY|...
  EXPECT_TRUE(SchemaSupports(sql, BackupType::VSS_BT_FULL));
  EXPECT_TRUE(SchemaSupports(sql, BackupType::VSS_BT_DIFFERENTIAL));
  EXPECT_TRUE(SchemaSupports(sql, BackupType::VSS_BT_COPY));
  EXPECT_FALSE(SchemaSupports(sql, BackupType::VSS_BT_INCREMENTAL));
  EXPECT_FALSE(SchemaSupports(sql, BackupType::VSS_BT_LOG));
  EXPECT_EQ(EffectiveBackupType(sql, BackupType::VSS_BT_INCREMENTAL), BackupType::VSS_BT_FULL);
  EXPECT_EQ(EffectiveBackupType(sql, BackupType::VSS_BT_DIFFERENTIAL),
            BackupType::VSS_BT_DIFFERENTIAL);
  EXPECT_EQ(EffectiveBackupType(BackupSchema{0}, BackupType::VSS_BT_LOG), BackupType::VSS_BT_FULL);
  EXPECT_EQ(EffectiveBackupType(BackupSchema{0x8}, BackupType::VSS_BT_LOG), BackupType::VSS_BT_LOG);
}

// Checks backup-required and snapshot-required bits per type; a log-only mask is copied in a
// LOG backup and not in a FULL one whatever the selectability (FSBT-02, FSBT-03, FSBT-04).
TEST(Metadata_FileSpecMask, BackupAndSnapshotRequiredBits_FSBT_02_03_04) {
  const FileSpecBackupType log_only{0x8};
  EXPECT_TRUE(FileSetBackupRequired(log_only, BackupType::VSS_BT_LOG));
  EXPECT_FALSE(FileSetBackupRequired(log_only, BackupType::VSS_BT_FULL));
  EXPECT_FALSE(FileSetSnapshotRequired(log_only, BackupType::VSS_BT_LOG));
  const FileSpecBackupType def = vss::kDefaultFileSpecBackupType;
  for (BackupType t :
       {BackupType::VSS_BT_FULL, BackupType::VSS_BT_INCREMENTAL, BackupType::VSS_BT_DIFFERENTIAL,
        BackupType::VSS_BT_LOG, BackupType::VSS_BT_COPY}) {
    EXPECT_TRUE(FileSetBackupRequired(def, t));
    EXPECT_TRUE(FileSetSnapshotRequired(def, t));
  }
  EXPECT_TRUE(FileSetSnapshotRequired(FileSpecBackupType{0x101}, BackupType::VSS_BT_COPY));
  EXPECT_FALSE(FileSetSnapshotRequired(FileSpecBackupType{0x201}, BackupType::VSS_BT_FULL));
}

// Checks that a volume whose file sets need no snapshot is left out (FSBT-04, REQ-ORDER-13),
// and that an alternate path decides where the data is read (ALT-01).
TEST(Metadata_FileSpecMask, VolumesNeedingSnapshot_REQ_ORDER_13_ALT_01) {
  ComponentDescription a, b;
  FileSpec live;
  live.path = "D:\\Logs";
  live.filespec = "*.log";
  live.backup_type_mask = FileSpecBackupType{0xF};  // backup required, never from a snapshot
  FileSpec snap;
  snap.path = "c:\\Data";
  snap.filespec = "*";
  FileSpec moved;
  moved.path = "C:\\Db";
  moved.filespec = "db.mdf";
  moved.alternate_path = "\\\\?\\Volume{1234}\\Staging";
  a.files = {live, snap};
  b.database_files = {moved};
  auto volumes = VolumesNeedingSnapshot({&a, &b}, BackupType::VSS_BT_FULL);
  EXPECT_EQ(volumes, (std::vector<std::string>{"C:\\", "\\\\?\\Volume{1234}\\"}));
  EXPECT_TRUE(VolumesNeedingSnapshot({&a}, BackupType::VSS_BT_LOG).empty() == false);
  a.files = {live};
  EXPECT_TRUE(VolumesNeedingSnapshot({&a}, BackupType::VSS_BT_FULL).empty());
}

// Checks Win32 wildcard semantics and the recursive example of MATCH-03.
TEST(Metadata_FileMatch, WildcardsAndRecursion_MATCH_03) {
  EXPECT_TRUE(WildcardMatch("*", "anything.txt"));
  EXPECT_TRUE(WildcardMatch("edb*.log", "EDB00001.LOG"));
  EXPECT_FALSE(WildcardMatch("edb*.log", "edb.chk"));
  EXPECT_TRUE(WildcardMatch("file?.txt", "file1.txt"));
  EXPECT_FALSE(WildcardMatch("file?.txt", "file10.txt"));
  EXPECT_TRUE(WildcardMatch("*.*", "README"));
  FileSpec spec;
  spec.path = "C:\\D1";
  spec.filespec = "File1.*";
  spec.recursive = true;
  EXPECT_TRUE(FileSpecMatches(spec, "C:\\D1\\File1.txt"));
  EXPECT_TRUE(FileSpecMatches(spec, "c:\\d1\\D2\\File1.txt"));
  EXPECT_FALSE(FileSpecMatches(spec, "C:\\D10\\File1.txt"));
  spec.recursive = false;
  spec.filespec = "*";
  EXPECT_TRUE(FileSpecMatches(spec, "C:\\D1\\x"));
  EXPECT_FALSE(FileSpecMatches(spec, "C:\\D1\\D2\\x"));
}

// Checks exact triple matching with Windows path rules (MATCH-01, WMD-06 trailing backslash).
TEST(Metadata_FileMatch, ExactTripleMatch_MATCH_01) {
  WriterMetadata wmd;
  wmd.components.resize(1);
  wmd.components[0].name = "c";
  FileSpec f;
  f.path = "C:\\Data\\";
  f.filespec = "*.dat";
  wmd.components[0].files.push_back(f);
  const ComponentDescription* owner = nullptr;
  EXPECT_NE(FindFileSet(wmd, "c:\\data", "*.DAT", false, &owner), nullptr);
  EXPECT_EQ(owner, &wmd.components[0]);
  EXPECT_EQ(FindFileSet(wmd, "C:\\Data", "*.dat", true), nullptr);
  EXPECT_EQ(FindFileSet(wmd, "C:\\Data\\Sub", "*.dat", false), nullptr);
}

// Checks range lists and both ranges-file forms (PART-03, CONF-09) and DT-02.
TEST(Metadata_PartialFiles, RangesAndRangesFiles_PART_03_DT_02) {
  auto r = ParseRanges("64:448,0x1239E8577A:65536");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ((*r)[1], (ByteRange{0x1239E8577Aull, 65536}));
  for (const char* bad : {"", "1", "1:", ":1", "1:2,", "a:1", "99999999999999999999:1"}) {
    EXPECT_FALSE(ParseRanges(bad).has_value()) << bad;
  }
  EXPECT_EQ(RangesFilePath("File=C:\\r.bin"), std::optional<std::string>("C:\\r.bin"));
  EXPECT_EQ(RangesFilePath("C:\\r.bin"), std::optional<std::string>("C:\\r.bin"));
  EXPECT_FALSE(RangesFilePath("0:10").has_value());
  DirectedTarget t{"C:\\a", "f", "0:10,100:20", "C:\\b", "g", "5:10,0:20", 0};
  EXPECT_TRUE(CheckDirectedTarget(t).ok());
  t.destination_ranges = "5:10,0:21";
  EXPECT_EQ(CheckDirectedTarget(t).rule_id, "DT-02");
}

// Checks differenced-file placement (DIFF-03) and the differenced-vs-partial conflict (DIFF-04).
TEST(Metadata_DifferencedFiles, PlacementAndConflicts_DIFF_03_DIFF_04) {
  WriterMetadata wmd;
  wmd.components.resize(2);
  wmd.components[0].name = "mine";
  wmd.components[1].name = "other";
  FileSpec mine;
  mine.path = "C:\\Db";
  mine.filespec = "*.mdf";
  mine.recursive = true;
  wmd.components[0].files.push_back(mine);
  FileSpec other;
  other.path = "C:\\Db\\Other";
  other.filespec = "x.mdf";
  wmd.components[1].files.push_back(other);
  const ComponentDescription& c = wmd.components[0];
  EXPECT_TRUE(CheckDifferencedFile(wmd, c, {"C:\\Db", "*.mdf", true, 1, 0}).ok() == false);
  EXPECT_TRUE(CheckDifferencedFile(wmd, c, {"C:\\Db\\New", "*.ndf", false, 1, 0}).ok());
  EXPECT_EQ(CheckDifferencedFile(wmd, c, {"E:\\Elsewhere", "*", false, 1, 0}).rule_id, "DIFF-03");
  EXPECT_EQ(CheckDifferencedFile(wmd, wmd.components[1], {"C:\\Db", "*.mdf", true, 1, 0}).rule_id,
            "DIFF-03");
  other.path = "D:\\Other";
  wmd.components[1].files[0] = other;
  EXPECT_TRUE(CheckDifferencedFile(wmd, c, {"C:\\Db", "*.mdf", true, 1, 0}).ok());
  ComponentState state;
  state.differenced_files.push_back({"C:\\Db", "*.mdf", false, 1, 0});
  state.partial_files.push_back({"C:\\Db\\", "a.mdf", "0:1", "", "", 0});
  EXPECT_EQ(CheckDifferencedVsPartial(state).rule_id, "DIFF-04");
  state.partial_files[0].filename = "a.ldf";
  EXPECT_TRUE(CheckDifferencedVsPartial(state).ok());
}

}  // namespace
}  // namespace vsssim::metadata
