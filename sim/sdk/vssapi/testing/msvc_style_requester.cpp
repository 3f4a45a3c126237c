// A requester written the way Windows backup code is written — Microsoft's API only, MSVC
// habits included (L__FUNCTION__, ATL's CComPtr and CComBSTR, wprintf) — and nothing of
// vsssim. The test of "an unmodified requester runs against the simulator" (docs/sdk.md):
//   - Linux: built with g++ against vsssim's headers and linked with vsssim;
//   - Windows: built with mingw-w64 g++ (or clang -fms-extensions) against mingw-w64's own
//     headers and linked against mingw-w64's libvssapi.a, NOT vsssim; under wine64 it loads
//     vsssim's vssapi.dll (WINEDLLOVERRIDES=vssapi=n).
// It backs up every component of every writer on C:\ (component mode, FULL), saves the
// Backup Components Document, then restores it. Exit code 0 only if every call succeeded.
#include <windows.h>

#include <atlbase.h>
#include <stdio.h>
#include <tchar.h>
#include <vsbackup.h>
#include <vss.h>
#include <vsserror.h>
#include <vswriter.h>

#define WIDEN2(text) L##text
#define WIDEN(text) WIDEN2(text)
#define CHECK(call)                                                       \
  do {                                                                    \
    HRESULT hr_ = (call);                                                 \
    if (FAILED(hr_)) {                                                    \
      wprintf(L"%ls: %ls failed: 0x%08lx\n", L__FUNCTION__, WIDEN(#call), \
              static_cast<unsigned long>(hr_));                           \
      return hr_;                                                         \
    }                                                                     \
  } while (0)

static HRESULT WaitFor(IVssAsync* async) {
  CComPtr<IVssAsync> owned;
  owned.Attach(async);
  CHECK(owned->Wait(INFINITE));
  HRESULT status = S_OK;
  CHECK(owned->QueryStatus(&status, NULL));
  if (status != VSS_S_ASYNC_FINISHED) {
    wprintf(L"%ls: the operation ended with 0x%08lx\n", L__FUNCTION__,
            static_cast<unsigned long>(status));
    return E_FAIL;
  }
  return S_OK;
}

// Microsoft's vsbackup.h: IVssWriterComponentsExt "inherits from IVssWriterComponents and
// IUnknown". mingw-w64's vsbackup.h leaves IUnknown out, so code built against it cannot call
// Release on one; vsssim's object has the SDK's layout, and here it is released through the
// IUnknown it answers to (the one change this source needs for mingw-w64's headers).
static void ReleaseWriterComponents(IVssWriterComponentsExt* components) {
#if defined(__MINGW32__) && !defined(_MSC_VER)
  IUnknown* unknown = reinterpret_cast<IUnknown*>(reinterpret_cast<void**>(components) + 1);
  unknown->Release();
#else
  components->Release();
#endif
}

struct Selected {
  VSS_ID instance;
  VSS_ID writer;
  VSS_COMPONENT_TYPE type;
  CComBSTR logical_path;
  CComBSTR name;
};

static HRESULT SelectEverything(IVssBackupComponents* backup, Selected* selected, UINT capacity,
                                UINT* count) {
  *count = 0;
  UINT writers = 0;
  CHECK(backup->GetWriterMetadataCount(&writers));
  wprintf(L"%ls: %u writer(s)\n", L__FUNCTION__, writers);
  for (UINT i = 0; i < writers; ++i) {
    VSS_ID instance;
    CComPtr<IVssExamineWriterMetadata> metadata;
    CHECK(backup->GetWriterMetadata(i, &instance, &metadata));
    VSS_ID instance_id, writer_id;
    CComBSTR writer_name;
    VSS_USAGE_TYPE usage;
    VSS_SOURCE_TYPE source;
    CHECK(metadata->GetIdentity(&instance_id, &writer_id, &writer_name, &usage, &source));
    UINT includes = 0, excludes = 0, components = 0;
    CHECK(metadata->GetFileCounts(&includes, &excludes, &components));
    wprintf(L"  writer %ls: %u component(s)\n", static_cast<BSTR>(writer_name), components);
    for (UINT c = 0; c < components; ++c) {
      CComPtr<IVssWMComponent> component;
      CHECK(metadata->GetComponent(c, &component));
      PVSSCOMPONENTINFO info = NULL;
      CHECK(component->GetComponentInfo(&info));
      if (info->bSelectable && *count < capacity) {
        Selected& s = selected[(*count)++];
        s.instance = instance_id;
        s.writer = writer_id;
        s.type = info->type;
        s.logical_path = info->bstrLogicalPath;
        s.name = info->bstrComponentName;
        HRESULT hr = backup->AddComponent(instance_id, writer_id, info->type, info->bstrLogicalPath,
                                          info->bstrComponentName);
        component->FreeComponentInfo(info);
        CHECK(hr);
      } else {
        component->FreeComponentInfo(info);
      }
    }
  }
  return S_OK;
}

static HRESULT Backup(BSTR* document) {
  CComPtr<IVssBackupComponents> backup;
  CHECK(CreateVssBackupComponents(&backup));
  CHECK(backup->InitializeForBackup(NULL));
  CHECK(backup->SetContext(VSS_CTX_BACKUP));
  CHECK(backup->SetBackupState(true, false, VSS_BT_FULL, false));
  IVssAsync* async = NULL;
  CHECK(backup->GatherWriterMetadata(&async));
  CHECK(WaitFor(async));
  Selected selected[64];
  UINT count = 0;
  CHECK(SelectEverything(backup, selected, 64, &count));
  VSS_ID set_id, snapshot_id;
  CHECK(backup->StartSnapshotSet(&set_id));
  CHECK(backup->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"), GUID_NULL, &snapshot_id));
  CHECK(backup->PrepareForBackup(&async));
  CHECK(WaitFor(async));
  CHECK(backup->DoSnapshotSet(&async));
  CHECK(WaitFor(async));
  VSS_SNAPSHOT_PROP prop;
  CHECK(backup->GetSnapshotProperties(snapshot_id, &prop));
  wprintf(L"%ls: shadow copy of %ls is %ls (%d in set)\n", L__FUNCTION__,
          prop.m_pwszOriginalVolumeName, prop.m_pwszSnapshotDeviceObject,
          static_cast<int>(prop.m_lSnapshotsCount));
  VssFreeSnapshotProperties(&prop);
  for (UINT i = 0; i < count; ++i) {
    CHECK(backup->SetBackupSucceeded(selected[i].instance, selected[i].writer, selected[i].type,
                                     selected[i].logical_path, selected[i].name, true));
  }
  CHECK(backup->BackupComplete(&async));
  CHECK(WaitFor(async));
  CHECK(backup->GatherWriterStatus(&async));
  CHECK(WaitFor(async));
  UINT writers = 0;
  CHECK(backup->GetWriterStatusCount(&writers));
  for (UINT i = 0; i < writers; ++i) {
    VSS_ID instance, writer;
    CComBSTR name;
    VSS_WRITER_STATE state;
    HRESULT failure;
    CHECK(backup->GetWriterStatus(i, &instance, &writer, &name, &state, &failure));
    wprintf(L"  writer %ls: state %d, failure 0x%08lx\n", static_cast<BSTR>(name),
            static_cast<int>(state), static_cast<unsigned long>(failure));
    if (state != VSS_WS_STABLE || failure != S_OK) return E_FAIL;
  }
  CHECK(backup->FreeWriterStatus());
  CHECK(backup->SaveAsXML(document));
  return S_OK;
}

static HRESULT SelectForRestore(IVssBackupComponents* restore,
                                IVssWriterComponentsExt* components) {
  VSS_ID instance, writer;
  CHECK(components->GetWriterInfo(&instance, &writer));
  UINT count = 0;
  CHECK(components->GetComponentCount(&count));
  for (UINT c = 0; c < count; ++c) {
    CComPtr<IVssComponent> component;
    CHECK(components->GetComponent(c, &component));
    VSS_COMPONENT_TYPE type;
    CComBSTR logical_path, name;
    CHECK(component->GetComponentType(&type));
    CHECK(component->GetLogicalPath(&logical_path));
    CHECK(component->GetComponentName(&name));
    CHECK(restore->SetSelectedForRestore(writer, type, logical_path, name, true));
  }
  return S_OK;
}

static HRESULT Restore(BSTR document) {
  CComPtr<IVssBackupComponents> restore;
  CHECK(CreateVssBackupComponents(&restore));
  CHECK(restore->InitializeForRestore(document));
  IVssAsync* async = NULL;
  CHECK(restore->GatherWriterMetadata(&async));
  CHECK(WaitFor(async));
  UINT writers = 0;
  CHECK(restore->GetWriterComponentsCount(&writers));
  for (UINT i = 0; i < writers; ++i) {
    IVssWriterComponentsExt* components = NULL;
    CHECK(restore->GetWriterComponents(i, &components));
    HRESULT hr = SelectForRestore(restore, components);
    ReleaseWriterComponents(components);
    CHECK(hr);
  }
  CHECK(restore->PreRestore(&async));
  CHECK(WaitFor(async));
  CHECK(restore->PostRestore(&async));
  CHECK(WaitFor(async));
  wprintf(L"%ls: restored %u writer(s)\n", L__FUNCTION__, writers);
  return S_OK;
}

int _tmain(int argc, _TCHAR* argv[]) {
  if (argc > 1 && argv[1] != NULL) {
    _tprintf(_T("usage: msvc_style_requester (no arguments; see docs/sdk.md)\n"));
    return 2;
  }
  if (FAILED(CoInitializeEx(NULL, COINIT_MULTITHREADED))) return 1;
  CoInitializeSecurity(NULL, -1, NULL, NULL, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                       RPC_C_IMP_LEVEL_IDENTIFY, NULL, EOAC_NONE, NULL);
  CComBSTR document;
  HRESULT hr = Backup(&document);
  if (SUCCEEDED(hr)) hr = Restore(document);
  wprintf(L"%ls: %ls (0x%08lx)\n", L__FUNCTION__, SUCCEEDED(hr) ? L"done" : L"FAILED",
          static_cast<unsigned long>(hr));
  document.Empty();
  CoUninitialize();
  return SUCCEEDED(hr) ? 0 : 1;
}
