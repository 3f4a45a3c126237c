// The events VSS delivers to writers (CVssWriter's On* handlers), by one name everywhere:
// traces, scenario files ("Freeze"), the writer state machine and the handler-placement rules
// of ../shared/spec/CATALOGUE.md §3.6.
//
// Thread safety: constexpr data and pure functions.
#ifndef VSSSIM_VSS_WRITER_EVENT_H_
#define VSSSIM_VSS_WRITER_EVENT_H_

#include <iterator>
#include <optional>
#include <string_view>

namespace vsssim::vss {

// X(Enumerator, "TraceName")
#define VSSSIM_WRITER_EVENT_TABLE(X)           \
  X(kIdentify, "Identify")                     \
  X(kPrepareForBackup, "PrepareForBackup")     \
  X(kPrepareForSnapshot, "PrepareForSnapshot") \
  X(kFreeze, "Freeze")                         \
  X(kThaw, "Thaw")                             \
  X(kPostSnapshot, "PostSnapshot")             \
  X(kAbort, "Abort")                           \
  X(kBackupComplete, "BackupComplete")         \
  X(kBackupShutdown, "BackupShutdown")         \
  X(kPreRestore, "PreRestore")                 \
  X(kPostRestore, "PostRestore")

enum class WriterEvent {
#define VSSSIM_WRITER_EVENT_ENUMERATOR_(e, name) e,
  VSSSIM_WRITER_EVENT_TABLE(VSSSIM_WRITER_EVENT_ENUMERATOR_)
#undef VSSSIM_WRITER_EVENT_ENUMERATOR_
};

inline constexpr std::string_view kWriterEventNames[] = {
#define VSSSIM_WRITER_EVENT_NAME_(e, name) name,
    VSSSIM_WRITER_EVENT_TABLE(VSSSIM_WRITER_EVENT_NAME_)
#undef VSSSIM_WRITER_EVENT_NAME_
};

// "Freeze" for WriterEvent::kFreeze.
constexpr std::string_view NameOf(WriterEvent e) { return kWriterEventNames[static_cast<int>(e)]; }

// Parses the name ("Freeze", also "OnFreeze"), case-sensitively as traces print it.
inline std::optional<WriterEvent> ParseWriterEvent(std::string_view text) {
  if (text.substr(0, 2) == "On") text.remove_prefix(2);
  for (std::size_t i = 0; i < std::size(kWriterEventNames); ++i) {
    if (kWriterEventNames[i] == text) return static_cast<WriterEvent>(i);
  }
  return std::nullopt;
}

}  // namespace vsssim::vss

#endif  // VSSSIM_VSS_WRITER_EVENT_H_
