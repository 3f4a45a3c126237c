// The MSVC/CRT extensions and the ATL subset that SDK sources use (include/linux/
// vsssim_msvc_compat.h, strsafe.h, include/msvc/atlbase.h), on Linux.
#include <gtest/gtest.h>

#include <string>

// clang-format off
#include <windows.h>
#include <strsafe.h>
#include <tchar.h>
#include <atlbase.h>
// clang-format on

// {0bada1e5-1234-4cde-8f00-00000000abcd}
DEFINE_GUID(kDefinedId, 0x0bada1e5, 0x1234, 0x4cde, 0x8f, 0x00, 0x00, 0x00, 0x00, 0x00, 0xab, 0xcd);

namespace {

const wchar_t* NameOfThisFunction() { return L__FUNCTION__; }

// Checks that L__FUNCTION__ and __FUNCTIONW__ give the enclosing function's name as a wide
// string, the same pointer each time.
TEST(Sdk_MsvcCompat, WideFunctionName) {
  EXPECT_EQ(std::wstring(NameOfThisFunction()), L"NameOfThisFunction");
  EXPECT_EQ(NameOfThisFunction(), NameOfThisFunction());
  EXPECT_EQ(std::wstring(__FUNCTIONW__), L"TestBody");
}

// Checks the secure CRT copies: success, and on a too-small buffer ERANGE with "" left.
TEST(Sdk_MsvcCompat, SecureCopiesReportTruncation) {
  wchar_t buffer[6];
  EXPECT_EQ(wcscpy_s(buffer, L"abc"), 0);
  EXPECT_EQ(std::wstring(buffer), L"abc");
  EXPECT_EQ(wcscat_s(buffer, L"de"), 0);
  EXPECT_EQ(std::wstring(buffer), L"abcde");
  EXPECT_EQ(wcscat_s(buffer, L"f"), ERANGE);
  EXPECT_EQ(std::wstring(buffer), L"");
  EXPECT_EQ(wcscpy_s(buffer, L"toolong"), ERANGE);
  EXPECT_EQ(buffer[0], L'\0');
  EXPECT_EQ(wcscpy_s(buffer, nullptr), EINVAL);
  EXPECT_EQ(swprintf_s(buffer, L"%d-%ls", 7, L"x"), 3);
  EXPECT_EQ(std::wstring(buffer), L"7-x");
  EXPECT_EQ(_wcsicmp(L"Writer", L"wRITER"), 0);
  EXPECT_LT(_wcsicmp(L"a", L"B"), 0);
  EXPECT_EQ(_wcsnicmp(L"abcX", L"ABCy", 3), 0);
}

// Checks _snwprintf_s's count and _TRUNCATE, and the generic-text names of <tchar.h>.
TEST(Sdk_MsvcCompat, CountedPrintfAndGenericText) {
  wchar_t buffer[8];
  EXPECT_EQ(_snwprintf_s(buffer, 8, 3, L"%ls", L"abcdef"), -1);
  EXPECT_EQ(std::wstring(buffer), L"abc");
  EXPECT_EQ(_snwprintf_s(buffer, 8, _TRUNCATE, L"%d", 1234), 4);
  EXPECT_EQ(std::wstring(buffer), L"1234");
  const TCHAR* text = _T("Writer");
  EXPECT_EQ(_tcslen(text), 6u);
  EXPECT_EQ(_tcsicmp(text, L"WRITER"), 0);
}

// Checks that GUIDs read from text (CLSIDFromString, IIDFromString, UuidFromStringW) equal
// DEFINE_GUID's, StringFromCLSID writes them back, and malformed text is refused with the
// documented code.
TEST(Sdk_MsvcCompat, GuidsFromAndToText) {
  CLSID id{};
  EXPECT_EQ(CLSIDFromString(L"{0BADA1E5-1234-4cde-8F00-00000000ABCD}", &id), S_OK);
  EXPECT_TRUE(IsEqualGUID(id, kDefinedId));
  IID iid{};
  EXPECT_EQ(IIDFromString(L"{0bada1e5-1234-4cde-8f00-00000000abcd}", &iid), S_OK);
  EXPECT_TRUE(IsEqualGUID(iid, kDefinedId));
  GUID uuid{};
  EXPECT_EQ(UuidFromStringW(L"0bada1e5-1234-4cde-8f00-00000000abcd", &uuid), RPC_S_OK);
  EXPECT_TRUE(IsEqualGUID(uuid, kDefinedId));
  LPOLESTR text = nullptr;
  ASSERT_EQ(StringFromCLSID(kDefinedId, &text), S_OK);
  EXPECT_EQ(std::wstring(text), L"{0BADA1E5-1234-4CDE-8F00-00000000ABCD}");
  CoTaskMemFree(text);
  EXPECT_EQ(CLSIDFromString(L"0bada1e5-1234-4cde-8f00-00000000abcd", &id), CO_E_CLASSSTRING);
  EXPECT_EQ(CLSIDFromString(L"{0bada1e5-1234-4cde-8f00-00000000abcZ}", &id), CO_E_CLASSSTRING);
  EXPECT_EQ(IIDFromString(L"{0bada1e5_1234-4cde-8f00-00000000abcd}", &iid), E_INVALIDARG);
  EXPECT_EQ(UuidFromStringW(L"{0bada1e5-1234-4cde-8f00-00000000abcd}", &uuid),
            RPC_S_INVALID_STRING_UUID);
  LONG count = 0;
  EXPECT_EQ(InterlockedIncrement(&count), 1);
  EXPECT_EQ(InterlockedDecrement(&count), 0);
  EXPECT_EQ(lstrcmpiW(L"ABC", L"abc"), 0);
  EXPECT_EQ(lstrlenW(L"abcd"), 4);
}

// Checks StringCch*: truncation gives STRSAFE_E_INSUFFICIENT_BUFFER and the truncated text;
// a zero size is STRSAFE_E_INVALID_PARAMETER.
TEST(Sdk_MsvcCompat, StringCchTruncatesAndSaysSo) {
  wchar_t buffer[5];
  EXPECT_EQ(StringCchCopyW(buffer, 5, L"abcd"), S_OK);
  EXPECT_EQ(StringCchCopyW(buffer, 5, L"abcdef"), STRSAFE_E_INSUFFICIENT_BUFFER);
  EXPECT_EQ(std::wstring(buffer), L"abcd");
  EXPECT_EQ(StringCchCopy(buffer, 0, L"a"), STRSAFE_E_INVALID_PARAMETER);
  EXPECT_EQ(StringCchCopyW(buffer, 5, L"ab"), S_OK);
  EXPECT_EQ(StringCchCatW(buffer, 5, L"cdef"), STRSAFE_E_INSUFFICIENT_BUFFER);
  EXPECT_EQ(std::wstring(buffer), L"abcd");
  EXPECT_EQ(StringCchPrintfW(buffer, 5, L"%d", 42), S_OK);
  EXPECT_EQ(std::wstring(buffer), L"42");
  size_t length = 99;
  EXPECT_EQ(StringCchLengthW(buffer, 5, &length), S_OK);
  EXPECT_EQ(length, 2u);
}

// A COM object that counts its references.
class Counted : public IUnknown {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID, void** out) override {
    if (out == nullptr) return E_POINTER;
    *out = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++refs; }
  ULONG STDMETHODCALLTYPE Release() override { return --refs; }
  ULONG refs = 1;
};

