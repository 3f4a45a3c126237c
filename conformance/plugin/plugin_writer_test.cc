// Tests of PluginWriter, the proxy between the coordinator and a plug-in's writer, with an
// in-process "plug-in" writer and a recording EventHost.
#include "conformance/plugin/plugin_writer.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace vsssim::conformance {
namespace {

// Answers nothing interesting; records the failures it is given.
class RecordingHost : public writer::EventHost {
 public:
  vss::BackupType GetBackupType() const override { return vss::BackupType::VSS_BT_FULL; }
  vss::SnapshotContext GetContext() const override { return vss::SnapshotContext::VSS_CTX_BACKUP; }
  Guid GetCurrentSnapshotSetId() const override { return kGuidNull; }
  std::vector<std::string> GetCurrentVolumeArray() const override { return {"C:\\"}; }
  bool IsPathAffected(std::string_view) const override { return false; }
  bool AreComponentsSelected() const override { return false; }
  bool IsBootableSystemStateBackedUp() const override { return false; }
  bool IsPartialFileSupportEnabled() const override { return false; }
  bool IsWriterShuttingDown() const override { return false; }
  Guid GetSessionId() override { return kGuidNull; }
  HResult SetWriterFailure(HResult hr) override {
    failures.push_back(hr);
    return hr::S_OK;
  }
  HResult SetWriterFailureEx(HResult hr_writer, HResult, std::string_view) override {
    return SetWriterFailure(hr_writer);
  }
  void Spend(runtime::Duration) override {}
  void Hang() override {}

  std::vector<HResult> failures;
};

// A "plug-in" writer: in OnFreeze it reports a failure through its own host, remembers
// whether it had one, and can be told to throw.
class InnerWriter : public writer::Writer {
 public:
  InnerWriter() : writer::Writer(Identity()) { SetHostingService("InnerService"); }
  static writer::WriterIdentity Identity() {
    writer::WriterIdentity identity;
    identity.name = "Inner";
    return identity;
  }
  bool OnPrepareSnapshot() override { return true; }
  bool OnFreeze() override {
    had_host = host() != nullptr;
    backup_type = GetBackupType();
    SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
    if (throw_in_freeze) throw std::runtime_error("boom");
    return false;
  }
  bool OnThaw() override { return true; }
  bool OnAbort() override { return true; }

  bool had_host = false;
  bool throw_in_freeze = false;
  vss::BackupType backup_type = vss::BackupType::VSS_BT_UNDEFINED;
};

int destroyed = 0;
void Destroy(writer::Writer* writer) {
  ++destroyed;
  delete writer;
}

// Checks that the proxy carries the plug-in writer's identity and hosting service (WRT-SEQ-11),
// that the plug-in's writer sees the coordinator's host during a handler (getters and
// SetWriterFailure reach it, WRT-ERR-01) and has none afterwards, and that the handler's
// return value comes through.
TEST(Plugin_Writer, ForwardsHandlerWithTheHostAttached) {
  auto* inner = new InnerWriter();
  PluginWriter proxy(inner, &Destroy, nullptr);
  EXPECT_EQ(proxy.identity().name, "Inner");
  EXPECT_EQ(proxy.hosting_service(), "InnerService");
  RecordingHost host;
  proxy.AttachHost(&host);
  EXPECT_FALSE(proxy.OnFreeze());
  proxy.AttachHost(nullptr);
  EXPECT_TRUE(inner->had_host);
  EXPECT_EQ(inner->backup_type, vss::BackupType::VSS_BT_FULL);
  EXPECT_EQ(host.failures, std::vector<HResult>{hr::VSS_E_WRITERERROR_RETRYABLE});
  EXPECT_EQ(inner->host(), nullptr);
}

// Checks that an exception from the plug-in's handler reaches the coordinator (which reports
// WRT-RET-02) and still leaves the plug-in's writer without a host.
TEST(Plugin_Writer, ThrowingHandlerPropagatesAndDetaches) {
  auto* inner = new InnerWriter();
  inner->throw_in_freeze = true;
  PluginWriter proxy(inner, &Destroy, nullptr);
  RecordingHost host;
  proxy.AttachHost(&host);
  EXPECT_THROW(proxy.OnFreeze(), std::runtime_error);
  EXPECT_EQ(inner->host(), nullptr);
}

// Checks that the proxy frees the plug-in's writer with the plug-in's destroy function.
TEST(Plugin_Writer, DestroysThroughThePluginFunction) {
  destroyed = 0;
  { PluginWriter proxy(new InnerWriter(), &Destroy, nullptr); }
  EXPECT_EQ(destroyed, 1);
}

}  // namespace
}  // namespace vsssim::conformance
