// `vsssim check FILE.xml`: validates a saved Writer Metadata Document or Backup Components
// Document (auto-detected from the root element) and prints each problem as
// "file:line: RULE-ID: message" (warnings say "warning:" before the message).
//
// Exit codes: 0 valid (warnings allowed), 1 findings (the document is XML of a known kind but
// breaks rules or holds unreadable values), 2 unreadable (missing file, wrong encoding,
// malformed XML, unknown root element).
#ifndef VSSSIM_TOOLS_VSSSIM_CHECK_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_CHECK_COMMAND_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

namespace vsssim::tools {

int RunCheck(const std::string& path, std::ostream& out);

// The largest WMD/BCD `check` and `show` read (a real BCD of a big Exchange server is a few
// MiB; the cap keeps /dev/zero-like input from filling memory).
inline constexpr std::size_t kMaxDocumentBytes = 64u << 20;

// The bytes of a document file (a regular file of at most kMaxDocumentBytes), or nullopt
// after writing "path:1: <why>" to `err`.
std::optional<std::string> ReadDocumentFile(const std::string& path, std::ostream& err);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_CHECK_COMMAND_H_
