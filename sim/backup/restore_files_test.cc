#include "vsssim/backup/restore_files.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "sim/backup/testing/data_world.h"
#include "vsssim/backup/data_image.h"

namespace vsssim::backup {
namespace {

using testing::Bcd;
using testing::Component;
using testing::DataWorld;
using testing::Files;
using testing::Writer;
using vss::BackupSchema;
using vss::BackupType;
using vss::FileRestoreStatus;
using vss::RestoreMethod;
using vss::RestoreTarget;

metadata::AlternateLocationMapping Mapping(std::string path, bool recursive, std::string dest) {
  metadata::AlternateLocationMapping m;
  m.path = std::move(path);
  m.filespec = "*";
  m.recursive = recursive;
  m.destination = std::move(dest);
  return m;
}

class Backup_Restore : public ::testing::Test {
 protected:
  // Backs up `names` of `wmd_` with `type`; returns the shadow copies' image (the oracle).
  DataImage Backup(const std::string& label, BackupType type, std::vector<std::string> names,
                   bool partial_support = false) {
    auto shadows = world_.Snapshot();
    BackupRequest r;
    r.label = label;
    r.bcd = Bcd(wmd_, type, names);
    r.bcd.partial_file_support = partial_support;
    if (edit_) edit_(r.bcd);
    r.writers = {wmd_};
    r.shadow_copies = shadows;
    r.live = &world_.volumes();
    BackupReport report = BackupFiles(r, &medium_);
    EXPECT_TRUE(report.ok()) << label;
    return CaptureImage(shadows);
  }
  // Restores `label` with every component selected; `edit` plays the writer's PreRestore.
  RestoreReport Restore(const std::string& label, bool additional = false,
                        std::function<void(metadata::ComponentState&)> edit = nullptr,
                        RestoreOptions options = {}) {
    RestoreRequest r;
    r.set = medium_.Find(label);
    r.bcd = SelectAllForRestore(*r.set, additional);
    if (edit) edit(r.bcd.writers[0].components[0]);
    r.options = options;
    return RestoreFiles(r, &world_.volumes());
  }
  std::string Live(const std::string& path) {
    std::string s;
    return world_.volumes().Find(path)->ReadFile(path, &s).Succeeded() ? s : "<none>";
  }

