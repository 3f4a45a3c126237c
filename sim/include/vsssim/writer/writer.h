// A writer as VSS sees it: the CVssWriter shape (../shared/spec/CATALOGUE.md §3.1-§3.8).
//
// A writer is built with its identity (the Initialize parameters, WRT-INIT-01) and overrides
// the On* handlers. While a handler runs, the coordinator attaches an EventHost that answers
// the documented getters (GetBackupType, IsPathAffected, ...) and receives SetWriterFailure;
// outside a handler the getters return their "undefined" values.
//
// Simulation hooks (not part of CVssWriter): Spend(d) says the handler took `d` of virtual
// time, Hang() says it never returns. Neither blocks: the coordinator moves the virtual clock.
//
// Thread safety: handlers are called on the single simulator thread. SetWriterFailure(Ex) and
// GetSessionId called from any other thread are findings (WRT-THREAD-01), never crashes.
#ifndef VSSSIM_WRITER_WRITER_H_
#define VSSSIM_WRITER_WRITER_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vsssim/runtime/time.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"
#include "vsssim/writer/event_host.h"

namespace vsssim::metadata {
class CreateWriterMetadata;
}  // namespace vsssim::metadata

namespace vsssim::writer {

class WriterComponents;

// The parameters of CVssWriter::Initialize (WRT-INIT-01, LIM-05).
struct WriterIdentity {
  Guid class_id;
  std::string name;           // non-localised writer name
  std::string instance_name;  // empty = NULL
  vss::UsageType usage = vss::UsageType::VSS_UT_USERDATA;
  vss::SourceType source = vss::SourceType::VSS_ST_OTHER;
  vss::ApplicationLevel level = vss::ApplicationLevel::VSS_APP_FRONT_END;
  runtime::Duration freeze_timeout = std::chrono::seconds(60);  // dwTimeoutFreeze, LIM-05
};

class Writer {
 public:
  explicit Writer(WriterIdentity identity) : identity_(std::move(identity)) {}
  virtual ~Writer() = default;
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  const WriterIdentity& identity() const { return identity_; }
  // Simulation only: the (simulated) service whose process hosts the writer; empty = none.
  // Stopping that service ends the writer's instance (WRT-SEQ-11, REQ-RST-11).
  void SetHostingService(std::string service) { hosting_service_ = std::move(service); }
  const std::string& hosting_service() const { return hosting_service_; }

  // The handlers (WRT-INIT-07): PrepareSnapshot, Freeze, Thaw and Abort must be written; the
  // others default to returning true. Return false only on a fatal error (WRT-RET-01).
  virtual bool OnIdentify(metadata::CreateWriterMetadata& /*metadata*/) { return true; }
  virtual bool OnPrepareBackup(WriterComponents* /*components*/) { return true; }
  virtual bool OnPrepareSnapshot() = 0;
  virtual bool OnFreeze() = 0;
  virtual bool OnThaw() = 0;
  virtual bool OnPostSnapshot(WriterComponents* /*components*/) { return true; }
  virtual bool OnAbort() = 0;
  virtual bool OnBackupComplete(WriterComponents* /*components*/) { return true; }
  virtual bool OnBackupShutdown(const Guid& /*snapshot_set_id*/) { return true; }
  virtual bool OnPreRestore(WriterComponents* /*components*/) { return true; }
  virtual bool OnPostRestore(WriterComponents* /*components*/) { return true; }

  // Coordinator only: attaches the host for the duration of one handler call. Nested
  // attachment (OnAbort calling OnThaw, WRT-ABORT-03) is not needed: the host stays attached.
  void AttachHost(EventHost* host) { host_.store(host); }
  EventHost* host() const { return host_.load(); }

 protected:
  // CVssWriter getters (§3.6 WRT-CALL-17..23). Outside a handler they return the documented
  // "undefined" values (VSS_BT_UNDEFINED, GUID_NULL, false, an empty list).
  vss::BackupType GetBackupType() const;
  // WRT-CALL-20, RT-01: meaningful from OnPreRestore on; VSS_RTYPE_UNDEFINED otherwise.
  vss::RestoreType GetRestoreType() const;
  vss::SnapshotContext GetContext() const;
  Guid GetCurrentSnapshotSetId() const;
  std::vector<std::string> GetCurrentVolumeArray() const;
  std::uint32_t GetCurrentVolumeCount() const {
    return static_cast<std::uint32_t>(GetCurrentVolumeArray().size());
  }
  bool IsPathAffected(std::string_view path) const;
  bool AreComponentsSelected() const;
  bool IsBootableSystemStateBackedUp() const;
  bool IsPartialFileSupportEnabled() const;
  bool IsWriterShuttingDown() const;
  // WRT-THREAD-01: must be called on the handler's thread; WRT-IDENTIFY-03, WRT-ERR-01/02.
  Guid GetSessionId() const;
  HResult SetWriterFailure(HResult hr);
  HResult SetWriterFailureEx(HResult hr_writer, HResult hr_application, std::string_view message);

  // Simulation hooks: this handler takes `d` more virtual time / never returns.
  void Spend(runtime::Duration d);
  void Hang();

 private:
  WriterIdentity identity_;
  std::string hosting_service_;
  std::atomic<EventHost*> host_{nullptr};
};

}  // namespace vsssim::writer

#endif  // VSSSIM_WRITER_WRITER_H_
