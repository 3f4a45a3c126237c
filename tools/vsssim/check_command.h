// `vsssim check FILE.xml`: validates a saved Writer Metadata Document or Backup Components
// Document (auto-detected from the root element) and prints each problem as
// "file:line: RULE-ID: message" (warnings say "warning:" before the message).
//
// Exit codes: 0 valid (warnings allowed), 1 findings (the document is XML of a known kind but
// breaks rules or holds unreadable values), 2 unreadable (missing file, wrong encoding,
// malformed XML, unknown root element).
#ifndef VSSSIM_TOOLS_VSSSIM_CHECK_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_CHECK_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>

namespace vsssim::tools {

int RunCheck(const std::string& path, std::ostream& out);

// The bytes of a file, or nullopt when it cannot be read.
std::optional<std::string> ReadWholeFile(const std::string& path);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_CHECK_COMMAND_H_
