// The failure codes a writer may report (CATALOGUE.md §3.10) and the writer state each event's
// failure leaves behind (§3.9).
//
// Thread safety: pure functions.
#ifndef VSSSIM_WRITER_FAILURE_CODES_H_
#define VSSSIM_WRITER_FAILURE_CODES_H_

#include "vsssim/vss/enums.h"
#include "vsssim/vss/hresult.h"
#include "vsssim/vss/writer_event.h"

namespace vsssim::writer {

// WRT-ERR-01: the five VSS_E_WRITERERROR_* codes SetWriterFailure accepts.
bool IsDocumentedWriterFailure(HResult hr);
// WRT-ERR-02: SetWriterFailureEx accepts those plus VSS_E_WRITERERROR_PARTIAL_FAILURE.
bool IsDocumentedWriterFailureEx(HResult hr);
// §3.9: the FAILED_AT_* state for a handler of `event` that failed (VSS_WS_UNKNOWN for Abort,
// whose failure keeps the phase it interrupted).
vss::WriterState FailedStateFor(vss::WriterEvent event);

}  // namespace vsssim::writer

#endif  // VSSSIM_WRITER_FAILURE_CODES_H_
