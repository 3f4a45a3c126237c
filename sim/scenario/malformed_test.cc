// The malformed-input set: several hundred broken scenario files generated from a valid one
// (bad values for every typed attribute, missing required attributes, unknown attributes,
// misspelt elements, syntax damage) plus hand-written hostile inputs. Each must be refused
// with a located error — "file:line: " for XML, "file: element.path: " for JSON — never a
// crash or a silently defaulted value. Run under ASan in the sanitizer build.
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

const char kValid[] = R"(<scenario name="sample" seed="7" windows="2008sp2">
  <description>Sample.</description>
  <volume name="C:" size="256MiB" block-size="4KiB"/>
  <writer name="DemoDB" usage="USER_DATA" source="TRANSACTION_DB" level="FRONT_END" freeze-timeout="60s" id="e8132975-6f93-4464-a53e-1050253ae220">
    <schema>VSS_BS_INCREMENTAL VSS_BS_TIMESTAMPED</schema>
    <restore-method method="VSS_RME_RESTORE_IF_CAN_REPLACE" writer-restore="VSS_WRE_ALWAYS" reboot-required="no"/>
    <component name="db" logical-path="" type="database" selectable="yes" flags="VSS_CF_BACKUP_RECOVERY">
      <database-files path="C:\db" filespec="*.mdf" backup-type-mask="VSS_FSBT_ALL_BACKUP_REQUIRED"/>
      <log-files path="C:\db" filespec="*.ldf"/>
    </component>
    <component name="extra" type="filegroup" selectable="no">
      <files path="C:\extra" filespec="*" recursive="yes"/>
    </component>
    <exclude path="C:\db" filespec="*.tmp" recursive="no"/>
    <file path="C:\db\main.mdf" size="4MiB"/>
    <on event="PostSnapshot" set-backup-stamp="lsn-1042" times="1" delay="1s"/>
    <on event="Freeze" fail="VSS_E_WRITERERROR_RETRYABLE" hang="no" throw="no">
      <write file="C:\db\main.mdf" offset="4KiB" size="4KiB"/>
    </on>
  </writer>
  <requester>
    <call method="InitializeForBackup"/>
    <call method="SetContext" context="VSS_CTX_BACKUP"/>
    <call method="SetBackupState" select-components="yes" backup-type="VSS_BT_FULL"/>
    <call method="GatherWriterMetadata" wait="yes"/>
    <call method="GetWriterMetadataCount" expect-count="1"/>
    <call method="AddComponent" writer="DemoDB" logical-path="" component="db"/>
    <call method="StartSnapshotSet"/>
    <call method="AddToSnapshotSet" volume="C:"/>
    <call method="PrepareForBackup"/>
    <call method="DoSnapshotSet" expect="S_OK"/>
    <identify writer="DemoDB"/>
    <advance by="70s"/>
    <call method="GetWriterStatus" writer="DemoDB" expect-state="VSS_WS_STABLE" expect-failure="S_OK"/>
    <check-state writer="DemoDB" state="VSS_WS_STABLE" failure="S_OK"/>
    <call method="SetBackupSucceeded" writer="DemoDB" component="db" succeeded="yes"/>
    <call method="SaveAsXML" save-as="bcd1"/>
    <bcd document="bcd1" writer="DemoDB" component="db" succeeded="yes" failure="S_OK"/>
    <call method="BackupComplete" wait="no" expect-status="VSS_S_ASYNC_PENDING"/>
    <wait expect-status="VSS_S_ASYNC_FINISHED"/>
    <release expect="success"/>
    <call as="restorer" method="InitializeForRestore" bcd="bcd1"/>
    <call as="restorer" method="SetRestoreState" restore-type="VSS_RTYPE_BY_COPY"/>
    <terminate as="restorer"/>
  </requester>
  <expect>
    <events writer="DemoDB" match="exact">Identify PrepareForBackup</events>
    <state writer="DemoDB" state="VSS_WS_STABLE" failure="S_OK"/>
    <no-event writer="DemoDB" event="Abort" injected="exclude"/>
    <finding rule="WRT-IDENTIFY-03" writer="DemoDB"/>
    <event writer="DemoDB" event="Freeze" occurrence="1" at="1s" snapshot-set="requester"/>
    <event writer="DemoDB" event="Thaw" within="1s..2s" as="requester"/>
    <observed writer="DemoDB" event="PrepareForBackup" backup-type="VSS_BT_FULL" components-selected="yes" component="db" additional-restores="no"/>
  </expect>
