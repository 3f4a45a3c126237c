// The scenario interpreter: runs a loaded Scenario (scenario.h) against the simulator — a
// Coordinator with the copy-on-write provider over the scenario's volumes and files, one
// ScenarioWriter per <writer>, one requester per as= name — then checks the expectations and
// the findings and returns the verdict with the whole trace.
//
// Verdict (docs/scenario-format.md "Pass / fail"): the run fails when a step's expect /
// expect-count / expect-state / expect-failure does not hold, when an <events>, <no-event>,
// <state> expectation does not hold, when a <finding> does not occur, or when a finding of a
// MUST- or VSS-level rule (rules.h) occurs that no <finding> lists. Findings a step's own
// expected failure explains (the requester's finding for a call whose failing result the step
// expects), and the notes of a <terminate/>, are not held against the scenario.
//
// Determinism: everything random comes from runtime::Random(seed) (seed = the file's, or
// RunOptions::seed); the same scenario and seed give the same trace byte for byte.
// Thread safety: RunScenario is reentrant; a RunResult is a plain value owner.
#ifndef VSSSIM_SCENARIO_INTERPRETER_H_
#define VSSSIM_SCENARIO_INTERPRETER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vsssim/coordinator/requester.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/scenario/scenario.h"
#include "vsssim/scenario/source_location.h"
#include "vsssim/trace/trace.h"
#include "vsssim/writer/writer.h"

namespace vsssim::scenario {

// An engine other than the simulator (`vsssim run --engine=windows-vss`): every requester of
// the scenario comes from `create_requester` (e.g. platform::CreateRealVssRequester) and the
// writers are whatever runs on that engine's machine. The scenario's <writer> elements then
// only name real writers by class id (id= is required); writer instance ids are looked up in
// the metadata a GatherWriterMetadata step returns. Only requester steps (method calls,
// <release/>, <wait/>, <cancel/>) and their own expectations apply: <identify/>,
// <terminate/>, <advance/>, and the <events>, <no-event>, <state> and <finding> expectations
// need the simulator and make the run fail before any call is made, each with its location.
struct ExternalEngine {
  std::string name;  // for messages: "windows-vss"
  std::function<HResult(std::unique_ptr<coordinator::Requester>* requester)> create_requester;
};

// `vsssim serve`: writer processes already subscribed to the service. A <writer exec=...>
// whose name one of them has is that writer (nothing is started for it); the others start as
// usual. REQUIRES: the functions and the writers outlive the run.
struct ConnectedWriters {
  // The connected writer named `name` (its trace attached to `trace`), or null.
  std::function<writer::Writer*(std::string_view name, trace::Trace& trace)> find;
  // Why its process is gone ("" while connected): the coordinator's WRT-INIT-03 probe.
  std::function<std::string(const writer::Writer&)> gone_reason;
};

struct RunOptions {
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  // Overrides the scenario's windows= (`vsssim run --windows`); simulator only.
  std::optional<coordinator::WindowsProfile> windows = std::nullopt;
  // `vsssim run --choice NAME=VALUE`: named choices (choice.h) applied after the scenario's
  // <choice> elements. REQUIRES: each name and value is accepted by ApplyChoice.
  std::vector<std::pair<std::string, std::string>> choices = {};
  const ExternalEngine* engine = nullptr;  // null: the simulator
  // Writer processes (<writer exec=...>): the real-time guard per event (a writer that does
  // not answer within it is not responding, WRT-TIME-05) and the time to say hello.
  std::chrono::milliseconds writer_guard{30000};
  std::chrono::milliseconds writer_hello_timeout{10000};
  const ConnectedWriters* connected = nullptr;  // `vsssim serve`; null: start every exec=
};

// One expectation that did not hold.
struct ExpectationFailure {
  SourceLocation where;  // the step or <expect> child
  std::string what;      // "DoSnapshotSet expect=S_OK", "<events writer=DemoDB>"
  std::string expected;
  std::string actual;
};

// One finding of the trace, and how the verdict judged it.
struct ObservedFinding {
  std::uint64_t sequence = 0;  // trace entry
  std::string rule;
  std::string actor;     // "writer:Leaky", "requester:requester"
  std::string message;   // the entry's name
  bool listed = false;   // a <finding> matched it
  bool excused = false;  // explained by a step's expected failure
  bool fails = false;    // counts against the scenario
};

struct RunResult {
  std::string scenario_name;
  std::string file;
  std::uint64_t seed = 0;
  coordinator::WindowsProfile windows = coordinator::kDefaultWindowsProfile;  // the one run under
  // RunOptions::choices (`vsssim run --choice`), for the reproduce command.
  std::vector<std::pair<std::string, std::string>> choices = {};
  std::string engine;                        // RunOptions::engine's name; empty: the simulator
  std::vector<ExpectationFailure> failures;  // includes unmatched <finding> expectations
  std::vector<ObservedFinding> findings;
  std::unique_ptr<runtime::Clock> clock;  // keeps the trace's clock alive
  std::unique_ptr<trace::Trace> trace;
  std::string digest;  // trace::Digest(*trace)

  bool passed() const;
};

// REQUIRES: `scenario` came from the loader (validated).
RunResult RunScenario(const Scenario& scenario, const RunOptions& options = {});

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_INTERPRETER_H_
