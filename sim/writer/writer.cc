#include "vsssim/writer/writer.h"

namespace vsssim::writer {

// Outside a handler there is no host: the getters give the values CATALOGUE.md §3.6 calls
// undefined, and the setters report E_UNEXPECTED (the coordinator cannot attribute the call).

vss::BackupType Writer::GetBackupType() const {
  EventHost* h = host();
  return h ? h->GetBackupType() : vss::BackupType::VSS_BT_UNDEFINED;
}
vss::RestoreType Writer::GetRestoreType() const {
  EventHost* h = host();
  return h ? h->GetRestoreType() : vss::RestoreType::VSS_RTYPE_UNDEFINED;
}
vss::SnapshotContext Writer::GetContext() const {
  EventHost* h = host();
  return h ? h->GetContext() : vss::SnapshotContext::VSS_CTX_BACKUP;
}
Guid Writer::GetCurrentSnapshotSetId() const {
  EventHost* h = host();
  return h ? h->GetCurrentSnapshotSetId() : kGuidNull;
}
std::vector<std::string> Writer::GetCurrentVolumeArray() const {
  EventHost* h = host();
  return h ? h->GetCurrentVolumeArray() : std::vector<std::string>{};
}
bool Writer::IsPathAffected(std::string_view path) const {
  EventHost* h = host();
  return h && h->IsPathAffected(path);
}
bool Writer::AreComponentsSelected() const {
  EventHost* h = host();
  return h && h->AreComponentsSelected();
}
bool Writer::IsBootableSystemStateBackedUp() const {
  EventHost* h = host();
  return h && h->IsBootableSystemStateBackedUp();
}
bool Writer::IsPartialFileSupportEnabled() const {
  EventHost* h = host();
  return h && h->IsPartialFileSupportEnabled();
}
bool Writer::IsWriterShuttingDown() const {
  EventHost* h = host();
  return h && h->IsWriterShuttingDown();
}
Guid Writer::GetSessionId() const {
  EventHost* h = host();
  return h ? h->GetSessionId() : kGuidNull;
}
HResult Writer::SetWriterFailure(HResult hr) {
  EventHost* h = host();
  return h ? h->SetWriterFailure(hr) : hr::E_UNEXPECTED;
}
HResult Writer::SetWriterFailureEx(HResult hr_writer, HResult hr_application,
                                   std::string_view message) {
  EventHost* h = host();
  return h ? h->SetWriterFailureEx(hr_writer, hr_application, message) : hr::E_UNEXPECTED;
}
void Writer::Spend(runtime::Duration d) {
  if (EventHost* h = host()) h->Spend(d);
}
void Writer::Hang() {
  if (EventHost* h = host()) h->Hang();
}

}  // namespace vsssim::writer
