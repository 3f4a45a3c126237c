// VSS_ID (the SDK's GUID) <-> vsssim::Guid. The two have the same fields (Data1..Data4), so
// the conversion is field by field; it is the same on Linux and Windows.
//
// Thread safety: pure functions.
#ifndef VSSSIM_SDK_COMMON_VSS_ID_H_
#define VSSSIM_SDK_COMMON_VSS_ID_H_

#include "vsssim/vss/guid.h"

#include "sim/sdk/common/sdk_api.h"  // last (sdk_api.h)

namespace vsssim::sdk {

inline Guid ToGuid(const VSS_ID& id) {
  Guid guid;
  guid.data1 = id.Data1;
  guid.data2 = id.Data2;
  guid.data3 = id.Data3;
  for (int i = 0; i < 8; ++i) guid.data4[i] = id.Data4[i];
  return guid;
}

inline VSS_ID ToVssId(const Guid& guid) {
  VSS_ID id;
  id.Data1 = guid.data1;
  id.Data2 = guid.data2;
  id.Data3 = guid.data3;
  for (int i = 0; i < 8; ++i) id.Data4[i] = guid.data4[i];
  return id;
}

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_COMMON_VSS_ID_H_
