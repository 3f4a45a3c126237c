// Reference counting and QueryInterface for vsssim's COM objects (docs/sdk.md): AddRef and
// Release return the new count and the object deletes itself at 0 (IUnknown::Release);
// QueryInterface answers IUnknown and the interfaces the object lists, E_NOINTERFACE for
// others and E_POINTER for a null out-parameter (IUnknown::QueryInterface).
//
// The IIDs are vsssim's own constants with the SDK's values, so the implementation does not
// depend on how a platform's headers define IID_* symbols.
//
// Thread safety: the count is atomic.
#ifndef VSSSIM_SDK_COMMON_COM_OBJECT_H_
#define VSSSIM_SDK_COMMON_COM_OBJECT_H_

#include <atomic>
#include <cstring>
#include <initializer_list>

#include "sim/sdk/common/sdk_api.h"  // last (sdk_api.h)

namespace vsssim::sdk {

inline constexpr GUID kIidIUnknown = {
    0x00000000, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
inline constexpr GUID kIidIVssComponent = {
    0xD2C72C96, 0xC121, 0x4518, {0xB6, 0x27, 0xE5, 0xA9, 0x3D, 0x01, 0x0E, 0xAD}};
inline constexpr GUID kIidIVssComponentEx = {
    0x156C8B5E, 0xF131, 0x4BD7, {0x9C, 0x97, 0xD1, 0x92, 0x3B, 0xE7, 0xE1, 0xFA}};
inline constexpr GUID kIidIVssComponentEx2 = {
    0x3B5BE0F2, 0x07A9, 0x4E4B, {0xBD, 0xD3, 0xCF, 0xDC, 0x8E, 0x2C, 0x0D, 0x2D}};
inline constexpr GUID kIidIVssCreateWriterMetadataEx = {
    0x9F21981D, 0xD469, 0x4349, {0xB8, 0x07, 0x39, 0xE6, 0x4E, 0x46, 0x74, 0xE1}};

inline bool SameIid(const GUID& a, const GUID& b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// The count of one object; starts at 1 (the reference its creator hands out).
class RefCount {
 public:
  ULONG AddRef() { return ++count_; }
  ULONG Release() { return --count_; }

 private:
  std::atomic<ULONG> count_{1};
};

// QueryInterface for an object whose interfaces are `self` (reached as IUnknown too) when
// `riid` is one of `iids`. Adds a reference on success.
template <class Interface, class Object>
HRESULT QueryInterfaceOf(Object* object, Interface* self, REFIID riid, void** out,
                         std::initializer_list<GUID> iids) {
  if (out == nullptr) return E_POINTER;
  *out = nullptr;
  bool known = SameIid(riid, kIidIUnknown);
  for (const GUID& iid : iids) known = known || SameIid(riid, iid);
  if (!known) return E_NOINTERFACE;
  *out = self;
  object->AddRef();
  return S_OK;
}

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_COMMON_COM_OBJECT_H_
