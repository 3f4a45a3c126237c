// FixedEventHost (tests, fuzzing, benchmarks): what VSS answers a writer's getters during one
// event when no coordinator runs it — a FULL backup in the BACKUP context of volume C:\ — and
// a record of what the writer asked for (time spent, hangs).
//
// Thread safety: none.
#ifndef VSSSIM_SIM_REMOTE_TESTING_FIXED_HOST_H_
#define VSSSIM_SIM_REMOTE_TESTING_FIXED_HOST_H_

#include <string>
#include <string_view>
#include <vector>

#include "vsssim/runtime/time.h"
#include "vsssim/writer/event_host.h"

namespace vsssim::remote::testing {

class FixedEventHost final : public writer::EventHost {
 public:
  vss::BackupType GetBackupType() const override { return vss::BackupType::VSS_BT_FULL; }
  vss::SnapshotContext GetContext() const override { return vss::SnapshotContext::VSS_CTX_BACKUP; }
  Guid GetCurrentSnapshotSetId() const override { return kGuidNull; }
  std::vector<std::string> GetCurrentVolumeArray() const override { return {"C:\\"}; }
  bool IsPathAffected(std::string_view) const override { return true; }
  bool AreComponentsSelected() const override { return components_selected; }
  bool IsBootableSystemStateBackedUp() const override { return false; }
  bool IsPartialFileSupportEnabled() const override { return false; }
  bool IsWriterShuttingDown() const override { return false; }
  Guid GetSessionId() override { return kGuidNull; }
  HResult SetWriterFailure(HResult) override { return hr::S_OK; }
  HResult SetWriterFailureEx(HResult, HResult, std::string_view) override { return hr::S_OK; }
  void Spend(runtime::Duration d) override { spent += d; }
  void Hang() override { ++hangs; }

  bool components_selected = true;  // what AreComponentsSelected answers
  runtime::Duration spent{0};       // the sum of the writer's Spend calls
  int hangs = 0;                    // how many times the writer hung (or a fault made it)
};

}  // namespace vsssim::remote::testing

#endif  // VSSSIM_SIM_REMOTE_TESTING_FIXED_HOST_H_
