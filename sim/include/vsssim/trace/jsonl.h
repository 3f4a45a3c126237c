// JSON Lines rendering of a trace: one JSON object per entry, in order, for tools that read
// traces programmatically (jq, pandas). Shape of each line:
//   {"seq":7,"time_ns":60000000000,"kind":"call","from":"requester:r1","to":"vss",
//    "name":"DoSnapshotSet","attributes":{"context":"VSS_CTX_BACKUP"},"rule":""}
// Attributes keep their insertion order. Deterministic: the same trace gives the same bytes.
//
// Thread safety: pure functions.
#ifndef VSSSIM_TRACE_JSONL_H_
#define VSSSIM_TRACE_JSONL_H_

#include <string>
#include <string_view>

#include "vsssim/trace/trace.h"

namespace vsssim::trace {

// `text` as a JSON string literal, quotes included.
std::string JsonQuote(std::string_view text);
// One entry, without a trailing newline.
std::string RenderJsonLine(const Entry& entry);
// Every entry, one per line.
std::string RenderJsonLines(const Trace& trace);

}  // namespace vsssim::trace

#endif  // VSSSIM_TRACE_JSONL_H_
