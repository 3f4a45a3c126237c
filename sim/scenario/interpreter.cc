// RunScenario: World + StepRunner + the verdict over the trace (interpreter.h).
#include "vsssim/scenario/interpreter.h"

#include <algorithm>
#include <sstream>

#include "sim/scenario/data_steps.h"
#include "sim/scenario/expect_events.h"
#include "sim/scenario/external_engine.h"
#include "sim/scenario/step_runner.h"
#include "sim/scenario/world.h"
#include "vsssim/scenario/rules.h"
#include "vsssim/trace/text.h"
#include "vsssim/vss/enum_table.h"

namespace vsssim::scenario {
namespace {

void CheckStates(World& world, const Expectations& expect,
                 std::vector<ExpectationFailure>& failures) {
  for (const StateExpectation& s : expect.states) {
    const auto& r = world.requester(s.requester);
    const auto& w = world.writer(s.writer);
    vss::WriterState state = world.vss().WriterStateIn(r, w);
    HResult failure = world.vss().WriterFailureIn(r, w);
    if (state != s.state || (s.failure && *s.failure != failure)) {
      std::string want = std::string(vss::NameOf(s.state));
      if (s.failure) want += " failure " + ToString(*s.failure);
      failures.push_back({s.where, "<state writer=" + s.writer + " as=" + s.requester + ">", want,
                          std::string(vss::NameOf(state)) + " failure " + ToString(failure)});
    }
  }
}

bool Matches(const FindingExpectation& f, const trace::Entry& e) {
  if (f.rule != e.rule) return false;
  if (!f.writer.empty() && e.from != "writer:" + f.writer && e.to != "writer:" + f.writer) {
    return false;
  }
  if (!f.requester.empty() && e.from != "requester:" + f.requester &&
      e.Get("requester") != f.requester) {
    return false;
  }
  return true;
}

void JudgeFindings(const Expectations& expect, const std::vector<ExcusedRange>& excused,
                   const trace::Trace& trace, RunResult& result) {
  std::vector<bool> seen(expect.findings.size(), false);
  for (const trace::Entry& e : trace.entries()) {
    if (e.kind != trace::EntryKind::kFinding) continue;
    ObservedFinding f;
    f.sequence = e.sequence;
    f.rule = e.rule;
    f.actor = e.from;
    f.message = e.name;
    for (std::size_t i = 0; i < expect.findings.size(); ++i) {
      if (Matches(expect.findings[i], e)) f.listed = seen[i] = true;
    }
    for (const ExcusedRange& x : excused) {
      if (e.sequence >= x.begin && e.sequence < x.end && e.from == x.actor) f.excused = true;
    }
    f.fails = !f.listed && !f.excused && FailsWhenUnlisted(e.rule);
    result.findings.push_back(std::move(f));
  }
  for (std::size_t i = 0; i < expect.findings.size(); ++i) {
    if (seen[i]) continue;
    const FindingExpectation& f = expect.findings[i];
    std::string who = f.writer.empty() ? "" : " writer=" + f.writer;
    if (!f.requester.empty()) who += " requester=" + f.requester;
    result.failures.push_back(
        {f.where, "<finding rule=" + f.rule + who + ">", "the finding", "it did not occur"});
  }
}

}  // namespace

bool RunResult::passed() const {
  if (!failures.empty()) return false;
  return std::none_of(findings.begin(), findings.end(),
                      [](const ObservedFinding& f) { return f.fails; });
}

RunResult RunScenario(const Scenario& scenario, const RunOptions& options) {
  RunResult result;
  result.scenario_name = scenario.name;
  result.file = scenario.where.file;
  result.seed = options.seed.value_or(scenario.seed);
  result.windows = options.windows.value_or(scenario.windows);
  result.choices = options.choices;
  if (options.engine != nullptr) result.engine = options.engine->name;
  result.clock = std::make_unique<runtime::Clock>();
  result.trace = std::make_unique<trace::Trace>(*result.clock);
  if (options.engine != nullptr) {
    result.failures = CheckRunnableOnEngine(scenario, options.engine->name);
    if (!result.failures.empty()) {  // refused before any call is made
      result.digest = trace::Digest(*result.trace);
      return result;
    }
  }
  {
    coordinator::Choices choices;
    choices.windows = result.windows;
    for (const ChoiceSetting& c : scenario.choices) ApplyChoice(c.name, c.value, &choices);
    for (const auto& [name, value] : options.choices) ApplyChoice(name, value, &choices);
    WriterProcessOptions process_options;
    process_options.guard = options.writer_guard;
    process_options.hello_timeout = options.writer_hello_timeout;
    World world(scenario, result.seed, choices, *result.clock, *result.trace, options.engine,
                process_options, options.connected);
    if (!world.start_error().empty()) {  // a writer process could not start or say hello
      result.failures.push_back({scenario.where, "writer processes",
                                 "every exec= writer subscribed", world.start_error()});
      result.digest = trace::Digest(*result.trace);
      return result;
    }
    if (!world.engine_error().empty()) {
      result.failures.push_back({scenario.where, "engine " + options.engine->name,
                                 "a requester on the engine", world.engine_error()});
      result.digest = trace::Digest(*result.trace);
      return result;
    }
    StepRunner runner(world, *result.trace);
    DataSteps data(world, *result.trace);  // <backup-data>, <restore-data>, <same-data>
    std::size_t next_data = 0;
    auto run_data_until = [&](std::size_t step_index) {
      for (; next_data < scenario.data_steps.size() &&
             scenario.data_steps[next_data].before_step <= step_index;
           ++next_data) {
        if (world.simulated()) data.Run(scenario.data_steps[next_data]);
      }
    };
    for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
      run_data_until(i);
      runner.Run(scenario.steps[i]);
    }
    // Handlers still spending virtual time return now: their replies belong to the run.
    if (world.simulated()) world.vss().FinishRunningHandlers();
    run_data_until(scenario.steps.size());
    result.failures = std::move(runner.failures());
    if (world.simulated()) data.Check(scenario.expect.same_data);
    for (ExpectationFailure& f : data.failures()) result.failures.push_back(std::move(f));
    if (world.simulated()) {  // an external engine refused these expectations above
      // <events>, <no-event>, <event>, <observed> (expect_events.h)
      CheckEvents(world, *result.trace, scenario.expect, result.failures);
      CheckStates(world, scenario.expect, result.failures);
      CheckEventTimes(world, *result.trace, scenario.expect, result.failures);
      CheckObserved(world, *result.trace, scenario.expect, result.failures);
    }
    JudgeFindings(scenario.expect, runner.excused(), *result.trace, result);
  }  // requesters never released die here; their BackupShutdown ends the trace
  result.digest = trace::Digest(*result.trace);
  return result;
}

}  // namespace vsssim::scenario
