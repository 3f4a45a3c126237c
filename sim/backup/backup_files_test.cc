#include "vsssim/backup/backup_files.h"

#include <gtest/gtest.h>

#include <string>

#include "sim/backup/testing/data_world.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::backup {
namespace {

using testing::Bcd;
using testing::Component;
using testing::DataWorld;
using testing::Files;
using testing::Writer;
using vss::BackupSchema;
using vss::BackupType;

class Backup_Files : public ::testing::Test {
 protected:
  BackupReport Run(const metadata::WriterMetadata& wmd, const metadata::BackupComponents& bcd,
                   const std::vector<const storage::ShadowCopy*>& shadows,
                   const std::string& label = "set") {
    BackupRequest r;
    r.label = label;
    r.bcd = bcd;
    r.writers = {wmd};
    r.shadow_copies = shadows;
    r.live = &world_.volumes();
    return BackupFiles(r, &medium_);
  }
  const BackupSet& Last() const { return medium_.sets().back(); }
  std::string Bytes(const std::string& path) const {
    const FileRecord* f = Last().FindFile(path);
    return f == nullptr ? "<none>" : f->bytes;
  }

  DataWorld world_;
  Medium medium_;
};

// Checks REQ-SET-01 and MATCH-03: files of the selected component's file sets are copied from
// the shadow copy (not the live volume changed afterwards), recursion honoured.
TEST_F(Backup_Files, ReqSet01_Match03_CopiesFileSetsFromShadowCopy) {
  world_.C().PutFile("C:\\db\\a.mdf", "alpha");
  world_.C().PutFile("C:\\db\\sub\\b.mdf", "beta");
  world_.C().PutFile("C:\\db\\c.ldf", "log");
  auto wmd = Writer({Component("", "db", {Files("C:\\db", "*.mdf", true)}),
                     Component("", "other", {Files("C:\\db", "*.ldf")})});
  auto shadows = world_.Snapshot();
  world_.C().PutFile("C:\\db\\a.mdf", "changed after the snapshot");
  BackupReport report = Run(wmd, Bcd(wmd, BackupType::VSS_BT_FULL, {"db"}), shadows);
  EXPECT_TRUE(report.ok()) << report.problems.size();
  EXPECT_EQ(report.files_copied, 2u);
  EXPECT_EQ(Bytes("C:\\db\\a.mdf"), "alpha");
  EXPECT_EQ(Bytes("C:\\db\\sub\\b.mdf"), "beta");
  EXPECT_EQ(Bytes("C:\\db\\c.ldf"), "<none>");  // component "other" not selected
  EXPECT_TRUE(Last().FindFile("C:\\db\\a.mdf")->from_snapshot);
}

// Checks SEL-05 and XML-03: a selectable component's members are copied with it, and the set
// stores the BCD and WMDs as XML that reads back.
TEST_F(Backup_Files, Sel05_ImplicitMembersAndStoredDocuments) {
  world_.C().PutFile("C:\\app\\top.dat", "t");
  world_.C().PutFile("C:\\app\\m\\member.dat", "m");
  auto wmd = Writer({Component("", "app", {Files("C:\\app", "top.dat")}),
                     Component("app", "m", {Files("C:\\app\\m", "*")}, false)});
  auto bcd = Bcd(wmd, BackupType::VSS_BT_FULL, {"app"});
  bcd.writers[0].components[0].backup_stamp = "stamp-1";  // STAMP-01
  Run(wmd, bcd, world_.Snapshot());
  EXPECT_EQ(Bytes("C:\\app\\m\\member.dat"), "m");
  EXPECT_EQ(Last().FindFile("C:\\app\\m\\member.dat")->component.member_name, "m");
  EXPECT_EQ(Last().FindFile("C:\\app\\m\\member.dat")->component.name, "app");
  auto stored = metadata::ReadBackupComponentsXml(Last().bcd_xml);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored.document->writers[0].components[0].backup_stamp, "stamp-1");
  ASSERT_EQ(Last().wmd_xmls.size(), 1u);
  EXPECT_TRUE(metadata::ReadWriterMetadataXml(Last().wmd_xmls[0]).ok());
}

// Checks REQ-SET-02 and WMD-08: exclude lists win over file sets (matched on the default path),
// and files excluded from the snapshot are not copied.
TEST_F(Backup_Files, ReqSet02_ExcludesWin) {
  world_.C().PutFile("C:\\db\\a.mdf", "a");
  world_.C().PutFile("C:\\db\\a.tmp", "tmp");
  world_.C().PutFile("C:\\db\\a.cache", "cache");
  auto wmd = Writer({Component("", "db", {Files("C:\\db", "*")})});
  wmd.exclude_files.push_back(Files("C:\\db", "*.tmp"));
  wmd.exclude_files_from_snapshot.push_back(Files("C:\\db", "*.cache"));
  Run(wmd, Bcd(wmd, BackupType::VSS_BT_FULL, {"db"}), world_.Snapshot());
  EXPECT_EQ(Bytes("C:\\db\\a.mdf"), "a");
  EXPECT_EQ(Bytes("C:\\db\\a.tmp"), "<none>");
  EXPECT_EQ(Bytes("C:\\db\\a.cache"), "<none>");
  EXPECT_EQ(Last().manifest.size(), 1u);
}

