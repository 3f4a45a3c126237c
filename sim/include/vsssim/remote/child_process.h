// ChildProcess: a writer process started by vsssim (a scenario's <writer exec=...>, `vsssim
// conform --writer-exec`). The command runs as `/bin/sh -c COMMAND` (a simple command as
// `exec COMMAND`, so the writer is the child itself) in a process group of its
// own, in `cwd`, with vsssim's environment plus `env` (VSSSIM_ADDRESS, VSSSIM_TOKEN,
// VSSSIM_VOLUMES). Its stdin is /dev/null; its stdout and stderr go to vsssim's stderr, or
// are appended to `output_file` — never to a pipe nobody reads. No descriptor of vsssim other
// than 0-2 is inherited.
//
// Lifetime: the destructor kills the whole process group (SIGKILL) and reaps the child, so a
// ChildProcess that goes out of scope leaves neither a zombie nor an orphan (a shell's own
// children die with it, being in its group).
//
// POSIX only (posix_spawn); the mingw build does not compile it. Thread safety: none.
#ifndef VSSSIM_REMOTE_CHILD_PROCESS_H_
#define VSSSIM_REMOTE_CHILD_PROCESS_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vsssim::remote {

struct ChildOptions {
  std::string command;  // run by /bin/sh -c
  std::string cwd;      // empty: vsssim's current directory
  // Added to vsssim's environment; a name already there takes the value given here.
  std::vector<std::pair<std::string, std::string>> env;
  std::string output_file;  // empty: the child's stdout and stderr go to vsssim's stderr
  // With no output_file: the child's stdout is vsssim's stdout, not its stderr (a child that
  // is vsssim itself, printing a report: tools/vsssim/conform_isolated.h).
  bool keep_stdout = false;
};

// How a child ended (waitpid's status, decoded).
struct ChildExit {
  bool signalled = false;
  int code = 0;  // the exit code, or the signal number when `signalled`
  // "exit 0", "exit 3", "killed by signal 9".
  std::string Describe() const;
};

class ChildProcess {
 public:
  // Starts the command. nullptr (and `*error` says why) when it cannot be started: a missing
  // cwd, an output file that cannot be opened, posix_spawn failing. A command that does not
  // exist starts (the shell) and exits 127.
  static std::unique_ptr<ChildProcess> Start(const ChildOptions& options, std::string* error);
  ~ChildProcess();  // Kill() and reap
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  int pid() const { return pid_; }
  const std::string& command() const { return command_; }
  // True until the child has been reaped (polls waitpid, never blocks).
  bool Running();
  // SIGKILL to the child's process group. Does not wait; Wait() or the destructor reaps.
  void Kill();
  // Waits up to `limit` of real time for the child to end; true when it did (and was reaped).
  bool Wait(std::chrono::milliseconds limit);
  // Kill() then wait until reaped (SIGKILL cannot be ignored: this returns promptly).
  void KillAndReap();
  // Set once the child was reaped.
  const std::optional<ChildExit>& exit() const { return exit_; }

 private:
  ChildProcess(int pid, std::string command) : pid_(pid), command_(std::move(command)) {}
  bool Reap(bool block);

  int pid_ = -1;
  std::string command_;
  std::optional<ChildExit> exit_;
};

}  // namespace vsssim::remote

#endif  // VSSSIM_REMOTE_CHILD_PROCESS_H_
