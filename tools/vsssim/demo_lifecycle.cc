#include "tools/vsssim/demo_lifecycle.h"

#include <string>

#include "vsssim/runtime/random.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::tools {
namespace {

using std::chrono::milliseconds;
using trace::EntryKind;
using vss::WriterState;

constexpr char kRequester[] = "requester:r1";
constexpr char kVss[] = "vss";
constexpr char kWriter[] = "writer:DemoWriter";

class Demo {
 public:
  Demo(runtime::Clock& clock, trace::Trace& trace, std::uint64_t seed)
      : clock_(clock), trace_(trace), random_(seed) {}

  void Run() {
    snapshot_set_ = random_.Fork("snapshot-set").NextGuid().ToString();
    Call("InitializeForBackup");
    Call("SetBackupState", {{"select-components", "yes"}, {"backup-type", "VSS_BT_FULL"}});
    Call("GatherWriterMetadata", {}, [&] { Deliver("Identify", WriterState::VSS_WS_STABLE); });
    Call("AddComponent", {{"writer", "DemoWriter"}, {"component", "db"}});
    Call("StartSnapshotSet", {{"snapshot-set", snapshot_set_}});
    Call("AddToSnapshotSet", {{"volume", "C:\\"}});
    Call("PrepareForBackup", {}, [&] { Deliver("PrepareForBackup", WriterState::VSS_WS_STABLE); });
    Call("DoSnapshotSet", {}, [&] { SnapshotSequence(); });
    Call("GatherWriterStatus", {}, [&] {
      trace_.Append(EntryKind::kNote, kVss, kRequester, "WriterStatus",
                    {{"writer", "DemoWriter"}, {"state", state_}});
    });
    Call("SetBackupSucceeded", {{"writer", "DemoWriter"}, {"component", "db"}});
    Call("BackupComplete", {}, [&] { Deliver("BackupComplete", WriterState::VSS_WS_STABLE); });
    Call("GatherWriterStatus");
    Call("Release", {}, [&] { Deliver("BackupShutdown", WriterState::VSS_WS_STABLE); });
  }

 private:
  // WRT-SEQ: PrepareForSnapshot, Freeze, (provider commit), Thaw, PostSnapshot, with the
  // freeze window (WRT-TIME-01, 60 s by default) armed on the virtual clock at Freeze.
  void SnapshotSequence() {
    Deliver("PrepareForSnapshot", WriterState::VSS_WS_WAITING_FOR_FREEZE);
    Deliver("Freeze", WriterState::VSS_WS_WAITING_FOR_THAW);
    runtime::TimerId freeze_window = clock_.ScheduleAfter(std::chrono::seconds(60), [&] {
      trace_.Append(EntryKind::kFinding, kVss, kWriter, "freeze window expired", {}, "WRT-TIME-01");
    });
    trace_.Append(EntryKind::kProvider, kVss, "provider", "CommitSnapshots",
                  {{"snapshot-set", snapshot_set_}});
    clock_.AdvanceBy(milliseconds(random_.Range(20, 400)));
    Deliver("Thaw", WriterState::VSS_WS_WAITING_FOR_POST_SNAPSHOT);
    clock_.Cancel(freeze_window);
    Deliver("PostSnapshot", WriterState::VSS_WS_WAITING_FOR_BACKUP_COMPLETE);
  }

  void Call(const std::string& method, std::vector<trace::Attribute> args = {},
            const std::function<void()>& effect = {}) {
    trace_.Append(EntryKind::kCall, kRequester, kVss, method, std::move(args));
    if (effect) effect();
    clock_.AdvanceBy(milliseconds(1));
    trace_.Append(EntryKind::kResult, kVss, kRequester, method, {{"hr", ToString(hr::S_OK)}});
  }

  void Deliver(const std::string& event, WriterState next) {
    trace_.Append(EntryKind::kEvent, kVss, kWriter, event);
    clock_.AdvanceBy(milliseconds(random_.Range(1, 50)));
    trace_.Append(EntryKind::kReply, kWriter, kVss, event, {{"returned", "true"}});
    std::string next_name(vss::NameOf(next));
    if (next_name != state_) {
      state_ = next_name;
      trace_.Append(EntryKind::kState, kWriter, "", state_);
    }
  }

  runtime::Clock& clock_;
  trace::Trace& trace_;
  runtime::Random random_;
  std::string snapshot_set_;
  std::string state_ = std::string(vss::NameOf(WriterState::VSS_WS_STABLE));
};

}  // namespace

void RunDemoLifecycle(runtime::Clock& clock, trace::Trace& trace, std::uint64_t seed) {
  Demo(clock, trace, seed).Run();
}

}  // namespace vsssim::tools
