// IVssEnumObject over the snapshots IVssBackupComponents::Query found (VSS_OBJECT_PROP with
// Type VSS_OBJECT_SNAPSHOT and Obj.Snap). Next fills up to `celt` entries (the caller frees
// each with VssFreeSnapshotProperties) and returns S_FALSE when fewer were left ("IVssEnumObject
// ::Next"); Skip likewise; Clone copies the list and the position.
//
// Thread safety: every method takes sdk::ServiceLock().
#ifndef VSSSIM_SDK_REQUESTER_ENUM_OBJECT_H_
#define VSSSIM_SDK_REQUESTER_ENUM_OBJECT_H_

#include <cstddef>
#include <vector>

#include "sim/sdk/service.h"
#include "vsssim/storage/provider.h"

#include "sim/sdk/requester/com_object.h"

namespace vsssim::sdk::requester {

class EnumObject final : public IVssEnumObject {
 public:
  explicit EnumObject(std::vector<storage::SnapshotProperties> snapshots, std::size_t next = 0);

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override;
  ULONG STDMETHODCALLTYPE AddRef() override;
  ULONG STDMETHODCALLTYPE Release() override;

  HRESULT STDMETHODCALLTYPE Next(ULONG celt, VSS_OBJECT_PROP* rgelt, ULONG* pceltFetched) override;
  HRESULT STDMETHODCALLTYPE Skip(ULONG celt) override;
  HRESULT STDMETHODCALLTYPE Reset() override;
  HRESULT STDMETHODCALLTYPE Clone(IVssEnumObject** ppenum) override;

 private:
  ~EnumObject() = default;

  RefCount refs_;
  std::vector<storage::SnapshotProperties> snapshots_;
  std::size_t next_;
};

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_ENUM_OBJECT_H_
