#include "tools/vsssim/teach_command.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#if !defined(_WIN32)
#include <termios.h>
#include <unistd.h>
#endif

#include "tools/vsssim/demo_cases.h"
#include "vsssim/rules/rules.h"
#include "vsssim/runtime/time.h"
#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/loader.h"
#include "vsssim/trace/html.h"

namespace vsssim::tools {
namespace {

// What each writer event asks of a writer, in a learner's words (the catalogue's §3 and
// Microsoft's "Overview of Processing a Backup Under VSS").
std::string_view EventMeaning(std::string_view event) {
  static const std::map<std::string_view, std::string_view> kMeaning = {
      {"Identify", "describe yourself: your components, their files, how to restore them"},
      {"PrepareForBackup", "a backup is coming: check the components the requester selected"},
      {"PrepareForSnapshot", "get ready: the shadow copy will be taken soon"},
      {"Freeze",
       "stop writing now: until Thaw your files must stay consistent (a short window, 60 s by "
       "default)"},
      {"Thaw", "the shadow copy is taken: resume writing"},
      {"PostSnapshot", "the shadow copy exists: you may adjust what it holds"},
      {"Abort", "the backup was abandoned: undo what your earlier handlers did"},
      {"BackupComplete", "the requester copied your data: e.g. truncate your logs now"},
      {"BackupShutdown",
       "the backup session is over (always sent, also when the requester crashed)"},
      {"PreRestore", "a restore is coming: e.g. take the database offline"},
      {"PostRestore", "the files are back: recover and bring the data online"}};
  auto it = kMeaning.find(event);
  return it == kMeaning.end() ? std::string_view() : it->second;
}

std::string Attributes(const trace::Entry& e) {
  std::string out;
  for (const trace::AttributeView& a : e.attributes) {
    out += " " + std::string(a.key) + "=" + std::string(a.value);
  }
  return out;
}

// The text of one step.
std::string Explain(const trace::Entry& e) {
  std::string s;
  const std::string name(e.name);
  switch (e.kind) {
    case trace::EntryKind::kCall:
      s = "  " + std::string(e.from) + " calls " + name + Attributes(e) +
          "\n  received by: " + std::string(e.to) + "\n";
      break;
    case trace::EntryKind::kResult:
      s = "  " + std::string(e.from) + " answers " + std::string(e.to) + ": " + name + " ->" +
          Attributes(e) + "\n";
      break;
    case trace::EntryKind::kEvent: {
      s = "  " + std::string(e.from) + " sends the event " + name + Attributes(e) +
          "\n  received by: " + std::string(e.to) + "\n";
      const std::string_view meaning = EventMeaning(e.name);
      if (!meaning.empty()) s += "  it asks: " + std::string(meaning) + "\n";
      break;
    }
    case trace::EntryKind::kReply:
      s = "  " + std::string(e.from) + " returns from On" + name + ":" + Attributes(e) + "\n";
      if (e.Get("returned") == "false") {
        s += "  a veto: the writer refused; VSS will not go on with this shadow copy\n";
      }
      break;
    case trace::EntryKind::kState:
      s = "  " + std::string(e.from) + " is now " + name + Attributes(e) + "\n";
      break;
    case trace::EntryKind::kProvider:
      s = "  " + std::string(e.from) + " asks the provider: " + name + Attributes(e) + "\n";
      break;
    case trace::EntryKind::kFinding:
      s = "  FINDING by " + std::string(e.from) + ": " + name + Attributes(e) + "\n";
      break;
    case trace::EntryKind::kNote:
      s = "  note (" + std::string(e.from) + "): " + name + Attributes(e) + "\n";
      break;
  }
  if (!e.rule.empty()) {
    s += "  rule " + std::string(e.rule);
    if (const rules::Rule* r = rules::FindRule(e.rule)) {
      s += " (" + std::string(rules::NameOf(r->level)) + "): " + std::string(r->full_text) +
           "\n    source: " + std::string(r->source);
    }
    s += "\n";
  }
  return s;
}

// Reads one key: at once on a terminal (POSIX), else the first character of a line.
class Keys {
 public:
  explicit Keys(std::istream& in) : in_(in) {
#if !defined(_WIN32)
    raw_ = &in == &std::cin && isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &saved_) == 0;
    if (raw_) {
      termios t = saved_;
      t.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
      t.c_cc[VMIN] = 1;
      t.c_cc[VTIME] = 0;
      tcsetattr(STDIN_FILENO, TCSANOW, &t);
    }
#endif
  }
  ~Keys() {
#if !defined(_WIN32)
    if (raw_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
#endif
  }
  Keys(const Keys&) = delete;
  Keys& operator=(const Keys&) = delete;

  // 'n', 'b', 'q', or 'q' at the end of the input.
  char Next() {
#if !defined(_WIN32)
    if (raw_) {
      char c = 0;
      if (read(STDIN_FILENO, &c, 1) != 1) return 'q';
      return Map(c);
    }
#endif
    std::string line;
    if (!std::getline(in_, line)) return 'q';
    return line.empty() ? 'n' : Map(line[0]);
  }

 private:
  static char Map(char c) {
    if (c == 'b' || c == 'B' || c == 'p' || c == 'P') return 'b';
    if (c == 'q' || c == 'Q' || c == 4 /* Ctrl-D */) return 'q';
    return 'n';
  }
  std::istream& in_;
#if !defined(_WIN32)
  bool raw_ = false;
  termios saved_{};
#endif
};

}  // namespace

int RunTeach(const TeachOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  scenario::LoadResult loaded;
  std::string label;
  if (!options.file.empty()) {
    loaded = scenario::LoadScenarioFile(options.file);
    label = options.file;
  } else {
    const std::string name = options.demo_case.empty() ? "happy" : options.demo_case;
    const DemoCase* found = FindDemoCase(name, "teach", err);
    if (found == nullptr) return 2;
    loaded = scenario::LoadScenarioText(found->text, std::string(found->file));
    label = std::string(found->file);
  }
  if (!loaded.ok()) {
    err << loaded.ErrorText();
    return 2;
  }
  const scenario::RunResult result = scenario::RunScenario(*loaded.scenario);
  std::vector<const trace::Entry*> steps;
  for (const trace::Entry& e : result.trace->entries()) {
    const bool bookkeeping =
        (e.kind == trace::EntryKind::kCall || e.kind == trace::EntryKind::kResult) &&
        trace::IsBookkeepingCall(e.name);
    if (options.all || !bookkeeping) steps.push_back(&e);
  }
  out << "vsssim teach: " << result.scenario_name << " (" << label << "), " << steps.size()
      << " steps\n";
  if (!loaded.scenario->description.empty()) out << loaded.scenario->description << "\n";
  out << "keys: n/space/Enter next, b back, q quit\n";
  Keys keys(in);
  std::size_t at = 0;
  while (at < steps.size()) {
    const trace::Entry& e = *steps[at];
    // Every writer's state as of this step.
    std::map<std::string, std::string> states;
    for (const trace::Entry& s : result.trace->entries()) {
      if (s.sequence > e.sequence) break;
      if (s.kind == trace::EntryKind::kState && std::string_view(s.from).rfind("writer:", 0) == 0) {
        states[std::string(s.from)] = std::string(s.name);
      }
    }
    out << "\n--- step " << at + 1 << " of " << steps.size() << "  (entry #" << e.sequence
        << ", virtual time " << runtime::FormatTimePoint(e.time) << ")\n"
        << Explain(e);
    if (!states.empty()) {
      out << "  writer states:";
      for (const auto& [writer, state] : states) out << " " << writer << "=" << state;
      out << "\n";
    }
    out << "[n]ext [b]ack [q]uit > " << std::flush;
    const char key = keys.Next();
    if (key == 'q') {
      out << "\n";
      return 0;
    }
    if (key == 'b') {
      if (at > 0) --at;
    } else {
      ++at;
    }
  }
  out << "\n--- end: " << (result.passed() ? "PASS" : "FAIL") << " (seed " << result.seed
      << ", digest " << result.digest << ")\n";
  return 0;
}

}  // namespace vsssim::tools
