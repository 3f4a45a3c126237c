// `vsssim teach [FILE | --case NAME]`: a terminal step mode for learners. The scenario runs
// first (on the virtual clock: the run is the same every time); then its trace is shown one step
// at a time: what happens (a call, an event, a reply, a state change), who receives it, what
// the event asks of a writer, the state every writer is in, and the rule behind the step with
// its whole text. Keys: n / space / Enter (next), b (back), q (quit); bookkeeping calls (the
// metadata and status walks) are skipped unless --all.
//
// On a terminal the keys act at once (termios, POSIX); otherwise — piped input, or Windows —
// each key is read as a line. Output is plain text with no screen control, so it reads the
// same in a log; tools/vsssim/teach_tmux_check.sh drives it in a real terminal (tmux).
//
// Thread safety: reentrant.
#ifndef VSSSIM_TOOLS_VSSSIM_TEACH_COMMAND_H_
#define VSSSIM_TOOLS_VSSSIM_TEACH_COMMAND_H_

#include <istream>
#include <ostream>
#include <string>

namespace vsssim::tools {

struct TeachOptions {
  std::string file;       // a scenario file, or
  std::string demo_case;  // a bundled demo case (demo_cases.h); default "happy"
  bool all = false;       // also show bookkeeping calls
};

// Exit 0 after q or the last step, 2 on bad input (an unreadable scenario, an unknown case).
int RunTeach(const TeachOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_TEACH_COMMAND_H_