// Checks ALT-01 and REQ-SET-08: a file set with an alternate path is read there (the alternate
// wins over the default location) and recorded under its default path.
TEST_F(Backup_Files, Alt01_AlternatePathIsTheSource) {
  world_.C().PutFile("C:\\db\\a.mdf", "stale");
  world_.C().PutFile("C:\\db\\only.mdf", "only-default");
  world_.D().PutFile("D:\\stage\\a.mdf", "fresh");
  world_.D().PutFile("D:\\stage\\x\\n.mdf", "nested");
  auto wmd = Writer({Component("", "db", {Files("C:\\db", "*.mdf", true, 0xF0F, "D:\\stage")})});
  Run(wmd, Bcd(wmd, BackupType::VSS_BT_FULL, {"db"}), world_.Snapshot());
  EXPECT_EQ(Bytes("C:\\db\\a.mdf"), "fresh");
  EXPECT_EQ(Last().FindFile("C:\\db\\a.mdf")->read_from, "D:\\stage\\a.mdf");
  EXPECT_EQ(Bytes("C:\\db\\x\\n.mdf"), "nested");
  EXPECT_EQ(Bytes("C:\\db\\only.mdf"), "only-default");
}

// Checks FSBT-02 and FSBT-03: the mask decides per backup type — a log-only file set is copied
// in a LOG backup and not in a FULL one.
TEST_F(Backup_Files, Fsbt02_Fsbt03_MaskPerBackupType) {
  world_.C().PutFile("C:\\db\\a.mdf", "data");
  world_.C().PutFile("C:\\db\\a.ldf", "log");
  auto wmd = Writer({Component("", "db",
                               {Files("C:\\db", "*.mdf", false, 0x101),     // FULL only
                                Files("C:\\db", "*.ldf", false, 0x808)})},  // LOG only
                    BackupSchema::VSS_BS_LOG);
  Run(wmd, Bcd(wmd, BackupType::VSS_BT_FULL, {"db"}), world_.Snapshot(), "full");
  EXPECT_EQ(Bytes("C:\\db\\a.mdf"), "data");
  EXPECT_EQ(Bytes("C:\\db\\a.ldf"), "<none>");
  Run(wmd, Bcd(wmd, BackupType::VSS_BT_LOG, {"db"}), world_.Snapshot(), "log");
  EXPECT_EQ(Bytes("C:\\db\\a.mdf"), "<none>");
  EXPECT_EQ(Bytes("C:\\db\\a.ldf"), "log");
  EXPECT_EQ(Last().manifest.size(), 2u);  // both still covered: nothing "removed"
  EXPECT_TRUE(Last().removed.empty());
}

// Checks BT-03: a type the writer's schema lacks is handled as FULL (every FULL file copied).
TEST_F(Backup_Files, Bt03_UnsupportedTypeIsFull) {
  world_.C().PutFile("C:\\db\\a.mdf", "data");
  auto wmd = Writer({Component("", "db", {Files("C:\\db", "*.mdf", false, 0x101)})});
  Run(wmd, Bcd(wmd, BackupType::VSS_BT_INCREMENTAL, {"db"}), world_.Snapshot());
  EXPECT_EQ(Bytes("C:\\db\\a.mdf"), "data");
}

// Checks FSBT-04: with the snapshot-required bit a volume without a shadow copy fails the
// component (SEL-06, nothing kept); without it the live volume is read.
TEST_F(Backup_Files, Fsbt04_SnapshotRequiredBit) {
  world_.D().PutFile("D:\\d\\a.dat", "live");
  auto strict = Writer({Component("", "d", {Files("D:\\d", "*", false, 0xF0F)})});
  BackupReport r =
      Run(strict, Bcd(strict, BackupType::VSS_BT_FULL, {"d"}), world_.Snapshot({"C:\\"}), "strict");
  EXPECT_EQ(r.failed_components.size(), 1u);
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].rule_id, "FSBT-04");
  EXPECT_TRUE(Last().files.empty());
  auto relaxed = Writer({Component("", "d", {Files("D:\\d", "*", false, 0x00F)})});
  r = Run(relaxed, Bcd(relaxed, BackupType::VSS_BT_FULL, {"d"}), world_.Snapshot({"C:\\"}),
          "relaxed");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(Bytes("D:\\d\\a.dat"), "live");
  EXPECT_FALSE(Last().FindFile("D:\\d\\a.dat")->from_snapshot);
}

