#include "vsssim/writer/scripted_writer.h"

#include <stdexcept>

#include "vsssim/metadata/create_writer_metadata.h"

namespace vsssim::writer {

bool ScriptedWriter::Run(vss::WriterEvent event) {
  received_.push_back(event);
  auto it = script_.find(event);
  if (it == script_.end()) return true;
  const Behavior& b = it->second;
  if (b.action) b.action(*this);
  if (b.delay.count() != 0) Spend(b.delay);
  if (b.failure) SetWriterFailure(*b.failure);
  if (b.hang) Hang();
  if (b.throws) throw std::runtime_error("scripted failure in " + std::string(NameOf(event)));
  return b.returns;
}

bool ScriptedWriter::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  if (identify_) {
    identify_(metadata);
  } else {
    const std::string& name = identity().name;
    const std::string component = name + "Data";  // made once: the builder copies what it keeps
    metadata.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                              vss::WriterRestore::VSS_WRE_NEVER, false);
    metadata.AddComponent(vss::ComponentType::VSS_CT_FILEGROUP, "", component, name, {}, false,
                          false, true, true);
    metadata.AddFilesToFileGroup("", component, "C:\\" + name, "*", true, "");
  }
  return Run(vss::WriterEvent::kIdentify);
}

bool ScriptedWriter::OnPrepareBackup(WriterComponents* components) {
  components_ = components;
  bool r = Run(vss::WriterEvent::kPrepareForBackup);
  components_ = nullptr;
  return r;
}

bool ScriptedWriter::OnPostSnapshot(WriterComponents* components) {
  components_ = components;
  bool r = Run(vss::WriterEvent::kPostSnapshot);
  components_ = nullptr;
  return r;
}

bool ScriptedWriter::OnBackupComplete(WriterComponents* components) {
  components_ = components;
  bool r = Run(vss::WriterEvent::kBackupComplete);
  components_ = nullptr;
  return r;
}

bool ScriptedWriter::OnPreRestore(WriterComponents* components) {
  components_ = components;
  bool r = Run(vss::WriterEvent::kPreRestore);
  components_ = nullptr;
  return r;
}

bool ScriptedWriter::OnPostRestore(WriterComponents* components) {
  components_ = components;
  bool r = Run(vss::WriterEvent::kPostRestore);
  components_ = nullptr;
  return r;
}

bool ScriptedWriter::OnBackupShutdown(const Guid& snapshot_set_id) {
  last_shutdown_set_ = snapshot_set_id;
  return Run(vss::WriterEvent::kBackupShutdown);
}

}  // namespace vsssim::writer