// Checks that CComPtr holds exactly one reference per pointer and gives it back.
TEST(Sdk_Atl, CComPtrCountsReferences) {
  Counted object;
  {
    CComPtr<IUnknown> a(&object);
    EXPECT_EQ(object.refs, 2u);
    CComPtr<IUnknown> b = a;
    EXPECT_EQ(object.refs, 3u);
    CComPtr<IUnknown> c(std::move(b));
    EXPECT_EQ(object.refs, 3u);
    EXPECT_TRUE(!b);
    IUnknown* copy = nullptr;
    EXPECT_EQ(c.CopyTo(&copy), S_OK);
    EXPECT_EQ(object.refs, 4u);
    copy->Release();
    IUnknown* detached = a.Detach();
    EXPECT_EQ(object.refs, 3u);
    detached->Release();
  }
  EXPECT_EQ(object.refs, 1u);
  CComPtr<IUnknown> out;
  IUnknown** slot = &out;
  *slot = &object;  // an out-parameter filled by a callee that AddRef'd
  object.AddRef();
  out.Release();
  EXPECT_EQ(object.refs, 1u);
}

// Checks CComBSTR's ownership, length, append and comparison.
TEST(Sdk_Atl, CComBSTROwnsItsString) {
  CComBSTR name(L"Writer");
  EXPECT_EQ(name.Length(), 6u);
  name.Append(L"One");
  EXPECT_TRUE(name == L"WriterOne");
  CComBSTR copy(name);
  EXPECT_NE(static_cast<BSTR>(copy), static_cast<BSTR>(name));
  EXPECT_TRUE(copy == L"WriterOne");
  BSTR out = nullptr;
  EXPECT_EQ(copy.CopyTo(&out), S_OK);
  EXPECT_EQ(SysStringLen(out), 9u);
  SysFreeString(out);
  BSTR detached = copy.Detach();
  EXPECT_TRUE(!copy);
  SysFreeString(detached);
  CComBSTR empty;
  EXPECT_EQ(empty.Length(), 0u);
  EXPECT_TRUE(empty == nullptr);
}

}  // namespace
