// The pieces of the scenario loader, one per part of the file: writers (load_writer.cc, their
// <on> behaviours load_behaviour.cc), requester steps (load_steps.cc), expectations
// (load_expect.cc) and the cross-reference pass that runs once the whole file (and its
// includes) is read (resolve.cc).
//
// Internal to sim/scenario. Thread safety: none needed (one loader call at a time).
#ifndef VSSSIM_SIM_SCENARIO_LOAD_H_
#define VSSSIM_SIM_SCENARIO_LOAD_H_

#include <cstdint>
#include <string>
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
void ReadRequester(const Element& e, Scenario* scenario);
// The data steps read so far, each with its requester, for ReadRequester's check that a
// requester step uses that requester.
using DataElements = std::vector<std::pair<std::string, Element>>;
// The step children of <requester> or <repeat>, appended to `scenario` (load_steps.cc).
void ReadStepList(const Element& parent, Scenario* scenario, DataElements* data_elements);
// <repeat times>: its steps read once and appended `times` times (load_repeat.cc).
void ReadRepeat(const Element& e, Scenario* scenario, DataElements* data_elements);
void ReadExpect(const Element& e, Scenario* scenario);

// Checks every reference (writers, volumes, components, saved documents, requesters) and every
// uniqueness rule once the whole scenario is read.
void Resolve(Scenario* scenario, Errors* errors);

}  // namespace vsssim::scenario::internal

#endif  // VSSSIM_SIM_SCENARIO_LOAD_H_
