// Where a writer process and the vsssim service meet (docs/wire-protocol.md "Transport"): a
// Unix-domain socket path or a TCP port on the loopback address, written "unix:/path" or
// "tcp:127.0.0.1:PORT"; and the per-run token a hello must carry ("Security").
//
// Thread safety: pure functions; NewToken reads the operating system's random source (never
// the simulation's seeded RNG: the token is a secret, not part of a reproducible run).
#ifndef VSSSIM_REMOTE_ADDRESS_H_
#define VSSSIM_REMOTE_ADDRESS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vsssim::remote {

struct Address {
  enum class Kind { kUnix, kTcp };
  Kind kind = Kind::kUnix;
  std::string path;                // kUnix
  std::string host = "127.0.0.1";  // kTcp: always the loopback address
  std::uint16_t port = 0;          // kTcp: 0 when listening = pick a free port
};

// "unix:/p" or "tcp:127.0.0.1:PORT". TCP must be 127.0.0.1 (local endpoints only). On error
// returns nullopt and says what is wrong in *error (may be null).
std::optional<Address> ParseAddress(std::string_view text, std::string* error);
std::string ToString(const Address& a);

// 32 lower-case hex characters (128 bits) from the operating system's random source.
std::string NewToken();

// Compares two tokens in time independent of where they differ.
bool TokensEqual(std::string_view a, std::string_view b);

}  // namespace vsssim::remote

#endif  // VSSSIM_REMOTE_ADDRESS_H_
