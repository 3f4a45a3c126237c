// What every COM object of the requester side shares (docs/sdk.md): the SDK's headers with
// vsbackup.h, the reference count of sim/sdk/common (IUnknown as documented: Release returns
// the new count, the object frees itself at 0; QueryInterface gives E_NOINTERFACE for an
// interface it does not implement, E_POINTER for a null out-parameter) and the interface ids
// of vsbackup.h / vss.h. Include it (or a header that does) LAST, after every vsssim header
// (sim/sdk/common/sdk_api.h says why).
//
// Thread safety: constants.
#ifndef VSSSIM_SDK_REQUESTER_COM_OBJECT_H_
#define VSSSIM_SDK_REQUESTER_COM_OBJECT_H_

#include "sim/sdk/common/com_object.h"  // last but vsbackup.h (sim/sdk/common/sdk_api.h)
// clang-format off
#include <vsbackup.h>
// clang-format on

namespace vsssim::sdk::requester {

using sdk::SdkBool;  // the SDK's `bool`, mingw-w64's `boolean`

using sdk::RefCount;  // sim/sdk/common/com_object.h
using sdk::SameIid;

// Interface ids as vsbackup.h / vss.h give them (__declspec(uuid) in the SDK).
inline constexpr const GUID& kIidUnknown = sdk::kIidIUnknown;
inline constexpr GUID kIidBackupComponents = {
    0x665c1d5f, 0xc218, 0x414d, {0xa0, 0x5d, 0x7f, 0xef, 0x5f, 0x9d, 0x5c, 0x86}};
inline constexpr GUID kIidBackupComponentsEx = {
    0x963f03ad, 0x9e4c, 0x4a34, {0xac, 0x15, 0xe4, 0xb6, 0x17, 0x4e, 0x50, 0x36}};
inline constexpr GUID kIidBackupComponentsEx2 = {
    0xacfe2b3a, 0x22c9, 0x4ef8, {0xbd, 0x03, 0x2f, 0x9c, 0xa2, 0x30, 0x08, 0x4e}};
inline constexpr GUID kIidBackupComponentsEx3 = {
    0xc191bfbc, 0xb602, 0x4675, {0x8b, 0xd1, 0x67, 0xd6, 0x42, 0xf5, 0x29, 0xd5}};
inline constexpr GUID kIidBackupComponentsEx4 = {
    0xf434c2fd, 0xb553, 0x4961, {0xa9, 0xf9, 0xa8, 0xe9, 0x0b, 0x67, 0x3e, 0x53}};
inline constexpr GUID kIidExamineWriterMetadata = {
    0x902fcf7f, 0xb7fd, 0x42f8, {0x81, 0xf1, 0xb2, 0xe4, 0x00, 0xb1, 0xe5, 0xbd}};
inline constexpr GUID kIidExamineWriterMetadataEx = {
    0x0c0e5ec0, 0xca44, 0x472b, {0xb7, 0x02, 0xe6, 0x52, 0xdb, 0x1c, 0x04, 0x51}};
inline constexpr GUID kIidExamineWriterMetadataEx2 = {
    0xce115780, 0xa611, 0x431b, {0xb5, 0x7f, 0xc3, 0x83, 0x03, 0xab, 0x6a, 0xee}};
inline constexpr GUID kIidAsync = {
    0x507c37b4, 0xcf5b, 0x4e95, {0xb0, 0xaf, 0x14, 0xeb, 0x97, 0x67, 0x46, 0x7e}};
inline constexpr GUID kIidEnumObject = {
    0xae1c7110, 0x2f60, 0x11d3, {0x8a, 0x39, 0x00, 0xc0, 0x4f, 0x72, 0xd8, 0xe3}};

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_COM_OBJECT_H_
