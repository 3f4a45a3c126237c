#include "vsssim/remote/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

namespace vsssim::remote {
namespace {

using std::chrono::milliseconds;

// A fresh private directory for one test's files.
std::string TempDir() {
  std::string pattern = ::testing::TempDir() + "vsssim-child-XXXXXX";
  const char* made = mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr);
  return pattern;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::unique_ptr<ChildProcess> MustStart(const ChildOptions& options) {
  std::string error;
  std::unique_ptr<ChildProcess> child = ChildProcess::Start(options, &error);
  EXPECT_NE(child, nullptr) << error;
  return child;
}

// True when process `pid` has ended: gone, or a zombie waiting for its new parent (init or a
// subreaper, once the shell died) to reap it.
bool Ended(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  const std::size_t paren = text.rfind(')');
  return text.empty() || (paren != std::string::npos && text.compare(paren + 2, 1, "Z") == 0);
}

// Waits (real time, bounded) until `path` holds a line: the child wrote it.
std::string AwaitLine(const std::string& path) {
  for (int i = 0; i < 2000; ++i) {
    const std::string text = ReadFile(path);
    if (text.find('\n') != std::string::npos) return text;
    std::this_thread::sleep_for(milliseconds(5));  // wall-clock-ok: polls a real process
  }
  return {};
}

// Checks that the exit code of the command is reported, and an exit by signal as such.
TEST(Remote_ChildProcess, ReportsExitCodeAndSignal) {
  auto child = MustStart({"exit 3", "", {}, ""});
  ASSERT_TRUE(child->Wait(milliseconds(10000)));
  ASSERT_TRUE(child->exit().has_value());
  EXPECT_FALSE(child->exit()->signalled);
  EXPECT_EQ(child->exit()->code, 3);
  EXPECT_EQ(child->exit()->Describe(), "exit 3");

  auto sleeper = MustStart({"exec sleep 30", "", {}, ""});
  EXPECT_TRUE(sleeper->Running());
  sleeper->KillAndReap();
  ASSERT_TRUE(sleeper->exit().has_value());
  EXPECT_TRUE(sleeper->exit()->signalled);
  EXPECT_EQ(sleeper->exit()->Describe(), "killed by signal 9");
}

// Checks that the child runs in the given directory with the extra environment (a name
// vsssim already has takes the new value), and that its stdout and stderr go to the file.
TEST(Remote_ChildProcess, CwdEnvironmentAndOutputFile) {
  const std::string dir = TempDir();
  const std::string out = dir + "/out.txt";
  setenv("VSSSIM_CHILD_TEST_OLD", "old", 1);
  ChildOptions options{"pwd; echo \"$VSSSIM_TOKEN $VSSSIM_CHILD_TEST_OLD\"; echo oops >&2",
                       dir,
                       {{"VSSSIM_TOKEN", "abc"}, {"VSSSIM_CHILD_TEST_OLD", "new"}},
                       out};
  auto child = MustStart(options);
  ASSERT_TRUE(child->Wait(milliseconds(10000)));
  EXPECT_EQ(child->exit()->code, 0);
  char resolved[4096];
  ASSERT_NE(realpath(dir.c_str(), resolved), nullptr);
  EXPECT_EQ(ReadFile(out), std::string(resolved) + "\nabc new\noops\n");
}

// Checks that a missing working directory is an error at start, not a child that fails later.
TEST(Remote_ChildProcess, MissingDirectoryIsAnError) {
  std::string error;
  EXPECT_EQ(ChildProcess::Start({"true", "/nonexistent/vsssim-dir", {}, ""}, &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/vsssim-dir"), std::string::npos) << error;
}

// Checks that Wait gives up after its limit while the child still runs.
TEST(Remote_ChildProcess, WaitHonoursItsLimit) {
  auto child = MustStart({"exec sleep 30", "", {}, ""});
  EXPECT_FALSE(child->Wait(milliseconds(20)));
  EXPECT_TRUE(child->Running());
}

// Checks that destroying a ChildProcess leaves no zombie (the child was reaped) and no orphan
// (the shell's own child, in its process group, was killed too).
TEST(Remote_ChildProcess, DestructorLeavesNoZombieNorOrphan) {
  const std::string dir = TempDir();
  const std::string out = dir + "/pid.txt";
  auto child = MustStart({"sleep 30 & echo $!; wait", "", {}, out});
  const int pid = child->pid();
  const int grandchild = std::atoi(AwaitLine(out).c_str());
  ASSERT_GT(grandchild, 0);
  EXPECT_EQ(kill(grandchild, 0), 0);  // alive before
  child.reset();
  int status = 0;
  EXPECT_EQ(waitpid(pid, &status, WNOHANG), -1);  // reaped: not our child any more
  EXPECT_EQ(errno, ECHILD);
  // Killed with the group, not left running (SIGKILL takes effect asynchronously: bounded wait).
  bool ended = Ended(grandchild);
  for (int i = 0; i < 2000 && !ended; ++i) {
    std::this_thread::sleep_for(milliseconds(1));  // wall-clock-ok: polls a real process
    ended = Ended(grandchild);
  }
  EXPECT_TRUE(ended);
}

// Checks that the child does not inherit vsssim's descriptors beyond stdin, stdout, stderr.
TEST(Remote_ChildProcess, InheritsNoOtherDescriptor) {
  const std::string dir = TempDir();
  const std::string out = dir + "/fds.txt";
  const int fd = open("/dev/null", O_RDONLY);  // not close-on-exec
  ASSERT_GE(fd, 3);
  auto child = MustStart({"ls /proc/self/fd | wc -l", "", {}, out});
  ASSERT_TRUE(child->Wait(milliseconds(10000)));
  close(fd);
  // ls sees 0, 1, 2 and the descriptor of the directory it lists.
  EXPECT_EQ(std::atoi(ReadFile(out).c_str()), 4);
}

// Checks that a simple command replaces the shell (its pid is the child's: signals reach it
// directly, and the shell prints no "Killed"), while a list still runs in the shell.
TEST(Remote_ChildProcess, SimpleCommandIsTheChildItself) {
  const std::string dir = TempDir();
  const std::string simple_out = dir + "/simple.txt";
  auto simple = MustStart({"sh -c 'echo $$'", "", {}, simple_out});
  ASSERT_TRUE(simple->Wait(milliseconds(10000)));
  EXPECT_EQ(std::atoi(ReadFile(simple_out).c_str()), simple->pid());
  const std::string list_out = dir + "/list.txt";
  auto list = MustStart({"true; sh -c 'echo $PPID'", "", {}, list_out});
  ASSERT_TRUE(list->Wait(milliseconds(10000)));
  EXPECT_EQ(std::atoi(ReadFile(list_out).c_str()), list->pid());  // the shell is its parent
}

}  // namespace
}  // namespace vsssim::remote
