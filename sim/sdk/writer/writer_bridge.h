// The bridge between Microsoft's CVssWriter and vsssim's writer model (docs/sdk.md): a
// writer::Writer whose handlers call the CVssWriter's virtual On* methods, and whose getters
// (answered by the coordinator's EventHost during a handler) back CVssWriter's protected
// helpers. There is no second model of VSS: the coordinator drives this writer exactly as it
// drives every other one.
//
// Lifetime: created by CVssWriter::Initialize(Ex), owned by the CVssWriter. Subscribe hands it
// to vsssim::sdk::CurrentService() (or to a capture, vsssim/conformance/sdk_writer.h). When a
// subscribed CVssWriter is destroyed, it unsubscribes and the bridge is kept (orphaned: handlers
// return true without calling anything) so the service's reference stays valid.
//
// Thread safety: handlers on the thread that drives VSS; Subscribe/Unsubscribe under
// ServiceLock().
#ifndef VSSSIM_SDK_WRITER_WRITER_BRIDGE_H_
#define VSSSIM_SDK_WRITER_WRITER_BRIDGE_H_

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/sdk/service.h"
#include "sim/sdk/writer/handler_lease.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/writer/writer.h"
#include "vsssim/writer/writer_components.h"

#include "sim/sdk/common/sdk_api.h"  // last (sdk_api.h)

namespace vsssim::sdk {

class CreateWriterMetadataImpl;
class RemoteSubscription;
class WriterComponentsImpl;

class WriterBridge final : public writer::Writer {
 public:
  WriterBridge(CVssWriter* owner, writer::WriterIdentity identity, DWORD freeze_timeout_ms);
  ~WriterBridge() override;

  // writer::Writer handlers, forwarded to the CVssWriter.
  bool OnIdentify(metadata::CreateWriterMetadata& metadata) override;
  bool OnPrepareBackup(writer::WriterComponents* components) override;
  bool OnPrepareSnapshot() override;
  bool OnFreeze() override;
  bool OnThaw() override;
  bool OnPostSnapshot(writer::WriterComponents* components) override;
  bool OnAbort() override;
  bool OnBackupComplete(writer::WriterComponents* components) override;
  bool OnBackupShutdown(const Guid& snapshot_set_id) override;
  bool OnPreRestore(writer::WriterComponents* components) override;
  bool OnPostRestore(writer::WriterComponents* components) override;

  // CVssWriter's helpers.
  HRESULT Subscribe(DWORD event_flags);
  HRESULT Unsubscribe();
  bool subscribed() const { return service_ != nullptr || remote_ != nullptr; }
  DWORD event_flags() const { return event_flags_; }
  // The CVssWriter is being destroyed: unsubscribe, stop forwarding.
  void Orphan();
  std::string actor() const { return "writer:" + identity().name; }

  VSS_BACKUP_TYPE BackupType() const;
  LONG Context() const;
  VSS_ID CurrentSnapshotSetId() const;
  LPCWSTR* CurrentVolumeArray();
  UINT CurrentVolumeCount() const;
  VSS_RESTORE_TYPE RestoreType() const;
  HRESULT SnapshotDeviceName(LPCWSTR volume, LPCWSTR* device);
  bool ComponentsSelected() const { return AreComponentsSelected(); }
  bool BootableSystemStateBackedUp() const { return IsBootableSystemStateBackedUp(); }
  bool PartialFileSupportEnabled() const { return IsPartialFileSupportEnabled(); }
  bool PathAffected(LPCWSTR path) const;
  bool ShuttingDown() const { return IsWriterShuttingDown(); }
  VSS_ID SessionId() const { return ToVssIdOf(GetSessionId()); }
  HRESULT WriterFailure(HRESULT hr);
  HRESULT WriterFailureEx(HRESULT hr, HRESULT hr_application, LPCWSTR message);

  // Takes ownership of `owner` (this bridge's CVssWriter, whose Subscribe was captured) and
  // hands itself out as the writer::Writer the conformance suite registers; destroying it
  // destroys the CVssWriter (vsssim/conformance/sdk_writer.h).
  std::unique_ptr<writer::Writer> Adopt(std::unique_ptr<CVssWriter> owner);

  // Where Subscribe goes (tests and the conformance capture replace it; default: the
  // current service). Returns the service that holds the subscription, or nullptr when the
  // subscription was captured and is owned elsewhere.
  using SubscribeHook = std::function<bool(WriterBridge&)>;
  static void SetSubscribeHook(SubscribeHook hook);

 private:
  static VSS_ID ToVssIdOf(const Guid& guid);
  // Runs one handler with a fresh lease; ends the lease when it returns.
  template <class F>
  bool Run(const char* handler, F&& call);
  IVssWriterComponents* Components(writer::WriterComponents* components);

  CVssWriter* owner_;
  std::unique_ptr<CVssWriter> adopted_;         // set by Adopt
  std::unique_ptr<RemoteSubscription> remote_;  // subscribed over the wire protocol
  Service* service_ = nullptr;
  bool captured_ = false;
  DWORD event_flags_ = 0;
  LeasePtr lease_;
  bool in_post_snapshot_ = false;
  // Objects handed to handlers, kept for the bridge's life so a late call finds a dead lease
  // (VSS_E_BAD_STATE + SIM-SDK-01) instead of freed memory.
  std::vector<std::unique_ptr<CreateWriterMetadataImpl>> metadata_objects_;
  std::vector<std::unique_ptr<WriterComponentsImpl>> component_lists_;
  // GetCurrentVolumeArray / GetSnapshotDeviceName results, valid until the next call.
  std::vector<std::wstring> volumes_;
  std::vector<LPCWSTR> volume_pointers_;
  std::deque<std::wstring> devices_;  // deque: earlier strings stay put
};

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_WRITER_WRITER_BRIDGE_H_
