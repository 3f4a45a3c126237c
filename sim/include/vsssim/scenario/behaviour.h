// What a scenario's mock writer does when an event arrives: <on event=...> with its outcome
// (fail, veto-only, return, delay, hang, throw), its data actions (write, set-backup-stamp,
// ...) and deliberate bugs that a conformance run must catch. Part of the scenario model
// (scenario.h); the interpreter turns a Behaviour into writer::ScriptedWriter::Behavior.
//
// Several <on> for one event apply in file order: each covers `times` occurrences (absent:
// every remaining occurrence). The loader rejects an <on> that can never apply.
//
// Thread safety: plain value types; the bug table is constant data.
#ifndef VSSSIM_SCENARIO_BEHAVIOUR_H_
#define VSSSIM_SCENARIO_BEHAVIOUR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/runtime/time.h"
#include "vsssim/scenario/source_location.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/hresult.h"
#include "vsssim/vss/writer_event.h"

namespace vsssim::scenario {

// A data action, written as an attribute shorthand on <on> or as a child element of it.
enum class ActionKind {
  kWrite,                    // <write file offset size/> / write="PATH": bytes into a live file
  kSetBackupStamp,           // IVssComponent::SetBackupStamp(value)
  kSetBackupMetadata,        // IVssComponent::SetBackupMetadata(value)
  kAddDifferencedFiles,      // IVssComponent::AddDifferencedFilesByLastModifyTime
  kAddPartialFile,           // IVssComponent::AddPartialFile
  kTruncateLogs,             // shrink the component's log files (what a log backup allows)
  kSetRestoreTarget,         // IVssComponent::SetRestoreTarget(restore_target) (WRT-CALL-11)
  kAddDirectedTarget,        // IVssComponent::AddDirectedTarget (WRT-CALL-12, DT-01)
  kSetPreRestoreFailureMsg,  // IVssComponent::SetPreRestoreFailureMsg(value) (WRT-CALL-13)
  // Writer behaviour beyond the handler (docs/scenario-format.md "Writer timers", "Writer
  // flags"):
  kSetWriterFailure,     // <set-writer-failure>: in a <timer> only; the writer framework's own
                         // failure outside any handler (WRT-TIME-01, LIM-05, GAP-02)
  kSetFlag,              // <set-flag name>: the writer process remembers FLAG
  kClearFlag,            // <clear-flag name>
  kWedge,                // <wedge/>: the writer process stops answering (WRT-TIME-05)
  kSetComponentFailure,  // <set-component-failure>: IVssComponentEx2::SetFailure (WRT-RET-06)
};

// Actions of the writer process rather than of a handler's components: they may run outside
// any handler (<timer>) and act on the process's memory.
constexpr bool IsProcessAction(ActionKind kind) {
  return kind == ActionKind::kSetWriterFailure || kind == ActionKind::kSetFlag ||
         kind == ActionKind::kClearFlag || kind == ActionKind::kWedge;
}

struct Action {
  SourceLocation where;
  ActionKind kind = ActionKind::kWrite;
  // kWrite: the file and the byte range written (default offset 0, size 4 KiB).
  std::string file;
  std::uint64_t offset = 0;
  std::uint64_t size_bytes = 4096;
  // kSetBackupStamp / kSetBackupMetadata: the text.
  std::string value;
  // The component acted on (every action but kWrite). Empty name: every component of the
  // writer that is in the Backup Components Document.
  std::string component;
  std::string logical_path;
  // kAddDifferencedFiles / kAddPartialFile: the file(s).
  std::string path;
  std::string filespec;  // kAddDifferencedFiles; kAddPartialFile: the file name
  bool recursive = false;
  std::optional<runtime::Duration> last_modify_time;  // virtual time; absent: "now"
  std::string ranges;                                 // kAddPartialFile: "offset:length,..."
  std::string metadata;                               // kAddPartialFile
  // kSetRestoreTarget: the target; kAddDirectedTarget: the destination (path, filespec and
  // ranges above are the source).
  vss::RestoreTarget restore_target = vss::RestoreTarget::VSS_RT_ORIGINAL;
  std::string destination_path;
  std::string destination_filename;
  std::string destination_ranges;
  // kSetWriterFailure / kSetComponentFailure: the failure (code), the optional application
  // HRESULT and message (SetWriterFailureEx, IVssComponentEx2::SetFailure; WRT-ERR-02).
  HResult code;
  HResult application_error;
  std::string message;
  // kSetFlag / kClearFlag: the flag's name.
  std::string flag;
};

// Deliberate writer bugs (bug="NAME ..."), each breaking the rule named in its row.
#define VSSSIM_WRITER_BUG_TABLE(X)                                          \
  X(kSetFailureInIdentify, "set-failure-in-identify", "WRT-IDENTIFY-03",    \
    "calls SetWriterFailure inside OnIdentify")                             \
  X(kChangeStateInIdentify, "change-state-in-identify", "WRT-IDENTIFY-02",  \
    "starts its backup bookkeeping in OnIdentify")                          \
  X(kFailureFromOtherThread, "failure-from-other-thread", "WRT-THREAD-01",  \
    "calls SetWriterFailure from a worker thread")                          \
  X(kSnapshotSetIdInShutdown, "snapshot-set-id-in-shutdown", "WRT-SHUT-03", \
    "calls GetCurrentSnapshotSetId inside OnBackupShutdown")                \
  X(kBackupMetadataTwice, "set-backup-metadata-twice", "BCD-WIN-04",        \
    "calls SetBackupMetadata "                                              \
    "twice for one component")                                              \
  X(kIgnoreAbort, "ignore-abort", "SIM-ABORT-01", "leaves its files frozen when OnAbort returns")

enum class WriterBug {
#define VSSSIM_WRITER_BUG_ENUMERATOR_(e, name, rule, meaning) e,
  VSSSIM_WRITER_BUG_TABLE(VSSSIM_WRITER_BUG_ENUMERATOR_)
#undef VSSSIM_WRITER_BUG_ENUMERATOR_
};

struct WriterBugInfo {
  WriterBug bug;
  std::string_view name;  // the scenario spelling
  std::string_view rule;  // the rule a conformance run reports
  std::string_view meaning;
};
const std::vector<WriterBugInfo>& WriterBugs();
std::optional<WriterBug> ParseWriterBug(std::string_view name);
const WriterBugInfo& InfoOf(WriterBug bug);

// One <on event=...>.
struct Behaviour {
  SourceLocation where;
  vss::WriterEvent event = vss::WriterEvent::kIdentify;
  std::optional<int> times;        // occurrences covered; absent: all remaining
  std::optional<HResult> failure;  // fail= or veto-only=: SetWriterFailure(code)
  bool returns = true;             // false for fail= and return="false"
  runtime::Duration delay{0};      // delay=: virtual time spent in the handler
  bool hang = false;               // hang="yes": the handler never returns
  bool throws = false;             // throw="yes"
  std::vector<Action> actions;     // in file order: attribute shorthands first
  std::vector<WriterBug> bugs;     // bug=
  // application-error= / message= with fail= or veto-only=: SetWriterFailureEx (WRT-ERR-02).
  std::optional<HResult> application_error;
  std::optional<std::string> message;
  // if= / unless-flag=: the <on> applies only while the writer process has (has not) the flag.
  // A conditional <on> does not shadow later <on>s of its event.
  std::string if_flag;
  std::string unless_flag;
  bool Conditional() const { return !if_flag.empty() || !unless_flag.empty(); }
};

// One <timer>: armed when the writer enters its START handler (or arm-delay later, by a worker
// thread), fires `after` once armed, outside any handler, and runs its actions as the writer
// process (docs/scenario-format.md "Writer timers"). Deterministic on the virtual clock.
struct Timer {
  SourceLocation where;
  vss::WriterEvent start = vss::WriterEvent::kFreeze;
  runtime::Duration after{0};
  runtime::Duration arm_delay{0};
  std::vector<vss::WriterEvent> unless;  // events that disarm it
  bool unless_since_armed = false;       // unless-since="armed" (BUG-01); default "start"
  std::optional<int> times;              // armed on the first N START occurrences; absent: all
  std::string if_flag;                   // if=: armed only while the flag is set
  std::vector<Action> actions;           // in file order
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_BEHAVIOUR_H_
