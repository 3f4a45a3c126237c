// WriterProcesses: the writer processes of one scenario run (<writer name="X" exec="CMD"/>,
// docs/serve.md), each a remote::SpawnedWriter: its own private socket and token, CMD run by
// `/bin/sh -c` in the directory of the file that declares the writer. Started one at a time in
// file order, so the coordinator subscribes them in that order and gives the same instance
// ids on every run. The hello's writer name must be the scenario's name= (what expectations
// and steps refer to).
//
// GoneReason() is the coordinator's WriterGoneProbe (WRT-INIT-03). The destructor ends every
// process (shutdown, then kill and reap what is left).
//
// POSIX only; the Windows build has a stub whose Start() says so (writer_processes_win32.cc).
// Thread safety: the simulator's thread only.
#ifndef VSSSIM_SIM_SCENARIO_WRITER_PROCESSES_H_
#define VSSSIM_SIM_SCENARIO_WRITER_PROCESSES_H_

#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "vsssim/scenario/scenario.h"
#include "vsssim/trace/trace.h"
#include "vsssim/writer/writer.h"

namespace vsssim::scenario {

struct WriterProcessOptions {
  std::chrono::milliseconds guard{30000};  // real time per event (remote::RemoteOptions)
  std::chrono::milliseconds hello_timeout{10000};
};

class WriterProcesses {
 public:
  // REQUIRES: the scenario and trace outlive this object.
  WriterProcesses(const Scenario& scenario, trace::Trace& trace, WriterProcessOptions options);
  ~WriterProcesses();
  WriterProcesses(const WriterProcesses&) = delete;
  WriterProcesses& operator=(const WriterProcesses&) = delete;

  // Starts every exec writer of the scenario (none: does nothing and returns true). On
  // failure returns false and *error says which writer and why; what started is ended by the
  // destructor.
  // Writers named in `skip` are not started (`vsssim serve` has them connected already).
  bool Start(const std::set<std::string, std::less<>>& skip, std::string* error);
  // The writer of the <writer exec> named `name`; null when there is none.
  writer::Writer* Find(std::string_view name) const;
  // Why the process of `w` is gone (its connection's end, and how the process ended when it
  // did); "" while it runs, or when `w` is not a writer process.
  std::string GoneReason(const writer::Writer& w);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SIM_SCENARIO_WRITER_PROCESSES_H_
