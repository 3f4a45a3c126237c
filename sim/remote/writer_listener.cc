// WriterListener and the service side of the hello (docs/wire-protocol.md "hello",
// "welcome / refused", "Security").
#include <cstdio>
#include <utility>

#include "sim/remote/wire.h"
#include "vsssim/remote/remote_writer.h"

namespace vsssim::remote {

struct WriterListener::Impl {
  net::Socket socket;
  bool remove_path = false;  // a Unix socket file this listener created
};

namespace {

std::unique_ptr<RemoteWriter> Refuse(Connection& connection, std::string why,
                                     std::string* refusal) {
  connection.Send({{"type", "refused"}, {"reason", why}},
                  net::Clock::now() + std::chrono::seconds(1));
  connection.Close();
  if (refusal != nullptr) *refusal = std::move(why);
  return nullptr;
}

}  // namespace

std::unique_ptr<RemoteWriter> AcceptHello(std::unique_ptr<Connection> connection,
                                          std::string_view token, RemoteOptions options,
                                          std::string* refusal) {
  Connection::Incoming in = connection->Read(net::Clock::now() + options.hello_timeout);
  if (in.status == Connection::Status::kTimeout) {
    return Refuse(*connection,
                  "no hello within " + std::to_string(options.hello_timeout.count()) + " ms",
                  refusal);
  }
  if (in.status == Connection::Status::kEof) {
    if (refusal != nullptr) *refusal = "closed before its hello";
    return nullptr;
  }
  if (in.status == Connection::Status::kGarbage) {
    return Refuse(*connection, "malformed hello: " + in.error, refusal);
  }
  const Json& m = in.message;
  std::string type;
  GetString(m, "type", &type);
  if (type != "hello")
    return Refuse(*connection, "first message is '" + type + "', not hello", refusal);
  std::int64_t protocol = 0;
  if (!GetInt(m, "protocol", &protocol) || protocol != kProtocolVersion) {
    return Refuse(*connection, "protocol version not supported (this service speaks 1)", refusal);
  }
  std::string their_token;
  // docs/wire-protocol.md "Security": the per-run token, compared in constant time.
  if (!GetString(m, "token", &their_token) || !TokensEqual(their_token, token)) {
    return Refuse(*connection, "bad token", refusal);
  }
  std::string error;
  auto writer = m.find("writer");
  std::optional<writer::WriterIdentity> identity =
      IdentityFromJson(writer == m.end() ? Json() : *writer, &error);
  if (!identity) return Refuse(*connection, "malformed hello: " + error, refusal);
  std::int64_t pid = 0;
  if (m.contains("pid") && (!GetInt(m, "pid", &pid) || pid < 0)) {
    return Refuse(*connection, "malformed hello: \"pid\" is not a process id", refusal);
  }
  // WRT-INIT-01: the writer is initialised; the caller subscribes it (RegisterWriter).
  const Json welcome = {{"type", "welcome"},
                        {"protocol", kProtocolVersion},
                        {"writer_instance_id", kGuidNull.ToString()}};
  if (!connection->Send(welcome, net::Clock::now() + options.hello_timeout)) {
    if (refusal != nullptr) *refusal = "closed during the welcome";
    return nullptr;
  }
  return std::make_unique<RemoteWriter>(std::move(*identity), std::move(connection), pid, options);
}

WriterListener::~WriterListener() {
  if (impl_ == nullptr) return;
  impl_->socket.Close();
  if (impl_->remove_path) std::remove(address_.path.c_str());
}

std::unique_ptr<WriterListener> WriterListener::Listen(const Address& where, std::string token,
                                                       RemoteOptions options, std::string* error) {
  std::unique_ptr<WriterListener> listener(new WriterListener());
  listener->impl_ = std::make_unique<Impl>();
  listener->address_ = where;
  listener->token_ = std::move(token);
  listener->options_ = options;
  listener->impl_->socket = net::Listen(&listener->address_, error);
  if (!listener->impl_->socket.valid()) return nullptr;
  listener->impl_->remove_path = where.kind == Address::Kind::kUnix;
  return listener;
}

int WriterListener::fd() const { return static_cast<int>(impl_->socket.handle()); }

std::unique_ptr<RemoteWriter> WriterListener::Accept(std::chrono::milliseconds timeout,
                                                     std::vector<std::string>* refusals) {
  const net::Clock::time_point deadline = net::Clock::now() + timeout;
  for (;;) {
    if (net::WaitReadable(impl_->socket, deadline) != net::Wait::kReady) return nullptr;
    net::Socket accepted = net::Accept(impl_->socket);
    if (!accepted.valid()) continue;
    std::string refusal;
    std::unique_ptr<RemoteWriter> writer =
        AcceptHello(std::make_unique<Connection>(std::move(accepted)), token_, options_, &refusal);
    if (writer != nullptr) return writer;
    if (refusals != nullptr) refusals->push_back("refused a connection: " + refusal);
  }
}

}  // namespace vsssim::remote
