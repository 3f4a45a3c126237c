// A backup application written against Microsoft's IVssBackupComponents (vsbackup.h, sim/sdk)
// as the requester conformance suite's BackupApplication (requester_suite.h), so that SDK code
// goes through the suite — in a GoogleTest program or as a plug-in — unchanged.
//
// Usage, with the application's two entry points written against the SDK:
//   HRESULT MyBackup(const std::vector<std::wstring>& volumes, std::wstring* bcd_xml);
//   HRESULT MyRestore(const std::wstring& bcd_xml);
//   vsssim::conformance::RegisterRequesterSuite(
//       {"MyBackup", [] { return vsssim::conformance::MakeSdkBackupApplication(
//                             {MyBackup, MyRestore}); }});
// or, in a plug-in (requester_plugin.h):
//   return vsssim::conformance::MakeSdkBackupApplication({MyBackup, MyRestore}).release();
//
// While an entry point runs, the SDK's current service (sdk::CurrentService()) is the check's
// machine: CreateVssBackupComponents hands out RequesterContext::CreateVssBackupComponents's
// requester, IVssAsync::Wait runs the check's virtual clock, and the time a pending
// IVssAsync::QueryStatus lets pass goes through RequesterContext::Sleep. Findings of the SDK
// layer itself (SIM-SDK-*: NULL arguments, methods vsssim does not simulate) are printed to
// stderr at the end of each entry point, since the suite's judge reads its own trace.
//
// HRESULTs are passed as std::int32_t here (the SDK's HRESULT is a 32-bit integer), so this
// header does not need the SDK's headers and their macros.
//
// Thread safety: as the suite; the entry points run on the suite's thread.
#ifndef VSSSIM_CONFORMANCE_SDK_REQUESTER_H_
#define VSSSIM_CONFORMANCE_SDK_REQUESTER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vsssim/conformance/requester_suite.h"

namespace vsssim::conformance {

struct SdkBackupFunctions {
  // One complete backup of `volumes` (L"C:\\", ...) with every writer's components; on success
  // `*bcd_xml` is the document it saved with IVssBackupComponents::SaveAsXML.
  std::function<std::int32_t(const std::vector<std::wstring>& volumes, std::wstring* bcd_xml)>
      backup;
  // Restores every component of the backup whose saved document is `bcd_xml`.
  std::function<std::int32_t(const std::wstring& bcd_xml)> restore;
};

// REQUIRES: both functions are set.
std::unique_ptr<BackupApplication> MakeSdkBackupApplication(SdkBackupFunctions functions);

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_SDK_REQUESTER_H_
