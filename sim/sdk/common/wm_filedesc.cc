#include <string>
#include <utility>

#include "sim/sdk/common/bstr.h"  // last (sdk_api.h)
#include "sim/sdk/common/finding.h"
#include "sim/sdk/common/wm_filedesc.h"

namespace vsssim::sdk {
namespace {

// IVssWMFiledesc (vswriter.h). Every method: E_INVALIDARG for a NULL out-parameter ("One of
// the parameter values is not valid"), with a SIM-SDK-01 finding.
class WmFiledesc final : public IVssWMFiledesc {
 public:
  WmFiledesc(FiledescData data, std::string actor)
      : data_(std::move(data)), actor_(std::move(actor)) {}

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    return QueryInterfaceOf<IVssWMFiledesc>(this, this, riid, out, {});
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return refs_.AddRef(); }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG count = refs_.Release();
    if (count == 0) delete this;
    return count;
  }

  HRESULT STDMETHODCALLTYPE GetPath(BSTR* out) override {
    return Out("IVssWMFiledesc::GetPath", out, data_.path);
  }
  HRESULT STDMETHODCALLTYPE GetFilespec(BSTR* out) override {
    return Out("IVssWMFiledesc::GetFilespec", out, data_.filespec);
  }
  HRESULT STDMETHODCALLTYPE GetRecursive(SdkBool* out) override {
    if (out == nullptr) return Null("IVssWMFiledesc::GetRecursive");
    *out = data_.recursive;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetAlternateLocation(BSTR* out) override {
    if (out == nullptr) return Null("IVssWMFiledesc::GetAlternateLocation");
    *out = nullptr;
    if (data_.alternate_location.empty()) return S_FALSE;
    return SetBstr(data_.alternate_location, out);
  }
  HRESULT STDMETHODCALLTYPE GetBackupTypeMask(DWORD* out) override {
    if (out == nullptr) return Null("IVssWMFiledesc::GetBackupTypeMask");
    *out = data_.backup_type_mask;
    return S_OK;
  }

 private:
  HRESULT Null(const char* call) {
    return RecordFinding(actor_, call, E_INVALIDARG, "NULL out-parameter");
  }
  HRESULT Out(const char* call, BSTR* out, const std::string& value) {
    if (out == nullptr) return Null(call);
    return SetBstr(value, out);
  }

  RefCount refs_;
  const FiledescData data_;
  const std::string actor_;
};

}  // namespace

IVssWMFiledesc* NewWmFiledesc(FiledescData data, std::string actor) {
  return new WmFiledesc(std::move(data), std::move(actor));
}

}  // namespace vsssim::sdk