</scenario>
)";

// Attributes whose values are typed (never free text), with the values tried for each.
const std::vector<std::string> kTypedAttributes = {"seed",
                                                   "windows",
                                                   "size",
                                                   "block-size",
                                                   "usage",
                                                   "source",
                                                   "level",
                                                   "freeze-timeout",
                                                   "id",
                                                   "method",
                                                   "writer-restore",
                                                   "reboot-required",
                                                   "type",
                                                   "selectable",
                                                   "flags",
                                                   "backup-type-mask",
                                                   "recursive",
                                                   "event",
                                                   "times",
                                                   "delay",
                                                   "fail",
                                                   "hang",
                                                   "throw",
                                                   "offset",
                                                   "context",
                                                   "select-components",
                                                   "backup-type",
                                                   "wait",
                                                   "expect-count",
                                                   "volume",
                                                   "expect",
                                                   "by",
                                                   "expect-state",
                                                   "expect-failure",
                                                   "succeeded",
                                                   "restore-type",
                                                   "state",
                                                   "failure",
                                                   "match",
                                                   "rule",
                                                   "writer",
                                                   "bcd"};
// E: the typed attributes of <event>, <observed>, <bcd> and expect-status=.
const std::vector<std::string> kTypedAttributesE = {"occurrence",
                                                    "at",
                                                    "within",
                                                    "injected",
                                                    "snapshot-set",
                                                    "components-selected",
                                                    "additional-restores",
                                                    "expect-status"};
const std::vector<std::string> kBadValues = {"bogus", "", "99999999999999999999999", "1e9",
                                             "yes no"};

// Attributes a file cannot do without.
const std::vector<std::string> kRequiredAttributes = {"name",
                                                      "size",
                                                      "path",
                                                      "filespec",
                                                      "method",
                                                      "writer-restore",
                                                      "type",
                                                      "event",
                                                      "by",
                                                      "context",
                                                      "backup-type",
                                                      "component",
                                                      "succeeded",
                                                      "writer",
                                                      "state",
                                                      "rule",
                                                      "select-components",
                                                      "file",
                                                      "volume"};

struct Case {
  std::string label;
  std::string text;
};

// Every occurrence of ` name="..."` for each listed attribute, replaced or removed.
std::vector<Case> AttributeCases(const std::string& base) {
  std::vector<Case> cases;
  std::vector<std::string> typed = kTypedAttributes;
  typed.insert(typed.end(), kTypedAttributesE.begin(), kTypedAttributesE.end());
  for (const std::string& name : typed) {
    std::string needle = " " + name + "=\"";
    for (std::size_t at = base.find(needle); at != std::string::npos;
         at = base.find(needle, at + 1)) {
      std::size_t value = at + needle.size();
      std::size_t end = base.find('"', value);
      for (const std::string& bad : kBadValues) {
        std::string text = base;
        text.replace(value, end - value, bad);
        cases.push_back({name + "=\"" + bad + "\" at " + std::to_string(at), text});
      }
    }
  }
  for (const std::string& name : kRequiredAttributes) {
    std::string needle = " " + name + "=\"";
    for (std::size_t at = base.find(needle); at != std::string::npos;
         at = base.find(needle, at + 1)) {
      // Optional in these elements: <write size>, <identify writer>, <finding writer>.
      std::size_t tag = base.rfind('<', at) + 1;
      std::string element = base.substr(tag, base.find_first_of(" />", tag) - tag);
      // E: optional there too: <observed backup-type>, <bcd succeeded>.
      if ((name == "size" && element == "write") ||
          (name == "writer" && (element == "identify" || element == "finding")) ||
          (name == "backup-type" && element == "observed") ||
          (name == "succeeded" && element == "bcd")) {
        continue;
      }
      std::size_t end = base.find('"', at + needle.size()) + 1;
      std::string text = base;
      text.erase(at, end - at);
      cases.push_back({"without " + name + " at " + std::to_string(at), text});
    }
  }
  return cases;
}

