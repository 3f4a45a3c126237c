// Test and benchmark support: a RemoteWriter whose writer process is a thread of this
// process, serving a writer::Writer with the real client (ServeWriterOn) over a connected
// socket pair, or a hand-written "bad client" that says hello and then does what a test
// wants. No real time is waited on except the guards the tests set.
//
// Thread safety: the client runs on its own thread; join it (Finish) before reading what the
// writer it served recorded.
#ifndef VSSSIM_SIM_REMOTE_TESTING_REMOTE_PAIR_H_
#define VSSSIM_SIM_REMOTE_TESTING_REMOTE_PAIR_H_

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "sim/remote/client_session.h"
#include "sim/remote/wire.h"
#include "vsssim/remote/remote_writer.h"

namespace vsssim::remote::testing {

inline constexpr std::string_view kTestToken = "0123456789abcdef0123456789abcdef";

class RemotePair {
 public:
  // The client serves `writer` (which must outlive Finish()).
  RemotePair(writer::Writer& writer, RemoteOptions options = {}) {
    net::Socket service;
    net::Socket client;
    net::SocketPair(&service, &client);
    thread_ = std::thread([this, &writer, s = std::move(client)]() mutable {
      client_result_ = ServeWriterOn(std::move(s), writer, kTestToken, &client_error_);
    });
    std::string refusal;
    remote_ = AcceptHello(std::make_unique<Connection>(std::move(service)), kTestToken, options,
                          &refusal);
  }
  // The client is `script`, given the client end of the connection (hello not yet sent).
  RemotePair(std::function<void(Connection&)> script, RemoteOptions options,
             std::string* refusal = nullptr) {
    net::Socket service;
    net::Socket client;
    net::SocketPair(&service, &client);
    thread_ = std::thread([script = std::move(script), s = std::move(client)]() mutable {
      Connection c(std::move(s));
      script(c);
    });
    remote_ =
        AcceptHello(std::make_unique<Connection>(std::move(service)), kTestToken, options, refusal);
  }
  ~RemotePair() { Finish(); }

  RemoteWriter* remote() { return remote_.get(); }
  // Shuts the writer down (if still connected) and joins the client thread.
  void Finish() {
    if (remote_ != nullptr) remote_->Shutdown();
    if (thread_.joinable()) thread_.join();
  }
  int client_result() const { return client_result_; }
  const std::string& client_error() const { return client_error_; }

 private:
  std::unique_ptr<RemoteWriter> remote_;
  std::thread thread_;
  int client_result_ = -1;
  std::string client_error_;
};

// A well-formed hello for a bad client to send.
inline Json TestHello(std::string_view name, std::string_view token = kTestToken) {
  return {{"type", "hello"},
          {"protocol", kProtocolVersion},
          {"token", std::string(token)},
          {"writer",
           {{"class_id", "5c000001-1234-0000-0000-000000000000"}, {"name", std::string(name)}}}};
}

}  // namespace vsssim::remote::testing

#endif  // VSSSIM_SIM_REMOTE_TESTING_REMOTE_PAIR_H_
