// NotesWriter: a tiny, well-behaved VSS writer for a notes store kept in C:\Notes. It shows
// what the writer conformance suite expects of a writer:
// - it declares its files in OnIdentify (one selectable file-group component, a restore
//   method), the same answer every time;
// - it writes to its files only while not frozen (between OnFreeze and OnThaw it queues);
// - its handlers return true, throw nothing, and OnAbort undoes a freeze.
//
// Thread safety: all calls on the simulator's thread.
#ifndef NOTES_WRITER_H_
#define NOTES_WRITER_H_

#include <string>
#include <vector>

#include "vsssim/conformance/writer_suite.h"
#include "vsssim/storage/volume.h"
#include "vsssim/writer/writer.h"

namespace notes {

class NotesWriter : public vsssim::writer::Writer {
 public:
  // Creates C:\Notes\notes.txt on the simulated volume. REQUIRES: the context has a C: volume.
  explicit NotesWriter(vsssim::conformance::WriterContext& context);

  // Appends a note now, or after OnThaw/OnAbort while frozen.
  void AddNote(const std::string& text);

  bool OnIdentify(vsssim::metadata::CreateWriterMetadata& metadata) override;
  bool OnPrepareSnapshot() override { return true; }
  bool OnFreeze() override;
  bool OnThaw() override;
  bool OnAbort() override;

 private:
  void Flush();

  vsssim::storage::Volume* volume_;
  bool frozen_ = false;
  std::vector<std::string> pending_;
};

}  // namespace notes

#endif  // NOTES_WRITER_H_