// Every start tag gets an unknown attribute; every element name gets a typo.
std::vector<Case> ElementCases(const std::string& base) {
  std::vector<Case> cases;
  std::regex tag("<([a-z][a-z-]*)");
  for (auto it = std::sregex_iterator(base.begin(), base.end(), tag); it != std::sregex_iterator();
       ++it) {
    std::size_t at = static_cast<std::size_t>(it->position(0));
    std::size_t name_end = at + it->length(0);
    std::string text = base;
    text.insert(name_end, " bogus-attribute=\"1\"");
    cases.push_back({"unknown attribute on " + it->str(1), text});
    if (it->str(1) == "scenario") continue;  // a renamed root is covered below
    text = base;
    text.insert(name_end, "x");
    cases.push_back({"misspelt <" + it->str(1) + ">", text});
  }
  return cases;
}

// Hand-written hostile and semantic cases.
std::vector<Case> HandCases(const std::string& base) {
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string text = base;
    std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
  };
  return {
      {"empty", ""},
      {"whitespace", "   \n  "},
      {"not xml", "hello"},
      {"wrong root", "<writer name=\"x\"/>"},
      {"library as root", "<writers/>"},
      {"two roots", "<scenario name=\"a\"/><scenario name=\"b\"/>"},
      {"doctype", "<!DOCTYPE x><scenario name=\"a\"/>"},
      {"text at top", "<scenario name=\"a\"/>trailing"},
      {"nul byte", std::string("<scenario name=\"a\">\0</scenario>", 31)},
      {"deep nesting", std::string(5000, '<')},
      {"deep elements",
       [] {
         std::string s = "<scenario name=\"a\">";
         for (int i = 0; i < 90; ++i) s += "<requester>";
         for (int i = 0; i < 90; ++i) s += "</requester>";
         return s + "</scenario>";
       }()},
      {"unclosed", "<scenario name=\"a\">"},
      {"mismatched", "<scenario name=\"a\"></scenarios>"},
      {"duplicate attribute", "<scenario name=\"a\" name=\"b\"/>"},
      {"unknown method", replace("SetContext\"", "SetContxt\"")},
      {"lower-case method", replace("\"StartSnapshotSet\"", "\"startsnapshotset\"")},
      {"unknown writer ref",
       replace("writer=\"DemoDB\" logical-path", "writer=\"DemoDb\" logical-path")},
      {"unknown volume ref", replace("volume=\"C:\"", "volume=\"E:\"")},
      {"duplicate writer", replace("<requester>", "<writer name=\"DemoDB\"/><requester>")},
      {"duplicate volume", replace("<writer ", "<volume name=\"c:\\\" size=\"1MiB\"/><writer ")},
      {"second requester", replace("</scenario>", "<requester/></scenario>")},
      {"second description", replace("</scenario>", "<description/></scenario>")},
      {"second schema", replace("</schema>", "</schema><schema>VSS_BS_LOG</schema>")},
      {"empty schema", replace("VSS_BS_INCREMENTAL VSS_BS_TIMESTAMPED", "")},
      {"bad schema", replace("VSS_BS_TIMESTAMPED", "VSS_BS_TIMESTAMP")},
      {"bad event list", replace(">Identify PrepareForBackup<", ">Identify Prepare<")},
      {"text in volume", replace("block-size=\"4KiB\"/>", "block-size=\"4KiB\">x</volume>")},
      {"fail and veto", replace("fail=\"VSS_E_WRITERERROR_RETRYABLE\"",
                                "fail=\"VSS_E_WRITERERROR_RETRYABLE\" veto-only=\"E_FAIL\"")},
      {"fail is success", replace("fail=\"VSS_E_WRITERERROR_RETRYABLE\"", "fail=\"S_OK\"")},
      {"hang and throw", replace("hang=\"no\" throw=\"no\"", "hang=\"yes\" throw=\"yes\"")},
      {"times zero", replace("times=\"1\"", "times=\"0\"")},
      {"unreachable on", replace("</writer>", "<on event=\"Freeze\"/></writer>")},
      {"bad bug", replace("<on event=\"Freeze\"", "<on bug=\"frobnicate\" event=\"Freeze\"")},
      {"database holds files", replace("<log-files", "<files recursive=\"no\"")},
      {"wait on sync",
       replace("method=\"StartSnapshotSet\"", "method=\"StartSnapshotSet\" wait=\"no\"")},
      {"expect-count on sync",
       replace("method=\"StartSnapshotSet\"", "method=\"StartSnapshotSet\" expect-count=\"1\"")},
      {"expect-state elsewhere", replace("method=\"StartSnapshotSet\"",
                                         "method=\"StartSnapshotSet\" expect-state=\"STABLE\"")},
      {"unknown argument", replace("volume=\"C:\"", "volume=\"C:\" provider=\"x\"")},
      {"argument of other method",
       replace("method=\"StartSnapshotSet\"", "method=\"StartSnapshotSet\" volume=\"C:\"")},
      {"status without index",
       replace("method=\"GetWriterStatus\" writer=\"DemoDB\"", "method=\"GetWriterStatus\"")},
      {"status index and writer",
       replace("method=\"GetWriterStatus\" writer=\"DemoDB\"",
               "method=\"GetWriterStatus\" index=\"0\" writer=\"DemoDB\"")},
      {"unsaved bcd", replace("bcd=\"bcd1\"", "bcd=\"bcd2\"")},
      {"missing component", replace("component=\"db\" succeeded", "component=\"dbx\" succeeded")},
      {"state for unknown requester",
       replace("<state writer=\"DemoDB\"", "<state as=\"nobody\" writer=\"DemoDB\"")},
      {"size not block multiple", replace("size=\"256MiB\"", "size=\"1000\"")},
      {"volume too big", replace("size=\"256MiB\"", "size=\"2TiB\"")},
      {"size overflow", replace("size=\"256MiB\"", "size=\"99999999999TiB\"")},
      {"ambiguous unit", replace("size=\"256MiB\"", "size=\"256MB\"")},
      {"block size not power of two", replace("block-size=\"4KiB\"", "block-size=\"3KiB\"")},
      {"file on unknown volume", replace("path=\"C:\\db\\main.mdf\"", "path=\"Q:\\db\\main.mdf\"")},
      {"relative file path", replace("path=\"C:\\db\\main.mdf\"", "path=\"main.mdf\"")},
      {"file too big", replace("size=\"4MiB\"", "size=\"300MiB\"")},
      {"write to relative path", replace("write file=\"C:\\db\\main.mdf\"", "write file=\"x\"")},
      {"write size zero", replace("offset=\"4KiB\" size=\"4KiB\"", "offset=\"4KiB\" size=\"0\"")},
      {"context two bases", replace("VSS_CTX_BACKUP\"", "VSS_CTX_BACKUP|VSS_CTX_ALL\"")},
      {"advance zero", replace("by=\"70s\"", "by=\"0s\"")},
      {"negative duration", replace("by=\"70s\"", "by=\"-5s\"")},
      {"bare duration", replace("by=\"70s\"", "by=\"70\"")},
      {"empty as",
       replace("as=\"restorer\" method=\"SetRestoreState\"", "as=\"\" method=\"SetRestoreState\"")},
      {"huge attribute", replace("writer=\"DemoDB\" logical-path",
                                 "writer=\"" + std::string(3 << 20, 'z') + "\" logical-path")},
      {"huge enum value",
       replace("backup-type=\"VSS_BT_FULL\"", "backup-type=\"" + std::string(3 << 20, 'F') + "\"")},
      {"include missing", replace("<volume ", "<include file=\"nowhere.xml\"/><volume ")},
      {"unexpected text", replace("<requester>", "<requester>stray text")},
      {"cdata in call",
       replace("<release", "<call method=\"Release\"><![CDATA[x]]></call><release")},
      // Accepted and then ignored would be a silent default (issue #15): each is refused.
      {"identify unknown writer",
       replace("<identify writer=\"DemoDB\"", "<identify writer=\"Db\"")},
      {"identify as",
       replace("<identify writer=\"DemoDB\"", "<identify as=\"x\" writer=\"DemoDB\"")},
      {"advance as", replace("<advance by", "<advance as=\"x\" by")},
      {"bug outside its event",
       replace("<on event=\"Freeze\"", "<on bug=\"set-failure-in-identify\" event=\"Freeze\"")},
      {"bug not simulated",
       replace("<on event=\"Freeze\"", "<on bug=\"ignore-abort\" event=\"Freeze\"")},
      {"bug not simulated in its event",
       replace("</writer>", "<on event=\"Identify\" bug=\"change-state-in-identify\"/></writer>")},
      {"shutdown bug elsewhere",
       replace("<on event=\"Freeze\"", "<on bug=\"snapshot-set-id-in-shutdown\" event=\"Freeze\"")},
      {"metadata-twice without components",
       replace("<on event=\"Freeze\"", "<on bug=\"set-backup-metadata-twice\" event=\"Freeze\"")},
      {"component action in Freeze",
       replace("<write file=", "<set-backup-stamp value=\"x\"/><write file=")},
      {"stamp shorthand in Identify",
       replace("</writer>", "<on event=\"Identify\" set-backup-stamp=\"x\"/></writer>")},
      {"action on unknown component", replace("set-backup-stamp=\"lsn-1042\"",
                                              "times=\"1\"><set-backup-stamp value=\"x\" "
                                              "component=\"nope\"/></on><on event=\"Thaw\"")},
      {"logical-path without component",
       replace("</writer>",
               "<on event=\"PostSnapshot\" times=\"1\"><set-backup-stamp value=\"x\" "
               "logical-path=\"\"/></on></writer>")},
      {"truncate-logs without log files",
       replace("</writer>",
               "<on event=\"BackupShutdown\"><truncate-logs component=\"extra\"/></on></writer>")},
      {"return with hang", replace("hang=\"no\" throw=\"no\"", "hang=\"yes\" return=\"true\"")},
      {"return with throw", replace("hang=\"no\" throw=\"no\"", "throw=\"yes\" return=\"false\"")},
      {"same-data of no set",
       replace("</expect>", "<same-data path=\"C:\\db\" as-snapshot-of=\"nightly\"/></expect>")},
      {"unreadable bcd-file", replace("bcd=\"bcd1\"", "bcd-file=\"no-such-bcd.xml\"")},
  };
}

