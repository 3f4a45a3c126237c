#include "sim/platform/windows/sdk_call.h"

#include <memory>

#include "sim/platform/windows/real_vss_async.h"

namespace vsssim::platform::windows {

std::wstring VolumeName(std::string_view volume) {
  std::wstring wide = Widen(volume);
  if (!wide.empty() && wide.back() != L'\\') wide.push_back(L'\\');
  return wide;
}

std::string TakeBstr(BSTR text) {
  if (text == nullptr) return {};
  std::string out = Narrow(text, SysStringLen(text));
  SysFreeString(text);
  return out;
}

HResult CallAsync(IVssBackupComponents* backup, AsyncMethod method, coordinator::AsyncPtr* async) {
  if (backup == nullptr) return FromHresult(VSS_E_BAD_STATE);
  if (async == nullptr) return FromHresult(E_INVALIDARG);
  IVssAsync* raw = nullptr;
  HRESULT hr = (backup->*method)(&raw);
  if (SUCCEEDED(hr) && raw != nullptr) {
    *async = std::make_shared<RealVssAsync>(raw);
  } else if (raw != nullptr) {
    raw->Release();
  }
  return FromHresult(hr);
}

}  // namespace vsssim::platform::windows
