// Tests of the steps that belong to no requester (<identify>, <advance>): whom an injected
// Identify reaches (WRT-IDENTIFY-01: `writer=` targets one writer; a writer whose hosting
// service is stopped, REQ-RST-11, is not asked) and that neither step creates a requester
// that would show up in traces and Mermaid pictures.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/loader.h"
#include "vsssim/trace/mermaid.h"

namespace vsssim::scenario {
namespace {

// Two writers; A's restore method names the service "ASvc" it lives in (WRT-SEQ-11).
constexpr char kWriters[] = R"(<volume name="C:" size="16MiB"/>
  <writer name="A">
    <restore-method method="VSS_RME_STOP_RESTORE_START" writer-restore="VSS_WRE_ALWAYS" service="ASvc"/>
    <component name="a" type="filegroup" selectable="yes"><files path="C:\a" filespec="*"/></component>
  </writer>
  <writer name="B">
    <restore-method method="VSS_RME_RESTORE_IF_CAN_REPLACE" writer-restore="VSS_WRE_NEVER"/>
    <component name="b" type="filegroup" selectable="yes"><files path="C:\b" filespec="*"/></component>
  </writer>)";

std::string Scenario(const std::string& steps) {
  return std::string("<scenario name=\"t\" seed=\"3\">") + kWriters + "<requester>" + steps +
         "</requester></scenario>";
}

RunResult RunText(const std::string& text) {
  LoadResult loaded = LoadScenarioText(text, "test.xml");
  EXPECT_TRUE(loaded.ok()) << loaded.ErrorText();
  if (!loaded.ok()) return {};
  return RunScenario(*loaded.scenario, {});
}

// The writers that received an Identify injected by the <identify> step, in trace order.
std::vector<std::string> InjectedIdentifyTargets(const RunResult& r) {
  std::vector<std::string> to;
  for (const trace::Entry& e : r.trace->entries()) {
    if (e.kind == trace::EntryKind::kEvent && e.name == "Identify" &&
        e.Get("by") == "tool:identify") {
      to.emplace_back(e.to);
    }
  }
  return to;
}

bool AnyActor(const RunResult& r, const std::string& actor) {
  for (const trace::Entry& e : r.trace->entries()) {
    if (e.from == actor || e.to == actor) return true;
  }
  return false;
}

// Checks that <identify/> asks every writer and <identify writer="B"/> asks B only
// (docs/scenario-format.md: `writer` optional, default every writer).
TEST(Scenario_Identify, WriterAttributeTargetsThatWriterOnly_WRT_IDENTIFY_01) {
  RunResult all = RunText(Scenario("<identify/>"));
  EXPECT_EQ(InjectedIdentifyTargets(all), (std::vector<std::string>{"writer:A", "writer:B"}));
  RunResult one = RunText(Scenario("<identify writer=\"B\"/>"));
  EXPECT_EQ(InjectedIdentifyTargets(one), std::vector<std::string>{"writer:B"});
  EXPECT_TRUE(one.passed());
}

// Checks that a writer whose hosting service the requester stopped does not answer an
// injected Identify (as a gather skips it), and answers again once the service is started.
TEST(Scenario_Identify, StoppedServiceWriterIsNotAsked_REQ_RST_11) {
  RunResult r = RunText(Scenario(R"(<call method="InitializeForBackup"/>
    <call method="GatherWriterMetadata" expect="S_OK"/>
    <call method="StopService" service="ASvc" expect="S_OK"/>
    <identify/>
    <identify writer="A"/>
    <call method="StartService" service="ASvc" expect="S_OK"/>
    <identify writer="A"/>
    <release/>)"));
  EXPECT_TRUE(r.failures.empty());
  // While ASvc is stopped: B only, and nobody for the targeted A; then A again.
  EXPECT_EQ(InjectedIdentifyTargets(r), (std::vector<std::string>{"writer:B", "writer:A"}));
}

// Checks that <identify> and <advance> name no requester: Scenario::requesters holds only the
// names requester steps use.
TEST(Scenario_NoRequester, IdentifyAndAdvanceNameNoRequester) {
  LoadResult r = LoadScenarioText(Scenario(R"(<identify/><advance by="1s"/>
    <call as="nightly" method="InitializeForBackup"/><advance by="1s"/>
    <release as="nightly"/>)"),
                                  "test.xml");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  EXPECT_EQ(r.scenario->requesters, std::vector<std::string>{"nightly"});
  EXPECT_TRUE(r.scenario->steps[0].requester.empty());
  EXPECT_TRUE(r.scenario->steps[1].requester.empty());
}

// Checks that a run whose requester steps all use as= shows no "requester:requester" in its
// trace or its Mermaid picture, however many <identify>/<advance> steps it has.
TEST(Scenario_NoRequester, NoPhantomRequesterInTraceOrMermaid) {
  RunResult r = RunText(Scenario(R"(<identify/>
    <call as="nightly" method="InitializeForBackup"/>
    <advance by="5s"/>
    <call as="nightly" method="GatherWriterMetadata" expect="S_OK"/>
    <identify writer="A"/>
    <release as="nightly"/>)"));
  ASSERT_NE(r.trace, nullptr);
  EXPECT_TRUE(AnyActor(r, "requester:nightly"));
  EXPECT_FALSE(AnyActor(r, "requester:requester"));
  std::string picture = trace::RenderMermaid(*r.trace);
  EXPECT_NE(picture.find("requester:nightly"), std::string::npos);
  EXPECT_EQ(picture.find("requester:requester"), std::string::npos) << picture;
}

// Checks that a scenario with only <identify> and <advance> steps creates no requester at all.
TEST(Scenario_NoRequester, OnlyIdentifyAndAdvanceCreateNone) {
  RunResult r = RunText(Scenario("<identify/><advance by=\"2s\"/>"));
  ASSERT_NE(r.trace, nullptr);
  for (const trace::Entry& e : r.trace->entries()) {
    EXPECT_NE(e.name, "CreateVssBackupComponents") << e.from;
  }
  EXPECT_EQ(InjectedIdentifyTargets(r).size(), 2u);
}

// Checks that an identify of an unknown writer, and a data step or <state> that can only find
// its requester through an <advance>, are refused with file:line.
TEST(Scenario_NoRequester, ReferencesThroughStepsOfNoRequesterAreRefused) {
  LoadResult unknown = LoadScenarioText(Scenario("<identify writer=\"C\"/>"), "test.xml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.errors[0].ToString().find("test.xml:"), std::string::npos);
  EXPECT_NE(unknown.errors[0].message.find("no writer named \"C\""), std::string::npos);

  std::string state = Scenario("<advance by=\"1s\"/>");
  state.replace(state.find("</scenario>"), 11,
                "<expect><state writer=\"A\" state=\"VSS_WS_UNKNOWN\"/></expect></scenario>");
  LoadResult no_requester = LoadScenarioText(state, "test.xml");
  ASSERT_FALSE(no_requester.ok());
  EXPECT_NE(no_requester.errors[0].message.find("no step runs as requester \"requester\""),
            std::string::npos)
      << no_requester.ErrorText();

  LoadResult data =
      LoadScenarioText(Scenario("<advance by=\"1s\"/><backup-data medium=\"m\"/>"), "test.xml");
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.errors[0].message.find("no requester step uses \"requester\""), std::string::npos)
      << data.ErrorText();
}

}  // namespace
}  // namespace vsssim::scenario