std::vector<Case> AllXmlCases() {
  std::string base = kValid;
  std::vector<Case> all = AttributeCases(base);
  for (auto& c : ElementCases(base)) all.push_back(std::move(c));
  for (auto& c : HandCases(base)) all.push_back(std::move(c));
  return all;
}

// Checks that the base document itself is valid (so each case breaks exactly what it says).
TEST(Scenario_Malformed, BaseDocumentLoads) {
  LoadResult r = LoadScenarioText(kValid, "sample.xml");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
}

// Checks that every generated malformed XML input is refused with "file:line: message".
TEST(Scenario_Malformed, EveryXmlCaseGivesALocatedError) {
  std::vector<Case> cases = AllXmlCases();
  RecordProperty("cases", static_cast<int>(cases.size()));
  EXPECT_GE(cases.size(), 200u);
  const std::regex located("^malformed\\.xml:[1-9][0-9]*: \\S.*");
  for (const Case& c : cases) {
    LoadResult r = LoadScenarioText(c.text, "malformed.xml");
    EXPECT_FALSE(r.scenario.has_value()) << c.label;
    if (r.ok()) {
      ADD_FAILURE() << "accepted: " << c.label;
      continue;
    }
    std::string first = r.errors.front().ToString();
    EXPECT_TRUE(std::regex_match(first, located)) << c.label << " -> " << first;
    EXPECT_LT(first.size(), 600u) << c.label;  // huge values are quoted short
  }
}

