// Tests of running a scenario on an engine other than the simulator (interpreter.h,
// ExternalEngine) — the path `vsssim run --engine=windows-vss` takes on Windows. A separate
// simulated VSS with its own writers stands in for the real machine, so the mapping from
// scenario steps to requester calls is checked here on every platform.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "sim/coordinator/test_harness.h"
#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

using coordinator::testing::ClassId;
using coordinator::testing::Harness;

// A full backup of writer "Db", which names the stand-in machine's writer "Real" (its first
// writer: class id ClassId(1), component "RealData") by class id.
std::string BackupScenario(const std::string& extra_steps = "", const std::string& expect = "") {
  return R"(<scenario name="external" seed="3">
  <volume name="C:" size="16MiB"/>
  <writer name="Db" id=")" +
         ClassId(1).ToString() + R"(">
    <component name="RealData" type="filegroup" selectable="yes">
      <files path="C:\Real" filespec="*"/>
    </component>
  </writer>
  <requester>
    <call method="InitializeForBackup"/>
    <call method="SetBackupState" select-components="yes" backup-type="VSS_BT_FULL"/>
    <call method="GatherWriterMetadata"/>
    <call method="AddComponent" writer="Db" component="RealData" expect="S_OK"/>
    <call method="StartSnapshotSet"/>
    <call method="AddToSnapshotSet" volume="C:"/>
    <call method="PrepareForBackup"/>
    <call method="DoSnapshotSet"/>)" +
         extra_steps + R"(
    <call method="GatherWriterStatus"/>
    <call method="GetWriterStatus" writer="Db" expect-state="VSS_WS_WAITING_FOR_BACKUP_COMPLETE"/>
    <call method="SetBackupSucceeded" writer="Db" component="RealData" succeeded="yes"/>
    <call method="BackupComplete"/>
    <call method="GatherWriterStatus"/>
    <release/>
  </requester>
  <expect>)" +
         expect + R"(</expect>
</scenario>)";
}

const Scenario& Load(const std::string& text, LoadResult& holder) {
  holder = LoadScenarioText(text, "external.xml");
  EXPECT_TRUE(holder.ok()) << holder.ErrorText();
  return *holder.scenario;
}

struct StandIn {
  Harness machine;
  writer::ScriptedWriter* real = nullptr;
  int created = 0;
  ExternalEngine engine;

  StandIn() {
    real = &machine.AddWriter("Real");
    engine.name = "stand-in";
    engine.create_requester = [this](std::unique_ptr<coordinator::Requester>* r) {
      ++created;
      *r = machine.vss.CreateVssBackupComponents("r" + std::to_string(created));
      return hr::S_OK;
    };
  }
};

// Checks that every requester step goes to the engine's requester and that the scenario's
// writer name reaches the engine's writer through its class id and the instance id listed by
// GatherWriterMetadata (AddComponent, GetWriterStatus and SetBackupSucceeded need it).
TEST(Scenario_ExternalEngine, RunsTheRequesterStepsOnTheEngine) {
  StandIn standin;
  LoadResult loaded;
  RunOptions options;
  options.engine = &standin.engine;
  RunResult result = RunScenario(Load(BackupScenario(), loaded), options);
  for (const auto& f : result.failures) ADD_FAILURE() << f.what << ": " << f.actual;
  EXPECT_TRUE(result.passed());
  EXPECT_EQ(standin.created, 1);
  const auto& got = standin.real->received();
  for (vss::WriterEvent e :
       {vss::WriterEvent::kFreeze, vss::WriterEvent::kThaw, vss::WriterEvent::kBackupComplete,
        vss::WriterEvent::kBackupShutdown}) {
    EXPECT_NE(std::find(got.begin(), got.end(), e), got.end()) << vss::NameOf(e);
  }
  EXPECT_EQ(result.engine, "stand-in");
  // The engine's own record: the requester made no mistake the stand-in VSS could see.
  for (const trace::Entry* f : standin.machine.Entries(trace::EntryKind::kFinding)) {
    ADD_FAILURE() << f->rule << " " << f->name;
  }
}

