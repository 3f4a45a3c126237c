// What a writer's handler can ask of VSS while it runs: the coordinator implements EventHost
// once per delivered event and attaches it to the Writer for the duration of the handler.
//
// Contract for implementers (the coordinator, or a test double):
// - getters return what CATALOGUE.md §3.6 says the writer may see in that handler;
// - SetWriterFailure(Ex) and GetSessionId compare the calling thread with the thread that
//   entered the handler and record a WRT-THREAD-01 finding on a mismatch;
// - Spend/Hang only record; the coordinator moves the virtual clock after the handler returns.
//
// Thread safety: any thread may call; only the handler's own thread gets answers that count.
#ifndef VSSSIM_WRITER_EVENT_HOST_H_
#define VSSSIM_WRITER_EVENT_HOST_H_

#include <string>
#include <string_view>
#include <vector>

#include "vsssim/runtime/time.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::writer {

class EventHost {
 public:
  virtual ~EventHost() = default;

  virtual vss::BackupType GetBackupType() const = 0;
  // WRT-CALL-20: the requester's SetRestoreState value during restore events. Not pure, so
  // existing hosts (test doubles) keep compiling: they report VSS_RTYPE_UNDEFINED.
  virtual vss::RestoreType GetRestoreType() const { return vss::RestoreType::VSS_RTYPE_UNDEFINED; }
  virtual vss::SnapshotContext GetContext() const = 0;
  virtual Guid GetCurrentSnapshotSetId() const = 0;
  virtual std::vector<std::string> GetCurrentVolumeArray() const = 0;
  virtual bool IsPathAffected(std::string_view path) const = 0;
  virtual bool AreComponentsSelected() const = 0;
  virtual bool IsBootableSystemStateBackedUp() const = 0;
  virtual bool IsPartialFileSupportEnabled() const = 0;
  virtual bool IsWriterShuttingDown() const = 0;
  virtual Guid GetSessionId() = 0;
  virtual HResult SetWriterFailure(HResult hr) = 0;
  virtual HResult SetWriterFailureEx(HResult hr_writer, HResult hr_application,
                                     std::string_view message) = 0;
  virtual void Spend(runtime::Duration d) = 0;
  virtual void Hang() = 0;
};

}  // namespace vsssim::writer

#endif  // VSSSIM_WRITER_EVENT_HOST_H_
