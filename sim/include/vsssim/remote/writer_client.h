// The writer-process side of the wire protocol (docs/wire-protocol.md): runs any
// vsssim::writer::Writer — a plug-in included — as a writer process connected to the vsssim
// service, unchanged. Builds on Linux and on Windows (mingw-w64, winsock; TCP only there).
//
// During a handler the writer's getters answer from the event's context; IsPathAffected,
// SetWriterFailure(Ex), Spend and Hang are calls to the service. Components are the real BCD
// XML, read into local metadata::Component objects whose findings (misplaced calls) are
// forwarded as `finding`, as are CreateWriterMetadata's in OnIdentify. SetWriterFailure(Ex)
// or GetSessionId from a thread other than the handler's is a WRT-THREAD-01 finding sent for
// the writer (the call is not recorded), as the in-process coordinator does.
//
// Thread safety: ServeWriter runs the handlers on its calling thread.
#ifndef VSSSIM_REMOTE_WRITER_CLIENT_H_
#define VSSSIM_REMOTE_WRITER_CLIENT_H_

#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <thread>

#include "vsssim/remote/address.h"
#include "vsssim/writer/writer.h"

namespace vsssim::remote {

// Connects, says hello with the writer's identity and `token`, and serves events until the
// service sends shutdown (returns 0) or something goes wrong (non-zero, *error says what:
// 1 = could not connect or was refused, 2 = the service closed the connection or broke the
// protocol).
int ServeWriter(writer::Writer& writer, const Address& address, std::string_view token,
                std::string* error);
// The same with the address and token from VSSSIM_ADDRESS and VSSSIM_TOKEN.
int ServeWriterFromEnvironment(writer::Writer& writer, std::string* error);

// A writer served on a thread of its own, for a process that goes on with its own work while
// it is subscribed (CVssWriter::Subscribe in a writer process, docs/sdk.md). The thread
// connects, says hello and serves events as ServeWriter does; the handlers run on it.
class WriterThread {
 public:
  // Runs on the serving thread with ServeWriter's result and error when the serving ended by
  // itself (the service's shutdown: 0; a refused hello or a broken connection), never after
  // Stop().
  using EndCallback = std::function<void(int result, const std::string& error)>;
  // REQUIRES: `writer` outlives this object.
  WriterThread(writer::Writer& writer, Address address, std::string token, EndCallback on_end = {});
  // Stop().
  ~WriterThread();
  WriterThread(const WriterThread&) = delete;
  WriterThread& operator=(const WriterThread&) = delete;
  // Ends the serving between two events — the connection closes, which the service takes as
  // the writer unsubscribing (WRT-INIT-03) — and waits for the thread. Idempotent; from the
  // serving thread itself (a handler) it only asks.
  void Stop();
  // Waits until the serving ends by itself (the service's shutdown; a refused hello or a broken
  // connection) and returns ServeWriter's result. REQUIRES: not called from the serving thread.
  int Join();

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> result_{-1};
  std::thread thread_;
};

}  // namespace vsssim::remote

#endif  // VSSSIM_REMOTE_WRITER_CLIENT_H_
