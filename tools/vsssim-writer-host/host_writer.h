// The writer vsssim-writer-host serves: a built-in ScriptedWriter configured from options, or
// a plug-in's writer (with the WriterContext the plug-in ABI asks for: the host process's own
// simulated volumes and clock, since its file I/O stays in this process).
//
// Thread safety: none; main's thread only.
#ifndef VSSSIM_TOOLS_WRITER_HOST_HOST_WRITER_H_
#define VSSSIM_TOOLS_WRITER_HOST_HOST_WRITER_H_

#include <memory>
#include <string>
#include <vector>

#include "vsssim/writer/writer.h"

namespace vsssim::host {

struct ScriptOptions {
  std::string name;
  std::string class_id = "6d6b7f2e-0000-4000-8000-000000000001";
  std::string level = "VSS_APP_FRONT_END";
  std::vector<std::string> veto;     // EVENT
  std::vector<std::string> fail;     // EVENT=HRESULT
  std::vector<std::string> hang;     // EVENT
  std::vector<std::string> spend;    // EVENT=MS
  std::vector<std::string> exit_in;  // EVENT
};

struct HostedWriter {
  std::shared_ptr<void> keep_alive;  // the plug-in library and context, or nothing
  std::unique_ptr<writer::Writer> writer;
};

// Null writer and *error on a bad option.
HostedWriter MakeScripted(const ScriptOptions& options, std::string* error);
// Null writer and *error when the plug-in does not load or make a writer.
HostedWriter LoadPlugin(const std::string& path, std::string* error);

}  // namespace vsssim::host

#endif  // VSSSIM_TOOLS_WRITER_HOST_HOST_WRITER_H_
