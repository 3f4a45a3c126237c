#include "vsssim/remote/address.h"

#include <cstdio>
#include <cstdlib>

#include "sim/remote/socket.h"

namespace vsssim::remote {

namespace {

void Fail(std::string* error, std::string what) {
  if (error != nullptr) *error = std::move(what);
}

}  // namespace

std::optional<Address> ParseAddress(std::string_view text, std::string* error) {
  Address a;
  if (text.substr(0, 5) == "unix:") {
    a.kind = Address::Kind::kUnix;
    a.path = std::string(text.substr(5));
    if (a.path.empty()) return Fail(error, "unix: address without a path"), std::nullopt;
    // sockaddr_un::sun_path holds 108 bytes with the terminating NUL.
    if (a.path.size() > 107)
      return Fail(error, "unix socket path longer than 107 bytes"), std::nullopt;
    if (a.path.find('\0') != std::string::npos) {
      return Fail(error, "unix socket path with a NUL byte"), std::nullopt;
    }
    return a;
  }
  if (text.substr(0, 4) == "tcp:") {
    a.kind = Address::Kind::kTcp;
    std::string_view rest = text.substr(4);
    const std::size_t colon = rest.rfind(':');
    if (colon == std::string_view::npos) {
      return Fail(error, "tcp: address without a port (tcp:127.0.0.1:PORT)"), std::nullopt;
    }
    a.host = std::string(rest.substr(0, colon));
    // docs/wire-protocol.md "Security": the service listens on local endpoints only.
    if (a.host != "127.0.0.1") {
      return Fail(error, "tcp host must be 127.0.0.1 (loopback only), not '" + a.host + "'"),
             std::nullopt;
    }
    std::string_view port = rest.substr(colon + 1);
    if (port.empty() || port.size() > 5) return Fail(error, "bad tcp port"), std::nullopt;
    unsigned value = 0;
    for (char c : port) {
      if (c < '0' || c > '9') return Fail(error, "bad tcp port"), std::nullopt;
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value > 65535) return Fail(error, "tcp port above 65535"), std::nullopt;
    a.port = static_cast<std::uint16_t>(value);
    return a;
  }
  Fail(error, "address must start with unix: or tcp: (unix:/path, tcp:127.0.0.1:PORT)");
  return std::nullopt;
}

std::string ToString(const Address& a) {
  if (a.kind == Address::Kind::kUnix) return "unix:" + a.path;
  return "tcp:" + a.host + ":" + std::to_string(a.port);
}

std::string NewToken() {
  unsigned char bytes[16];
  net::SecureRandom(bytes, sizeof bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

bool TokensEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

}  // namespace vsssim::remote
