#include <string>
#include <utility>

#include "sim/sdk/common/bstr.h"  // last (sdk_api.h)
#include "sim/sdk/common/finding.h"
#include "sim/sdk/common/vss_id.h"
#include "sim/sdk/common/wm_dependency.h"

namespace vsssim::sdk {
namespace {

// IVssWMDependency (vswriter.h): E_INVALIDARG for a NULL out-parameter, with a SIM-SDK-01
// finding.
class WmDependency final : public IVssWMDependency {
 public:
  WmDependency(DependencyData data, std::string actor)
      : data_(std::move(data)), actor_(std::move(actor)) {}

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    return QueryInterfaceOf<IVssWMDependency>(this, this, riid, out, {});
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return refs_.AddRef(); }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG count = refs_.Release();
    if (count == 0) delete this;
    return count;
  }

  HRESULT STDMETHODCALLTYPE GetWriterId(VSS_ID* out) override {
    if (out == nullptr) return Null("IVssWMDependency::GetWriterId");
    *out = ToVssId(data_.writer_id);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* out) override {
    if (out == nullptr) return Null("IVssWMDependency::GetLogicalPath");
    return SetBstr(data_.logical_path, out);
  }
  HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* out) override {
    if (out == nullptr) return Null("IVssWMDependency::GetComponentName");
    return SetBstr(data_.component_name, out);
  }

 private:
  HRESULT Null(const char* call) {
    return RecordFinding(actor_, call, E_INVALIDARG, "NULL out-parameter");
  }

  RefCount refs_;
  const DependencyData data_;
  const std::string actor_;
};

}  // namespace

IVssWMDependency* NewWmDependency(DependencyData data, std::string actor) {
  return new WmDependency(std::move(data), std::move(actor));
}

}  // namespace vsssim::sdk
