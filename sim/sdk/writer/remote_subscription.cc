#include "sim/sdk/writer/remote_subscription.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "sim/remote/client_session.h"
#include "sim/remote/socket.h"
#include "vsssim/remote/address.h"

#ifdef _WIN32
#include <winsock2.h>
#else
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace vsssim::sdk {
namespace {

std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// The control handle: on POSIX a dup() of the connection, so shutting it down never touches a
// descriptor number the serving thread has closed and the system reused; on Windows the
// connection's own handle (Stop runs before the socket is closed there: see Stop).
long long Duplicate(remote::net::Handle handle) {
#ifdef _WIN32
  return static_cast<long long>(handle);
#else
  return ::dup(handle);
#endif
}

void ShutDown(long long control) {
#ifdef _WIN32
  ::shutdown(static_cast<SOCKET>(control), SD_BOTH);
#else
  ::shutdown(static_cast<int>(control), SHUT_RDWR);
#endif
}

void CloseControl(long long control) {
#ifndef _WIN32
  ::close(static_cast<int>(control));
#else
  (void)control;
#endif
}

}  // namespace

bool RemoteSubscription::Requested() {
  return !Environment("VSSSIM_ADDRESS").empty() && !Environment("VSSSIM_TOKEN").empty();
}

RemoteSubscription::RemoteSubscription(writer::Writer& writer, std::function<void()> on_shutdown)
    : writer_(writer), on_shutdown_(std::move(on_shutdown)) {}

RemoteSubscription::~RemoteSubscription() { Stop(); }

bool RemoteSubscription::Start(std::string* error) {
  std::string why;
  const std::optional<remote::Address> address =
      remote::ParseAddress(Environment("VSSSIM_ADDRESS"), &why);
  if (!address) {
    *error = "VSSSIM_ADDRESS: " + why;
    return false;
  }
  remote::net::Socket socket = remote::net::Connect(*address, &why);
  if (!socket.valid()) {
    *error = "cannot reach the vsssim service at " + Environment("VSSSIM_ADDRESS") + ": " + why;
    return false;
  }
  control_ = Duplicate(socket.handle());
  thread_ = std::thread([this, s = std::make_shared<remote::net::Socket>(std::move(socket)),
                         token = Environment("VSSSIM_TOKEN")]() mutable {
    std::string serve_error;
    const int rc = remote::ServeWriterOn(std::move(*s), writer_, token, &serve_error);
    bool stopping = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping = stopping_;
    }
    if (rc == 0) {
      if (on_shutdown_) on_shutdown_();  // not under the lock: it may call Unsubscribe
    } else if (!stopping) {
      std::fprintf(stderr, "vsssim: CVssWriter: %s\n", serve_error.c_str());
    }
  });
  return true;
}

void RemoteSubscription::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    if (control_ >= 0) ShutDown(control_);  // the serving thread's read ends: Unsubscribe
  }
  if (thread_.joinable()) {
    if (thread_.get_id() == std::this_thread::get_id()) {
      thread_.detach();  // Unsubscribe from a handler (OnVSSShutdown): the thread is ending
    } else {
      thread_.join();
    }
  }
  if (control_ >= 0) CloseControl(control_);
  control_ = -1;
}

}  // namespace vsssim::sdk
