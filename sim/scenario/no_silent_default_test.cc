// Tests that what the loader accepts takes effect (issue #15): an attribute or element that
// would be accepted and then do nothing is refused with file:line instead — a bug where it
// cannot act or that the simulator cannot observe, a component action in a handler that gets
// no components or on a component the writer lacks, return= on a handler that never returns,
// a <same-data> of a set no <backup-data> takes, a bcd-file that does not read.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

// One writer with a database component "db" (data and logs) and an empty filegroup "fg";
// ON is replaced by <on> elements, TAIL by requester steps, EXPECT by an <expect>.
constexpr char kBase[] = R"(<scenario name="s">
<volume name="C:" size="16MiB"/>
<writer name="W">
<component name="db" type="database"><database-files path="C:\db" filespec="*.mdf"/><log-files path="C:\db" filespec="*.ldf"/></component>
<component name="fg" logical-path="lp" type="filegroup"/>
ON
</writer>
<requester><call method="InitializeForBackup"/>TAIL</requester>EXPECT
</scenario>)";

std::string Make(const std::string& on, const std::string& tail = "",
                 const std::string& expect = "") {
  std::string text = kBase;
  text.replace(text.find("ON"), 2, on);
  text.replace(text.find("TAIL"), 4, tail);
  text.replace(text.find("EXPECT"), 6, expect);
  return text;
}

// The first error, "" when the text loads.
std::string ErrorOf(const std::string& text) {
  LoadOptions options;
  options.read_file = [](const std::string& path) -> std::optional<std::string> {
    static const std::map<std::string, std::string> kFiles = {{"dir/bcd.xml", "<BCD/>"},
                                                              {"dir/empty.xml", ""}};
    auto it = kFiles.find(path);
    if (it == kFiles.end()) return std::nullopt;
    return it->second;
  };
  LoadResult r = LoadScenarioText(text, "dir/s.xml", Format::kXml, options);
  return r.ok() ? "" : r.errors.front().ToString();
}

struct Case {
  std::string on;
  std::string tail;
  std::string error;  // the expected first error, from its start ("dir/s.xml:LINE: ...")
};

void ExpectEach(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::string error = ErrorOf(Make(c.on, c.tail));
    EXPECT_EQ(error.rfind(c.error, 0), 0u) << c.on << c.tail << "\n  got: " << error;
  }
}

// Checks that the base scenario loads, and that each bug is accepted where it acts.
TEST(Scenario_NoSilentDefault, BugsWhereTheyAct) {
  EXPECT_EQ(ErrorOf(Make("")), "");
  for (const char* on : {R"(<on event="Identify" bug="set-failure-in-identify"/>)",
                         R"(<on event="BackupShutdown" bug="snapshot-set-id-in-shutdown"/>)",
                         R"(<on event="PostSnapshot" bug="set-backup-metadata-twice"/>)",
                         R"(<on event="Freeze" bug="failure-from-other-thread"/>)"}) {
    EXPECT_EQ(ErrorOf(Make(on)), "") << on;
  }
}

// Checks that a bug where it cannot act, and the bugs a run cannot observe, are refused.
TEST(Scenario_NoSilentDefault, BugsThatWouldDoNothingAreRefused) {
  const std::string at = "dir/s.xml:6: <on> attribute bug: ";
  ExpectEach({
      {R"(<on event="Freeze" bug="set-failure-in-identify"/>)", "",
       at + "\"set-failure-in-identify\" acts in <on event=\"Identify\"> only"},
      {R"(<on event="Thaw" bug="snapshot-set-id-in-shutdown"/>)", "",
       at + "\"snapshot-set-id-in-shutdown\" acts in <on event=\"BackupShutdown\"> only"},
      {R"(<on event="Freeze" bug="set-backup-metadata-twice"/>)", "",
       at + "\"set-backup-metadata-twice\" needs a handler that gets components"},
      {R"(<on event="Identify" bug="change-state-in-identify"/>)", "",
       at + "\"change-state-in-identify\" is not simulated: a scenario run cannot observe it "
            "(vsssim conform checks WRT-IDENTIFY-02)"},
      {R"(<on event="Abort" bug="ignore-abort"/>)", "",
       at + "\"ignore-abort\" is not simulated: a scenario run cannot observe it (vsssim conform "
            "checks SIM-ABORT-01)"},
  });
}

