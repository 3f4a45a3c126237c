// The simulated service of a writer process (service.h, docs/sdk.md "A writer in its own
// process"): when VSSSIM_ADDRESS and VSSSIM_TOKEN are set — `vsssim serve`, a scenario's
// <writer exec=...> and `vsssim conform --writer-exec` set them — CVssWriter::Subscribe
// connects the writer to that service over the wire protocol (docs/wire-protocol.md) and its
// handlers run on a thread of their own (remote::WriterThread), while the program goes on with
// its own work, as a writer's service process does on Windows. Unsubscribe closes the
// connection: the service sees the writer leave (WRT-INIT-03).
//
// When the service ends the session (its shutdown) for every writer the process subscribed, the
// process exits — status 0, or ServeWriter's failure code (1: could not connect or refused,
// 2: the connection broke) with the reason on stderr — because that is how vsssim's writer
// processes end (docs/serve.md). A writer process has no requester: CreateRequester gives
// null, which CreateVssBackupComponents answers with E_UNEXPECTED.
//
// Thread safety: callers hold ServiceLock(); the serving threads never take it (an Unsubscribe
// joins its thread while holding it).
#ifndef VSSSIM_SDK_REMOTE_WRITER_SERVICE_H_
#define VSSSIM_SDK_REMOTE_WRITER_SERVICE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "sim/sdk/service.h"
#include "vsssim/remote/address.h"
#include "vsssim/remote/writer_client.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/trace/trace.h"

namespace vsssim::sdk {

class RemoteWriterService final : public Service {
 public:
  // `trace_path`: where the local trace (the SDK layer's own findings) goes at exit; empty:
  // nowhere.
  RemoteWriterService(remote::Address address, std::string token, std::string trace_path);
  ~RemoteWriterService() override;

  std::unique_ptr<coordinator::Requester> CreateRequester() override { return nullptr; }
  void Subscribe(writer::Writer& writer) override;
  void Unsubscribe(writer::Writer& writer) override;
  runtime::Clock& clock() override { return clock_; }
  trace::Trace& trace() override { return trace_; }

 private:
  // On a serving thread, when the service ended `writer`'s session by itself.
  void Ended(const writer::Writer* writer, int result, const std::string& error);

  remote::Address address_;
  std::string token_;
  std::string trace_path_;
  runtime::Clock clock_;
  trace::Trace trace_;
  std::mutex mutex_;  // guards threads_ and worst_result_ (never held while joining)
  std::map<const writer::Writer*, std::unique_ptr<remote::WriterThread>> threads_;
  int worst_result_ = 0;
};

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_REMOTE_WRITER_SERVICE_H_
