// The pieces of the scenario loader, one per part of the file: writers (load_writer.cc, their
// <on> behaviours load_behaviour.cc), requester steps (load_steps.cc), expectations
// (load_expect.cc) and the cross-reference pass that runs once the whole file (and its
// includes) is read (resolve.cc).
//
// Internal to sim/scenario. Thread safety: none needed (one loader call at a time).
#ifndef VSSSIM_SIM_SCENARIO_LOAD_H_
#define VSSSIM_SIM_SCENARIO_LOAD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/scenario/element.h"
#include "vsssim/scenario/loader.h"
#include "vsssim/scenario/scenario.h"

namespace vsssim::scenario::internal {

// The largest volume (docs/scenario-format.md, "Limits"): 1 TiB, so a volume has at most 2^31
// blocks (at 512 B) and every <file> size and <write> end is bounded by it.
inline constexpr std::uint64_t kMaxVolumeBytes = std::uint64_t{1} << 40;

// Each reader checks `e` against the schema, reports errors to the element's error list and
// appends what it could read to `scenario`.
void ReadVolume(const Element& e, Scenario* scenario);
// <choice name value> (load_choice.cc).
void ReadChoice(const Element& e, Scenario* scenario);
// <volume host-dir>: the rest of ReadVolume for a volume on a host directory (load_host_dir.cc).
void ReadHostDirVolume(const Element& e, Volume v, Scenario* scenario);
// Every host-dir= names a directory that exists and can be listed (load_host_dir.cc).
void CheckHostDirectories(const Scenario& scenario, const LoadOptions& options, Errors* errors);
void ReadFile(const Element& e, const std::string& writer, Scenario* scenario);
void ReadWriter(const Element& e, Scenario* scenario);
void ReadBehaviour(const Element& e, Writer* writer);  // <on> (load_behaviour.cc)
// Once the writer is read: every action's component= names one of its components, and
// truncate-logs reaches log files (load_behaviour.cc).
void CheckActionTargets(const Writer& w, Errors* errors);
// Writer behaviour outside handlers (W, issue #19). An action element of <on> or <timer>
// (load_behaviour.cc); a failure HRESULT (fail=, code=); a flag name (if=, set-flag name=).
Action ReadAction(const Element& e);
std::optional<HResult> ParseFailureCode(const std::string& text);
bool ValidFlagName(std::string_view name);
std::string ReadFlagName(const Element& e, std::string_view attribute);
std::string_view NameOfAction(ActionKind kind);
// <timer> (load_timer.cc), appended to writer->timers.
void ReadTimer(const Element& e, Writer* writer);
// <extend writer=> (load_timer.cc): adds <on> and <timer> to a writer read earlier.
void ReadExtend(const Element& e, Scenario* scenario);
// The writer's <on> checks that need all of them: "never applies", flags that are tested but
// never set (load_writer.cc).
void CheckBehaviours(const Writer& w, Errors* errors);
// <stop-service>, <start-service>, <restart-service> (load_service_steps.cc).
void ReadServiceStep(const Element& e, Step* step);
void ReadRequester(const Element& e, Scenario* scenario);
// The data steps read so far, each with its requester, for ReadRequester's check that a
// requester step uses that requester.
using DataElements = std::vector<std::pair<std::string, Element>>;
// The step children of <requester> or <repeat>, appended to `scenario` (load_steps.cc).
void ReadStepList(const Element& parent, Scenario* scenario, DataElements* data_elements);
// <repeat times>: its steps read once and appended `times` times (load_repeat.cc).
void ReadRepeat(const Element& e, Scenario* scenario, DataElements* data_elements);
void ReadExpect(const Element& e, Scenario* scenario);
// E (load_check_steps.cc): <check-state>, <bcd> steps; expect-status= of <call>/<wait>.
void ReadCheckStep(const Element& e, Step* step);
void ReadExpectStatus(const Element& e, Step* step);

// Checks every reference (writers, volumes, components, saved documents, requesters) and every
// uniqueness rule once the whole scenario is read.
void Resolve(Scenario* scenario, Errors* errors);

}  // namespace vsssim::scenario::internal

#endif  // VSSSIM_SIM_SCENARIO_LOAD_H_