// Checks that component actions need a handler that gets components and a component of the
// writer, and that truncate-logs needs log files.
TEST(Scenario_NoSilentDefault, ComponentActionsThatWouldMatchNothingAreRefused) {
  EXPECT_EQ(ErrorOf(Make(R"(<on event="PostSnapshot"><set-backup-stamp value="x" component="db"/>
      <set-backup-metadata value="m" component="fg" logical-path="lp"/></on>
      <on event="BackupShutdown" truncate-logs="yes"/>)")),
            "");
  ExpectEach({
      {R"(<on event="Freeze" set-backup-stamp="x"/>)", "",
       "dir/s.xml:6: <set-backup-stamp>: the Freeze handler gets no components to act on"},
      {R"(<on event="Identify"><add-partial-file path="C:\db" filename="a" ranges="0:1"/></on>)",
       "", "dir/s.xml:6: <add-partial-file>: the Identify handler gets no components"},
      {R"(<on event="PostSnapshot"><set-backup-stamp value="x" component="nope"/></on>)", "",
       "dir/s.xml:6: <set-backup-stamp>: writer \"W\" has no component \"nope\""},
      {R"(<on event="PostSnapshot"><set-backup-stamp value="x" component="fg"/></on>)", "",
       "dir/s.xml:6: <set-backup-stamp>: writer \"W\" has no component \"fg\""},
      {R"(<on event="PostSnapshot"><set-backup-stamp value="x" logical-path="lp"/></on>)", "",
       "dir/s.xml:6: <set-backup-stamp> attribute logical-path: needs component="},
      {R"(<on event="BackupShutdown"><truncate-logs component="fg" logical-path="lp"/></on>)", "",
       "dir/s.xml:6: <truncate-logs>: component \"lp\\fg\" has no <log-files>"},
  });
}

// Checks that a writer without components cannot have component actions, nor truncate-logs
// without log files.
TEST(Scenario_NoSilentDefault, WriterWithoutComponentsOrLogs) {
  std::string none = R"(<scenario name="s"><volume name="C:" size="16MiB"/>
<writer name="N"><on event="PostSnapshot" set-backup-stamp="x"/></writer></scenario>)";
  EXPECT_EQ(ErrorOf(none).rfind("dir/s.xml:2: <set-backup-stamp>: writer \"N\" declares no "
                                "component",
                                0),
            0u)
      << ErrorOf(none);
  std::string no_logs = R"(<scenario name="s"><volume name="C:" size="16MiB"/>
<writer name="N"><component name="f" type="filegroup"/>
<on event="BackupShutdown" truncate-logs="yes"/></writer></scenario>)";
  EXPECT_EQ(ErrorOf(no_logs).rfind(
                "dir/s.xml:3: <truncate-logs>: no component of writer \"N\" has <log-files>", 0),
            0u)
      << ErrorOf(no_logs);
}

// Checks that return= is refused where the handler returns nothing (hang, throw).
TEST(Scenario_NoSilentDefault, ReturnOfAHandlerThatNeverReturns) {
  EXPECT_EQ(ErrorOf(Make(R"(<on event="Freeze" return="false" delay="1s"/>)")), "");
  ExpectEach({
      {R"(<on event="Freeze" hang="yes" return="false"/>)", "",
       "dir/s.xml:6: <on> attribute return: not with hang=\"yes\": that handler returns nothing"},
      {R"(<on event="Freeze" throw="yes" return="true"/>)", "",
       "dir/s.xml:6: <on> attribute return: not with throw=\"yes\""},
  });
}

// Checks that <same-data> must name a set some <backup-data> takes, and bcd-file must read.
TEST(Scenario_NoSilentDefault, UnresolvedDataAndFileReferences) {
  const std::string tail = R"(<call method="GatherWriterMetadata"/>
<backup-data medium="m" set="full"/>)";
  auto same_data = [&](const std::string& set) {
    return ErrorOf(
        Make("", tail,
             "<expect>\n<same-data path=\"C:\\db\" as-snapshot-of=\"" + set + "\"/></expect>"));
  };
  EXPECT_EQ(same_data("full"), "");
  EXPECT_EQ(same_data("fulll").rfind(
                "dir/s.xml:10: <same-data>: no <backup-data> takes set \"fulll\"", 0),
            0u)
      << same_data("fulll");
  const std::string call = R"(<call as="r" method="InitializeForRestore" bcd-file="FILE"/>)";
  auto with = [&](const std::string& file) {
    std::string c = call;
    c.replace(c.find("FILE"), 4, file);
    return ErrorOf(Make("", c));
  };
  EXPECT_EQ(with("bcd.xml"), "");  // relative to the scenario file: dir/bcd.xml
  EXPECT_EQ(with("missing.xml"),
            "dir/s.xml:8: <call> attribute bcd-file: \"dir/missing.xml\" cannot be read");
  EXPECT_EQ(with("empty.xml"),
            "dir/s.xml:8: <call> attribute bcd-file: \"dir/empty.xml\" is empty");
}

}  // namespace
}  // namespace vsssim::scenario
