#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "sim/metadata/testing/sample_documents.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/metadata/validate.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::metadata {
namespace {

Guid G(const char* text) { return *Guid::Parse(text); }

// A WMD that uses every field of the model.
WriterMetadata EveryFieldWmd() {
  WriterIdentity id;
  id.writer_id = G("11111111-2222-3333-4444-555555555555");
  id.instance_id = G("66666666-7777-8888-9999-aaaaaaaaaaaa");
  id.writer_name = "Every Field Writer";
  id.instance_name = "instance <one> & \"two\"";
  id.usage = vss::UsageType::VSS_UT_SYSTEMSERVICE;
  id.source_type = vss::SourceType::VSS_ST_NONTRANSACTEDDB;
  id.major_version = 3;
  id.minor_version = 7;
  CreateWriterMetadata b(id);
  EXPECT_EQ(b.SetBackupSchema(vss::BackupSchema{0x371}), hr::S_OK);
  EXPECT_EQ(b.AddComponent(vss::ComponentType::VSS_CT_FILEGROUP, "", "Files", "Caption é",
                           {1, 2, 3, 4}, false, false, true, false, vss::ComponentFlags{4}),
            hr::S_OK);
  EXPECT_EQ(b.AddFilesToFileGroup("", "Files", "C:\\Data", "*.dat", true, "D:\\Staging",
                                  vss::FileSpecBackupType{0x103}),
            hr::S_OK);
  EXPECT_EQ(b.AddComponent(vss::ComponentType::VSS_CT_DATABASE, "Files", "db", "", {}, false, false,
                           false, true, vss::ComponentFlags{3}),
            hr::S_OK);
  EXPECT_EQ(b.AddDatabaseFiles("Files", "db", "C:\\Db", "db.mdf"), hr::S_OK);
  EXPECT_EQ(
      b.AddDatabaseLogFiles("Files", "db", "C:\\Db", "db*.log", vss::FileSpecBackupType{0x808}),
      hr::S_OK);
  EXPECT_EQ(b.AddComponentDependency("Files", "db", G("abcdefab-cdef-abcd-efab-cdefabcdefab"),
                                     "Other", "target"),
            hr::S_OK);
  EXPECT_EQ(b.SetRestoreMethod(vss::RestoreMethod::VSS_RME_STOP_RESTORE_START, "MySvc",
                               "call support", vss::WriterRestore::VSS_WRE_IF_REPLACE_FAILS, true),
            hr::S_OK);
  EXPECT_EQ(b.AddAlternateLocationMapping("C:\\Db", "db.mdf", false, "E:\\Restore"), hr::S_OK);
  EXPECT_EQ(b.AddExcludeFiles("C:\\Data", "*.tmp", true), hr::S_OK);
  EXPECT_EQ(b.AddExcludeFilesFromSnapshot("C:\\Data", "scratch.bin", false), hr::S_OK);
  return b.metadata();
}

// Checks build -> save -> load -> save gives identical XML and an equal model (acceptance).
TEST(Metadata_WmdXml, RoundTripBuildSaveLoadSaveIsIdentical) {
  WriterMetadata built = EveryFieldWmd();
  std::string first = WriteWriterMetadataXml(built);
  ReadResult<WriterMetadata> loaded = ReadWriterMetadataXml(first);
  ASSERT_TRUE(loaded.ok()) << (loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].ToString());
  EXPECT_TRUE(loaded.diagnostics.empty());
  EXPECT_EQ(*loaded.document, built);
  EXPECT_EQ(WriteWriterMetadataXml(*loaded.document), first);
  // The real format (§6.2): namespace, yes/no, decimal masks, observed spellings.
  EXPECT_NE(first.find("xmlns=\"x-schema:#VssWriterMetadataInfo\""), std::string::npos);
  EXPECT_NE(first.find("backupSchema=\"881\""), std::string::npos);
  EXPECT_NE(first.find("filespecBackupType=\"259\""), std::string::npos);
  EXPECT_NE(first.find("selectable=\"yes\""), std::string::npos);
  EXPECT_NE(first.find("<DATABASE_LOGFILES"), std::string::npos);
}

