// DataSteps: plays the scenario's data-path steps on a World (data_step.h) — <backup-data>
// copies from the requester's last snapshot set with its current BCD (SaveAsXML) and the WMDs
// it gathered (GetWriterMetadata) into a named backup::Medium; <restore-data> restores one set
// during a restore session, reading the restore state the writers left after PreRestore
// through GetWriterComponents (REQ-RST-07), and records SetFileRestoreStatus /
// AddAlternativeLocationMapping (REQ-RST-08, ALT-04) unless record-status="no"; <same-data>
// compares live files with the shadow copies captured at a backup (SIM-DATA-01).
//
// Problems the data path meets (a rule it cannot honour: REQ-SET-06, FSBT-04, ALT-03, ...) are
// trace findings from requester:NAME with that rule; each step appends one kNote entry saying
// what it copied.
//
// Thread safety: none.
#ifndef VSSSIM_SIM_SCENARIO_DATA_STEPS_H_
#define VSSSIM_SIM_SCENARIO_DATA_STEPS_H_

#include <map>
#include <string>
#include <vector>

#include "sim/scenario/world.h"
#include "vsssim/backup/data_image.h"
#include "vsssim/backup/medium.h"
#include "vsssim/scenario/data_step.h"
#include "vsssim/scenario/interpreter.h"

namespace vsssim::scenario {

class DataSteps {
 public:
  DataSteps(World& world, trace::Trace& trace) : world_(world), trace_(trace) {}

  void Run(const DataStep& step);
  // <same-data> expectations, after the run.
  void Check(const std::vector<SameDataExpectation>& expect);

  std::vector<ExpectationFailure>& failures() { return failures_; }

 private:
  void Backup(const DataStep& step);
  void Restore(const DataStep& step);
  void Fail(const DataStep& step, std::string what, std::string expected, std::string actual);
  void Finding(const DataStep& step, const std::string& rule, const std::string& message);

  World& world_;
  trace::Trace& trace_;
  std::map<std::string, backup::Medium> media_;
  std::map<std::string, backup::DataImage> images_;  // by set label
  std::vector<ExpectationFailure> failures_;
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SIM_SCENARIO_DATA_STEPS_H_
