// The messages of the wire protocol (docs/wire-protocol.md) as JSON objects (nlohmann-json),
// and the one-connection reader/writer both sides use: frames in, checked messages out.
//
// ParseMessage accepts exactly one JSON object with a known string "type"; everything else is
// garbage with a one-line reason. Field readers never throw: a missing or mistyped member is
// an error the caller reports.
//
// Thread safety: a Connection is used by one thread at a time.
#ifndef VSSSIM_SIM_REMOTE_WIRE_H_
#define VSSSIM_SIM_REMOTE_WIRE_H_

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/remote/frame.h"
#include "sim/remote/socket.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"
#include "vsssim/vss/writer_event.h"
#include "vsssim/writer/writer.h"

namespace vsssim::remote {

using Json = nlohmann::json;

inline constexpr int kProtocolVersion = 1;
// Calls plus findings one event may carry (docs/wire-protocol.md "Limits").
inline constexpr int kMaxCallsPerEvent = 4096;

// One frame body -> a JSON object with a known "type"; nullopt and *error otherwise.
std::optional<Json> ParseMessage(std::string_view body, std::string* error);
// Compact UTF-8 JSON; invalid UTF-8 in strings is replaced, never thrown on.
std::string Serialize(const Json& message);

// Member readers: false when the member is missing or has another type.
bool GetString(const Json& object, const char* key, std::string* out);
bool GetBool(const Json& object, const char* key, bool* out);
bool GetInt(const Json& object, const char* key, std::int64_t* out);

// "0x800423F3"; parsing also takes what ParseHResult takes.
std::string HResultHex(HResult hr);
std::optional<HResult> ParseHResultText(std::string_view text);

// The `context` of an event: what the CVssWriter getters return in the handler (§3.6).
struct EventContext {
  vss::BackupType backup_type = vss::BackupType::VSS_BT_UNDEFINED;
  vss::RestoreType restore_type = vss::RestoreType::VSS_RTYPE_UNDEFINED;
  vss::SnapshotContext snapshot_context = vss::SnapshotContext::VSS_CTX_BACKUP;
  std::optional<Guid> snapshot_set_id;  // absent in BackupShutdown (WRT-SHUT-03)
  std::vector<std::string> volumes;
  bool components_selected = false;
  bool bootable_system_state = false;
  bool partial_file_support = false;
  bool shutting_down = false;
  Guid session_id;
};
Json ContextToJson(const EventContext& context);
std::optional<EventContext> ContextFromJson(const Json& context, std::string* error);

// hello's "writer" object <-> the writer's Initialize parameters (WRT-INIT-01).
Json IdentityToJson(const writer::WriterIdentity& identity);
std::optional<writer::WriterIdentity> IdentityFromJson(const Json& writer, std::string* error);

// One connection: frames in both directions, with real-time deadlines.
class Connection {
 public:
  explicit Connection(net::Socket socket) : socket_(std::move(socket)) {}

  enum class Status { kMessage, kEof, kTimeout, kGarbage };
  struct Incoming {
    Status status = Status::kEof;
    Json message;       // kMessage
    std::string error;  // kGarbage: what was wrong; kEof: how it ended
  };
  // The next message, or why there is none before `deadline`.
  Incoming Read(net::Clock::time_point deadline);
  bool Send(const Json& message, net::Clock::time_point deadline);
  void Close() { socket_.Close(); }
  bool open() const { return socket_.valid(); }
  const net::Socket& socket() const { return socket_; }

 private:
  net::Socket socket_;
  FrameReader reader_;
};

}  // namespace vsssim::remote

#endif  // VSSSIM_SIM_REMOTE_WIRE_H_
