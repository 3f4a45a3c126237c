#include "sim/remote/wire.h"

#include <cstdio>

#include "vsssim/vss/enum_table.h"

namespace vsssim::remote {

namespace {

constexpr std::string_view kTypes[] = {"hello",  "welcome", "refused", "event",   "call",
                                       "return", "finding", "reply",   "shutdown"};

template <class E>
bool GetEnum(const Json& object, const char* key, E* out, std::string* error) {
  std::string text;
  if (!GetString(object, key, &text)) {
    *error = std::string("\"") + key + "\" is missing or not a string";
    return false;
  }
  std::optional<E> value = vss::Parse<E>(text);
  if (!value) {
    *error = std::string("\"") + key + "\" has an unknown value '" + text + "'";
    return false;
  }
  *out = *value;
  return true;
}

template <class E>
bool GetOptionalEnum(const Json& object, const char* key, E* out, std::string* error) {
  return !object.contains(key) || GetEnum(object, key, out, error);
}

bool GetGuid(const Json& object, const char* key, Guid* out, std::string* error) {
  std::string text;
  std::optional<Guid> g;
  if (GetString(object, key, &text)) g = Guid::Parse(text);
  if (!g) {
    *error = std::string("\"") + key + "\" is missing or not a GUID";
    return false;
  }
  *out = *g;
  return true;
}

bool GetFlag(const Json& object, const char* key, bool* out, std::string* error) {
  if (GetBool(object, key, out)) return true;
  *error = std::string("\"") + key + "\" is missing or not a bool";
  return false;
}

}  // namespace

std::optional<Json> ParseMessage(std::string_view body, std::string* error) {
  Json message = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    *error = "the frame is not JSON";
    return std::nullopt;
  }
  if (!message.is_object()) {
    *error = "the frame is JSON but not an object";
    return std::nullopt;
  }
  std::string type;
  if (!GetString(message, "type", &type)) {
    *error = "the message has no string \"type\"";
    return std::nullopt;
  }
  for (std::string_view known : kTypes) {
    if (known == type) return message;
  }
  *error = "unknown message type '" + type.substr(0, 64) + "'";
  return std::nullopt;
}

std::string Serialize(const Json& message) {
  return message.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool GetString(const Json& object, const char* key, std::string* out) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return false;
  *out = it->get_ref<const std::string&>();
  return true;
}

bool GetBool(const Json& object, const char* key, bool* out) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_boolean()) return false;
  *out = it->get<bool>();
  return true;
}

bool GetInt(const Json& object, const char* key, std::int64_t* out) {
  auto it = object.find(key);
  if (it == object.end()) return false;
  if (it->is_number_integer()) {
    *out = it->get<std::int64_t>();
    return true;
  }
  if (it->is_number_unsigned() && it->get<std::uint64_t>() <= 0x7fffffffffffffffull) {
    *out = static_cast<std::int64_t>(it->get<std::uint64_t>());
    return true;
  }
  return false;
}

std::string HResultHex(HResult hr) {
  char text[11];
  std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(hr.value));
  return text;
}

std::optional<HResult> ParseHResultText(std::string_view text) { return ParseHResult(text); }

Json ContextToJson(const EventContext& c) {
  Json out = {{"backup_type", vss::ToString(c.backup_type)},
              {"restore_type", vss::ToString(c.restore_type)},
              {"snapshot_context", vss::ToString(c.snapshot_context)},
              {"volumes", c.volumes},
              {"components_selected", c.components_selected},
              {"bootable_system_state", c.bootable_system_state},
              {"partial_file_support", c.partial_file_support},
              {"shutting_down", c.shutting_down},
              {"session_id", c.session_id.ToString()}};
  if (c.snapshot_set_id) out["snapshot_set_id"] = c.snapshot_set_id->ToString();
  return out;
}

