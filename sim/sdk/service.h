// The simulated VSS service behind Microsoft's entry points (docs/sdk.md): what
// CreateVssBackupComponents, CVssWriter::Subscribe / Unsubscribe and IVssAsync talk to.
//
// By default that is the process's own in-process machine (InProcessMachine, created on first
// use): a virtual clock, a trace, volumes C: and D:, the copy-on-write provider and a
// coordinator. The conformance suites install theirs for the length of a check with
// ScopedService, so SDK code runs unchanged against the suite's world.
//
// Environment of the default machine (read once, when it is created):
//   VSSSIM_SEED   the coordinator's seed (decimal; default 1). Bad value: message, exit 2.
//   VSSSIM_MACHINE  a scenario file whose volumes, files and writers make the machine (no
//                 requester steps); default: volumes C: and D:, no writers. A file that does
//                 not load: "file:line: what is wrong" on stderr, exit 2.
//   VSSSIM_TRACE  a file to write the text trace to when the process ends; its last line is
//                 "digest <hex>" (trace::Digest), so two runs (Linux, mingw-w64 under wine)
//                 compare by one line.
//
// Thread safety: every SDK entry point takes ServiceLock() for the length of its call (a
// recursive mutex: writer handlers run inside requester calls on the same thread). Writer
// getters and SetWriterFailure do not take it: the coordinator's EventHost answers calls from
// other threads with a WRT-THREAD-01 finding, never a wait.
#ifndef VSSSIM_SDK_SERVICE_H_
#define VSSSIM_SDK_SERVICE_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "vsssim/coordinator/requester.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/trace/trace.h"
#include "vsssim/vss/guid.h"
#include "vsssim/writer/writer.h"

namespace vsssim::sdk {

class Service {
 public:
  virtual ~Service() = default;
  // REQ-LIFE-01: a new requester (IVssBackupComponents) on this machine.
  virtual std::unique_ptr<coordinator::Requester> CreateRequester() = 0;
  // WRT-INIT-02: `writer` subscribes; it must outlive its subscription.
  virtual void Subscribe(writer::Writer& writer) = 0;
  // WRT-INIT-03: `writer` unsubscribes; it is not sent events any more.
  virtual void Unsubscribe(writer::Writer& writer) = 0;
  // The machine's virtual clock (IVssAsync waits on it; nothing waits on the wall).
  virtual runtime::Clock& clock() = 0;
  // The machine's trace (findings of the SDK layer are appended here, with their rule).
  virtual trace::Trace& trace() = 0;
  // Lets `duration` of virtual time pass while VSS and the writers work: what IVssAsync::
  // QueryStatus does for a pending operation (sim/sdk/requester/vss_async.h). A conformance
  // suite's service maps it to its own sleep. Default: the clock advances.
  virtual void Sleep(runtime::Duration duration) { clock().AdvanceBy(duration); }
  // IVssWriterComponents::GetWriterInfo: the instance id VSS gave `writer` (WRT-INIT-04);
  // GUID_NULL when the service does not know it.
  virtual Guid WriterInstanceId(const writer::Writer& /*writer*/) { return Guid{}; }
  // CVssWriter::GetSnapshotDeviceName: the device of the shadow copy of `volume` ("C:\") in
  // snapshot set `snapshot_set_id`; empty when there is none (or the service cannot tell).
  virtual std::string SnapshotDeviceName(const Guid& /*snapshot_set_id*/,
                                         std::string_view /*volume*/) {
    return {};
  }
};

// The service SDK calls reach now: the innermost ScopedService's, else the default machine.
Service& CurrentService();

// Installs `service` as CurrentService() until destroyed (nests). REQUIRES: `service` outlives
// the scope; scopes end in reverse order.
class ScopedService {
 public:
  explicit ScopedService(Service& service);
  ~ScopedService();
  ScopedService(const ScopedService&) = delete;
  ScopedService& operator=(const ScopedService&) = delete;

 private:
  Service* previous_;
};

// Held by every SDK entry point for the length of its call.
std::recursive_mutex& ServiceLock();

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_SERVICE_H_
