// Tests of the example fixtures: every file in fixtures/examples loads cleanly, the issue's
// example reads into the expected model, and the JSON twin gives the same model.
#include <filesystem>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

const std::string kExamples = std::string(VSSSIM_FIXTURES_DIR) + "/examples";

// A location-free text form of a model, to compare two loads.
std::string Describe(const Scenario& s) {
  std::ostringstream o;
  o << s.name << " seed=" << s.seed << " desc=" << s.description << "\n";
  for (const Volume& v : s.volumes)
    o << "volume " << v.name << " " << v.size_bytes << "/" << v.block_size_bytes << "\n";
  for (const File& f : s.files)
    o << "file " << f.path << " " << f.size_bytes << " " << f.writer << "\n";
  for (const Writer& w : s.writers) {
    o << "writer " << w.name << " " << vss::ToString(w.usage) << " " << vss::ToString(w.source)
      << " " << vss::ToString(w.level) << " " << w.freeze_timeout.count() << " "
      << (w.schema ? vss::ToString(*w.schema) : "-") << "\n";
    for (const Component& c : w.components) {
      o << " component " << c.logical_path << "/" << c.name << " " << vss::ToString(c.type)
        << " sel=" << c.selectable << " db=" << c.database_files.size()
        << " log=" << c.log_files.size() << " files=" << c.files.size() << "\n";
    }
    for (const Behaviour& b : w.behaviours) {
      o << " on " << vss::NameOf(b.event) << " returns=" << b.returns
        << " actions=" << b.actions.size() << "\n";
    }
  }
  for (const Step& st : s.steps) {
    o << "step " << NameOf(st.kind) << " " << st.requester << " "
      << (st.method ? st.method->name : "") << " wait=" << st.wait;
    for (const Argument& a : st.args) o << " " << a.name << "=" << a.text;
    if (st.expect) o << " expect=" << st.expect->ToString();
    if (st.expect_state) o << " state=" << vss::ToString(*st.expect_state);
    o << "\n";
  }
  for (const auto& e : s.expect.events)
    o << "events " << e.writer << " " << e.events.size() << "\n";
  for (const auto& e : s.expect.states)
    o << "state " << e.writer << " " << vss::ToString(e.state) << "\n";
  for (const auto& e : s.expect.no_events) o << "no-event " << vss::NameOf(e.event) << "\n";
  return o.str();
}

// Checks that every example scenario loads without an error.
TEST(Scenario_Examples, EveryExampleLoads) {
  int loaded = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kExamples)) {
    std::string extension = entry.path().extension().string();
    if (extension != ".xml" && extension != ".json") continue;  // README.md
    LoadResult r = LoadScenarioFile(entry.path().string());
    EXPECT_TRUE(r.ok()) << entry.path() << "\n" << r.ErrorText();
    ++loaded;
  }
  EXPECT_GE(loaded, 6);
}