std::optional<EventContext> ContextFromJson(const Json& j, std::string* error) {
  EventContext c;
  if (!j.is_object()) {
    *error = "\"context\" is not an object";
    return std::nullopt;
  }
  if (!GetEnum(j, "backup_type", &c.backup_type, error) ||
      !GetEnum(j, "restore_type", &c.restore_type, error) ||
      !GetEnum(j, "snapshot_context", &c.snapshot_context, error) ||
      !GetFlag(j, "components_selected", &c.components_selected, error) ||
      !GetFlag(j, "bootable_system_state", &c.bootable_system_state, error) ||
      !GetFlag(j, "partial_file_support", &c.partial_file_support, error) ||
      !GetFlag(j, "shutting_down", &c.shutting_down, error) ||
      !GetGuid(j, "session_id", &c.session_id, error)) {
    return std::nullopt;
  }
  if (j.contains("snapshot_set_id")) {
    Guid set;
    if (!GetGuid(j, "snapshot_set_id", &set, error)) return std::nullopt;
    c.snapshot_set_id = set;
  }
  auto volumes = j.find("volumes");
  if (volumes == j.end() || !volumes->is_array()) {
    *error = "\"volumes\" is missing or not an array";
    return std::nullopt;
  }
  for (const Json& v : *volumes) {
    if (!v.is_string()) {
      *error = "\"volumes\" holds a non-string";
      return std::nullopt;
    }
    c.volumes.push_back(v.get<std::string>());
  }
  return c;
}

Json IdentityToJson(const writer::WriterIdentity& id) {
  return {{"class_id", id.class_id.ToString()},
          {"name", id.name},
          {"instance_name", id.instance_name},
          {"usage", vss::ToString(id.usage)},
          {"source", vss::ToString(id.source)},
          {"level", vss::ToString(id.level)},
          {"freeze_timeout_ms",
           std::chrono::duration_cast<std::chrono::milliseconds>(id.freeze_timeout).count()}};
}

std::optional<writer::WriterIdentity> IdentityFromJson(const Json& j, std::string* error) {
  writer::WriterIdentity id;
  if (!j.is_object()) {
    *error = "\"writer\" is missing or not an object";
    return std::nullopt;
  }
  if (!GetGuid(j, "class_id", &id.class_id, error)) return std::nullopt;
  if (!GetString(j, "name", &id.name) || id.name.empty()) {
    *error = "\"name\" is missing, empty or not a string";
    return std::nullopt;
  }
  if (j.contains("instance_name") && !GetString(j, "instance_name", &id.instance_name)) {
    *error = "\"instance_name\" is not a string";
    return std::nullopt;
  }
  if (!GetOptionalEnum(j, "usage", &id.usage, error) ||
      !GetOptionalEnum(j, "source", &id.source, error) ||
      !GetOptionalEnum(j, "level", &id.level, error)) {
    return std::nullopt;
  }
  if (j.contains("freeze_timeout_ms")) {
    std::int64_t ms = 0;
    // LIM-05: dwTimeoutFreeze is a DWORD of milliseconds.
    if (!GetInt(j, "freeze_timeout_ms", &ms) || ms < 0 || ms > 0xffffffffll) {
      *error = "\"freeze_timeout_ms\" is not an integer in 0..4294967295";
      return std::nullopt;
    }
    id.freeze_timeout = std::chrono::milliseconds(ms);
  }
  return id;
}

Connection::Incoming Connection::Read(net::Clock::time_point deadline) {
  Incoming in;
  char buffer[64 * 1024];
  for (;;) {
    if (std::optional<std::string> body = reader_.Next()) {
      std::optional<Json> message = ParseMessage(*body, &in.error);
      in.status = message ? Status::kMessage : Status::kGarbage;
      if (message) in.message = std::move(*message);
      return in;
    }
    if (reader_.failed()) {
      in.status = Status::kGarbage;
      in.error = reader_.error();
      return in;
    }
    if (!socket_.valid()) {
      in.status = Status::kEof;
      in.error = "connection closed";
      return in;
    }
    const net::Wait wait = net::WaitReadable(socket_, deadline);
    if (wait == net::Wait::kTimeout) {
      in.status = Status::kTimeout;
      return in;
    }
    const long n = wait == net::Wait::kReady ? net::Receive(socket_, buffer, sizeof buffer) : -1;
    if (n == -2) continue;  // spurious wake-up
    if (n <= 0) {
      in.status = Status::kEof;
      in.error = reader_.pending() > 0 ? "connection closed inside a frame"
                 : n == 0              ? "connection closed"
                                       : "connection reset";
      return in;
    }
    reader_.Feed(buffer, static_cast<std::size_t>(n));
  }
}

bool Connection::Send(const Json& message, net::Clock::time_point deadline) {
  if (!socket_.valid()) return false;
  const std::string body = Serialize(message);
  if (body.size() > kMaxFrameBytes) return false;
  const std::string frame = EncodeFrame(body);
  return net::SendAll(socket_, frame.data(), frame.size(), deadline);
}

}  // namespace vsssim::remote
