#include "sim/remote/client_host.h"

#include <chrono>
#include <utility>

namespace vsssim::remote {

namespace {

// The writer waits for its service as long as it takes: the service has the guard.
net::Clock::time_point Forever() { return net::Clock::now() + std::chrono::hours(24 * 365); }

}  // namespace

ClientHost::ClientHost(Connection& connection, std::int64_t id, EventContext context)
    : connection_(connection),
      id_(id),
      context_(std::move(context)),
      handler_thread_(std::this_thread::get_id()) {}

std::optional<Json> ClientHost::Call(Json call) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!active_ || !error_.empty()) return std::nullopt;
  call["type"] = "call";
  call["id"] = id_;
  if (!connection_.Send(call, Forever())) {
    error_ = "the service closed the connection during a call";
    return std::nullopt;
  }
  Connection::Incoming in = connection_.Read(Forever());
  std::string type;
  std::int64_t id = -1;
  if (in.status != Connection::Status::kMessage) {
    error_ = "no return from the service: " + in.error;
  } else if (!GetString(in.message, "type", &type) || type != "return" ||
             !GetInt(in.message, "id", &id) || id != id_ || !in.message.contains("value")) {
    error_ = "the service answered a call with something other than its return";
  } else {
    return in.message["value"];
  }
  return std::nullopt;
}

Guid ClientHost::GetCurrentSnapshotSetId() const {
  if (context_.snapshot_set_id) return *context_.snapshot_set_id;
  // BackupShutdown: the service answers, and records WRT-SHUT-03.
  std::optional<Json> value = Call({{"method", "Get"}, {"name", "GetCurrentSnapshotSetId"}});
  std::optional<Guid> g;
  if (value && value->is_string()) g = Guid::Parse(value->get<std::string>());
  return g.value_or(kGuidNull);
}

bool ClientHost::IsPathAffected(std::string_view path) const {
  std::optional<Json> value = Call({{"method", "IsPathAffected"}, {"path", std::string(path)}});
  return value && value->is_boolean() && value->get<bool>();
}

bool ClientHost::OnHandlerThread(std::string_view method) {
  if (std::this_thread::get_id() == handler_thread_) return true;
  Finding("WRT-THREAD-01", std::string(method) + " called from another thread");
  return false;
}

Guid ClientHost::GetSessionId() {
  if (!OnHandlerThread("GetSessionId")) return kGuidNull;  // WRT-THREAD-01
  return context_.session_id;
}

HResult ClientHost::SetWriterFailure(HResult hr) {
  if (!OnHandlerThread("SetWriterFailure")) return hr::E_UNEXPECTED;  // WRT-THREAD-01
  std::optional<Json> value = Call({{"method", "SetWriterFailure"}, {"hr", HResultHex(hr)}});
  std::optional<HResult> result;
  if (value && value->is_string()) result = ParseHResultText(value->get<std::string>());
  return result.value_or(hr::E_UNEXPECTED);
}

HResult ClientHost::SetWriterFailureEx(HResult hr_writer, HResult hr_application,
                                       std::string_view message) {
  if (!OnHandlerThread("SetWriterFailureEx")) return hr::E_UNEXPECTED;  // WRT-THREAD-01
  std::optional<Json> value = Call({{"method", "SetWriterFailureEx"},
                                    {"hr", HResultHex(hr_writer)},
                                    {"application_hr", HResultHex(hr_application)},
                                    {"message", std::string(message)}});
  std::optional<HResult> result;
  if (value && value->is_string()) result = ParseHResultText(value->get<std::string>());
  return result.value_or(hr::E_UNEXPECTED);
}

void ClientHost::Spend(runtime::Duration d) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  if (ms > 0) Call({{"method", "Spend"}, {"ms", ms}});
}

void ClientHost::Hang() { Call({{"method", "Hang"}}); }

void ClientHost::Finding(std::string_view rule, std::string message) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!active_ || !error_.empty()) return;
  const Json finding = {{"type", "finding"},
                        {"id", id_},
                        {"rule", std::string(rule)},
                        {"message", std::move(message)}};
  if (!connection_.Send(finding, Forever())) {
    error_ = "the service closed the connection during a finding";
  }
}

void ClientHost::End() {
  std::lock_guard<std::mutex> lock(mutex_);
  active_ = false;
}

bool ClientHost::broken() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return !error_.empty();
}

std::string ClientHost::error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

}  // namespace vsssim::remote
