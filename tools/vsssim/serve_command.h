// `vsssim serve --listen ADDR [--token-file FILE] [--writer-guard D]`: the VSS service as a
// long-running process (docs/serve.md). Writer processes started by hand subscribe at ADDR
// (docs/wire-protocol.md) with the token it prints; `vsssim run --connect REQUESTERS FILE`
// sends it scenarios, whose <writer exec=...> of a subscribed writer's name is that writer.
// Each run has its own coordinator and trace; the writers stay subscribed between runs, and
// one whose process ended is dropped (and absent from the next run). Stops on SIGINT/SIGTERM,
// saying shutdown to every writer.
//
// Prints, then flushes, three lines on stdout: "writers ADDR", "token TOKEN", "requesters
// ADDR2" (ADDR2 = a unix: ADDR with ".run" appended, or another free loopback port).
// Subscriptions, refusals and runs are logged on stderr.
//
// The requester channel (not part of the writer protocol): one connection per scenario, the
// frames of docs/wire-protocol.md; the client sends {"type":"run","token":T,"file":PATH,
// "seed":N?,"trace":bool}, the service answers {"type":"result","exit":N,"output":TEXT} or
// {"type":"refused","reason":TEXT}.
//
// Exit codes: 0 after a signal, 2 bad usage (address, token file, guard). `run --connect`:
// 0 all passed, 1 a run failed, 2 bad input or no service.
#ifndef VSSSIM_TOOLS_VSSSIM_SERVE_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_SERVE_COMMAND_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace vsssim::tools {

struct ServeOptions {
  std::string listen;        // "unix:/path" or "tcp:127.0.0.1:PORT"
  std::string token_file;    // empty: none written
  std::string writer_guard;  // a duration; empty: 30s
};
int RunServe(const ServeOptions& options, std::ostream& out, std::ostream& err);

struct ConnectOptions {
  std::string address;     // the service's "requesters" address
  std::string token_file;  // empty: VSSSIM_TOKEN
  std::vector<std::string> files;
  std::optional<std::uint64_t> seed;
  bool trace = false;  // append each run's text trace
};
int RunConnect(const ConnectOptions& options, std::ostream& out, std::ostream& err);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_SERVE_COMMAND_H_
