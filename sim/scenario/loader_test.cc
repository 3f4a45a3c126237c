// Tests of the loader's validation and messages (loader.h), with files served from memory.
#include "vsssim/scenario/loader.h"

#include <map>

#include <gtest/gtest.h>

#include "vsssim/scenario/methods.h"

namespace vsssim::scenario {
namespace {

// Serves files from a map, as LoadOptions::read_file.
LoadOptions FromMemory(std::map<std::string, std::string> files) {
  LoadOptions o;
  o.read_file = [files](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  return o;
}

std::string FirstError(const LoadResult& r) {
  return r.errors.empty() ? "(no error)" : r.errors.front().ToString();
}

const char kLibrary[] = R"(<writers>
  <writer name="Lib">
    <component name="c" type="filegroup"><files path="C:\l" filespec="*"/></component>
  </writer>
</writers>)";

// Checks that an include is read relative to the including file and keeps its own locations.
TEST(Scenario_Loader, IncludeFromMemory) {
  LoadOptions o = FromMemory({{"dir/writers/lib.xml", kLibrary}});
  LoadResult r = LoadScenarioText(
      "<scenario name=\"s\">\n<include file=\"writers/lib.xml\"/>\n<requester>\n"
      "<call method=\"AddComponent\" writer=\"Lib\" component=\"c\"/>\n</requester>\n"
      "</scenario>",
      "dir/main.xml", Format::kXml, o);
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  EXPECT_EQ(r.scenario->writers[0].where.ToString(), "dir/writers/lib.xml:2");
}

// Checks that an error inside an included file is located in that file.
TEST(Scenario_Loader, ErrorInIncludedFileNamesThatFile) {
  std::string broken = kLibrary;
  broken.replace(broken.find("filegroup"), 9, "filegrup");
  LoadOptions o = FromMemory({{"lib.xml", broken}});
  LoadResult r = LoadScenarioText("<scenario name=\"s\"><include file=\"lib.xml\"/></scenario>",
                                  "main.xml", Format::kXml, o);
  EXPECT_EQ(FirstError(r).rfind("lib.xml:3: <component> attribute type: \"filegrup\"", 0), 0u)
      << FirstError(r);
}

// Checks that an include cycle is an error, not endless recursion.
TEST(Scenario_Loader, IncludeCycleIsRefused) {
  LoadOptions o = FromMemory({{"a.xml", "<writers><include file=\"b.xml\"/></writers>"},
                              {"b.xml", "<writers><include file=\"a.xml\"/></writers>"}});
  LoadResult r = LoadScenarioText("<scenario name=\"s\"><include file=\"a.xml\"/></scenario>",
                                  "main.xml", Format::kXml, o);
  EXPECT_NE(FirstError(r).find("includes itself"), std::string::npos) << FirstError(r);
}

// Checks the root element rules: missing, wrong and library roots.
TEST(Scenario_Loader, RootElement) {
  EXPECT_EQ(FirstError(LoadScenarioText("", "x.xml")).rfind("x.xml:1: XML syntax error", 0), 0u);
  EXPECT_EQ(FirstError(LoadScenarioText("\n<run/>", "x.xml")),
            "x.xml:2: <run>: a scenario file's root element is <scenario>, not <run>");
  EXPECT_NE(FirstError(LoadScenarioText("<writers/>", "x.xml")).find("writer library"),
            std::string::npos);
}

// Checks that a misspelt attribute gets a suggestion and its own line.
TEST(Scenario_Loader, UnknownAttributeSuggestsTheClosest) {
  LoadResult r = LoadScenarioText(
      "<scenario name=\"s\">\n<volume name=\"C:\"\n size=\"1MiB\"\n blok-size=\"4KiB\"/>\n"
      "</scenario>",
      "x.xml");
  EXPECT_EQ(FirstError(r),
            "x.xml:4: <volume>: unknown attribute \"blok-size\"; did you mean block-size?");
}

// Checks that a reference to an unknown writer names the closest writer.
TEST(Scenario_Loader, UnknownWriterReference) {
  LoadResult r = LoadScenarioText(
      "<scenario name=\"s\">\n<writer name=\"DemoDB\"/>\n<requester>\n"
      "<call method=\"GetWriterStatus\" writer=\"DemoDb\"/>\n</requester>\n</scenario>",
      "x.xml");
  EXPECT_EQ(FirstError(r),
            "x.xml:4: <call method=\"GetWriterStatus\">: no writer named "
            "\"DemoDb\"; did you mean \"DemoDB\"?");
}

// Checks that a second <on> for an event after one without times= is reported unreachable.
TEST(Scenario_Loader, UnreachableBehaviour) {
  LoadResult r = LoadScenarioText(
      "<scenario name=\"s\">\n<writer name=\"W\">\n<on event=\"Freeze\" delay=\"1s\"/>\n"
      "<on event=\"Freeze\" fail=\"VSS_E_WRITERERROR_RETRYABLE\"/>\n</writer>\n</scenario>",
      "x.xml");
  EXPECT_EQ(FirstError(r).rfind("x.xml:4: <on>: never applies", 0), 0u) << FirstError(r);
}

// Checks behaviour outcomes: fail= returns false, veto-only= returns true, chained times=.
TEST(Scenario_Loader, BehaviourOutcomes_WRT_RET_01) {
  LoadResult r = LoadScenarioText(
      "<scenario name=\"s\"><writer name=\"W\">"
      "<on event=\"Freeze\" times=\"2\" fail=\"VSS_E_WRITERERROR_RETRYABLE\"/>"
      "<on event=\"Freeze\" veto-only=\"0x800423F4\" bug=\"failure-from-other-thread\"/>"
      "<on event=\"OnIdentify\" return=\"false\"/>"
      "<on event=\"Thaw\" hang=\"yes\" delay=\"2m\"/>"
      "</writer></scenario>",
      "x.xml");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  const auto& b = r.scenario->writers[0].behaviours;
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].times, 2);
  EXPECT_FALSE(b[0].returns);
  EXPECT_EQ(b[0].failure, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_TRUE(b[1].returns);
  EXPECT_EQ(b[1].failure, hr::VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_EQ(b[1].bugs, std::vector<WriterBug>{WriterBug::kFailureFromOtherThread});
  EXPECT_EQ(InfoOf(b[1].bugs[0]).rule, "WRT-THREAD-01");
  EXPECT_EQ(b[2].event, vss::WriterEvent::kIdentify);
  EXPECT_FALSE(b[2].returns);
  EXPECT_FALSE(b[2].failure);
  EXPECT_TRUE(b[3].hang);
  EXPECT_EQ(b[3].delay, std::chrono::minutes(2));
}

// Checks that a component reference is soft when the step expects a failure.
TEST(Scenario_Loader, MissingComponentAllowedWhenFailureExpected) {
  std::string head = "<scenario name=\"s\"><writer name=\"W\"/><requester>";
  LoadResult strict = LoadScenarioText(
      head + "<call method=\"AddComponent\" writer=\"W\" component=\"x\"/></requester></scenario>",
      "x.xml");
  EXPECT_FALSE(strict.ok());
  LoadResult soft = LoadScenarioText(head +
                                         "<call method=\"AddComponent\" writer=\"W\" "
                                         "component=\"x\" expect=\"failure\"/></requester>"
                                         "</scenario>",
                                     "x.xml");
  EXPECT_TRUE(soft.ok()) << soft.ErrorText();
}

// Checks that every method the lead listed is in the table, and async ones are marked.
TEST(Scenario_Loader, MethodTableCoversTheRequesterApi) {
  for (const char* name : {"InitializeForBackup",
                           "SetContext",
                           "SetBackupState",
                           "EnableWriterClasses",
                           "DisableWriterClasses",
                           "DisableWriterInstances",
                           "GatherWriterMetadata",
                           "GetWriterMetadataCount",
                           "GetWriterMetadata",
                           "FreeWriterMetadata",
                           "AddComponent",
                           "SetBackupOptions",
                           "SetPreviousBackupStamp",
                           "StartSnapshotSet",
                           "AddToSnapshotSet",
                           "IsVolumeSupported",
                           "PrepareForBackup",
                           "DoSnapshotSet",
                           "GetSnapshotProperties",
                           "SetBackupSucceeded",
                           "SaveAsXML",
                           "BackupComplete",
                           "AbortBackup",
                           "GatherWriterStatus",
                           "GetWriterStatusCount",
                           "GetWriterStatus",
                           "FreeWriterStatus",
                           "Query",
                           "DeleteSnapshots",
                           "Release",
                           "InitializeForRestore",
                           "GetWriterComponentsCount",
                           "GetWriterComponents",
                           "SetRestoreState",
                           "SetSelectedForRestore",
                           "SetSelectedForRestoreEx",
                           "AddRestoreSubcomponent",
                           "SetRestoreOptions",
                           "SetAdditionalRestores",
                           "AddNewTarget",
                           "SetAuthoritativeRestore",
                           "SetRollForward",
                           "SetRestoreName",
                           "PreRestore",
                           "SetFileRestoreStatus",
                           "AddAlternativeLocationMapping",
                           "SetRangesFilePath",
                           "PostRestore"}) {
    EXPECT_NE(FindMethod(name), nullptr) << name;
  }
  for (const char* name : {"GatherWriterMetadata", "PrepareForBackup", "DoSnapshotSet",
                           "BackupComplete", "GatherWriterStatus", "PreRestore", "PostRestore"}) {
    EXPECT_TRUE(FindMethod(name)->async) << name;
  }
  EXPECT_FALSE(FindMethod("AbortBackup")->async);
}

// Checks the error limit: many errors stop at max_errors.
TEST(Scenario_Loader, ErrorLimit) {
  std::string text = "<scenario name=\"s\">";
  for (int i = 0; i < 100; ++i) text += "<volume name=\"Q\" size=\"x\"/>";
  text += "</scenario>";
  LoadOptions o;
  o.max_errors = 5;
  EXPECT_EQ(LoadScenarioText(text, "x.xml", Format::kXml, o).errors.size(), 5u);
}

// Checks that a large scenario (many writers, behaviours, components, steps, expectations)
// loads in time linear-logarithmic in its size: the checks use indexes, not nested scans.
TEST(Scenario_Loader, LargeScenarioLoads) {
  constexpr int kCount = 5000;
  std::string text = "<scenario name=\"big\"><volume name=\"C:\" size=\"1GiB\"/>";
  text += "<writer name=\"W\">";
  for (int i = 0; i < kCount; ++i) {
    text += "<component name=\"c" + std::to_string(i) + "\" type=\"filegroup\"/>";
    text += "<on event=\"Freeze\" times=\"1\"/>";
  }
  text += "</writer><requester>";
  for (int i = 0; i < kCount; ++i) {
    text += "<call as=\"r" + std::to_string(i) +
            "\" method=\"AddComponent\" writer=\"W\" component=\"c" + std::to_string(i) + "\"/>";
  }
  text += "</requester><expect>";
  for (int i = 0; i < kCount; ++i) {
    text += "<state writer=\"W\" as=\"r" + std::to_string(i) + "\" state=\"STABLE\"/>";
  }
  text += "</expect></scenario>";
  LoadResult r = LoadScenarioText(text, "big.xml");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  EXPECT_EQ(r.scenario->steps.size(), static_cast<std::size_t>(kCount));
  EXPECT_EQ(r.scenario->requesters.size(), static_cast<std::size_t>(kCount));
  EXPECT_EQ(r.scenario->writers[0].behaviours.size(), static_cast<std::size_t>(kCount));
}

}  // namespace
}  // namespace vsssim::scenario
