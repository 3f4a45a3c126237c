#include "vsssim/remote/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <thread>

extern char** environ;

namespace vsssim::remote {
namespace {

// vsssim's environment with `extra` added (a name in both takes extra's value).
std::vector<std::string> Environment(
    const std::vector<std::pair<std::string, std::string>>& extra) {
  std::vector<std::string> out;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const auto& [key, value] : extra) replaced = replaced || key == name;
    if (!replaced) out.push_back(entry);
  }
  for (const auto& [key, value] : extra) out.push_back(key + "=" + value);
  return out;
}

// posix_spawn's file actions and attributes, released on every path.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

std::string Errno(const char* what, int error) {
  return std::string(what) + ": " + std::strerror(error);
}

// A simple command ("python3 w.py --fast") runs as `exec COMMAND`: the shell becomes the
// writer process instead of waiting for it, so signals reach the writer directly and the
// shell does not print "Killed" on vsssim's stderr when the writer dies of SIGKILL. Anything
// with shell syntax (lists, pipes, redirections, groups, assignments, keywords) runs as given.
std::string ShellCommand(const std::string& command) {
  if (command.find_first_of(";&|<>(){}`\n\\") != std::string::npos) return command;
  const std::size_t start = command.find_first_not_of(" \t");
  if (start == std::string::npos) return command;
  const std::string first = command.substr(start, command.find_first_of(" \t", start) - start);
  if (first.find('=') != std::string::npos) return command;
  // Keywords, and builtins with no program of that name (`exec exit 3` would fail).
  static const char* const kShellOnly[] = {
      "if",     "for",   "while",    "until",  "case",    "exec",     "!",      "[[",
      "exit",   "cd",    ".",        "source", "eval",    "export",   "set",    "unset",
      "return", "trap",  "wait",     "read",   "shift",   "alias",    "ulimit", "umask",
      "local",  "break", "continue", "times",  "getopts", "readonly", "hash",   "type"};
  for (const char* keyword : kShellOnly) {
    if (first == keyword) return command;
  }
  return "exec " + command;
}

}  // namespace

std::string ChildExit::Describe() const {
  return signalled ? "killed by signal " + std::to_string(code) : "exit " + std::to_string(code);
}

std::unique_ptr<ChildProcess> ChildProcess::Start(const ChildOptions& options, std::string* error) {
  struct stat st {};
  if (!options.cwd.empty() && (stat(options.cwd.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))) {
    *error = "working directory " + options.cwd + " does not exist";
    return nullptr;
  }
  SpawnSetup setup;
  posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
  if (options.output_file.empty()) {
    // stdout joins vsssim's stderr, unless asked to stay vsssim's stdout
    if (!options.keep_stdout) posix_spawn_file_actions_adddup2(&setup.actions, 2, 1);
  } else {
    const int fd =
        open(options.output_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
      *error = Errno(("cannot open " + options.output_file).c_str(), errno);
      return nullptr;
    }
    close(fd);  // it can be opened: the child opens it itself
    posix_spawn_file_actions_addopen(&setup.actions, 1, options.output_file.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&setup.actions, 1, 2);
  }
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
  posix_spawn_file_actions_addclosefrom_np(&setup.actions,
                                           3);  // listeners, other children's sockets
#endif
  if (!options.cwd.empty())
    posix_spawn_file_actions_addchdir_np(&setup.actions, options.cwd.c_str());
  // A group of its own: Kill() reaches the shell's children too, and a terminal's Ctrl-C goes to
  // vsssim, which ends its children itself.
  posix_spawnattr_setflags(&setup.attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&setup.attributes, 0);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&setup.attributes, &none);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int s : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD, SIGHUP, SIGQUIT}) sigaddset(&defaults, s);
  posix_spawnattr_setsigdefault(&setup.attributes, &defaults);

  std::vector<std::string> env = Environment(options.env);
  std::vector<char*> envp;
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string shell = "/bin/sh", dash_c = "-c", command = ShellCommand(options.command);
  char* argv[] = {shell.data(), dash_c.data(), command.data(), nullptr};
  pid_t pid = -1;
  const int rc =
      posix_spawn(&pid, shell.c_str(), &setup.actions, &setup.attributes, argv, envp.data());
  if (rc != 0) {
    *error = Errno(("cannot start `" + options.command + "`").c_str(), rc);
    return nullptr;
  }
  return std::unique_ptr<ChildProcess>(new ChildProcess(pid, options.command));
}

ChildProcess::~ChildProcess() {
  if (pid_ <= 0) return;
  KillAndReap();
  kill(-pid_, SIGKILL);  // what the shell left behind in its group (no-op when none)
}

bool ChildProcess::Reap(bool block) {
  if (exit_) return true;
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid_, &status, block ? 0 : WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == 0) return false;
  ChildExit e;
  if (r < 0) {  // not our child any more (cannot happen unless someone else reaped it)
    e.signalled = true;
    e.code = 0;
  } else if (WIFSIGNALED(status)) {
    e.signalled = true;
    e.code = WTERMSIG(status);
  } else {
    e.code = WEXITSTATUS(status);
  }
  exit_ = e;
  return true;
}

bool ChildProcess::Running() { return !Reap(/*block=*/false); }

void ChildProcess::Kill() {
  if (exit_) return;
  kill(-pid_, SIGKILL);
  kill(pid_, SIGKILL);  // in case it left its group (setpgid/setsid)
}

bool ChildProcess::Wait(std::chrono::milliseconds limit) {
  // Real time, on purpose: this waits for a real process. Polls with a growing pause (up to
  // 10 ms) instead of a SIGCHLD handler, which would belong to the whole program.
  const auto deadline = std::chrono::steady_clock::now() + limit;  // wall-clock-ok: a process
  auto pause = std::chrono::microseconds(100);
  while (!Reap(/*block=*/false)) {
    if (std::chrono::steady_clock::now() >= deadline) return false;  // wall-clock-ok: same
    std::this_thread::sleep_for(pause);  // wall-clock-ok: polls a real process
    pause = std::min(pause * 2, std::chrono::microseconds(10000));
  }
  return true;
}

void ChildProcess::KillAndReap() {
  Kill();
  Reap(/*block=*/true);
}

}  // namespace vsssim::remote