// Checks the SQL-Server-like document (backupSchema 881, FILE_GROUP per database,
// componentFlags 2) in UTF-8 and UTF-16 gives the same model, and load -> save -> load is equal.
TEST(Metadata_WmdXml, SqlServerLikeDocumentUtf8AndUtf16_WMDX_10) {
  std::string utf8 = testing::SqlServerLikeWmd(4);
  auto a = ReadWriterMetadataXml(utf8);
  auto b = ReadWriterMetadataXml(ToUtf16LE(utf8));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a.document, *b.document);
  const WriterMetadata& wm = *a.document;
  EXPECT_EQ(static_cast<std::uint32_t>(wm.backup_schema), 881u);
  EXPECT_EQ(wm.identity.source_type, vss::SourceType::VSS_ST_TRANSACTEDDB);
  EXPECT_EQ(wm.identity.instance_name, "SQL Server 2017:SQLWriter");
  ASSERT_EQ(wm.components.size(), 4u);
  EXPECT_EQ(wm.components[3].name, "AdventureWorks");
  EXPECT_EQ(wm.components[3].logical_path, "WIN-SQLHOST");
  EXPECT_EQ(static_cast<std::uint32_t>(wm.components[3].flags), 2u);
  EXPECT_TRUE(wm.components[3].notify_on_backup_complete);
  EXPECT_TRUE(wm.components[3].selectable_for_restore);
  EXPECT_EQ(wm.components[3].files.size(), 2u);
  EXPECT_EQ(wm.restore_method->method, vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE);
  auto again = ReadWriterMetadataXml(WriteWriterMetadataXml(wm));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again.document, wm);
  EXPECT_TRUE(ValidateWriterMetadata(wm).empty());
}

// Checks the 2 MB, 19,000-file System-Writer-like document, pretty and one-line, UTF-8 and
// UTF-16 (mixed-case and braced GUIDs), reads to one model that survives a round trip.
TEST(Metadata_WmdXml, SystemWriterLikeTwoMegabytes_WMDX_12) {
  std::string pretty = testing::SystemWriterLikeWmd(19000, false);
  EXPECT_GT(pretty.size(), 2'000'000u);
  auto a = ReadWriterMetadataXml(pretty);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.document->FileSetCount(), 19000u);
  EXPECT_EQ(a.document->identity.writer_id, G(testing::kSystemWriterId));
  EXPECT_EQ(a.document->restore_method->method, vss::RestoreMethod::VSS_RME_RESTORE_AT_REBOOT);
  auto b = ReadWriterMetadataXml(ToUtf16LE(testing::SystemWriterLikeWmd(19000, true)));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*a.document, *b.document);
  auto c = ReadWriterMetadataXml(WriteWriterMetadataXml(*a.document));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c.document, *a.document);
}

