// rand_s (SecureRandom) is declared only when _CRT_RAND_S comes before the first <stdlib.h>.
#ifdef _WIN32
#define _CRT_RAND_S
#endif
#include "sim/remote/socket.h"

#include <cstdlib>
#include <cstring>
#include <utility>

#ifdef _WIN32
#include <process.h>
#include <stdlib.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace vsssim::remote::net {

namespace {

int MillisecondsUntil(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (left.count() <= 0) return 0;
  if (left.count() > 1000000) return 1000000;
  return static_cast<int>(left.count()) + 1;  // round up: never wake before the deadline
}

#ifdef _WIN32
bool StartWinsock(std::string* error) {
  static const int started = [] {
    WSADATA data;
    return WSAStartup(MAKEWORD(2, 2), &data);
  }();
  if (started != 0 && error != nullptr) *error = "WSAStartup failed";
  return started == 0;
}
void CloseHandle(Handle h) { closesocket(static_cast<SOCKET>(h)); }
std::string LastError(const char* what) {
  return std::string(what) + " failed (WSA error " + std::to_string(WSAGetLastError()) + ")";
}
#else
void CloseHandle(Handle h) { ::close(h); }
std::string LastError(const char* what) { return std::string(what) + ": " + std::strerror(errno); }
#endif

void NoDelay(Handle h) {
  int one = 1;
  setsockopt(static_cast<decltype(socket(0, 0, 0))>(h), IPPROTO_TCP, TCP_NODELAY,
             reinterpret_cast<const char*>(&one), sizeof one);
}

sockaddr_in Loopback(std::uint16_t port) {
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(port);
  in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // 127.0.0.1 only ("Security")
  return in;
}

}  // namespace

Socket& Socket::operator=(Socket&& other) noexcept {
  if (this != &other) {
    Close();
    handle_ = other.handle_;
    valid_ = other.valid_;
    other.valid_ = false;
  }
  return *this;
}

void Socket::Close() {
  if (valid_) CloseHandle(handle_);
  valid_ = false;
}

Socket Connect(const Address& to, std::string* error) {
#ifdef _WIN32
  if (!StartWinsock(error)) return Socket();
  if (to.kind == Address::Kind::kUnix) {
    if (error != nullptr) *error = "unix: addresses are not supported on Windows; use tcp:";
    return Socket();
  }
#endif
  if (to.kind == Address::Kind::kTcp) {
    const auto h = socket(AF_INET, SOCK_STREAM, 0);
    Socket s(static_cast<Handle>(h));
    sockaddr_in in = Loopback(to.port);
    if (connect(h, reinterpret_cast<sockaddr*>(&in), sizeof in) != 0) {
      if (error != nullptr) *error = LastError("connect") + " (" + ToString(to) + ")";
      return Socket();
    }
    NoDelay(s.handle());
    return s;
  }
#ifndef _WIN32
  const int h = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  Socket s(h);
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  std::memcpy(un.sun_path, to.path.c_str(), to.path.size() + 1);
  if (connect(h, reinterpret_cast<sockaddr*>(&un), sizeof un) != 0) {
    if (error != nullptr) *error = LastError("connect") + " (" + ToString(to) + ")";
    return Socket();
  }
  return s;
#else
  return Socket();
#endif
}

