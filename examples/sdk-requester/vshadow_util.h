// Small helpers of the example: printing wide strings and GUIDs, waiting for an IVssAsync,
// and the writer status list.
#ifndef VSHADOW_UTIL_H_
#define VSHADOW_UTIL_H_

#include <cstdio>
#include <string>

#include <vsbackup.h>
#include <vss.h>
#include <vswriter.h>

namespace vshadow_lite {

// Printable text of a wide string (characters outside ASCII become '?'); "" for NULL.
std::string Narrow(const wchar_t* text);
std::string GuidText(const VSS_ID& id);
const char* WriterStateName(VSS_WRITER_STATE state);

// Waits for `*handle` (read after `started`, the call that sets it, has been evaluated) and
// releases it. Returns S_OK when the operation finished, else its
// failure (or the call's own failure `started`, when it did not start).
HRESULT WaitFor(HRESULT started, IVssAsync** handle, const char* what, std::FILE* log);

// Polls `async` with QueryStatus until it is no longer pending (as some requesters do), then
// releases it.
HRESULT PollFor(HRESULT started, IVssAsync** handle, const char* what, std::FILE* log);

// GatherWriterStatus, then prints each writer's state and failure. `*failed_writers` (may be
// NULL) counts writers whose failure code is an error.
HRESULT PrintWriterStatus(IVssBackupComponents* backup, std::FILE* log, int* failed_writers);

}  // namespace vshadow_lite

#endif  // VSHADOW_UTIL_H_
