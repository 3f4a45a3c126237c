// Pieces every RealVssRequester method file shares to turn a simulator call into an SDK call:
// optional wide strings (empty -> NULL), volume names with their backslash, BSTR ownership,
// the asynchronous-call wrapper, and the component a component-naming call addresses.
// Include vsssim headers first (hresult.h), then this one.
//
// Thread safety: plain helpers; the COM rules of the object they are given apply.
#ifndef VSSSIM_SIM_PLATFORM_WINDOWS_SDK_CALL_H_
#define VSSSIM_SIM_PLATFORM_WINDOWS_SDK_CALL_H_

#include <string>
#include <string_view>

#include "sim/platform/windows/wide_string.h"
#include "vsssim/coordinator/async.h"
#include "vsssim/vss/enums.h"

// clang-format off
#include <vss.h>
#include <vswriter.h>
#include <vsbackup.h>
#include <oleauto.h>
// clang-format on

namespace vsssim::platform::windows {

// A method of RealVssRequester on a released requester: VSS_E_BAD_STATE, as the SDK object
// would be gone.
#define VSSSIM_REQUIRE_LIVE_()                                   \
  do {                                                           \
    if (backup_ == nullptr) return FromHresult(VSS_E_BAD_STATE); \
  } while (false)

// Owns a wide copy of an optional string: empty text -> NULL (logical paths may be NULL,
// REQ-CALL-09).
class OptionalWide {
 public:
  explicit OptionalWide(std::string_view utf8) : text_(Widen(utf8)), null_(utf8.empty()) {}
  const wchar_t* get() const { return null_ ? nullptr : text_.c_str(); }

 private:
  std::wstring text_;
  bool null_;
};

// The component a component-naming call addresses, in SDK form: writer class id, type,
// logical path (NULL when empty, REQ-CALL-09) and name.
struct SdkComponent {
  SdkComponent(const Guid& writer_id, vss::ComponentType component_type,
               std::string_view logical_path, std::string_view component_name)
      : writer(ToGuid(writer_id)),
        type(static_cast<VSS_COMPONENT_TYPE>(component_type)),
        path(logical_path),
        name(Widen(component_name)) {}
  VSS_ID writer;
  VSS_COMPONENT_TYPE type;
  OptionalWide path;
  std::wstring name;
};

// REQ-CALL-13: a volume name needs its trailing backslash ("C:" -> "C:\").
std::wstring VolumeName(std::string_view volume);

// The UTF-8 text of `text`, which it frees.
std::string TakeBstr(BSTR text);

// One of the asynchronous IVssBackupComponents methods (GatherWriterMetadata, ...).
using AsyncMethod = HRESULT (STDMETHODCALLTYPE IVssBackupComponents::*)(IVssAsync**);

// Calls `method` and wraps the IVssAsync it hands out (ASYNC-01).
HResult CallAsync(IVssBackupComponents* backup, AsyncMethod method, coordinator::AsyncPtr* async);

// Calls `call(ex)` on the object's `Ex` interface (IVssBackupComponentsEx, ...Ex2, ...):
// methods newer VSS versions added. E_NOTIMPL when the service's object lacks it.
template <class Ex, class Call>
HResult CallOnInterface(IVssBackupComponents* backup, Call call) {
  Ex* ex = nullptr;
  if (FAILED(backup->QueryInterface(__uuidof(Ex), reinterpret_cast<void**>(&ex))) ||
      ex == nullptr) {
    return FromHresult(E_NOTIMPL);
  }
  HRESULT hr = call(ex);
  ex->Release();
  return FromHresult(hr);
}

}  // namespace vsssim::platform::windows

#endif  // VSSSIM_SIM_PLATFORM_WINDOWS_SDK_CALL_H_
