// Test driver (not part of the example): runs vshadow-lite's backup and restore against the
// default in-process machine with one scripted writer subscribed, so that the run exercises
// writers' components end to end (the example itself has no vsssim names and the default
// machine has no writers). Exit 0 when both succeed.
#include <cstdio>
#include <string>

#include "sim/sdk/service.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/writer/scripted_writer.h"

#include "vshadow_lite.h"  // last: the SDK's headers define S_OK, ... as macros

int main() {
  vsssim::writer::WriterIdentity identity;
  identity.class_id = *vsssim::Guid::Parse("5e1f2a3b-0000-4000-8000-00000000000a");
  identity.name = "DemoDB";
  vsssim::writer::ScriptedWriter writer(identity);
  // A database writer that takes part in restores (VSS_WRE_ALWAYS), so that the restore
  // selects its component and it gets PreRestore and PostRestore.
  writer.SetIdentify([](vsssim::metadata::CreateWriterMetadata& metadata) {
    metadata.SetRestoreMethod(vsssim::vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                              vsssim::vss::WriterRestore::VSS_WRE_ALWAYS, false);
    metadata.AddComponent(vsssim::vss::ComponentType::VSS_CT_FILEGROUP, "", "DemoDBData", "DemoDB",
                          {}, false, false, true, true);
    metadata.AddFilesToFileGroup("", "DemoDBData", "C:\\DemoDB", "*", true, "");
  });
  vsssim::sdk::CurrentService().Subscribe(writer);
  std::wstring bcd;
  HRESULT hr = vshadow_lite::Backup({L"C:\\"}, &bcd, stdout);
  if (SUCCEEDED(hr)) hr = vshadow_lite::Restore(bcd, stdout);
  vsssim::sdk::CurrentService().Unsubscribe(writer);
  std::printf("result 0x%08lX\n", static_cast<unsigned long>(hr));
  return SUCCEEDED(hr) ? 0 : 1;
}
