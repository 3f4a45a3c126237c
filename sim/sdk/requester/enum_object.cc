#include "sim/sdk/requester/enum_object.h"

#include <mutex>
#include <utility>

#include "sim/sdk/requester/sdk_glue.h"
#include "sim/sdk/requester/snapshot_props.h"

namespace vsssim::sdk::requester {

EnumObject::EnumObject(std::vector<storage::SnapshotProperties> snapshots, std::size_t next)
    : snapshots_(std::move(snapshots)), next_(next) {}

HRESULT EnumObject::QueryInterface(REFIID iid, void** object) {
  if (object == nullptr) return E_POINTER;
  if (SameIid(iid, kIidUnknown) || SameIid(iid, kIidEnumObject)) {
    *object = static_cast<IVssEnumObject*>(this);
    AddRef();
    return S_OK;
  }
  *object = nullptr;
  return E_NOINTERFACE;
}

ULONG EnumObject::AddRef() { return refs_.AddRef(); }

ULONG EnumObject::Release() {
  const ULONG left = refs_.Release();
  if (left == 0) delete this;
  return left;
}

HRESULT EnumObject::Next(ULONG celt, VSS_OBJECT_PROP* rgelt, ULONG* pceltFetched) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  if (rgelt == nullptr && celt > 0) return BadArgument("IVssEnumObject::Next", "rgelt is NULL");
  // "IEnumXXXX::Next": pceltFetched may be NULL only when celt is 1.
  if (pceltFetched == nullptr && celt != 1) {
    return BadArgument("IVssEnumObject::Next", "pceltFetched is NULL and celt is not 1");
  }
  ULONG fetched = 0;
  while (fetched < celt && next_ < snapshots_.size()) {
    rgelt[fetched].Type = VSS_OBJECT_SNAPSHOT;
    FillSnapshotProp(snapshots_[next_], &rgelt[fetched].Obj.Snap);
    ++fetched;
    ++next_;
  }
  if (pceltFetched != nullptr) *pceltFetched = fetched;
  return fetched == celt ? S_OK : S_FALSE;
}

HRESULT EnumObject::Skip(ULONG celt) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  const std::size_t left = snapshots_.size() - next_;
  if (celt > left) {
    next_ = snapshots_.size();
    return S_FALSE;
  }
  next_ += celt;
  return S_OK;
}

HRESULT EnumObject::Reset() {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  next_ = 0;
  return S_OK;
}

HRESULT EnumObject::Clone(IVssEnumObject** ppenum) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  if (ppenum == nullptr) return BadArgument("IVssEnumObject::Clone", "ppenum is NULL");
  *ppenum = new EnumObject(snapshots_, next_);
  return S_OK;
}

}  // namespace vsssim::sdk::requester