// Checks that the issue's example reads into the model the interpreter needs.
TEST(Scenario_Examples, IssueExampleModel) {
  LoadResult r = LoadScenarioFile(kExamples + "/identify-during-freeze.xml");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  const Scenario& s = *r.scenario;
  EXPECT_EQ(s.name, "identify-during-freeze");
  EXPECT_EQ(s.seed, 7u);
  ASSERT_EQ(s.volumes.size(), 1u);
  EXPECT_EQ(s.volumes[0].name, "C:\\");
  EXPECT_EQ(s.volumes[0].size_bytes, 256u << 20);
  ASSERT_EQ(s.writers.size(), 1u);
  const Writer& w = s.writers[0];
  EXPECT_EQ(w.usage, vss::UsageType::VSS_UT_USERDATA);
  EXPECT_EQ(w.source, vss::SourceType::VSS_ST_TRANSACTEDDB);
  EXPECT_EQ(w.level, vss::ApplicationLevel::VSS_APP_FRONT_END);
  EXPECT_EQ(*w.schema,
            vss::BackupSchema::VSS_BS_INCREMENTAL | vss::BackupSchema::VSS_BS_TIMESTAMPED);
  EXPECT_EQ(w.restore_method->writer_restore, vss::WriterRestore::VSS_WRE_ALWAYS);
  ASSERT_EQ(w.components.size(), 1u);
  EXPECT_EQ(w.components[0].type, vss::ComponentType::VSS_CT_DATABASE);
  EXPECT_TRUE(w.components[0].selectable);
  ASSERT_EQ(w.behaviours.size(), 2u);
  EXPECT_EQ(w.behaviours[0].delay, std::chrono::seconds(5));
  ASSERT_EQ(w.behaviours[1].actions.size(), 1u);
  EXPECT_EQ(w.behaviours[1].actions[0].kind, ActionKind::kSetBackupStamp);
  EXPECT_EQ(w.behaviours[1].actions[0].value, "lsn-1042");
  ASSERT_EQ(s.files.size(), 1u);
  EXPECT_EQ(s.files[0].writer, "DemoDB");
  ASSERT_EQ(s.steps.size(), 18u);
  EXPECT_EQ(s.steps[1].method->name, "SetContext");
  EXPECT_EQ(s.steps[1].Get<std::uint64_t>("context"), 0u);
  EXPECT_EQ(s.steps[2].GetEnum<vss::BackupType>("backup-type"), vss::BackupType::VSS_BT_FULL);
  EXPECT_EQ(s.steps[2].Get<bool>("select-components"), true);
  EXPECT_EQ(s.steps[6].Get<std::string>("volume"), "C:\\");
  EXPECT_EQ(s.steps[9].kind, StepKind::kAdvance);
  EXPECT_EQ(s.steps[10].kind, StepKind::kIdentify);
  EXPECT_EQ(s.steps[11].kind, StepKind::kWait);
  EXPECT_TRUE(s.steps[11].expect->Matches(hr::S_OK));
  EXPECT_EQ(s.steps[13].expect_state, vss::WriterState::VSS_WS_WAITING_FOR_BACKUP_COMPLETE);
  EXPECT_EQ(s.steps[17].kind, StepKind::kRelease);
  EXPECT_EQ(s.steps[16].where.line, 32);
  EXPECT_EQ(s.requesters, std::vector<std::string>{"requester"});
  ASSERT_EQ(s.expect.events.size(), 1u);
  EXPECT_EQ(s.expect.events[0].events.size(), 9u);
  EXPECT_EQ(s.expect.states[0].failure, hr::S_OK);
  EXPECT_EQ(s.expect.no_events[0].event, vss::WriterEvent::kAbort);
}

// Checks that the JSON twin of the issue's example gives the same model as the XML.
TEST(Scenario_Examples, JsonTwinEqualsXml) {
  LoadResult xml = LoadScenarioFile(kExamples + "/identify-during-freeze.xml");
  LoadResult json = LoadScenarioFile(kExamples + "/identify-during-freeze.json");
  ASSERT_TRUE(xml.ok()) << xml.ErrorText();
  ASSERT_TRUE(json.ok()) << json.ErrorText();
  EXPECT_EQ(Describe(*json.scenario), Describe(*xml.scenario));
  EXPECT_EQ(json.scenario->steps[3].where.line, 0);
  EXPECT_EQ(json.scenario->steps[3].where.path, "scenario.requester[0].call[3]");
}

// Checks that included writer libraries are resolved relative to the including file.
TEST(Scenario_Examples, IncludesResolveRelativeToTheFile) {
  LoadResult r = LoadScenarioFile(kExamples + "/two-requesters.xml");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  ASSERT_EQ(r.scenario->included_files.size(), 1u);
  EXPECT_NE(r.scenario->included_files[0].find("fixtures/writers/demo-db.xml"), std::string::npos);
  EXPECT_NE(r.scenario->writers[0].where.file.find("demo-db.xml"), std::string::npos);
  EXPECT_EQ(r.scenario->requesters, (std::vector<std::string>{"nightly", "adhoc"}));
}

}  // namespace
}  // namespace vsssim::scenario
