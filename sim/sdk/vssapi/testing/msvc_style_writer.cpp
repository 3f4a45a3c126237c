// A writer service written the way Windows writer code is written — Microsoft's API only
// (CVssWriter, IVssCreateWriterMetadata, IVssWriterComponents), MSVC habits included
// (L__FUNCTION__, CComBSTR) — and nothing of vsssim: its main subscribes the writer and then
// waits, as a writer's service process does. The test of "a writer in its own process over the
// wire protocol" (docs/sdk.md): started by a scenario's <writer exec=...> (Linux), or under
// wine64 with VSSSIM_ADDRESS/VSSSIM_TOKEN of a Linux `vsssim serve` (ci/test-windows.sh), its
// CVssWriter::Subscribe connects to that service; when the service shuts down it calls
// OnVSSShutdown, and this program then ends with status 0.
#include <windows.h>

#include <atlbase.h>
#include <stdio.h>

#include <vss.h>
#include <vsserror.h>
#include <vswriter.h>
#include <atomic>

// Microsoft's vswriter.h declares bool out-parameters (IVssComponent::GetBackupSucceeded(bool*));
// mingw-w64's MIDL-generated one says boolean (docs/sdk.md, "mingw-w64's headers").
#if defined(__MINGW32__)
typedef boolean OutBool;
#else
typedef bool OutBool;
#endif

// {5a7c0e61-3d2f-4b8a-9e14-0c6d8f2b7a35}
static const VSS_ID kWriterId = {
    0x5a7c0e61, 0x3d2f, 0x4b8a, {0x9e, 0x14, 0x0c, 0x6d, 0x8f, 0x2b, 0x7a, 0x35}};

static std::atomic<bool> g_vss_shut_down(false);

class CMsvcStyleWriter : public CVssWriter {
 public:
  HRESULT Initialize() {
    HRESULT hr = CVssWriter::Initialize(kWriterId, L"MsvcStyleWriter", VSS_UT_USERDATA,
                                        VSS_ST_OTHER, VSS_APP_FRONT_END, 60000);
    if (FAILED(hr)) return hr;
    return Subscribe();
  }

  virtual bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* pMetadata) {
    Log(L__FUNCTION__);
    if (FAILED(pMetadata->SetRestoreMethod(VSS_RME_RESTORE_IF_CAN_REPLACE, NULL, NULL,
                                           VSS_WRE_NEVER, false)) ||
        FAILED(pMetadata->AddComponent(VSS_CT_FILEGROUP, NULL, L"MsvcData", L"MSVC-style data",
                                       NULL, 0, false, false, true, false, 0)) ||
        FAILED(pMetadata->AddFilesToFileGroup(
            NULL, L"MsvcData", L"C:\\MsvcData", L"*", true, NULL,
            VSS_FSBT_ALL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED))) {
      SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
      return false;
    }
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents* pComponents) {
    wprintf(L"MsvcStyleWriter: %ls: backup type %d, components %ls\n", L__FUNCTION__,
            static_cast<int>(GetBackupType()),
            AreComponentsSelected() && pComponents != NULL ? L"selected" : L"not selected");
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    wprintf(L"MsvcStyleWriter: %ls: data %ls\n", L__FUNCTION__,
            IsPathAffected(L"C:\\MsvcData\\") ? L"affected" : L"not affected");
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnFreeze() {
    wprintf(L"MsvcStyleWriter: %ls: %u volume(s)\n", L__FUNCTION__, GetCurrentVolumeCount());
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnThaw() { return Log(L__FUNCTION__); }
  virtual bool STDMETHODCALLTYPE OnVSSShutdown() {
    g_vss_shut_down = true;
    return true;
  }
  virtual bool STDMETHODCALLTYPE OnAbort() { return Log(L__FUNCTION__); }
  virtual bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents* pComponents) {
    Log(L__FUNCTION__);
    UINT count = 0;
    if (pComponents == NULL) return true;  // not in component mode: nothing to look at
    if (FAILED(pComponents->GetComponentCount(&count))) {
      SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
      return false;
    }
    for (UINT i = 0; i < count; ++i) {
      IVssComponent* component = NULL;
      if (FAILED(pComponents->GetComponent(i, &component))) {
        SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
        return false;
      }
      CComBSTR name;
      OutBool succeeded = false;
      HRESULT hr = component->GetComponentName(&name);
      if (SUCCEEDED(hr)) hr = component->GetBackupSucceeded(&succeeded);
      component->Release();
      if (FAILED(hr)) {
        SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
        return false;
      }
      wprintf(L"  %ls %ls\n", static_cast<BSTR>(name), succeeded ? L"backed up" : L"not backed up");
    }
    return true;
  }

 private:
  static bool Log(const wchar_t* what) {
    wprintf(L"MsvcStyleWriter: %ls\n", what);
    fflush(stdout);
    return true;
  }
};

int main() {
  if (FAILED(CoInitializeEx(NULL, COINIT_MULTITHREADED))) return 1;
  CoInitializeSecurity(NULL, -1, NULL, NULL, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                       RPC_C_IMP_LEVEL_IDENTIFY, NULL, EOAC_NONE, NULL);
  CMsvcStyleWriter writer;
  HRESULT hr = writer.Initialize();
  if (FAILED(hr)) {
    wprintf(L"%ls: Initialize failed: 0x%08lx\n", L__FUNCTION__, static_cast<unsigned long>(hr));
    return 1;
  }
  // A writer's service runs until it is stopped; this one, until the VSS service it subscribed
  // to shuts down.
  while (!g_vss_shut_down) Sleep(50);
  writer.Unsubscribe();
  CoUninitialize();
  return 0;
}