  DataWorld world_;
  Medium medium_;
  metadata::WriterMetadata wmd_;
  std::function<void(metadata::BackupComponents&)> edit_;
};

// Checks SIM-DATA-01, BT-06 and AR-01 on full -> incremental -> incremental with files created,
// grown, overwritten and deleted: the restored chain equals the last shadow copy byte for byte,
// and a file deleted before the last backup is not brought back (DATA-CHOICE-MANIFEST).
TEST_F(Backup_Restore, SimData01_FullIncrementalIncremental) {
  wmd_ =
      Writer({Component("", "db", {Files("C:\\db", "*", true)})}, BackupSchema::VSS_BS_INCREMENTAL);
  world_.C().PutFile("C:\\db\\a", "a0");
  world_.C().PutFile("C:\\db\\gone", "g");
  Backup("F", BackupType::VSS_BT_FULL, {"db"});
  world_.C().AppendFile("C:\\db\\a", "-grown");
  world_.C().DeleteFile("C:\\db\\gone");
  Backup("I1", BackupType::VSS_BT_INCREMENTAL, {"db"});
  world_.C().PutFile("C:\\db\\s\\new", "new");
  DataImage last = Backup("I2", BackupType::VSS_BT_INCREMENTAL, {"db"});
  world_.C().PutFile("C:\\db\\a", "damaged");
  world_.C().DeleteFile("C:\\db\\s\\new");
  world_.C().PutFile("C:\\db\\gone", "resurrected by the live volume");
  auto chain = medium_.ChainTo("I2");
  ASSERT_EQ(chain.size(), 3u);
  for (std::size_t i = 0; i < chain.size(); ++i) {
    RestoreReport r = Restore(chain[i]->label, i + 1 < chain.size());
    EXPECT_TRUE(r.ok());
    ASSERT_EQ(r.components.size(), 1u);
    EXPECT_EQ(r.components[0].status, FileRestoreStatus::VSS_RS_ALL);
  }
  EXPECT_EQ(Describe(CompareWithLive(last, world_.volumes(), "C:\\db", true)), "");
}

// Checks BT-06 on full -> differential: restoring the full set and the last differential gives
// the last shadow copy, skipping the earlier differential.
TEST_F(Backup_Restore, SimData01_FullDifferential) {
  wmd_ = Writer({Component("", "db", {Files("C:\\db", "*")})}, BackupSchema::VSS_BS_DIFFERENTIAL);
  world_.C().PutFile("C:\\db\\a", "a0");
  world_.C().PutFile("C:\\db\\b", "b0");
  Backup("F", BackupType::VSS_BT_FULL, {"db"});
  world_.C().PutFile("C:\\db\\a", "a1");
  Backup("D1", BackupType::VSS_BT_DIFFERENTIAL, {"db"});
  world_.C().PutFile("C:\\db\\b", "b2");
  world_.C().DeleteFile("C:\\db\\a");
  DataImage last = Backup("D2", BackupType::VSS_BT_DIFFERENTIAL, {"db"});
  world_.C().PutFile("C:\\db\\b", "live change");
  auto chain = medium_.ChainTo("D2");
  ASSERT_EQ(chain.size(), 2u);
  Restore("F", true);
  Restore("D2");
  EXPECT_EQ(Describe(CompareWithLive(last, world_.volumes(), "C:\\db", true)), "");
}

// Checks §1.7 RESTORE_IF_NOT_THERE: with originals present nothing is written (status NONE);
// with a mapping, files absent at the mapped location go there (ALT-03 "may").
TEST_F(Backup_Restore, Rme_RestoreIfNotThere) {
  wmd_ = Writer({Component("", "db", {Files("C:\\db", "*")})}, BackupSchema::VSS_BS_UNDEFINED,
                RestoreMethod::VSS_RME_RESTORE_IF_NOT_THERE);
  world_.C().PutFile("C:\\db\\a", "backup");
  Backup("F", BackupType::VSS_BT_FULL, {"db"});
  world_.C().PutFile("C:\\db\\a", "live");
  RestoreReport r = Restore("F");
  EXPECT_EQ(r.components[0].status, FileRestoreStatus::VSS_RS_NONE);
  EXPECT_EQ(Live("C:\\db\\a"), "live");
  wmd_.restore_method->alternate_location_mappings.push_back(Mapping("C:\\db", false, "D:\\alt"));
  RestoreRequest req;
  req.set = medium_.Find("F");
  req.bcd = SelectAllForRestore(*req.set, false);
  req.writers = {wmd_};  // as if the stored WMD had the mapping
  r = RestoreFiles(req, &world_.volumes());
  EXPECT_EQ(Live("D:\\alt\\a"), "backup");
  EXPECT_EQ(r.components[0].how, "alternate");
  ASSERT_EQ(r.components[0].mappings_used.size(), 1u);  // ALT-04
  world_.C().DeleteFile("C:\\db\\a");
  world_.D().DeleteFile("D:\\alt\\a");
  r = Restore("F");
  EXPECT_EQ(Live("C:\\db\\a"), "backup");
  EXPECT_EQ(r.components[0].status, FileRestoreStatus::VSS_RS_ALL);
}

// Checks §1.7 RESTORE_IF_CAN_REPLACE and RM-03: a file that cannot be replaced stops the whole
// component (nothing written, status NONE) when there is no mapping.
TEST_F(Backup_Restore, Rme_RestoreIfCanReplace) {
  wmd_ = Writer({Component("", "db", {Files("C:\\db", "*")})});
  world_.C().PutFile("C:\\db\\a", "a-backup");
  world_.C().PutFile("C:\\db\\b", "b-backup");
  Backup("F", BackupType::VSS_BT_FULL, {"db"});
  world_.C().PutFile("C:\\db\\a", "a-live");
  world_.C().PutFile("C:\\db\\b", "b-live");
  RestoreOptions locked;
  locked.locked_paths = {"C:\\db\\b"};
  RestoreReport r = Restore("F", false, nullptr, locked);
  EXPECT_EQ(r.components[0].status, FileRestoreStatus::VSS_RS_NONE);
  EXPECT_EQ(Live("C:\\db\\a"), "a-live");
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].rule_id, "RM-03");
  r = Restore("F");
  EXPECT_EQ(Live("C:\\db\\a"), "a-backup");
  EXPECT_EQ(Live("C:\\db\\b"), "b-backup");
}

