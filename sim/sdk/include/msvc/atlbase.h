// The small part of ATL's atlbase.h that VSS writers and requesters use, for building them
// against vsssim on Linux and with mingw-w64 (which has no ATL): CComPtr<T> and CComBSTR, with
// the members Microsoft documents for them (learn.microsoft.com: "CComPtr Class",
// "CComPtrBase Class", "CComBSTR Class"). Nothing else of ATL is here: no CComQIPtr, CComObject,
// CComModule / CAtlModule, CString / CAtlString, CComVariant, COM servers or the ATL_* macros.
// docs/sdk.md says how to build code that needs more.
//
// Written for vsssim; not Microsoft's header.
#ifndef VSSSIM_SDK_ATLBASE_H_
#define VSSSIM_SDK_ATLBASE_H_

#include <windows.h>
#ifdef _WIN32
#include <oleauto.h>
#endif

#include <cstddef>
#include <cwchar>
#include <memory>

namespace ATL {

// CComPtrBase / CComPtr: owns one reference of a COM interface pointer.
template <class T>
class CComPtr {
 public:
  CComPtr() noexcept : p(nullptr) {}
  CComPtr(T* lp) noexcept : p(lp) {  // NOLINT: implicit, as ATL's
    if (p != nullptr) p->AddRef();
  }
  CComPtr(const CComPtr& other) noexcept : CComPtr(other.p) {}
  CComPtr(CComPtr&& other) noexcept : p(other.p) { other.p = nullptr; }
  ~CComPtr() { Release(); }

  T* operator=(T* lp) noexcept {
    if (lp != nullptr) lp->AddRef();
    Release();
    p = lp;
    return p;
  }
  T* operator=(const CComPtr& other) noexcept { return *this = other.p; }
  T* operator=(CComPtr&& other) noexcept {
    if (this != std::addressof(other)) {
      Release();
      p = other.p;
      other.p = nullptr;
    }
    return p;
  }

  operator T*() const noexcept { return p; }  // NOLINT: implicit, as ATL's
  T& operator*() const { return *p; }
  T* operator->() const noexcept { return p; }
  // ATL asserts that p is NULL here (the out-parameter must not leak a reference).
  T** operator&() noexcept { return &p; }
  bool operator!() const noexcept { return p == nullptr; }
  bool operator==(T* other) const noexcept { return p == other; }
  bool operator!=(T* other) const noexcept { return p != other; }
  bool operator<(T* other) const noexcept { return p < other; }

  void Release() noexcept {
    T* temp = p;
    if (temp != nullptr) {
      p = nullptr;
      temp->Release();
    }
  }
  void Attach(T* p2) noexcept {
    Release();
    p = p2;
  }
  T* Detach() noexcept {
    T* temp = p;
    p = nullptr;
    return temp;
  }
  HRESULT CopyTo(T** ppT) noexcept {
    if (ppT == nullptr) return E_POINTER;
    *ppT = p;
    if (p != nullptr) p->AddRef();
    return S_OK;
  }
  bool IsEqualObject(IUnknown* other) noexcept {
    if (p == nullptr && other == nullptr) return true;
    if (p == nullptr || other == nullptr) return false;
    return static_cast<IUnknown*>(p) == other;
  }

  T* p;
};

// CComBSTR: owns one BSTR.
class CComBSTR {
 public:
  CComBSTR() noexcept : m_str(nullptr) {}
  CComBSTR(LPCOLESTR src) : m_str(src == nullptr ? nullptr : ::SysAllocString(src)) {}  // NOLINT
  CComBSTR(int length, LPCOLESTR src)
      : m_str(::SysAllocStringLen(src, static_cast<UINT>(length))) {}
  CComBSTR(const CComBSTR& other) : m_str(other.Copy()) {}
  CComBSTR(CComBSTR&& other) noexcept : m_str(other.m_str) { other.m_str = nullptr; }
  ~CComBSTR() { ::SysFreeString(m_str); }

