// Replays a byte stream as if a writer process had sent it (fuzz/wire_fuzz and the seed
// tests): the bytes go into one end of a socket pair, shut for writing, and the service reads
// them as from a real writer — AcceptHello, then Identify, a PrepareForBackup with one
// component "AData" of writer 5c000001-1234-0000-0000-000000000000, Freeze and
// BackupShutdown, against a fixed host.
//
// Thread safety: none; no other thread is involved (the stream is written before reading).
#ifndef VSSSIM_SIM_REMOTE_TESTING_REPLAY_H_
#define VSSSIM_SIM_REMOTE_TESTING_REPLAY_H_

#include <sys/socket.h>

#include <string>
#include <string_view>
#include <vector>

#include "sim/remote/component_exchange.h"
#include "sim/remote/socket.h"
#include "sim/remote/testing/fixed_host.h"
#include "sim/remote/wire.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/remote/remote_writer.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/trace/text.h"
#include "vsssim/trace/trace.h"

namespace vsssim::remote::testing {

inline constexpr std::string_view kReplayToken = "0123456789abcdef0123456789abcdef";

struct ReplayResult {
  bool accepted = false;
  std::string refusal;
  std::vector<bool> results;  // Identify, PrepareForBackup, Freeze, BackupShutdown
  int hangs = 0;
  bool connected = false;
  std::string disconnect_reason;
  std::string trace;
  std::size_t wmd_components = 0;  // components in the WMD Identify delivered
  std::string backup_metadata;     // what PrepareForBackup left on "AData"
};

inline ReplayResult Replay(std::string_view bytes) {
  ReplayResult out;
  net::Socket service;
  net::Socket writer;
  if (!net::SocketPair(&service, &writer)) return out;
  // More than the socket buffer would block: callers keep inputs at 64 KiB.
  net::SendAll(writer, bytes.data(), bytes.size(), net::Clock::now() + std::chrono::seconds(1));
  ::shutdown(static_cast<int>(writer.handle()), SHUT_WR);
  RemoteOptions options;
  options.guard = std::chrono::milliseconds(1000);
  options.hello_timeout = std::chrono::milliseconds(1000);
  std::unique_ptr<RemoteWriter> w = AcceptHello(std::make_unique<Connection>(std::move(service)),
                                                kReplayToken, options, &out.refusal);
  if (w == nullptr) return out;
  out.accepted = true;
  runtime::Clock clock;
  trace::Trace trace(clock);
  w->AttachTrace(&trace);
  FixedEventHost host;
  w->AttachHost(&host);
  metadata::CreateWriterMetadata wmd(metadata::WriterIdentity{});
  out.results.push_back(w->OnIdentify(wmd));
  out.wmd_components = wmd.metadata().components.size();
  metadata::BackupComponents bcd;
  bcd.select_components = true;
  metadata::WriterComponents mine;
  mine.writer_id = *Guid::Parse("5c000001-1234-0000-0000-000000000000");
  metadata::ComponentState c;
  c.name = "AData";
  mine.components.push_back(c);
  bcd.writers.push_back(mine);
  LocalComponents components(std::move(bcd), vss::WriterEvent::kPrepareForBackup, {});
  out.results.push_back(w->OnPrepareBackup(&components));
  metadata::Component* first = nullptr;
  if (components.GetComponent(0, &first) == hr::S_OK) {
    out.backup_metadata = first->state().backup_metadata.value_or("");
  }
  out.results.push_back(w->OnFreeze());
  out.results.push_back(w->OnBackupShutdown(kGuidNull));
  w->AttachHost(nullptr);
  out.hangs = host.hangs;
  out.connected = w->connected();
  out.disconnect_reason = w->disconnect_reason();
  out.trace = trace::RenderText(trace);
  return out;
}

}  // namespace vsssim::remote::testing

#endif  // VSSSIM_SIM_REMOTE_TESTING_REPLAY_H_
