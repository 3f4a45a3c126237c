// The small functions of the scenario model: text forms, lookups, the writer-bug table.
#include <utility>

#include "vsssim/scenario/loader.h"
#include "vsssim/scenario/scenario.h"
#include "vsssim/scenario/values.h"
#include "vsssim/storage/volume_name.h"

namespace vsssim::scenario {

std::string SourceLocation::ToString() const {
  std::string text = line > 0 ? file + ":" + std::to_string(line) : file + ": " + path;
  if (!repetition.empty()) text += " (" + repetition + ")";
  return text;
}

std::string Diagnostic::ToString() const { return where.ToString() + ": " + message; }

std::string LoadResult::ErrorText() const {
  std::string text;
  for (const Diagnostic& d : errors) text += d.ToString() + "\n";
  return text;
}

bool ExpectedResult::Matches(HResult actual) const {
  switch (kind) {
    case Kind::kExact:
      return actual == code;
    case Kind::kSuccess:
      return actual.Succeeded();
    case Kind::kFailure:
      return actual.Failed();
  }
  return false;
}

std::string ExpectedResult::ToString() const {
  switch (kind) {
    case Kind::kExact:
      return vsssim::ToString(code);
    case Kind::kSuccess:
      return "success";
    case Kind::kFailure:
      return "failure";
  }
  return "";
}

const Argument* Step::Find(std::string_view name) const {
  for (const Argument& a : args) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::string_view NameOf(StepKind kind) {
  switch (kind) {
    case StepKind::kCall:
      return "call";
    case StepKind::kIdentify:
      return "identify";
    case StepKind::kTerminate:
      return "terminate";
    case StepKind::kRelease:
      return "release";
    case StepKind::kAdvance:
      return "advance";
    case StepKind::kWait:
      return "wait";
    case StepKind::kCancel:
      return "cancel";
    case StepKind::kCheckState:
      return "check-state";
    case StepKind::kBcd:
      return "bcd";
    case StepKind::kStopService:
      return "stop-service";
    case StepKind::kStartService:
      return "start-service";
    case StepKind::kRestartService:
      return "restart-service";
    case StepKind::kEndHold:
      return "end-hold";
  }
  return "";
}

const std::vector<WriterBugInfo>& WriterBugs() {
  static const std::vector<WriterBugInfo> kBugs = {
#define VSSSIM_WRITER_BUG_INFO_(e, name, rule, meaning) {WriterBug::e, name, rule, meaning},
      VSSSIM_WRITER_BUG_TABLE(VSSSIM_WRITER_BUG_INFO_)
#undef VSSSIM_WRITER_BUG_INFO_
  };
  return kBugs;
}

std::optional<WriterBug> ParseWriterBug(std::string_view name) {
  for (const WriterBugInfo& b : WriterBugs()) {
    if (b.name == name) return b.bug;
  }
  return std::nullopt;
}

const WriterBugInfo& InfoOf(WriterBug bug) { return WriterBugs()[static_cast<int>(bug)]; }

const Writer* Scenario::FindWriter(std::string_view name) const {
  for (const Writer& w : writers) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

const Volume* Scenario::FindVolume(std::string_view name) const {
  std::optional<std::string> canonical = CanonicalVolume(name);
  if (!canonical) return nullptr;
  for (const Volume& v : volumes) {
    if (storage::SameFolded(v.name, *canonical)) return &v;  // Windows compares ignoring case
  }
  return nullptr;
}

const Volume* Scenario::VolumeOfPath(std::string_view path) const {
  for (const std::string& key : storage::VolumeKeysOf(path)) {
    for (const Volume& v : volumes) {
      if (!v.name.empty() &&
          storage::SameFolded(key, std::string_view(v.name).substr(0, v.name.size() - 1))) {
        return &v;
      }
    }
  }
  return nullptr;
}

}  // namespace vsssim::scenario