// Checks that unknown elements and attributes are kept and written back (WMDX-11), with a
// warning, and that a missing RESTORE_METHOD is a warning, not a failure (WMDX-08).
TEST(Metadata_WmdXml, UnknownXmlKeptAndMissingRestoreMethodIsAWarning_WMDX_08_WMDX_11) {
  const std::string doc =
      "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.2\" future=\"1\">"
      "<IDENTIFICATION writerId=\"{4969D978-BE47-48B0-B100-F328F07AC1E0}\" "
      "instanceId=\"00000000-0000-0000-0000-000000000001\" friendlyName=\"BITS Writer\" "
      "usage=\"USER_DATA\" dataSource=\"OTHER\" majorVersion=\"1\" minorVersion=\"0\"/>"
      "<BACKUP_LOCATIONS><FILE_GROUP componentName=\"BITS_metadata\" caption=\"\" "
      "restoreMetadata=\"no\" notifyOnBackupComplete=\"no\" selectable=\"yes\" "
      "selectableForRestore=\"no\" componentFlags=\"0\" newAttr=\"x\"><FILE_LIST "
      "path=\"%AllUsersProfile%\\Microsoft\\Network\\Downloader\" filespec=\"qmgr*.dat\" "
      "filespecBackupType=\"3855\"/><FUTURE_CHILD a=\"b\"><X/></FUTURE_CHILD></FILE_GROUP>"
      "</BACKUP_LOCATIONS><FUTURE_TOP/></WRITER_METADATA>";
  auto r = ReadWriterMetadataXml(doc, "bits.xml");
  ASSERT_TRUE(r.ok());
  bool saw_wmdx08 = false, saw_wmdx11 = false;
  for (const Diagnostic& d : r.diagnostics) {
    EXPECT_EQ(d.severity, Severity::kWarning) << d.ToString();
    saw_wmdx08 = saw_wmdx08 || d.rule_id == "WMDX-08";
    saw_wmdx11 = saw_wmdx11 || d.rule_id == "WMDX-11";
  }
  EXPECT_TRUE(saw_wmdx08 && saw_wmdx11);
  EXPECT_FALSE(r.document->restore_method.has_value());
  EXPECT_FALSE(r.document->components[0].files[0].recursive);  // WMDX-03
  std::string saved = WriteWriterMetadataXml(*r.document);
  EXPECT_NE(saved.find("newAttr=\"x\""), std::string::npos);
  EXPECT_NE(saved.find("<FUTURE_CHILD a=\"b\">"), std::string::npos);
  EXPECT_NE(saved.find("<FUTURE_TOP/>"), std::string::npos);
  EXPECT_NE(saved.find("future=\"1\""), std::string::npos);
  auto again = ReadWriterMetadataXml(saved);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again.document, *r.document);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Checks that Microsoft's published WMD fragments (NTDS, AD LDS) parse when wrapped in a root
// with an identity (XML-05): DATABASE with DATABASE_FILES / DATABASE_LOGFILES, flags 3, 3855.
TEST(Metadata_WmdXml, MicrosoftDocsFragmentsParse_XML_05) {
  const std::string dir = std::string(VSSSIM_REALWORLD_DIR) + "/microsoft-docs/";
  for (const char* name : {"win32_in-box-vss-writers__NTDS_WMD_fragment.xml",
                           "win32_in-box-vss-writers__ADAM_LDS_WMD_fragment.xml"}) {
    std::string fragment = ReadFile(dir + name);
    if (fragment.empty()) GTEST_SKIP() << "realworld data not present: " << dir;
    std::string doc =
        "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.2\">\n"
        "<IDENTIFICATION writerId=\"b2014c9e-8711-4c5c-a5a9-3cf384484757\" "
        "instanceId=\"00000000-0000-0000-0000-000000000002\" friendlyName=\"NTDS\" "
        "usage=\"SYSTEM_SERVICE\" dataSource=\"TRANSACTION_DB\"/>\n"
        "<RESTORE_METHOD method=\"CUSTOM\" writerRestore=\"always\" rebootRequired=\"yes\"/>\n" +
        fragment + "</WRITER_METADATA>\n";
    auto r = ReadWriterMetadataXml(doc, name);
    ASSERT_TRUE(r.ok()) << r.diagnostics[0].ToString();
    const ComponentDescription& c = r.document->components.at(0);
    EXPECT_EQ(c.type, vss::ComponentType::VSS_CT_DATABASE);
    EXPECT_EQ(static_cast<std::uint32_t>(c.flags), 3u);
    EXPECT_EQ(c.database_files.size(), 1u);
    EXPECT_EQ(c.log_files.size(), 2u);
    EXPECT_EQ(c.log_files[0].filespec, "edb*.log");
    EXPECT_EQ(c.log_files[1].backup_type_mask, vss::kDefaultFileSpecBackupType);
    // Line numbers point into the document: 3 wrapper lines, then the fragment.
    std::size_t second =
        fragment.find("<DATABASE_LOGFILES", fragment.find("<DATABASE_LOGFILES") + 1);
    int expected_line =
        4 + static_cast<int>(std::count(fragment.begin(), fragment.begin() + second, '\n'));
    EXPECT_EQ(c.log_files[1].source_line, expected_line);
  }
}

}  // namespace
}  // namespace vsssim::metadata