// Checks REQ-SET-06: a file set naming one file that does not exist fails its component;
// "*" may match nothing.
TEST_F(Backup_Files, ReqSet06_MissingNamedFile) {
  auto wmd = Writer({Component("", "named", {Files("C:\\db", "gone.mdf")}),
                     Component("", "star", {Files("C:\\db", "*.mdf")})});
  BackupReport r =
      Run(wmd, Bcd(wmd, BackupType::VSS_BT_FULL, {"named", "star"}), world_.Snapshot());
  ASSERT_EQ(r.failed_components.size(), 1u);
  EXPECT_EQ(r.failed_components[0].name, "named");
  EXPECT_EQ(r.problems[0].rule_id, "REQ-SET-06");
}

// Checks DIFF-02 and DIFF-06: differenced files are copied only when changed at or after the
// writer's time, or (time 0) after the base backup's snapshot; FSBT-05: the mask is ignored.
TEST_F(Backup_Files, Diff02_Diff06_DifferencedByLastModifyTime) {
  auto schema = BackupSchema::VSS_BS_INCREMENTAL | BackupSchema::VSS_BS_LAST_MODIFY;
  auto wmd = Writer({Component("", "db", {Files("C:\\db", "*", false, 0xF0F)})}, schema);
  world_.Tick();
  world_.C().PutFile("C:\\db\\old.mdf", "old");
  world_.C().PutFile("C:\\db\\new.mdf", "v1");
  world_.Tick();
  Run(wmd, Bcd(wmd, BackupType::VSS_BT_FULL, {"db"}), world_.Snapshot(), "full");
  world_.Tick();
  world_.C().PutFile("C:\\db\\new.mdf", "v2");
  auto bcd = Bcd(wmd, BackupType::VSS_BT_INCREMENTAL, {"db"});
  bcd.writers[0].components[0].differenced_files.push_back({"C:\\db", "*", false, 0, 0});
  Run(wmd, bcd, world_.Snapshot(), "incr-requester-time");
  EXPECT_EQ(Bytes("C:\\db\\new.mdf"), "v2");
  EXPECT_EQ(Bytes("C:\\db\\old.mdf"), "<none>");
  EXPECT_EQ(Last().manifest.size(), 2u);
  EXPECT_EQ(Last().base_label, "full");
  // A non-zero writer time before both files' last change: both copied.
  bcd.writers[0].components[0].differenced_files[0].last_modify_time = 1;
  Run(wmd, bcd, world_.Snapshot(), "incr-writer-time");
  EXPECT_EQ(Bytes("C:\\db\\old.mdf"), "old");
  EXPECT_EQ(Last().base_label, "incr-requester-time");
}

// Checks PART-01, PART-03 and PART-06: only the ranges of a partial file are copied (string and
// binary ranges-file forms), clipped to the file; without partial-file support they are ignored.
TEST_F(Backup_Files, Part01_Part03_PartialFileRanges) {
  world_.C().PutFile("C:\\db\\big.mdf", "0123456789abcdef");
  std::string ranges_file(8 + 16, '\0');
  ranges_file[0] = 1;   // count 1
  ranges_file[8] = 4;   // offset 4
  ranges_file[16] = 3;  // length 3
  world_.C().PutFile("C:\\db\\r.bin", ranges_file);
  world_.C().PutFile("C:\\db\\two.mdf", "ABCDEFGH");
  auto wmd = Writer({Component("", "db", {Files("C:\\db", "*.mdf")})});
  auto bcd = Bcd(wmd, BackupType::VSS_BT_FULL, {"db"});
  bcd.partial_file_support = true;
  auto& cs = bcd.writers[0].components[0];
  cs.partial_files.push_back({"C:\\db", "big.mdf", "0:2,14:0x10", "meta", "", 0});
  cs.partial_files.push_back({"C:\\db", "two.mdf", "File=C:\\db\\r.bin", "", "", 0});
  Run(wmd, bcd, world_.Snapshot(), "partial");
  const FileRecord* big = Last().FindFile("C:\\db\\big.mdf");
  ASSERT_NE(big, nullptr);
  EXPECT_TRUE(big->is_partial);
  EXPECT_EQ(big->bytes, "01ef");
  EXPECT_EQ(big->size, 16u);
  EXPECT_EQ(big->ranges[1].length, 2u);  // clipped
  EXPECT_EQ(Bytes("C:\\db\\two.mdf"), "EFG");
  bcd.partial_file_support = false;
  Run(wmd, bcd, world_.Snapshot(), "no-support");
  EXPECT_FALSE(Last().FindFile("C:\\db\\big.mdf")->is_partial);
}

// Checks SEL-01: outside component mode every component of every writer is backed up.
TEST_F(Backup_Files, Sel01_NonComponentModeBacksUpEverything) {
  world_.C().PutFile("C:\\a\\1", "1");
  world_.C().PutFile("C:\\b\\2", "2");
  auto wmd = Writer(
      {Component("", "a", {Files("C:\\a", "*")}), Component("", "b", {Files("C:\\b", "*")})});
  metadata::BackupComponents bcd;
  Run(wmd, bcd, world_.Snapshot());
  EXPECT_EQ(Bytes("C:\\a\\1"), "1");
  EXPECT_EQ(Bytes("C:\\b\\2"), "2");
}

}  // namespace
}  // namespace vsssim::backup
