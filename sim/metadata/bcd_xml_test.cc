#include <gtest/gtest.h>

#include <algorithm>

#include "sim/metadata/testing/sample_documents.h"
#include "vsssim/metadata/validate.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::metadata {
namespace {

Guid G(const char* text) { return *Guid::Parse(text); }

// A BCD that uses every field of the model.
BackupComponents EveryFieldBcd() {
  BackupComponents bc;
  bc.select_components = true;
  bc.bootable_system_state_backup = true;
  bc.backup_type = vss::BackupType::VSS_BT_INCREMENTAL;
  bc.partial_file_support = true;
  bc.snapshot_set_id = G("01234567-89ab-cdef-0123-456789abcdef");
  bc.restore_type = vss::RestoreType::VSS_RTYPE_IMPORT;
  WriterComponents w;
  w.writer_id = G("11111111-2222-3333-4444-555555555555");
  w.instance_id = G("66666666-7777-8888-9999-aaaaaaaaaaaa");
  w.instance_name = "inst";
  w.backup_schema = vss::BackupSchema{0x371};
  ComponentState c;
  c.type = vss::ComponentType::VSS_CT_DATABASE;
  c.logical_path = "Host\\Inst";
  c.name = "db";
  c.backup_stamp = "stamp==";
  c.backup_metadata = "<private & \"data\">";
  c.prepare_for_backup_failure_msg = "pb failed";
  c.post_snapshot_failure_msg = "";
  c.differenced_files.push_back({"C:\\Db", "*.ndf", true, 132000000000000000ull, 0});
  c.partial_files.push_back({"C:\\Db", "db.mdf", "0:4096,0x10000:512", "meta", "D:\\r.bin", 0});
  c.previous_backup_stamp = "old==";
  c.backup_options = "\"Copy Only\"=\"No\"";
  c.backup_succeeded = false;
  c.selected_for_restore = true;
  c.additional_restores = true;
  c.restore_options = "\"Roll Forward\"=\"All\"";
  c.restore_subcomponents.push_back({"Host\\Inst\\db", "fg1", false, 0});
  c.new_targets.push_back({"C:\\Db", "db.mdf", false, "F:\\New", 0});
  AlternateLocationMapping alm;
  alm.path = "C:\\Db";
  alm.filespec = "db.mdf";
  alm.destination = "E:\\Alt";
  c.alternate_location_mappings.push_back(alm);
  c.file_restore_status = vss::FileRestoreStatus::VSS_RS_FAILED;
  c.authoritative_restore = true;
  c.roll_forward_type = vss::RollForwardType::VSS_RF_PARTIAL;
  c.roll_forward_point = "lsn:42";
  c.restore_name = "db_copy";
  c.restore_metadata = "rm";
  c.restore_target = vss::RestoreTarget::VSS_RT_DIRECTED;
  c.directed_targets.push_back({"C:\\Db", "db.mdf", "0:10", "C:\\Db2", "db.mdf", "100:10", 0});
  c.pre_restore_failure_msg = "pre";
  c.post_restore_failure_msg = "post";
  c.failure = ComponentFailure{hr::VSS_E_WRITERERROR_RETRYABLE, HResult{0x80004005}, "msg", 0};
  w.components.push_back(c);
  bc.writers.push_back(w);
  return bc;
}

// Checks build -> save -> load -> save gives identical XML and an equal model for a BCD
// holding every field (XML-03; invented names BCDX-06).
TEST(Metadata_BcdXml, RoundTripEveryFieldIsIdentical_XML_03) {
  BackupComponents built = EveryFieldBcd();
  std::string first = WriteBackupComponentsXml(built);
  auto loaded = ReadBackupComponentsXml(first);
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics.at(0).ToString();
  EXPECT_TRUE(loaded.diagnostics.empty());
  EXPECT_EQ(*loaded.document, built);
  EXPECT_EQ(WriteBackupComponentsXml(*loaded.document), first);
  EXPECT_NE(first.find("xmlns=\"x-schema:#VssComponentMetadata\""), std::string::npos);
  EXPECT_NE(first.find("backupType=\"incremental\""), std::string::npos);
  EXPECT_NE(first.find("backupStamp=\"stamp==\""), std::string::npos);
}

// Checks the SQL-Server-like BCD (backupStamp, BACKUP_METADATA child, BCDX-04, STAMP-05) in
// UTF-8 and UTF-16 with mixed-case and braced GUIDs, and load -> save -> load equality.
TEST(Metadata_BcdXml, SqlServerLikeBcdUtf8AndUtf16_BCDX_04_STAMP_05) {
  std::string utf8 = testing::SqlServerLikeBcd(2);
  auto a = ReadBackupComponentsXml(utf8);
  auto b = ReadBackupComponentsXml(ToUtf16LE(utf8));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a.document, *b.document);
  const BackupComponents& bc = *a.document;
  EXPECT_TRUE(bc.select_components);
  EXPECT_EQ(bc.backup_type, vss::BackupType::VSS_BT_FULL);
  EXPECT_EQ(bc.snapshot_set_id, G("3f1b0a2c-7d4e-4f5a-9b6c-8d7e6f5a4b3c"));
  ASSERT_EQ(bc.writers.size(), 2u);
  EXPECT_EQ(bc.writers[1].writer_id, G(testing::kSystemWriterId));
  const ComponentState& master = bc.writers[0].components.at(0);
  EXPECT_EQ(master.name, "master");
  ASSERT_TRUE(master.backup_stamp.has_value());
  EXPECT_EQ(master.backup_stamp->substr(0, 4), "AAAA");
  ASSERT_TRUE(master.backup_metadata.has_value());
  EXPECT_EQ(*master.backup_metadata, "0x000000000000000001000000<sqlmeta db=\"master\"/>");
  auto again = ReadBackupComponentsXml(WriteBackupComponentsXml(bc));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again.document, bc);
  EXPECT_TRUE(ValidateBackupComponents(bc).empty());
}