// Checks that a file over the size limit is refused before parsing, with a location.
TEST(Scenario_Malformed, OversizedFileIsRefusedUpFront) {
  std::string big = "<scenario name=\"a\"><description>" + std::string(100u << 20, 'x') +
                    "</description></scenario>";
  LoadResult r = LoadScenarioText(big, "big.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].ToString().rfind("big.xml:1: ", 0), 0u) << r.errors[0].ToString();
}

// Checks that text that is not valid UTF-8, or holds a character XML 1.0 forbids (raw or as
// a character reference, in XML and in JSON), is refused at its line with what is wrong —
// before it can reach a JSON, JSONL or JUnit writer (issue #23 item 1).
TEST(Scenario_Malformed, TextThatIsNotUnicodeIsRefusedWhereItIs) {
  struct TextCase {
    std::string text;
    Format format;
    std::string expected;  // prefix of the first error
  };
  const std::string head =
      "<scenario name=\"s\" seed=\"1\">\n  <volume name=\"C:\" size=\"1MiB\"/>\n";
  const std::vector<TextCase> cases = {
      {head + "  <description>caf\xE9</description>\n</scenario>", Format::kXml,
       "t.xml:3: invalid UTF-8 byte 0xE9"},
      {head + "  <description>a&#xD800;b</description>\n</scenario>", Format::kXml,
       "t.xml:3: U+D800 (a lone surrogate) is not a character"},
      {head + "  <writer name=\"W&#xFFFE;\"/>\n</scenario>", Format::kXml,
       "t.xml:3: U+FFFE is not a character XML 1.0 allows"},
      {head + "  <description>\xEF\xBF\xBE</description>\n</scenario>", Format::kXml,
       "t.xml:3: U+FFFE is not a character XML 1.0 allows"},
      {"{\"scenario\": {\"name\": \"s\",\n \"description\": \"\xFF\"}}", Format::kJson,
       "t.xml:2: invalid UTF-8 byte 0xFF"},
      {"{\"scenario\": {\"name\": \"s\", \"description\": \"a\\ud800b\"}}", Format::kJson,
       "t.xml:1: "},
  };
  for (const TextCase& c : cases) {
    LoadResult r = LoadScenarioText(c.text, "t.xml", c.format);
    ASSERT_FALSE(r.ok()) << c.text;
    const std::string first = r.errors.front().ToString();
    EXPECT_EQ(first.rfind(c.expected, 0), 0u) << first;
  }
}

#if !defined(_WIN32)
// Checks that an <include> naming a device is refused at its line without reading it
// (/dev/zero would grow past any memory; issue #23 item 2).
TEST(Scenario_Malformed, IncludeOfADeviceIsRefusedUnread) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / "vsssim-include-device.xml";
  std::ofstream(file) << "<scenario name=\"s\" seed=\"1\">\n  <include file=\"/dev/zero\"/>\n"
                         "</scenario>\n";
  LoadResult r = LoadScenarioFile(file.u8string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors.front().ToString(),
            file.u8string() + ":2: \"/dev/zero\": not a regular file (a device, pipe or socket)")
      << r.ErrorText();
  std::filesystem::remove(file);
}
#endif

}  // namespace
}  // namespace vsssim::scenario
