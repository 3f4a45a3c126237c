// <repeat times="N">: the steps inside are read once and appended N times, so the interpreter
// never sees a loop (docs/scenario-format.md, "repeat"). Every copy keeps the line of the
// element it came from and says which repetition it is ("file:12 (repetition 3 of 50)"), so a
// failing expectation names the lap that broke.
//
// new-instances="yes": every repetition is a new run of the program — the requesters its steps
// name are new IVssBackupComponents instances, "NAME#k" in repetition k (as=, the data steps'
// as=, DeleteSnapshots snapshot-set-of=). Without it a name is the same instance in every lap
// (a released one stays released: REQ-LIFE-02).
//
// Data steps in a repeat: a <backup-data> takes no set= there (one label cannot name N
// backups); each lap's backup gets the default label of its place ("set1", "set2", ... per
// medium), counted over the whole expanded run. A <restore-data> without set= restores the
// medium's latest backup at its place in the expanded run; with set= it names the same set in
// every lap.
#include <algorithm>
#include <string>
#include <utility>

#include "sim/scenario/load.h"
#include "vsssim/scenario/values.h"

namespace vsssim::scenario::internal {
namespace {

// The counts a repeat may reach (docs/scenario-format.md, "Limits").
constexpr std::uint64_t kMaxRepeatTimes = 1000;
constexpr std::size_t kMaxExpandedSteps = 10000;  // steps of the whole <requester>

std::string Lap(std::uint64_t i, std::uint64_t times, const std::string& inner) {
  std::string text = "repetition " + std::to_string(i) + " of " + std::to_string(times);
  return inner.empty() ? text : text + ", " + inner;
}

}  // namespace

void ReadRepeat(const Element& e, Scenario* scenario, DataElements* data_elements) {
  e.CheckShape(*FindElement("repeat"));
  std::uint64_t times = 0;
  auto parse = [](const std::string& t) { return ParseUnsigned(t, kMaxRepeatTimes); };
  if (!e.Read("times", parse, "a count from 1 to " + std::to_string(kMaxRepeatTimes), &times) ||
      !e.Has("times")) {
    return;
  }
  if (times == 0) return e.AttrError("times", "must be at least 1");
  bool new_instances = false;
  e.Read(
      "new-instances", [](const std::string& t) { return ParseBool(t); }, "yes or no",
      &new_instances);
  // The body, read once into a scratch scenario that knows the earlier backups (the restore
  // checks of ReadDataStep look at them).
  Scenario body;
  body.data_steps = scenario->data_steps;
  const std::size_t earlier_data = body.data_steps.size();
  const std::size_t before = data_elements->size();
  ReadStepList(e, &body, data_elements);
  for (std::size_t i = before; i < data_elements->size(); ++i) {
    const Element& d = (*data_elements)[i].second;
    if (d.name() == "backup-data" && d.Has("set")) {
      d.AttrError("set", "a <backup-data> in a <repeat> takes no set= (one label cannot name " +
                             std::to_string(times) + " backups); each lap gets set1, set2, ...");
    }
  }
  if (body.steps.empty() && body.data_steps.size() == earlier_data) {
    return e.Error("holds no step");
  }
  if (scenario->steps.size() + times * body.steps.size() > kMaxExpandedSteps) {
    return e.AttrError("times", "the requester would have more than " +
                                    std::to_string(kMaxExpandedSteps) + " steps (" +
                                    std::to_string(body.steps.size()) + " steps times " +
                                    std::to_string(times) + " after " +
                                    std::to_string(scenario->steps.size()) + ")");
  }
  // The requesters the body names (steps of no requester name none).
  std::vector<std::string> named;
  for (const Step& s : body.steps) {
    if (!s.requester.empty()) named.push_back(s.requester);
  }
  auto rename = [&](std::string* name, std::uint64_t lap) {
    if (new_instances && std::find(named.begin(), named.end(), *name) != named.end()) {
      *name += "#" + std::to_string(lap);
    }
  };
  for (std::uint64_t lap = 1; lap <= times; ++lap) {
    const std::size_t first_step = scenario->steps.size();
    for (std::size_t i = earlier_data; i < body.data_steps.size(); ++i) {
      DataStep d = body.data_steps[i];
      d.before_step += first_step;
      d.where.repetition = Lap(lap, times, d.where.repetition);
      rename(&d.requester, lap);
      if (d.kind == DataStep::Kind::kBackup) {
        auto earlier = std::count_if(
            scenario->data_steps.begin(), scenario->data_steps.end(), [&](const DataStep& o) {
              return o.kind == DataStep::Kind::kBackup && o.medium == d.medium;
            });
        d.set = "set" + std::to_string(earlier + 1);  // the default label of its place
      }
      scenario->data_steps.push_back(std::move(d));
    }
    for (const Step& step : body.steps) {
      Step copy = step;
      copy.where.repetition = Lap(lap, times, copy.where.repetition);
      rename(&copy.requester, lap);
      for (Argument& a : copy.args) {
        if (a.name != "snapshot-set-of") continue;
        rename(&a.text, lap);
        a.value = a.text;
      }
      scenario->steps.push_back(std::move(copy));
    }
  }
}

}  // namespace vsssim::scenario::internal