Socket Listen(Address* where, std::string* error) {
#ifdef _WIN32
  if (!StartWinsock(error)) return Socket();
#endif
  if (where->kind == Address::Kind::kTcp) {
    const auto h = socket(AF_INET, SOCK_STREAM, 0);
    Socket s(static_cast<Handle>(h));
    sockaddr_in in = Loopback(where->port);
    socklen_t size = sizeof in;
    if (bind(h, reinterpret_cast<sockaddr*>(&in), sizeof in) != 0 || listen(h, 16) != 0 ||
        getsockname(h, reinterpret_cast<sockaddr*>(&in), &size) != 0) {
      if (error != nullptr) *error = LastError("listen") + " (" + ToString(*where) + ")";
      return Socket();
    }
    where->port = ntohs(in.sin_port);
    return s;
  }
#ifndef _WIN32
  const int h = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  Socket s(h);
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  std::memcpy(un.sun_path, where->path.c_str(), where->path.size() + 1);
  const mode_t old = umask(0177);  // the socket file is the owner's only (0600)
  const bool bound = bind(h, reinterpret_cast<sockaddr*>(&un), sizeof un) == 0;
  umask(old);
  if (!bound || listen(h, 16) != 0) {
    if (error != nullptr) *error = LastError("listen") + " (" + ToString(*where) + ")";
    return Socket();
  }
  return s;
#else
  if (error != nullptr) *error = "unix: addresses are not supported on Windows; use tcp:";
  return Socket();
#endif
}

Socket Accept(const Socket& listener) {
#ifdef _WIN32
  const SOCKET h = accept(static_cast<SOCKET>(listener.handle()), nullptr, nullptr);
  if (h == INVALID_SOCKET) return Socket();
  NoDelay(h);
  return Socket(static_cast<Handle>(h));
#else
  const int h = accept4(listener.handle(), nullptr, nullptr, SOCK_CLOEXEC);
  if (h < 0) return Socket();
  NoDelay(h);  // fails harmlessly on a Unix socket
  return Socket(h);
#endif
}

Wait WaitReadable(const Socket& s, Clock::time_point deadline) {
  for (;;) {
#ifdef _WIN32
    WSAPOLLFD p{};
    p.fd = static_cast<SOCKET>(s.handle());
    p.events = POLLRDNORM;
    const int n = WSAPoll(&p, 1, MillisecondsUntil(deadline));
#else
    pollfd p{};
    p.fd = s.handle();
    p.events = POLLIN;
    const int n = poll(&p, 1, MillisecondsUntil(deadline));
    if (n < 0 && errno == EINTR) continue;
#endif
    if (n < 0) return Wait::kError;
    if (n > 0) return Wait::kReady;
    if (Clock::now() >= deadline) return Wait::kTimeout;
  }
}

long Receive(const Socket& s, char* buffer, std::size_t size) {
#ifdef _WIN32
  return recv(static_cast<SOCKET>(s.handle()), buffer, static_cast<int>(size), 0);
#else
  for (;;) {
    const ssize_t n = recv(s.handle(), buffer, size, MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return -2;
    return static_cast<long>(n);
  }
#endif
}

bool SendAll(const Socket& s, const char* data, std::size_t size, Clock::time_point deadline) {
  while (size > 0) {
#ifdef _WIN32
    (void)deadline;  // the client side only: a blocking send
    const int n = send(static_cast<SOCKET>(s.handle()), data, static_cast<int>(size), 0);
    if (n <= 0) return false;
#else
    pollfd p{};
    p.fd = s.handle();
    p.events = POLLOUT;
    const int ready = poll(&p, 1, MillisecondsUntil(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;  // error or the deadline passed
    const ssize_t n = send(s.handle(), data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
    if (n <= 0) return false;
#endif
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

void SecureRandom(unsigned char* out, std::size_t size) {
#ifdef _WIN32
  for (std::size_t i = 0; i < size; ++i) {
    unsigned int value = 0;
    if (rand_s(&value) != 0) std::abort();
    out[i] = static_cast<unsigned char>(value);
  }
#else
  const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) std::abort();
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, out + done, size - done);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      std::abort();
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
#endif
}

std::int64_t ProcessId() {
#ifdef _WIN32
  return static_cast<std::int64_t>(_getpid());
#else
  return static_cast<std::int64_t>(::getpid());
#endif
}

#ifndef _WIN32
bool SocketPair(Socket* a, Socket* b) {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return false;
  *a = Socket(fds[0]);
  *b = Socket(fds[1]);
  return true;
}
#endif

}  // namespace vsssim::remote::net
