// libFuzzer harness: the service side of the wire protocol (docs/wire-protocol.md) on any
// bytes a writer process could send. The bytes are the whole stream from the writer: they go
// into one end of a socket pair (then shut for writing), and the service reads them as it
// does from a real writer (sim/remote/testing/replay.h) — AcceptHello (frames, JSON, the hello),
// then an Identify (the WMD reader), a PrepareForBackup with one component (the BCD reader and the
// component setters), a Freeze (calls, findings) and a BackupShutdown. Nothing may crash, hang,
// leak or write a trace entry that is not valid text; every path must end with the writer either
// answering or disconnected.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "sim/remote/testing/replay.h"
#include "vsssim/vss/text.h"

namespace {

void RequireText(const std::string& s) {
  if (!vsssim::vss::IsValidUtf8(s)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // More than the socket buffer would block the replay's write: -max_len keeps inputs at
  // 64 KiB, and anything longer is cut here.
  const std::string_view bytes(reinterpret_cast<const char*>(data), size > 65536 ? 65536 : size);
  const vsssim::remote::testing::ReplayResult r = vsssim::remote::testing::Replay(bytes);
  RequireText(r.refusal);
  RequireText(r.disconnect_reason);
  RequireText(r.trace);
  // A writer is either still answering or disconnected with a reason.
  if (r.accepted && !r.connected && r.disconnect_reason.empty()) std::abort();
  return 0;
}