  CComBSTR& operator=(const CComBSTR& other) {
    if (this != std::addressof(other)) {
      ::SysFreeString(m_str);
      m_str = other.Copy();
    }
    return *this;
  }
  CComBSTR& operator=(CComBSTR&& other) noexcept {
    if (this != std::addressof(other)) {
      ::SysFreeString(m_str);
      m_str = other.m_str;
      other.m_str = nullptr;
    }
    return *this;
  }
  CComBSTR& operator=(LPCOLESTR src) {
    if (src != m_str) {
      ::SysFreeString(m_str);
      m_str = src == nullptr ? nullptr : ::SysAllocString(src);
    }
    return *this;
  }

  operator BSTR() const noexcept { return m_str; }  // NOLINT: implicit, as ATL's
  BSTR* operator&() noexcept { return &m_str; }
  bool operator!() const noexcept { return m_str == nullptr; }

  unsigned int Length() const noexcept { return ::SysStringLen(m_str); }
  unsigned int ByteLength() const noexcept {
    return ::SysStringLen(m_str) * static_cast<unsigned int>(sizeof(OLECHAR));
  }
  BSTR Copy() const {
    return m_str == nullptr ? nullptr : ::SysAllocStringLen(m_str, ::SysStringLen(m_str));
  }
  HRESULT CopyTo(BSTR* pbstr) const {
    if (pbstr == nullptr) return E_POINTER;
    *pbstr = Copy();
    return (*pbstr == nullptr && m_str != nullptr) ? E_OUTOFMEMORY : S_OK;
  }
  void Attach(BSTR src) noexcept {
    if (m_str != src) {
      ::SysFreeString(m_str);
      m_str = src;
    }
  }
  BSTR Detach() noexcept {
    BSTR s = m_str;
    m_str = nullptr;
    return s;
  }
  void Empty() noexcept {
    ::SysFreeString(m_str);
    m_str = nullptr;
  }
  HRESULT Append(LPCOLESTR text, int length) {
    if (text == nullptr || length == 0) return S_OK;
    const unsigned int old = Length();
    BSTR joined = ::SysAllocStringLen(nullptr, old + static_cast<unsigned int>(length));
    if (joined == nullptr) return E_OUTOFMEMORY;
    for (unsigned int i = 0; i < old; ++i) joined[i] = m_str[i];
    for (int i = 0; i < length; ++i) joined[old + static_cast<unsigned int>(i)] = text[i];
    joined[old + static_cast<unsigned int>(length)] = 0;
    ::SysFreeString(m_str);
    m_str = joined;
    return S_OK;
  }
  HRESULT Append(LPCOLESTR text) {
    if (text == nullptr) return S_OK;
    int length = 0;
    while (text[length] != 0) ++length;
    return Append(text, length);
  }
  HRESULT Append(const CComBSTR& other) {
    return Append(other.m_str, static_cast<int>(other.Length()));
  }
  HRESULT AppendBSTR(BSTR text) { return Append(text, static_cast<int>(::SysStringLen(text))); }
  CComBSTR& operator+=(LPCOLESTR text) {
    Append(text);
    return *this;
  }
  CComBSTR& operator+=(const CComBSTR& other) {
    Append(other);
    return *this;
  }
  bool operator==(LPCOLESTR other) const {
    const unsigned int n = Length();
    if (other == nullptr) return n == 0;
    unsigned int i = 0;
    for (; i < n; ++i) {
      if (other[i] != m_str[i]) return false;
    }
    return other[i] == 0;
  }
  bool operator!=(LPCOLESTR other) const { return !(*this == other); }

  BSTR m_str;
};

}  // namespace ATL

#ifndef _ATL_NO_AUTOMATIC_NAMESPACE
using namespace ATL;  // as ATL does unless _ATL_NO_AUTOMATIC_NAMESPACE is defined
#endif

#endif  // VSSSIM_SDK_ATLBASE_H_
