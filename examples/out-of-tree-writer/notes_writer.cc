#include "notes_writer.h"

#include "vsssim/metadata/create_writer_metadata.h"

namespace notes {
namespace {

constexpr char kDirectory[] = "C:\\Notes";
constexpr char kFile[] = "C:\\Notes\\notes.txt";

vsssim::writer::WriterIdentity Identity() {
  vsssim::writer::WriterIdentity identity;
  identity.class_id = *vsssim::Guid::Parse("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
  identity.name = "NotesWriter";
  return identity;
}

}  // namespace

NotesWriter::NotesWriter(vsssim::conformance::WriterContext& context)
    : vsssim::writer::Writer(Identity()), volume_(context.volumes().Find("C:")) {
  volume_->CreateDirectory(kDirectory);
  volume_->PutFile(kFile, "first note\n");
}

void NotesWriter::AddNote(const std::string& text) {
  pending_.push_back(text + "\n");
  if (!frozen_) Flush();
}

void NotesWriter::Flush() {
  for (const std::string& note : pending_) volume_->AppendFile(kFile, note);
  pending_.clear();
}

bool NotesWriter::OnIdentify(vsssim::metadata::CreateWriterMetadata& metadata) {
  using namespace vsssim::vss;
  metadata.SetRestoreMethod(RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                            WriterRestore::VSS_WRE_NEVER, false);
  metadata.AddComponent(ComponentType::VSS_CT_FILEGROUP, "", "Notes", "Notes store", {},
                        /*restore_metadata=*/false, /*notify_on_backup_complete=*/false,
                        /*selectable=*/true, /*selectable_for_restore=*/false);  // SEL-08
  metadata.AddFilesToFileGroup("", "Notes", kDirectory, "*", /*recursive=*/false, "");
  return true;
}

bool NotesWriter::OnFreeze() {
  frozen_ = true;  // no writes to C:\Notes until OnThaw or OnAbort
  return true;
}

bool NotesWriter::OnThaw() {
  frozen_ = false;
  Flush();
  return true;
}

bool NotesWriter::OnAbort() {
  frozen_ = false;
  Flush();
  return true;
}

}  // namespace notes
