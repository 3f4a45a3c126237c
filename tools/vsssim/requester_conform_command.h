// `vsssim conform --requester-plugin LIB [--junit FILE] [--name N] [--filter F]`: loads a
// requester plug-in (vsssim/conformance/requester_plugin.h), registers the requester
// conformance suite for its backup application (vsssim/conformance/requester_suite.h) and
// runs it with GoogleTest, each check in a process of its own (conform_isolated.h) unless
// --in-process; --junit writes vsssim's JUnit report.
//
// Exit codes: 0 every check passed (or was skipped), 1 some check failed (a rule is broken),
// 2 bad input ("LIB: what is wrong" on stderr: missing file, not loadable, missing symbol,
// wrong ABI version; a bad --name; a --filter that selects no check; an unwritable --junit).
//
// Thread safety: runs GoogleTest in this process; call once per process.
#ifndef VSSSIM_TOOLS_VSSSIM_REQUESTER_CONFORM_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_REQUESTER_CONFORM_COMMAND_H_

#include <ostream>
#include <string>

namespace vsssim::tools {

struct RequesterConformOptions {
  std::string plugin;         // path of the shared library
  std::string junit_file;     // empty: no XML report
  std::string name;           // empty: from the file name, as for writer plug-ins
  std::string filter;         // a GoogleTest filter over RequesterConformance/<name>.<Check>
  bool in_process = false;    // as ConformCommandOptions::in_process
  std::string check_timeout;  // as ConformCommandOptions::check_timeout
};

int RunRequesterConform(const RequesterConformOptions& options, std::ostream& err);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_REQUESTER_CONFORM_COMMAND_H_
