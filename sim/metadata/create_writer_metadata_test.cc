#include "vsssim/metadata/create_writer_metadata.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "vsssim/metadata/examine_writer_metadata.h"

namespace vsssim::metadata {
namespace {

using vss::ComponentType;

class Metadata_CreateWriterMetadata : public ::testing::Test {
 protected:
  Metadata_CreateWriterMetadata()
      : builder_(Identity(),
                 [this](std::string_view rule, std::string) { findings_.emplace_back(rule); }) {}
  static WriterIdentity Identity() {
    WriterIdentity id;
    id.writer_id = *Guid::Parse("11111111-2222-3333-4444-555555555555");
    id.instance_id = *Guid::Parse("66666666-7777-8888-9999-aaaaaaaaaaaa");
    id.writer_name = "Test Writer";
    return id;
  }
  HResult AddGroup(const char* lpath, const char* name, bool selectable = true) {
    return builder_.AddComponent(ComponentType::VSS_CT_FILEGROUP, lpath, name, "", {}, false, false,
                                 selectable, false);
  }
  bool Found(const char* rule) const {
    return std::find(findings_.begin(), findings_.end(), rule) != findings_.end();
  }
  CreateWriterMetadata builder_;
  std::vector<std::string> findings_;
};

// Checks that identity comes from the constructor (Initialize) unchanged (WMD-01).
TEST_F(Metadata_CreateWriterMetadata, IdentityFromInitialize_WMD_01) {
  EXPECT_EQ(builder_.metadata().identity, Identity());
}

// Checks SetRestoreMethod's documented writer errors (WMD-02).
TEST_F(Metadata_CreateWriterMetadata, RestoreMethodErrors_WMD_02) {
  using RM = vss::RestoreMethod;
  using WR = vss::WriterRestore;
  EXPECT_EQ(builder_.SetRestoreMethod(RM::VSS_RME_UNDEFINED, "", "", WR::VSS_WRE_NEVER, false),
            hr::E_INVALIDARG);
  EXPECT_EQ(builder_.SetRestoreMethod(RM::VSS_RME_RESTORE_IF_NOT_THERE, "", "",
                                      WR::VSS_WRE_UNDEFINED, false),
            hr::E_INVALIDARG);
  EXPECT_EQ(
      builder_.SetRestoreMethod(RM::VSS_RME_STOP_RESTORE_START, "", "", WR::VSS_WRE_NEVER, false),
      hr::E_INVALIDARG);
  EXPECT_TRUE(Found("WMD-02"));
  EXPECT_FALSE(builder_.metadata().restore_method.has_value());
  EXPECT_EQ(builder_.SetRestoreMethod(RM::VSS_RME_STOP_RESTORE_START, "MSSQLSERVER", "",
                                      WR::VSS_WRE_NEVER, true),
            hr::S_OK);
  EXPECT_EQ(builder_.metadata().restore_method->service, "MSSQLSERVER");
}

// Checks AddAlternateLocationMapping needs SetRestoreMethod first and an existing file set
// (WMD-03, MATCH-01).
TEST_F(Metadata_CreateWriterMetadata, AlternateMappingOrderAndMatch_WMD_03) {
  ASSERT_EQ(AddGroup("", "g"), hr::S_OK);
  ASSERT_EQ(builder_.AddFilesToFileGroup("", "g", "C:\\D", "*.dat", false, ""), hr::S_OK);
  EXPECT_EQ(builder_.AddAlternateLocationMapping("C:\\D", "*.dat", false, "E:\\"),
            hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_TRUE(Found("WMD-03"));
  ASSERT_EQ(builder_.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_TO_ALTERNATE_LOCATION, "",
                                      "", vss::WriterRestore::VSS_WRE_NEVER, false),
            hr::S_OK);
  EXPECT_EQ(builder_.AddAlternateLocationMapping("C:\\D", "*.dat", true, "E:\\"),
            hr::VSS_E_OBJECT_NOT_FOUND);  // recursive differs: not the same triple
  EXPECT_TRUE(Found("MATCH-01"));
  EXPECT_EQ(builder_.AddAlternateLocationMapping("C:\\D", "*.dat", false, "E:\\"), hr::S_OK);
  EXPECT_EQ(builder_.AddAlternateLocationMapping("C:\\D", "*.dat", false, "F:\\"), hr::S_OK);
  EXPECT_EQ(builder_.metadata().restore_method->alternate_location_mappings.size(), 2u);
}

// Checks AddComponent argument errors, duplicates and reserved flags (WMD-04, SEL-09).
TEST_F(Metadata_CreateWriterMetadata, AddComponentRules_WMD_04) {
  EXPECT_EQ(AddGroup("", ""), hr::E_INVALIDARG);
  EXPECT_EQ(AddGroup("", "a\\b"), hr::E_INVALIDARG);
  EXPECT_EQ(builder_.AddComponent(ComponentType::VSS_CT_UNDEFINED, "", "x", "", {}, false, false,
                                  true, false),
            hr::E_INVALIDARG);
  EXPECT_EQ(builder_.AddComponent(ComponentType::VSS_CT_FILEGROUP, "", "x", "", {}, false, false,
                                  true, false, vss::ComponentFlags{8}),
            hr::E_INVALIDARG);
  EXPECT_EQ(AddGroup("p", "x"), hr::S_OK);
  EXPECT_EQ(AddGroup("p", "x"), hr::VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_TRUE(Found("SEL-09"));
  EXPECT_EQ(AddGroup("q", "x"), hr::S_OK);  // same name, other path: a different component
  findings_.clear();
  EXPECT_EQ(builder_.AddComponent(ComponentType::VSS_CT_FILEGROUP, "", "r", "", {}, false, true,
                                  true, false),
            hr::S_OK);
  EXPECT_TRUE(Found("WMD-04"));  // reserved bNotifyOnBackupComplete: allowed, reported
  EXPECT_EQ(AddGroup("", "empty"), hr::S_OK);  // a component with no files is legal
}

// Checks file-set calls: component must exist and have the right type, syntax rules, mask
// bits, default mask 0xF0F, overlaps reported (WMD-05, WMD-06, FSBT-01).
TEST_F(Metadata_CreateWriterMetadata, FileSetRules_WMD_05_WMD_06) {
  ASSERT_EQ(AddGroup("", "g"), hr::S_OK);
  ASSERT_EQ(builder_.AddComponent(ComponentType::VSS_CT_DATABASE, "", "db", "", {}, false, false,
                                  false, false),
            hr::S_OK);
  EXPECT_EQ(builder_.AddFilesToFileGroup("", "none", "C:\\D", "*", false, ""),
            hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(builder_.AddFilesToFileGroup("", "db", "C:\\D", "*", false, ""), hr::E_INVALIDARG);
  EXPECT_EQ(builder_.AddDatabaseFiles("", "g", "C:\\D", "x.mdf"), hr::E_INVALIDARG);
  EXPECT_EQ(builder_.AddDatabaseLogFiles("", "nodb", "C:\\D", "x.ldf"), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(builder_.AddFilesToFileGroup("", "g", "C:\\D*", "*", false, ""), hr::E_INVALIDARG);
  EXPECT_EQ(builder_.AddFilesToFileGroup("", "g", "C:\\D", "sub\\x", false, ""), hr::E_INVALIDARG);
  EXPECT_EQ(builder_.AddFilesToFileGroup("", "g", "", "x", false, ""), hr::E_INVALIDARG);
  EXPECT_EQ(
      builder_.AddFilesToFileGroup("", "g", "C:\\D", "x", false, "", vss::FileSpecBackupType{0x20}),
      hr::E_INVALIDARG);
  EXPECT_EQ(builder_.AddFilesToFileGroup("", "g", "%SystemRoot%\\D\\", "*.log", true, ""),
            hr::S_OK);
  EXPECT_EQ(builder_.metadata().components[0].files[0].backup_type_mask,
            vss::kDefaultFileSpecBackupType);
  EXPECT_EQ(builder_.AddDatabaseFiles("", "db", "C:\\Db", "db.mdf"), hr::S_OK);
  EXPECT_EQ(builder_.AddDatabaseFiles("", "db", "D:\\Db", "db2.ndf"), hr::S_OK);  // repeatable
  EXPECT_EQ(builder_.AddDatabaseLogFiles("", "db", "E:\\Log", "db.ldf"), hr::S_OK);
  findings_.clear();
  EXPECT_EQ(builder_.AddFilesToFileGroup("", "g", "C:\\Db", "db.mdf", false, ""), hr::S_OK);
  EXPECT_TRUE(Found("WMD-06"));  // the same file named twice in one writer
}

// Checks that n identical file sets give one WMD-06 finding per repeated call (n-1), not
// one per earlier copy (n(n-1)/2: 1,000 sets once took 672 MiB of findings).
TEST_F(Metadata_CreateWriterMetadata, RepeatedFileSetIsReportedOncePerCall_WMD_06) {
  ASSERT_EQ(AddGroup("", "g"), hr::S_OK);
  findings_.clear();
  constexpr int kCopies = 300;
  for (int i = 0; i < kCopies; ++i) {
    ASSERT_EQ(builder_.AddFilesToFileGroup("", "g", "C:\\Same", "*.dat", false, ""), hr::S_OK);
  }
  EXPECT_EQ(std::count(findings_.begin(), findings_.end(), "WMD-06"), kCopies - 1);
}

// Checks exclusions, reserved include files and dependencies (WMD-07, 08, 09, 11).
TEST_F(Metadata_CreateWriterMetadata, ExclusionsIncludesDependencies_WMD_07_08_09_11) {
  EXPECT_EQ(builder_.AddExcludeFiles("C:\\Temp", "*.tmp", true), hr::S_OK);
  EXPECT_EQ(builder_.AddExcludeFiles("C:\\Temp", "", true), hr::E_INVALIDARG);
  EXPECT_EQ(builder_.AddExcludeFilesFromSnapshot("C:\\Page", "big.bin", false), hr::S_OK);
  EXPECT_EQ(builder_.AddIncludeFiles("C:\\", "*", true, ""), hr::E_NOTIMPL);
  EXPECT_TRUE(Found("WMD-11"));
  Guid other = *Guid::Parse("abcdefab-cdef-abcd-efab-cdefabcdefab");
  EXPECT_EQ(builder_.AddComponentDependency("", "g", other, "", "t"), hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(AddGroup("", "g"), hr::S_OK);
  EXPECT_EQ(builder_.AddComponentDependency("", "g", Identity().writer_id, "", "t"),
            hr::E_INVALIDARG);
  EXPECT_EQ(builder_.AddComponentDependency("", "g", other, "\\\\Remote\\lp", "t"), hr::S_OK);
  EXPECT_EQ(builder_.metadata().exclude_files.size(), 1u);
  EXPECT_EQ(builder_.metadata().exclude_files_from_snapshot.size(), 1u);
  EXPECT_EQ(builder_.metadata().components[0].dependencies.size(), 1u);
}

// Checks SetBackupSchema combination rules (WMD-10, §1.3) and that the SQL writer's 881 passes.
TEST_F(Metadata_CreateWriterMetadata, BackupSchemaCombinations_WMD_10) {
  for (std::uint32_t bad : {0x4u, 0x5u, 0x20u, 0x40u, 0x800u, 0x10000u}) {
    EXPECT_EQ(builder_.SetBackupSchema(vss::BackupSchema{bad}), hr::E_INVALIDARG) << bad;
  }
  for (std::uint32_t good : {0x0u, 0x7u, 0x22u, 0x41u, 0x371u, 0xF71Fu}) {
    EXPECT_EQ(builder_.SetBackupSchema(vss::BackupSchema{good}), hr::S_OK) << good;
  }
  EXPECT_EQ(static_cast<std::uint32_t>(builder_.metadata().backup_schema), 0xF71Fu);
  findings_.clear();
  std::string xml;
  EXPECT_EQ(builder_.SaveAsXML(&xml), hr::S_OK);
  EXPECT_TRUE(Found("WMD-10"));           // LOG bit without log files
  EXPECT_TRUE(Found("WRT-IDENTIFY-05"));  // no restore method, no component
}

// Checks SaveAsXML output loads unchanged through the requester's reader (WMD-12, XML-02), and
// the IVssExamineWriterMetadata-shaped getters see what the writer built.
TEST_F(Metadata_CreateWriterMetadata, SaveLoadThroughExamine_WMD_12) {
  ASSERT_EQ(AddGroup("", "g"), hr::S_OK);
  ASSERT_EQ(builder_.AddFilesToFileGroup("", "g", "C:\\D", "*.dat", false, "C:\\Alt",
                                         vss::FileSpecBackupType{0x101}),
            hr::S_OK);
  ASSERT_EQ(builder_.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                                      vss::WriterRestore::VSS_WRE_ALWAYS, false),
            hr::S_OK);
  ASSERT_EQ(builder_.AddAlternateLocationMapping("C:\\D", "*.dat", false, "E:\\R"), hr::S_OK);
  std::string xml;
  ASSERT_EQ(builder_.SaveAsXML(&xml), hr::S_OK);
  ExamineWriterMetadata examine;
  ASSERT_EQ(examine.LoadFromXML(xml), hr::S_OK);
  EXPECT_EQ(examine.metadata(), builder_.metadata());
  std::uint32_t inc = 9, exc = 9, comps = 0;
  ASSERT_EQ(examine.GetFileCounts(&inc, &exc, &comps), hr::S_OK);
  EXPECT_EQ(inc, 0u);
  EXPECT_EQ(comps, 1u);
  WMComponent c;
  ASSERT_EQ(examine.GetComponent(0, &c), hr::S_OK);
  EXPECT_EQ(examine.GetComponent(1, &c), hr::E_INVALIDARG);
  ComponentInfo info;
  ASSERT_EQ(c.GetComponentInfo(&info), hr::S_OK);
  EXPECT_EQ(info.file_count, 1u);
  EXPECT_TRUE(info.selectable);
  WMFiledesc f;
  ASSERT_EQ(c.GetFile(0, &f), hr::S_OK);
  std::string alt;
  EXPECT_EQ(f.GetAlternateLocation(&alt), hr::S_OK);
  EXPECT_EQ(alt, "C:\\Alt");
  vss::FileSpecBackupType mask{};
  EXPECT_EQ(f.GetBackupTypeMask(&mask), hr::S_OK);
  EXPECT_EQ(static_cast<std::uint32_t>(mask), 0x101u);
  vss::RestoreMethod m{};
  std::string svc, proc;
  vss::WriterRestore wr{};
  bool reboot = true;
  std::uint32_t mappings = 0;
  ASSERT_EQ(examine.GetRestoreMethod(&m, &svc, &proc, &wr, &reboot, &mappings), hr::S_OK);
  EXPECT_EQ(mappings, 1u);
  WMFiledesc mapping;
  ASSERT_EQ(examine.GetAlternateLocationMapping(0, &mapping), hr::S_OK);
  ASSERT_EQ(mapping.GetAlternateLocation(&alt), hr::S_OK);
  EXPECT_EQ(alt, "E:\\R");
  EXPECT_EQ(examine.LoadFromXML("<broken"), hr::S_FALSE);  // XML-02; content kept
  EXPECT_EQ(examine.metadata(), builder_.metadata());
  EXPECT_FALSE(examine.load_diagnostics().empty());
}

// Checks that TakeMetadata moves the whole document out and leaves an empty one behind.
TEST_F(Metadata_CreateWriterMetadata, TakeMetadataLeavesAnEmptyDocument) {
  ASSERT_EQ(AddGroup("", "g"), hr::S_OK);
  ASSERT_EQ(builder_.AddFilesToFileGroup("", "g", "C:\\D", "*", true, ""), hr::S_OK);
  const WriterMetadata before = builder_.metadata();
  EXPECT_EQ(builder_.TakeMetadata(), before);
  EXPECT_EQ(builder_.metadata(), WriterMetadata{});
  EXPECT_EQ(AddGroup("", "g"), hr::S_OK);  // the builder goes on from the empty document
  EXPECT_EQ(builder_.metadata().components.size(), 1u);
}

// Checks that a WMComponent shares the document without depending on the object that handed
// it out: it outlives it and keeps the old component across a reload; copies of an
// ExamineWriterMetadata stay independent (TakeMetadata on one leaves the other whole).
TEST_F(Metadata_CreateWriterMetadata, ExamineSharesItsDocumentSafely) {
  ASSERT_EQ(AddGroup("", "first"), hr::S_OK);
  ASSERT_EQ(builder_.AddFilesToFileGroup("", "first", "C:\\D", "*", true, ""), hr::S_OK);
  const WriterMetadata document = builder_.metadata();
  WMComponent kept;
  auto examine = std::make_unique<ExamineWriterMetadata>(document);
  ASSERT_EQ(examine->GetComponent(0, &kept), hr::S_OK);
  ExamineWriterMetadata copy = *examine;
  EXPECT_EQ(copy.TakeMetadata(), document);  // shared: a copy comes out
  EXPECT_EQ(examine->metadata(), document);
  EXPECT_EQ(kept.description(), document.components[0]);

  CreateWriterMetadata other(Identity());
  ASSERT_EQ(other.AddComponent(ComponentType::VSS_CT_FILEGROUP, "", "second", "", {}, false, false,
                               true, false),
            hr::S_OK);
  std::string xml;
  ASSERT_EQ(other.SaveAsXML(&xml), hr::S_OK);
  ASSERT_EQ(examine->LoadFromXML(xml), hr::S_OK);
  EXPECT_EQ(examine->metadata().components[0].name, "second");
  EXPECT_EQ(kept.description().name, "first");  // the component handed out is unchanged
  examine.reset();
  ComponentInfo info;
  ASSERT_EQ(kept.GetComponentInfo(&info), hr::S_OK);
  EXPECT_EQ(info.component_name, "first");
  EXPECT_EQ(info.file_count, 1u);

  EXPECT_EQ(WMComponent().description(), ComponentDescription{});
  EXPECT_EQ(WMComponent(document.components[0]).description(), document.components[0]);
  EXPECT_EQ(ExamineWriterMetadata().metadata(), WriterMetadata{});
  EXPECT_EQ(ExamineWriterMetadata().TakeMetadata(), WriterMetadata{});
}

}  // namespace
}  // namespace vsssim::metadata
