// CVssWriter::Subscribe over the wire protocol (docs/wire-protocol.md, docs/serve.md): when the
// writer's process was started by vsssim (`vsssim run` with <writer exec=...>, `vsssim conform
// --writer-exec`) or pointed at `vsssim serve`, VSSSIM_ADDRESS and VSSSIM_TOKEN are set and the
// writer subscribes to that service instead of the process's in-process machine: Subscribe
// connects, and a background thread says hello and serves the service's events (the bridge's
// handlers, hence the CVssWriter's, run on that thread). Unsubscribe closes the connection
// between events, which the service reads as Unsubscribe (WRT-INIT-03). When the service ends
// the session (`shutdown`), the writer's OnVSSShutdown is called, so a writer program that waits
// for it can exit.
//
// Thread safety: Start/Stop from the writer's own thread; the serving thread runs handlers.
#ifndef VSSSIM_SDK_WRITER_REMOTE_SUBSCRIPTION_H_
#define VSSSIM_SDK_WRITER_REMOTE_SUBSCRIPTION_H_

#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "vsssim/writer/writer.h"

namespace vsssim::sdk {

class RemoteSubscription {
 public:
  // True when VSSSIM_ADDRESS and VSSSIM_TOKEN are both set (and not empty).
  static bool Requested();

  // `on_shutdown` runs on the serving thread when the service sends shutdown.
  RemoteSubscription(writer::Writer& writer, std::function<void()> on_shutdown);
  ~RemoteSubscription();  // Stop()
  RemoteSubscription(const RemoteSubscription&) = delete;
  RemoteSubscription& operator=(const RemoteSubscription&) = delete;

  // Connects to the service and starts serving. False (and *error says why) when the address
  // is malformed or the service cannot be reached.
  bool Start(std::string* error);
  // Closes the connection (the service sees Unsubscribe) and waits for the serving thread.
  void Stop();
  // True on the thread that serves events (a handler's thread).
  bool OnServingThread() const { return thread_.get_id() == std::this_thread::get_id(); }

 private:
  void Serve(std::string token);

  writer::Writer& writer_;
  std::function<void()> on_shutdown_;
  std::thread thread_;
  std::mutex mutex_;
  bool stopping_ = false;
  long long control_ = -1;  // a duplicate of the connection's handle, to shut it down
};

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_WRITER_REMOTE_SUBSCRIPTION_H_
