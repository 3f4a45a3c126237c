// What every COM object of the requester side shares (docs/sdk.md): its reference count and
// the interface ids it answers to. Include it (or a header that does) LAST, after every
// vsssim header (sim/sdk/common/sdk_api.h says why).
//
// IUnknown as documented ("IUnknown::Release": "returns the new reference count"; the object
// frees itself at 0; "IUnknown::QueryInterface": E_NOINTERFACE for an interface it does not
// implement, E_POINTER for a null out-parameter).
//
// Thread safety: the count is atomic; everything else is called under sdk::ServiceLock().
#ifndef VSSSIM_SDK_REQUESTER_COM_OBJECT_H_
#define VSSSIM_SDK_REQUESTER_COM_OBJECT_H_

#include <atomic>
#include <cstring>

#include "sim/sdk/common/sdk_api.h"  // last but vsbackup.h (sdk_api.h)
// clang-format off
#include <vsbackup.h>
// clang-format on

namespace vsssim::sdk::requester {

using sdk::SdkBool;  // the SDK's `bool`, mingw-w64's `boolean`

class RefCount {
 public:
  ULONG Add() { return ++count_; }
  // REQUIRES: the count is above 0.
  ULONG Drop() { return --count_; }

 private:
  std::atomic<ULONG> count_{1};  // the creator's reference
};

inline bool SameIid(REFIID a, const GUID& b) { return std::memcmp(&a, &b, sizeof(GUID)) == 0; }

// Interface ids as vsbackup.h / vss.h give them (__declspec(uuid) in the SDK).
inline const GUID kIidUnknown = {0x00000000, 0x0000, 0x0000, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
inline const GUID kIidBackupComponents = {
    0x665c1d5f, 0xc218, 0x414d, {0xa0, 0x5d, 0x7f, 0xef, 0x5f, 0x9d, 0x5c, 0x86}};
inline const GUID kIidBackupComponentsEx = {
    0x963f03ad, 0x9e4c, 0x4a34, {0xac, 0x15, 0xe4, 0xb6, 0x17, 0x4e, 0x50, 0x36}};
inline const GUID kIidBackupComponentsEx2 = {
    0xacfe2b3a, 0x22c9, 0x4ef8, {0xbd, 0x03, 0x2f, 0x9c, 0xa2, 0x30, 0x08, 0x4e}};
inline const GUID kIidBackupComponentsEx3 = {
    0xc191bfbc, 0xb602, 0x4675, {0x8b, 0xd1, 0x67, 0xd6, 0x42, 0xf5, 0x29, 0xd5}};
inline const GUID kIidBackupComponentsEx4 = {
    0xf434c2fd, 0xb553, 0x4961, {0xa9, 0xf9, 0xa8, 0xe9, 0x0b, 0x67, 0x3e, 0x53}};
inline const GUID kIidExamineWriterMetadata = {
    0x902fcf7f, 0xb7fd, 0x42f8, {0x81, 0xf1, 0xb2, 0xe4, 0x00, 0xb1, 0xe5, 0xbd}};
inline const GUID kIidExamineWriterMetadataEx = {
    0x0c0e5ec0, 0xca44, 0x472b, {0xb7, 0x02, 0xe6, 0x52, 0xdb, 0x1c, 0x04, 0x51}};
inline const GUID kIidExamineWriterMetadataEx2 = {
    0xce115780, 0xa611, 0x431b, {0xb5, 0x7f, 0xc3, 0x83, 0x03, 0xab, 0x6a, 0xee}};
inline const GUID kIidAsync = {
    0x507c37b4, 0xcf5b, 0x4e95, {0xb0, 0xaf, 0x14, 0xeb, 0x97, 0x67, 0x46, 0x7e}};
inline const GUID kIidEnumObject = {
    0xae1c7110, 0x2f60, 0x11d3, {0x8a, 0x39, 0x00, 0xc0, 0x4f, 0x72, 0xd8, 0xe3}};

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_COM_OBJECT_H_