// Checks ALT-03 and ALT-04: RESTORE_TO_ALTERNATE_LOCATION restores under the mapping keeping
// sub-paths; a file set without a mapping is a writer error and nothing is restored.
TEST_F(Backup_Restore, Alt03_Alt04_RestoreToAlternateLocation) {
  wmd_ = Writer({Component("", "db", {Files("C:\\db", "*", true)})}, BackupSchema::VSS_BS_UNDEFINED,
                RestoreMethod::VSS_RME_RESTORE_TO_ALTERNATE_LOCATION);
  world_.C().PutFile("C:\\db\\x\\deep", "deep");
  Backup("F", BackupType::VSS_BT_FULL, {"db"});
  RestoreReport r = Restore("F");
  EXPECT_EQ(r.components[0].status, FileRestoreStatus::VSS_RS_NONE);
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].rule_id, "ALT-03");
  wmd_.restore_method->alternate_location_mappings.push_back(Mapping("C:\\db", true, "D:\\r"));
  Backup("F2", BackupType::VSS_BT_FULL, {"db"});
  r = Restore("F2");
  EXPECT_EQ(Live("D:\\r\\x\\deep"), "deep");
  EXPECT_EQ(r.components[0].mappings_used[0].destination, "D:\\r");
  // RT_ORIGINAL_LOCATION overrides the method (§1.8).
  world_.C().DeleteFile("C:\\db\\x\\deep");
  Restore("F2", false, [](metadata::ComponentState& cs) {
    cs.restore_target = RestoreTarget::VSS_RT_ORIGINAL_LOCATION;
  });
  EXPECT_EQ(Live("C:\\db\\x\\deep"), "deep");
}

// Checks NT-01 and NT-02: a new target overrides every other location, but only for a writer
// with VSS_BS_WRITER_SUPPORTS_NEW_TARGET.
TEST_F(Backup_Restore, Nt01_Nt02_NewTarget) {
  auto add_target = [](metadata::ComponentState& cs) {
    cs.new_targets.push_back({"C:\\db", "*", false, "D:\\moved", 0});
  };
  wmd_ = Writer({Component("", "db", {Files("C:\\db", "*")})});
  world_.C().PutFile("C:\\db\\a", "a");
  Backup("plain", BackupType::VSS_BT_FULL, {"db"});
  RestoreReport r = Restore("plain", false, add_target);
  EXPECT_EQ(Live("D:\\moved\\a"), "<none>");
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].rule_id, "NT-01");
  wmd_.backup_schema = BackupSchema::VSS_BS_WRITER_SUPPORTS_NEW_TARGET;
  Backup("nt", BackupType::VSS_BT_FULL, {"db"});
  r = Restore("nt", false, add_target);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(Live("D:\\moved\\a"), "a");
  EXPECT_EQ(r.components[0].how, "new-target");
}

// Checks DT-01..03: with RT_DIRECTED the writer's directed targets move byte ranges of a
// backed-up file into another file; other files are restored as with RT_ORIGINAL.
TEST_F(Backup_Restore, Dt01_Dt02_Dt03_DirectedTargets) {
  wmd_ = Writer({Component("", "db", {Files("C:\\db", "*")})});
  world_.C().PutFile("C:\\db\\src", "0123456789");
  world_.C().PutFile("C:\\db\\other", "other");
  Backup("F", BackupType::VSS_BT_FULL, {"db"});
  world_.C().DeleteFile("C:\\db\\other");
  RestoreReport r = Restore("F", false, [](metadata::ComponentState& cs) {
    cs.restore_target = RestoreTarget::VSS_RT_DIRECTED;  // the writer's PreRestore
    cs.directed_targets.push_back({"C:\\db", "src", "2:3,7:2", "D:\\d", "dst", "0:3,10:2", 0});
    cs.directed_targets.push_back({"C:\\db", "src", "0:1", "D:\\d", "bad", "0:2", 0});
  });
  std::string dst = Live("D:\\d\\dst");
  EXPECT_EQ(dst.substr(0, 3), "234");
  EXPECT_EQ(dst.substr(10, 2), "78");
  EXPECT_EQ(Live("C:\\db\\other"), "other");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].rule_id, "DT-02");
}

