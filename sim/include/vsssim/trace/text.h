// The stable text rendering of a trace and its digest.
//
// One line per entry:
//   000060.000000000 #0007 call     requester:r1 -> vss DoSnapshotSet context=VSS_CTX_BACKUP
//   000060.000000000 #0012 finding  writer:DemoDB WRT-IDENTIFY-03 detail="..."  [WRT-IDENTIFY-03]
// The format is a contract: the digest (FNV-1a 64 over the rendering) proves that two runs of
// the same scenario and seed produced the same trace (SIM-DET-01). Change it only together
// with docs/trace-format.md.
//
// Thread safety: pure functions.
#ifndef VSSSIM_TRACE_TEXT_H_
#define VSSSIM_TRACE_TEXT_H_

#include <string>

#include "vsssim/trace/trace.h"

namespace vsssim::trace {

// One entry, without a trailing newline.
std::string RenderTextLine(const Entry& entry);
// Every entry, one per line, each ending in '\n'.
std::string RenderText(const Trace& trace);
// 16 lower-case hex digits: FNV-1a 64 over RenderText(trace).
std::string Digest(const Trace& trace);
// FNV-1a 64 of arbitrary bytes, as 16 lower-case hex digits.
std::string Fnv1a64Hex(std::string_view bytes);

}  // namespace vsssim::trace

#endif  // VSSSIM_TRACE_TEXT_H_
