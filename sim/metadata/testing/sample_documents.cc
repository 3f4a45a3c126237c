#include "sim/metadata/testing/sample_documents.h"

#include <cstdio>

namespace vsssim::metadata::testing {
namespace {

const char* const kDirs[] = {
    "c:\\windows\\system32",           "c:\\windows\\system32\\drivers",
    "c:\\windows\\syswow64",           "c:\\windows\\winsxs\\amd64_microsoft-windows-s..",
    "c:\\program files\\common files", "c:\\windows\\system32\\wbem"};
const char* const kExt[] = {"dll", "sys", "exe", "mui", "cat", "manifest"};

}  // namespace

std::string SystemWriterLikeWmd(int file_count, bool one_line) {
  const char* nl = one_line ? "" : "\n";
  const char* in1 = one_line ? "" : "  ";
  const char* in2 = one_line ? "" : "    ";
  const char* in3 = one_line ? "" : "      ";
  std::string s;
  s.reserve(static_cast<std::size_t>(file_count) * 120 + 4096);
  s += "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.2\">";
  s += nl;
  s += in1;
  s += "<IDENTIFICATION writerId=\"E8132975-6F93-4464-A53E-1050253AE220\" "
       "instanceId=\"{A2C1B5B4-2F74-4C47-8B07-1B3F8C1E9D21}\" friendlyName=\"System Writer\" "
       "usage=\"BOOTABLE_SYSTEM_STATE\" dataSource=\"OTHER\" majorVersion=\"1\" "
       "minorVersion=\"0\"/>";
  s += nl;
  s += in1;
  s += "<RESTORE_METHOD method=\"REPLACE_AT_REBOOT\" writerRestore=\"never\" "
       "rebootRequired=\"yes\"/>";
  s += nl;
  s += in1;
  s += "<BACKUP_LOCATIONS>";
  s += nl;
  const char* groups[] = {"System Files", "Win32 Services Files"};
  int per_group[] = {file_count - file_count / 20, file_count / 20};
  int n = 0;
  for (int g = 0; g < 2; ++g) {
    s += in2;
    s += "<FILE_GROUP componentName=\"";
    s += groups[g];
    s += "\" caption=\"\" restoreMetadata=\"no\" notifyOnBackupComplete=\"no\" "
         "selectable=\"no\" selectableForRestore=\"no\" componentFlags=\"";
    s += g == 0 ? "0" : "4";
    s += "\">";
    s += nl;
    for (int i = 0; i < per_group[g]; ++i, ++n) {
      char name[64];
      std::snprintf(name, sizeof name, "component%05d.%s", n, kExt[n % 6]);
      s += in3;
      s += "<FILE_LIST path=\"";
      s += kDirs[n % 6];
      s += "\" filespec=\"";
      s += name;
      s += n % 7 == 0 ? "\" filespecBackupType=\"3855\"/>"
                      : "\" recursive=\"no\" filespecBackupType=\"3855\"/>";
      s += nl;
    }
    s += in2;
    s += "</FILE_GROUP>";
    s += nl;
  }
  s += in2;
  s += "<EXCLUDE_FILES path=\"c:\\windows\\softwaredistribution\\download\" filespec=\"*\" "
       "recursive=\"yes\"/>";
  s += nl;
  s += in1;
  s += "</BACKUP_LOCATIONS>";
  s += nl;
  s += "</WRITER_METADATA>";
  s += nl;
  return s;
}

std::string SqlServerLikeWmd(int databases) {
  std::string s =
      "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.2\" "
      "backupSchema=\"881\">\n"
      "  <IDENTIFICATION writerId=\"a65faa63-5ea8-4ebc-9dbd-a0c4db26912a\" "
      "instanceId=\"c6a7dcb1-0f0c-4d4c-9c6d-2f3e4a5b6c7d\" "
      "instanceName=\"SQL Server 2017:SQLWriter\" friendlyName=\"SqlServerWriter\" "
      "usage=\"USER_DATA\" dataSource=\"TRANSACTION_DB\" majorVersion=\"1\" "
      "minorVersion=\"0\"/>\n"
      "  <RESTORE_METHOD method=\"RESTORE_IF_CAN_BE_REPLACED\" writerRestore=\"never\" "
      "rebootRequired=\"no\"/>\n"
      "  <BACKUP_LOCATIONS>\n";
  const char* names[] = {"master", "model", "msdb", "AdventureWorks", "Sales", "Hr"};
  for (int i = 0; i < databases; ++i) {
    std::string db = names[i % 6];
    if (i >= 6) db += std::to_string(i);
    s += "    <FILE_GROUP logicalPath=\"WIN-SQLHOST\" componentName=\"" + db +
         "\" caption=\"\" restoreMetadata=\"no\" notifyOnBackupComplete=\"yes\" "
         "selectable=\"yes\" selectableForRestore=\"yes\" componentFlags=\"2\">\n"
         "      <FILE_LIST path=\"C:\\Program Files\\Microsoft SQL Server\\MSSQL14.MSSQLSERVER"
         "\\MSSQL\\DATA\" filespec=\"" +
         db + ".mdf\" filespecBackupType=\"3855\"/>\n" +
         "      <FILE_LIST path=\"C:\\Program Files\\Microsoft SQL Server\\MSSQL14.MSSQLSERVER"
         "\\MSSQL\\DATA\" filespec=\"" +
         db + "_log.ldf\" filespecBackupType=\"3855\"/>\n    </FILE_GROUP>\n";
  }
  s += "  </BACKUP_LOCATIONS>\n</WRITER_METADATA>\n";
  return s;
}

std::string SqlServerLikeBcd(int databases) {
  std::string s =
      "<BACKUP_COMPONENTS xmlns=\"x-schema:#VssComponentMetadata\" version=\"1.2\" "
      "bootableSystemStateBackup=\"no\" selectComponents=\"yes\" backupType=\"full\" "
      "partialFileSupport=\"no\" snapshotSetId=\"3F1B0A2C-7D4E-4F5A-9B6C-8D7E6F5A4B3C\">"
      "<WRITER_COMPONENTS instanceId=\"c6a7dcb1-0f0c-4d4c-9c6d-2f3e4a5b6c7d\" "
      "writerId=\"a65faa63-5ea8-4ebc-9dbd-a0c4db26912a\" instanceName=\"SQL Server "
      "2017:SQLWriter\" "
      "backupSchema=\"881\">";
  const char* names[] = {"master", "model", "msdb", "AdventureWorks"};
  for (int i = 0; i < databases; ++i) {
    s += std::string("<COMPONENT logicalPath=\"WIN-SQLHOST\" componentName=\"") + names[i % 4] +
         "\" componentType=\"filegroup\" backupStamp=\"AAAAAAAAAAAAAAAAAAAAAA" + std::to_string(i) +
         "AAAAAAAAAAAAAAAAAA==\"><BACKUP_METADATA xmlns=\"\" "
         "metadata=\"0x000000000000000001000000&lt;sqlmeta db=&quot;" +
         names[i % 4] + "&quot;/&gt;\"/></COMPONENT>";
  }
  s += "</WRITER_COMPONENTS>"
       "<WRITER_COMPONENTS instanceId=\"{b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e}\" "
       "writerId=\"E8132975-6F93-4464-A53E-1050253AE220\" backupSchema=\"0\">"
       "<COMPONENT componentName=\"System Files\" componentType=\"filegroup\"/>"
       "</WRITER_COMPONENTS></BACKUP_COMPONENTS>";
  return s;
}

}  // namespace vsssim::metadata::testing