// Checks SEL-07: with AddRestoreSubcomponent only the named subcomponent of the set is restored.
TEST_F(Backup_Restore, Sel07_RestoreSubcomponentOnly) {
  wmd_ = Writer({Component("", "app", {Files("C:\\app", "top")}),
                 Component("app", "one", {Files("C:\\app\\one", "*")}, false),
                 Component("app", "two", {Files("C:\\app\\two", "*")}, false)});
  world_.C().PutFile("C:\\app\\top", "top");
  world_.C().PutFile("C:\\app\\one\\1", "1");
  world_.C().PutFile("C:\\app\\two\\2", "2");
  Backup("F", BackupType::VSS_BT_FULL, {"app"});
  for (const char* p : {"C:\\app\\top", "C:\\app\\one\\1", "C:\\app\\two\\2"}) {
    world_.C().DeleteFile(p);
  }
  Restore("F", false, [](metadata::ComponentState& cs) {
    cs.restore_subcomponents.push_back({"app", "one", false, 0});
  });
  EXPECT_EQ(Live("C:\\app\\one\\1"), "1");
  EXPECT_EQ(Live("C:\\app\\two\\2"), "<none>");
  EXPECT_EQ(Live("C:\\app\\top"), "<none>");
}

// Checks PART-06: a partial file's ranges are written into the file on disk, whose size becomes
// the backed-up size (DATA-CHOICE-PARTIAL-SIZE).
TEST_F(Backup_Restore, Part06_PartialRangesIntoExistingFile) {
  wmd_ = Writer({Component("", "db", {Files("C:\\db", "*")})}, BackupSchema::VSS_BS_INCREMENTAL);
  world_.C().PutFile("C:\\db\\f", "aaaaaaaaaa");
  Backup("F", BackupType::VSS_BT_FULL, {"db"});
  world_.C().WriteFile("C:\\db\\f", 2, "XY");
  world_.C().SetFileSize("C:\\db\\f", 8);
  edit_ = [](metadata::BackupComponents& bcd) {
    bcd.writers[0].components[0].partial_files.push_back({"C:\\db", "f", "2:2", "", "", 0});
  };
  DataImage last = Backup("I", BackupType::VSS_BT_INCREMENTAL, {"db"}, true);
  EXPECT_EQ(medium_.Find("I")->FindFile("C:\\db\\f")->bytes, "XY");
  world_.C().PutFile("C:\\db\\f", "zzzzzzzzzzzzzz");
  Restore("F", true);
  RestoreReport r = Restore("I");
  EXPECT_EQ(Live("C:\\db\\f"), "aaXYaaaa");
  EXPECT_EQ(Describe(CompareWithLive(last, world_.volumes(), "C:\\db", true)), "");
  EXPECT_EQ(r.components[0].status, FileRestoreStatus::VSS_RS_ALL);
}

// Checks §1.7 RESTORE_AT_REBOOT (DATA-CHOICE-REBOOT): files are staged (reported as pending)
// and in place after the simulated reboot.
TEST_F(Backup_Restore, Rme_RestoreAtRebootIsStaged) {
  wmd_ = Writer({Component("", "db", {Files("C:\\db", "*")})}, BackupSchema::VSS_BS_UNDEFINED,
                RestoreMethod::VSS_RME_RESTORE_AT_REBOOT);
  world_.C().PutFile("C:\\db\\a", "a");
  Backup("F", BackupType::VSS_BT_FULL, {"db"});
  RestoreReport r = Restore("F");
  EXPECT_EQ(r.components[0].pending_reboot, (std::vector<std::string>{"C:\\db\\a"}));
  EXPECT_EQ(Live("C:\\db\\a"), "a");
}

}  // namespace
}  // namespace vsssim::backup
