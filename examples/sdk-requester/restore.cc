// The restore half of the example: Microsoft's "Overview of Processing a Restore Under VSS"
// with IVssBackupComponents, from the Backup Components Document the backup saved.
#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

#include "vshadow_lite.h"
#include "vshadow_util.h"

namespace vshadow_lite {
namespace {

struct Component {
  VSS_ID writer;
  VSS_COMPONENT_TYPE type;
  std::wstring logical_path;
  std::wstring name;
};

// IVssWriterComponentsExt "inherits from IVssWriterComponents and IUnknown" (its page), so it
// is released when done. mingw-w64's vsbackup.h declares it without IUnknown; there is
// nothing to call there.
template <typename T>
auto ReleaseIfCounted(T* object, int) -> decltype(object->Release(), void()) {
  object->Release();
}
template <typename T>
void ReleaseIfCounted(T*, long) {}

std::wstring Take(BSTR text) {
  std::wstring out = text == nullptr ? std::wstring() : std::wstring(text, SysStringLen(text));
  SysFreeString(text);
  return out;
}

// The components of the document, writer by writer.
HRESULT ReadComponents(IVssBackupComponents* backup, std::vector<Component>* components,
                       std::FILE* log) {
  components->clear();
  UINT writers = 0;
  HRESULT hr = backup->GetWriterComponentsCount(&writers);
  for (UINT i = 0; SUCCEEDED(hr) && i < writers; ++i) {
    IVssWriterComponentsExt* each = nullptr;
    hr = backup->GetWriterComponents(i, &each);
    if (FAILED(hr)) break;
    VSS_ID instance, writer;
    UINT count = 0;
    hr = each->GetWriterInfo(&instance, &writer);
    if (SUCCEEDED(hr)) hr = each->GetComponentCount(&count);
    for (UINT k = 0; SUCCEEDED(hr) && k < count; ++k) {
      IVssComponent* component = nullptr;
      hr = each->GetComponent(k, &component);
      if (FAILED(hr)) break;
      Component c{writer, VSS_CT_UNDEFINED, L"", L""};
      BSTR text = nullptr;
      if (SUCCEEDED(component->GetLogicalPath(&text))) c.logical_path = Take(text);
      text = nullptr;
      hr = component->GetComponentName(&text);
      if (SUCCEEDED(hr)) c.name = Take(text);
      if (SUCCEEDED(hr)) hr = component->GetComponentType(&c.type);
      component->Release();
      if (FAILED(hr)) break;
      if (log != nullptr) {
        std::fprintf(log, "  writer %s component '%s'\n", GuidText(writer).c_str(),
                     Narrow(c.name.c_str()).c_str());
      }
      components->push_back(c);
    }
    ReleaseIfCounted(each, 0);
  }
  return hr;
}

// GetRestoreMethod's reboot flag: `bool*` in the SDK's vsbackup.h, `boolean*` in mingw-w64's
// (generated from IDL). Taken from the method's own signature so one source fits both.
template <typename R, typename C, typename A1, typename A2, typename A3, typename A4, typename A5,
          typename A6>
A5 FifthParameter(R (C::*)(A1, A2, A3, A4, A5, A6));
using RebootFlag =
    std::remove_pointer_t<decltype(FifthParameter(&IVssExamineWriterMetadata::GetRestoreMethod))>;

bool SameId(const VSS_ID& a, const VSS_ID& b) {
  return a.Data1 == b.Data1 && a.Data2 == b.Data2 && a.Data3 == b.Data3 &&
         std::equal(a.Data4, a.Data4 + 8, b.Data4);
}

// The writers (class ids) whose metadata says they take no part in restores
// (VSS_WRE_NEVER): their files are put back by the application alone and their components are
// not selected ("VSS_WRITERRESTORE_ENUM").
HRESULT WritersOutOfRestore(IVssBackupComponents* backup, std::vector<VSS_ID>* never) {
  UINT writers = 0;
  HRESULT hr = backup->GetWriterMetadataCount(&writers);
  for (UINT i = 0; SUCCEEDED(hr) && i < writers; ++i) {
    VSS_ID instance;
    IVssExamineWriterMetadata* metadata = nullptr;
    hr = backup->GetWriterMetadata(i, &instance, &metadata);
    if (FAILED(hr)) break;
    VSS_ID instance_id, writer_id;
    BSTR name = nullptr;
    VSS_USAGE_TYPE usage;
    VSS_SOURCE_TYPE source;
    hr = metadata->GetIdentity(&instance_id, &writer_id, &name, &usage, &source);
    SysFreeString(name);
    VSS_RESTOREMETHOD_ENUM method;
    BSTR service = nullptr, procedure = nullptr;
    VSS_WRITERRESTORE_ENUM writer_restore = VSS_WRE_UNDEFINED;
    UINT mappings = 0;
    if (SUCCEEDED(hr)) {
      RebootFlag reboot = false;
      hr = metadata->GetRestoreMethod(&method, &service, &procedure, &writer_restore, &reboot,
                                      &mappings);
    }
    SysFreeString(service);
    SysFreeString(procedure);
    if (SUCCEEDED(hr) && writer_restore == VSS_WRE_NEVER) never->push_back(writer_id);
    metadata->Release();
  }
  return hr;
}

bool Contains(const std::vector<VSS_ID>& ids, const VSS_ID& id) {
  for (const VSS_ID& each : ids) {
    if (SameId(each, id)) return true;
  }
  return false;
}

const wchar_t* PathOrNull(const std::wstring& path) {
  return path.empty() ? nullptr : path.c_str();
}

}  // namespace

HRESULT Restore(const std::wstring& bcd_xml, std::FILE* log) {
  IVssBackupComponents* backup = nullptr;
  HRESULT hr = CreateVssBackupComponents(&backup);
  if (FAILED(hr)) return hr;
  BSTR xml = SysAllocStringLen(bcd_xml.c_str(), static_cast<UINT>(bcd_xml.size()));
  if (log != nullptr) std::fprintf(log, "InitializeForRestore\n");
  hr = backup->InitializeForRestore(xml);
  SysFreeString(xml);
  IVssAsync* async = nullptr;
  if (SUCCEEDED(hr)) {
    hr = WaitFor(backup->GatherWriterMetadata(&async), &async, "GatherWriterMetadata", log);
  }
  std::vector<Component> components;
  if (SUCCEEDED(hr)) hr = ReadComponents(backup, &components, log);
  if (SUCCEEDED(hr) && components.empty()) {  // no writer took part: nothing to restore
    if (log != nullptr) std::fprintf(log, "  no component in the backup: nothing to restore\n");
    backup->Release();
    return S_OK;
  }
  std::vector<VSS_ID> never;
  if (SUCCEEDED(hr)) hr = WritersOutOfRestore(backup, &never);
  for (const Component& c : components) {  // every selection before PreRestore
    if (FAILED(hr)) break;
    if (Contains(never, c.writer)) {
      if (log != nullptr) {
        std::fprintf(log, "  '%s': its writer takes no part in restores; files only\n",
                     Narrow(c.name.c_str()).c_str());
      }
      continue;
    }
    hr = backup->SetSelectedForRestore(c.writer, c.type, PathOrNull(c.logical_path), c.name.c_str(),
                                       true);
  }
  if (SUCCEEDED(hr)) {
    if (log != nullptr) std::fprintf(log, "PreRestore\n");
    hr = WaitFor(backup->PreRestore(&async), &async, "PreRestore", log);
  }
  if (SUCCEEDED(hr)) hr = PrintWriterStatus(backup, log, nullptr);
  // Writers may change their restore targets in PreRestore: read the components again.
  if (SUCCEEDED(hr)) hr = ReadComponents(backup, &components, log);
  if (FAILED(hr)) {  // a restore is never aborted
    backup->Release();
    return hr;
  }
  // ... here a real backup application copies the files back ...
  for (const Component& c : components) {
    if (Contains(never, c.writer)) continue;  // not selected
    backup->SetFileRestoreStatus(c.writer, c.type, PathOrNull(c.logical_path), c.name.c_str(),
                                 VSS_RS_ALL);
  }
  if (log != nullptr) std::fprintf(log, "PostRestore\n");
  hr = WaitFor(backup->PostRestore(&async), &async, "PostRestore", log);
  const HRESULT status = PrintWriterStatus(backup, log, nullptr);
  backup->Release();  // only now: PostRestore has finished
  return FAILED(hr) ? hr : status;
}

}  // namespace vshadow_lite