// Checks that a writer the engine does not list makes the component steps fail as they would
// on real VSS (no instance id to name), rather than silently using another writer.
TEST(Scenario_ExternalEngine, AWriterTheEngineDoesNotListIsNotFound) {
  StandIn standin;
  std::string text = BackupScenario();
  text.replace(text.find(ClassId(1).ToString()), ClassId(1).ToString().size(),
               ClassId(9).ToString());
  LoadResult loaded;
  RunOptions options;
  options.engine = &standin.engine;
  RunResult result = RunScenario(Load(text, loaded), options);
  EXPECT_FALSE(result.passed());
  const bool add_component_failed =
      std::any_of(result.failures.begin(), result.failures.end(),
                  [](const ExpectationFailure& f) { return f.what == "AddComponent expect"; });
  EXPECT_TRUE(add_component_failed);
}

// Checks that steps and expectations that need the simulator are refused, each at its own
// line, before the engine is asked for a requester.
TEST(Scenario_ExternalEngine, RefusesWhatNeedsTheSimulatorBeforeAnyCall) {
  StandIn standin;
  std::string text = BackupScenario("\n    <advance by=\"1s\"/>\n    <identify/>",
                                    "<events writer=\"Db\">Identify</events>");
  text.replace(text.find(" id=\""), std::string(" id=\"").size() + 37, "");  // uuid + quote
  LoadResult loaded;
  RunOptions options;
  options.engine = &standin.engine;
  RunResult result = RunScenario(Load(text, loaded), options);
  EXPECT_EQ(standin.created, 0);
  ASSERT_EQ(result.failures.size(), 4u);
  EXPECT_EQ(result.failures[0].what, "<writer name=Db>");
  EXPECT_EQ(result.failures[1].what, "<advance/> needs the simulator");
  EXPECT_EQ(result.failures[2].what, "<identify/> needs the simulator");
  EXPECT_EQ(result.failures[3].what, "<events writer=Db> needs the simulator");
  EXPECT_LT(result.failures[1].where.line, result.failures[2].where.line);
  EXPECT_GT(result.failures[1].where.line, 0u);
}

// Checks that the data path (simulated shadow copies to a medium and back) is refused too.
TEST(Scenario_ExternalEngine, RefusesDataStepsAndDataExpectations) {
  StandIn standin;
  std::string text = BackupScenario("\n    <backup-data medium=\"m1\"/>",
                                    "<same-data path=\"C:\\Real\" as-snapshot-of=\"set1\"/>");
  LoadResult loaded;
  RunOptions options;
  options.engine = &standin.engine;
  RunResult result = RunScenario(Load(text, loaded), options);
  EXPECT_EQ(standin.created, 0);
  ASSERT_EQ(result.failures.size(), 2u);
  EXPECT_EQ(result.failures[0].what, "<backup-data> needs the simulator");
  EXPECT_EQ(result.failures[1].what, "<same-data> needs the simulator");
}

// Checks that a scripted writer behaviour and a scripted provider, which a real writer and
// the machine's providers would silently not honour, are refused too.
TEST(Scenario_ExternalEngine, RefusesScriptedBehaviourAndProvider) {
  StandIn standin;
  std::string text = BackupScenario("", "");
  text.replace(text.find("</writer>"), 9,
               "<on event=\"Freeze\" fail=\"VSS_E_WRITERERROR_RETRYABLE\"/></writer>");
  text.replace(text.find("<writer "), 8, "<provider flush=\"1s\"/><writer ");
  LoadResult loaded;
  RunOptions options;
  options.engine = &standin.engine;
  RunResult result = RunScenario(Load(text, loaded), options);
  EXPECT_EQ(standin.created, 0);
  ASSERT_EQ(result.failures.size(), 2u);
  EXPECT_EQ(result.failures[0].what, "<on event=Freeze> needs the simulator");
  EXPECT_EQ(result.failures[1].what, "<provider> needs the simulator");
  EXPECT_GT(result.failures[0].where.line, 0);
}

// Checks that an engine that cannot make a requester (real VSS under Wine answers E_NOTIMPL)
// fails the run with the engine's answer, not a crash.
TEST(Scenario_ExternalEngine, AnEngineWithoutRequestersFailsTheRunWithItsAnswer) {
  ExternalEngine engine{"broken",
                        [](std::unique_ptr<coordinator::Requester>*) { return hr::E_NOTIMPL; }};
  LoadResult loaded;
  RunOptions options;
  options.engine = &engine;
  RunResult result = RunScenario(Load(BackupScenario(), loaded), options);
  ASSERT_EQ(result.failures.size(), 1u);
  EXPECT_NE(result.failures[0].actual.find("E_NOTIMPL"), std::string::npos);
  EXPECT_NE(result.failures[0].actual.find("broken"), std::string::npos);
}

}  // namespace
}  // namespace vsssim::scenario
