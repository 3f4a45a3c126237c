// The one place that knows which socket API the platform has: POSIX sockets on Linux,
// winsock2 on Windows (mingw-w64; Unix-domain sockets are Linux-only here). Everything above
// it (frames, the service, the client) is portable.
//
// Sends and waits take a deadline so that the service never blocks past a writer's real-time
// guard (docs/wire-protocol.md "Faults"); sends never raise SIGPIPE.
//
// Thread safety: a Socket is used by one thread at a time.
#ifndef VSSSIM_SIM_REMOTE_SOCKET_H_
#define VSSSIM_SIM_REMOTE_SOCKET_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "vsssim/remote/address.h"

namespace vsssim::remote::net {

using Clock = std::chrono::steady_clock;  // wall-clock-ok: the real-time guard, never the trace

#ifdef _WIN32
using Handle = std::uintptr_t;  // SOCKET
#else
using Handle = int;
#endif

class Socket {
 public:
  Socket() = default;
  explicit Socket(Handle h) : handle_(h), valid_(true) {}
  ~Socket() { Close(); }
  Socket(Socket&& other) noexcept { *this = std::move(other); }
  Socket& operator=(Socket&& other) noexcept;
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  bool valid() const { return valid_; }
  Handle handle() const { return handle_; }
  void Close();

 private:
  Handle handle_{};
  bool valid_ = false;
};

// Connects (blocking). On error an invalid Socket and *error says why.
Socket Connect(const Address& to, std::string* error);
// Binds and listens; fills a TCP port 0 with the port picked. A Unix socket is made mode 0600.
Socket Listen(Address* where, std::string* error);
// Accepts one pending connection (call when the listener is readable); invalid if none.
Socket Accept(const Socket& listener);

enum class Wait { kReady, kTimeout, kError };
// Waits until `s` is readable (data, EOF or an error to read) or `deadline` passes.
Wait WaitReadable(const Socket& s, Clock::time_point deadline);
// Reads what is there (after WaitReadable): > 0 bytes, 0 at EOF, -1 on an error (a reset
// connection), -2 when nothing is there yet.
long Receive(const Socket& s, char* buffer, std::size_t size);
// Sends everything before `deadline`; false on error, timeout or a closed peer.
bool SendAll(const Socket& s, const char* data, std::size_t size, Clock::time_point deadline);

// Fills `out` from the operating system's random source (/dev/urandom, rand_s). Aborts when
// there is none: a predictable token would be a security hole, not a degraded mode.
void SecureRandom(unsigned char* out, std::size_t size);

// The process id, for the hello (informational only).
std::int64_t ProcessId();

#ifndef _WIN32
// A connected pair of Unix stream sockets (tests and benchmarks).
bool SocketPair(Socket* a, Socket* b);
#endif

}  // namespace vsssim::remote::net

#endif  // VSSSIM_SIM_REMOTE_SOCKET_H_
