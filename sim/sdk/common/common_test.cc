// The shared pieces of the SDK layer: wide strings, VSS_ID <-> Guid, BSTR out-parameters, the
// Linux BSTR/COM functions, and SDK findings.
#include <gtest/gtest.h>

#include <string>

#include "sim/sdk/in_process_machine.h"
#include "sim/sdk/service.h"
#include "vsssim/trace/trace.h"
#include "vsssim/vss/guid.h"

#include "sim/sdk/common/bstr.h"  // last (sdk_api.h)
#include "sim/sdk/common/finding.h"
#include "sim/sdk/common/vss_id.h"
#include "sim/sdk/common/wide_string.h"

namespace vsssim::sdk {
namespace {

// Checks that UTF-8 survives the round trip through wide strings, including characters
// outside the Basic Multilingual Plane, and that bad UTF-8 becomes U+FFFD instead of failing.
TEST(Sdk_Common, WideStringRoundTrip) {
  const std::string text =
      "C:\\Daten\\Gr\xC3\xBC\xC3\x9F"
      "e \xF0\x9F\x98\x80 \xE6\x97\xA5";
  EXPECT_EQ(ToUtf8(ToWide(text)), text);
  EXPECT_EQ(ToWide("\xC3\xBC"), std::wstring(1, static_cast<wchar_t>(0xFC)));
  EXPECT_EQ(ToUtf8(ToWide("a\xFF"
                          "b")),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(ToUtf8(static_cast<const wchar_t*>(nullptr)), "");
}

// Checks that VSS_ID and vsssim::Guid convert field by field, both ways.
TEST(Sdk_Common, VssIdConvertsToGuidAndBack) {
  const Guid guid = *Guid::Parse("e8132975-6f93-4464-a53e-1050253ae220");
  const VSS_ID id = ToVssId(guid);
  EXPECT_EQ(id.Data1, 0xe8132975u);
  EXPECT_EQ(id.Data2, 0x6f93);
  EXPECT_EQ(id.Data4[7], 0x20);
  EXPECT_EQ(ToGuid(id), guid);
}

// Checks the BSTR functions as documented: length prefix, embedded nulls kept by
// SysAllocStringLen, NULL accepted by SysStringLen and SysFreeString.
TEST(Sdk_Common, BstrFunctionsBehaveAsDocumented) {
  BSTR a = SysAllocString(L"writer");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(SysStringLen(a), 6u);
  EXPECT_EQ(SysStringByteLen(a), 6u * sizeof(OLECHAR));
  EXPECT_EQ(std::wstring(a), L"writer");
  const OLECHAR with_null[] = {L'a', 0, L'b'};
  BSTR b = SysAllocStringLen(with_null, 3);
  EXPECT_EQ(SysStringLen(b), 3u);
  EXPECT_EQ(b[2], L'b');
  EXPECT_EQ(b[3], 0);
  EXPECT_EQ(SysStringLen(nullptr), 0u);
  EXPECT_EQ(SysAllocString(nullptr), nullptr);
  SysFreeString(nullptr);
  SysFreeString(a);
  SysFreeString(b);
  BSTR c = nullptr;
  ASSERT_EQ(SetBstr("Gr\xC3\xBC\xC3\x9F"
                    "e",
                    &c),
            S_OK);
  EXPECT_EQ(SysStringLen(c), 5u);
  EXPECT_EQ(Utf8(c),
            "Gr\xC3\xBC\xC3\x9F"
            "e");
  SysFreeString(c);
}

// Checks StringFromGUID2's format and its refusal of a short buffer, and that CoCreateGuid
// gives distinct GUIDs.
TEST(Sdk_Common, GuidFunctions) {
  const VSS_ID id = ToVssId(*Guid::Parse("e8132975-6f93-4464-a53e-1050253ae220"));
  OLECHAR text[39];
  EXPECT_EQ(StringFromGUID2(id, text, 39), 39);
  EXPECT_EQ(std::wstring(text), L"{E8132975-6F93-4464-A53E-1050253AE220}");
  EXPECT_EQ(StringFromGUID2(id, text, 38), 0);
  GUID g1, g2;
  ASSERT_EQ(CoCreateGuid(&g1), S_OK);
  ASSERT_EQ(CoCreateGuid(&g2), S_OK);
  EXPECT_FALSE(IsEqualGUID(g1, g2));
  EXPECT_EQ(CoCreateGuid(nullptr), E_INVALIDARG);
  EXPECT_EQ(CoInitializeEx(nullptr, COINIT_MULTITHREADED), S_OK);
  CoUninitialize();
}

// Checks that RecordFinding returns the HRESULT it was given and appends a finding with the
// rule, the call and the HRESULT's name to the current service's trace.
TEST(Sdk_Common, RecordFindingAppendsToTheCurrentTrace) {
  InProcessMachine machine;
  ScopedService scope(machine);
  EXPECT_EQ(RecordFinding("writer", "IVssComponent::GetBackupStamp", E_POINTER,
                          "pbstrBackupStamp is NULL"),
            E_POINTER);
  const trace::Entry& entry = machine.trace().entries().back();
  EXPECT_EQ(entry.kind, trace::EntryKind::kFinding);
  EXPECT_EQ(entry.rule, "SIM-SDK-01");
  EXPECT_EQ(entry.from, "writer");
  EXPECT_NE(std::string(entry.name).find("pbstrBackupStamp is NULL"), std::string::npos);
  EXPECT_EQ(std::string(entry.name).rfind("IVssComponent::GetBackupStamp", 0), 0u);
}

}  // namespace
}  // namespace vsssim::sdk
