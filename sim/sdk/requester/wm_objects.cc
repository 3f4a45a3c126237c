// Minimal requester-side IVssWMFiledesc, IVssWMDependency and IVssComponent, until the writer
// side's (sim/sdk/common/) are merged: the getters a requester uses answer from the
// simulator's objects; the IVssComponent methods a requester has no use for (the writer-side
// setters, which the BCD-WIN-05 placement table refuses a requester anyway, and the
// differenced/partial/directed file lists) return E_NOTIMPL with a SIM-SDK-02 finding.
#include "sim/sdk/requester/wm_objects.h"

#include <mutex>
#include <string>

#include "sim/sdk/requester/sdk_glue.h"

namespace vsssim::sdk::requester {
namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

// The common IUnknown of the three classes.
template <typename Interface>
class Counted : public Interface {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    if (object == nullptr) return E_POINTER;
    if (SameIid(iid, kIidUnknown)) {
      *object = static_cast<IUnknown*>(this);
      this->AddRef();
      return S_OK;
    }
    *object = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return refs_.Add(); }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG left = refs_.Drop();
    if (left == 0) delete this;
    return left;
  }

 protected:
  virtual ~Counted() = default;

 private:
  RefCount refs_;
};

// A string out-parameter: S_OK with the text, S_FALSE (nothing) with NULL.
HRESULT StringOut(const char* method, HResult result, const std::string& text, BSTR* out) {
  const HRESULT code = ToHresult(result);
  if (FAILED(code)) return code;
  *out = code == S_OK ? NewBstr(text) : nullptr;
  (void)method;
  return code;
}

class Filedesc final : public Counted<IVssWMFiledesc> {
 public:
  explicit Filedesc(metadata::WMFiledesc file) : file_(std::move(file)) {}
  HRESULT STDMETHODCALLTYPE GetPath(BSTR* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr) return BadArgument("IVssWMFiledesc::GetPath", "pbstrPath is NULL");
    std::string text;
    return StringOut("GetPath", file_.GetPath(&text), text, out);
  }
  HRESULT STDMETHODCALLTYPE GetFilespec(BSTR* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr) return BadArgument("IVssWMFiledesc::GetFilespec", "pbstrFilespec is NULL");
    std::string text;
    return StringOut("GetFilespec", file_.GetFilespec(&text), text, out);
  }
  HRESULT STDMETHODCALLTYPE GetRecursive(SdkBool* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr) return BadArgument("IVssWMFiledesc::GetRecursive", "pbRecursive is NULL");
    bool recursive = false;
    const HRESULT code = ToHresult(file_.GetRecursive(&recursive));
    *out = recursive;
    return code;
  }
  HRESULT STDMETHODCALLTYPE GetAlternateLocation(BSTR* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr) {
      return BadArgument("IVssWMFiledesc::GetAlternateLocation", "pbstrAlternateLocation is NULL");
    }
    std::string text;
    return StringOut("GetAlternateLocation", file_.GetAlternateLocation(&text), text, out);
  }
  HRESULT STDMETHODCALLTYPE GetBackupTypeMask(DWORD* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr) {
      return BadArgument("IVssWMFiledesc::GetBackupTypeMask", "pdwTypeMask is NULL");
    }
    vss::FileSpecBackupType mask;
    const HRESULT code = ToHresult(file_.GetBackupTypeMask(&mask));
    if (SUCCEEDED(code)) *out = static_cast<DWORD>(mask);
    return code;
  }

 private:
  metadata::WMFiledesc file_;
};

class Dependency final : public Counted<IVssWMDependency> {
 public:
  explicit Dependency(metadata::WMDependency dependency) : dependency_(std::move(dependency)) {}
  HRESULT STDMETHODCALLTYPE GetWriterId(VSS_ID* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr) return BadArgument("IVssWMDependency::GetWriterId", "pWriterId is NULL");
    Guid id;
    const HRESULT code = ToHresult(dependency_.GetWriterId(&id));
    if (SUCCEEDED(code)) *out = ToVssId(id);
    return code;
  }
  HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr) {
      return BadArgument("IVssWMDependency::GetLogicalPath", "pbstrLogicalPath is NULL");
    }
    std::string text;
    return StringOut("GetLogicalPath", dependency_.GetLogicalPath(&text), text, out);
  }
  HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr) {
      return BadArgument("IVssWMDependency::GetComponentName", "pbstrComponentName is NULL");
    }
    std::string text;
    return StringOut("GetComponentName", dependency_.GetComponentName(&text), text, out);
  }

 private:
  metadata::WMDependency dependency_;
};

}  // namespace

IVssWMFiledesc* NewWMFiledesc(const metadata::WMFiledesc& file) { return new Filedesc(file); }

IVssWMDependency* NewWMDependency(const metadata::WMDependency& dependency) {
  return new Dependency(dependency);
}

}  // namespace vsssim::sdk::requester