// Checks that a transportable-set description (BCDX-05) is kept without a warning.
TEST(Metadata_BcdXml, SnapshotSetDescriptionIsKept_BCDX_05) {
  std::string doc =
      "<BACKUP_COMPONENTS xmlns=\"x-schema:#VssComponentMetadata\" version=\"1.2\" "
      "selectComponents=\"yes\" backupType=\"copy\"><SNAPSHOT_SET_DESCRIPTION "
      "snapshotSetId=\"{3F1B0A2C-7D4E-4F5A-9B6C-8D7E6F5A4B3C}\"><SNAPSHOT_DESCRIPTION "
      "snapshotId=\"x\"><LUN_MAPPING/></SNAPSHOT_DESCRIPTION></SNAPSHOT_SET_DESCRIPTION>"
      "</BACKUP_COMPONENTS>";
  auto r = ReadBackupComponentsXml(doc);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.document->backup_type, vss::BackupType::VSS_BT_COPY);
  ASSERT_EQ(r.document->extensions.elements.size(), 1u);
  EXPECT_NE(WriteBackupComponentsXml(*r.document).find("<LUN_MAPPING/>"), std::string::npos);
}

// Checks the BCD validator: partial files without partial-file support (PART-01), malformed
// ranges (PART-03), mismatched directed ranges (DT-02) and duplicate components (SEL-09).
TEST(Metadata_BcdXml, ValidatorFindsDataRuleViolations_PART_01_PART_03_DT_02_SEL_09) {
  BackupComponents bc = EveryFieldBcd();
  bc.partial_file_support = false;
  ComponentState& c = bc.writers[0].components[0];
  c.partial_files.push_back({"C:\\Db", "x.mdf", "12:", "", "", 7});
  c.directed_targets.push_back({"C:\\a", "f", "0:10,20:5", "C:\\b", "f", "0:10", 8});
  bc.writers[0].components.push_back(c);
  std::vector<std::string> rules;
  for (const Diagnostic& d : ValidateBackupComponents(bc, "x.xml")) rules.push_back(d.rule_id);
  for (const char* rule : {"PART-01", "PART-03", "DT-02", "SEL-09"}) {
    EXPECT_NE(std::find(rules.begin(), rules.end(), rule), rules.end()) << rule;
  }
}

// Checks restore requests against the writer's schema: new targets need
// WRITER_SUPPORTS_NEW_TARGET (NT-01); authoritative restore, roll-forward and restore name need
// their schema bits (RO-02). Warnings, since the requester made the request.
TEST(Metadata_BcdXml, RestoreRequestsNeedSchemaBits_NT_01_RO_02) {
  BackupComponents bc = EveryFieldBcd();  // schema 0x371: NEW_TARGET yes, RO-02 bits no
  std::vector<std::string> rules;
  for (const Diagnostic& d : ValidateBackupComponents(bc)) {
    if (d.severity == Severity::kWarning) rules.push_back(d.rule_id);
  }
  EXPECT_EQ(std::count(rules.begin(), rules.end(), "NT-01"), 0);
  EXPECT_EQ(std::count(rules.begin(), rules.end(), "RO-02"), 3);
  bc.writers[0].backup_schema = vss::BackupSchema{0x7001};
  rules.clear();
  for (const Diagnostic& d : ValidateBackupComponents(bc)) rules.push_back(d.rule_id);
  EXPECT_EQ(std::count(rules.begin(), rules.end(), "NT-01"), 1);
  EXPECT_EQ(std::count(rules.begin(), rules.end(), "RO-02"), 0);
}

}  // namespace
}  // namespace vsssim::metadata
