// QuiesceMonitor: torn-snapshot detection (SIM-QUIESCE-01). Between a writer's successful
// Freeze and its Thaw (or Abort) no write may reach a file of that writer's file sets, and the
// shadow copy of those files must equal their content at the moment Freeze returned.
//
// The coordinator calls BeginQuiesce when a writer's Freeze returned true (the monitor captures
// the content of every file of the writer's sets and watches the volumes), CheckShadowCopies
// once the set is committed, and EndQuiesce at Thaw or Abort. Every broken promise becomes a
// kFinding entry with rule SIM-QUIESCE-01 in the trace (from "writer:<name>"):
//   "write during freeze"           — a create/write/resize/delete reached a matching file
//                                     (held writes count when they are applied);
//   "shadow copy differs from freeze" — a captured file's shadow-copy content differs or the
//                                     file is missing from the shadow copy.
//
// Host-directory volumes (volume.h): writer processes write them with ordinary file I/O, which
// no observer sees, so the monitor compares content instead (docs/storage.md, "Host
// directories"). BeginQuiesce reads the writer's files on the directory when Freeze returned;
// CheckShadowCopies compares the image taken at commit with that capture (a write between
// Freeze and commit: "shadow copy differs from freeze"); EndQuiesce reads the files once more
// and reports every file created, changed or deleted since Freeze returned as a "write during
// freeze" (attribute detected="content compared at thaw"), unless an observed write of that
// file was already reported. EndQuiesce must come before Thaw or Abort is delivered (the
// coordinator's order, session_quiesce.cc), or a writer releasing its writes in OnThaw would
// be reported. Not seen: a change undone before the next comparison (same bytes again), and
// writes to files outside the writer's file sets.
//
// Thread safety: none. REQUIRES: the volume manager, its volumes and the trace outlive the
// monitor.
#ifndef VSSSIM_STORAGE_QUIESCE_MONITOR_H_
#define VSSSIM_STORAGE_QUIESCE_MONITOR_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/storage/path.h"
#include "vsssim/storage/shadow_copy.h"
#include "vsssim/storage/volume.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/trace/trace.h"

namespace vsssim::storage {

class QuiesceMonitor {
 public:
  QuiesceMonitor(VolumeManager& volumes, trace::Trace& trace);
  ~QuiesceMonitor();
  QuiesceMonitor(const QuiesceMonitor&) = delete;
  QuiesceMonitor& operator=(const QuiesceMonitor&) = delete;

  // Freeze returned: capture the writer's files and start watching. Replaces an earlier
  // quiesce of the same writer. File sets on volumes that do not exist are ignored.
  void BeginQuiesce(std::string_view writer, std::vector<FileSetSpec> file_sets);
  // The same, minus the files matching `excludes` (the writer's AddExcludeFiles /
  // AddExcludeFilesFromSnapshot sets): they are neither captured nor watched.
  void BeginQuiesce(std::string_view writer, std::vector<FileSetSpec> file_sets,
                    std::vector<FileSetSpec> excludes);
  // Compares every captured file that lies on a volume of `shadows` with its shadow copy.
  // Returns the number of findings added. Does nothing for a writer that is not quiescing.
  std::size_t CheckShadowCopies(std::string_view writer,
                                const std::vector<const ShadowCopy*>& shadows);
  // Thaw or Abort: stop watching the writer and drop its capture.
  void EndQuiesce(std::string_view writer);

  bool IsQuiescing(std::string_view writer) const;
  // Files captured for `writer` at BeginQuiesce ("C:\Data\db.mdf"), in key order.
  std::vector<std::string> CapturedFiles(std::string_view writer) const;

 private:
  // What a file held: its size and a 64-bit hash of its bytes, read in chunks (a file of any
  // size costs 16 bytes here, not its content). Two contents with the same fingerprint are
  // taken as equal (a collision, 2^-64 for unrelated bytes, would hide one finding).
  struct Fingerprint {
    std::uint64_t size = 0;
    std::uint64_t hash = 0;
    bool operator==(const Fingerprint& o) const { return size == o.size && hash == o.hash; }
    bool operator!=(const Fingerprint& o) const { return !(*this == o); }
  };
  static HResult Take(const FileView& view, const std::string& path, Fingerprint* out);

  struct Quiesce {
    std::vector<FileSetSpec> file_sets;
    std::vector<FileSetSpec> excludes;
    std::map<std::string, Fingerprint> content;  // full path -> content when Freeze returned
    std::set<std::string> reported;              // folded paths with an observed write finding
  };

  void Watch(Volume* volume);
  static bool Excluded(const Quiesce& q, std::string_view path);
  void OnWrite(const WriteEvent& event);
  // The writer's files on host directories against the capture (EndQuiesce).
  void CheckHostFiles(const std::string& writer, const Quiesce& q);

  VolumeManager& volumes_;
  trace::Trace& trace_;
  std::map<std::string, Quiesce, std::less<>> quiescing_;  // by writer name
  std::map<Volume*, int> observers_;                       // volume -> observer id
};

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_QUIESCE_MONITOR_H_
