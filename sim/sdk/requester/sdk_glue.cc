#include "sim/sdk/requester/sdk_glue.h"

#include <cstring>
#include <string>


namespace vsssim::sdk::requester {
namespace {

// Code points of a wide string: UTF-16 where WCHAR has 16 bits (Windows), UTF-32 otherwise.
std::u32string CodePoints(const WCHAR* text) {
  std::u32string out;
  for (const WCHAR* p = text; *p != 0; ++p) {
    char32_t c = static_cast<char32_t>(*p);
    if (sizeof(WCHAR) == 2 && c >= 0xD800 && c < 0xDC00 && p[1] >= 0xDC00 && p[1] < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (static_cast<char32_t>(p[1]) - 0xDC00);
      ++p;
    }
    out.push_back(c);
  }
  return out;
}

std::basic_string<WCHAR> Wide(std::string_view utf8) {
  std::basic_string<WCHAR> out;
  for (std::size_t i = 0; i < utf8.size();) {
    const unsigned char b = static_cast<unsigned char>(utf8[i]);
    const int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    char32_t c = extra == 0 ? b : b & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < utf8.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    i += extra + 1;
    if (sizeof(WCHAR) == 2 && c >= 0x10000) {
      out.push_back(static_cast<WCHAR>(0xD800 + ((c - 0x10000) >> 10)));
      out.push_back(static_cast<WCHAR>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<WCHAR>(c));
    }
  }
  return out;
}

}  // namespace

std::string Utf8(const WCHAR* text) {
  std::string out;
  if (text == nullptr) return out;
  for (char32_t c : CodePoints(text)) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

BSTR NewBstr(std::string_view utf8) {
  const std::basic_string<WCHAR> wide = Wide(utf8);
  return SysAllocStringLen(wide.c_str(), static_cast<UINT>(wide.size()));
}

VSS_PWSZ NewTaskString(std::string_view utf8) {
  const std::basic_string<WCHAR> wide = Wide(utf8);
  const std::size_t bytes = (wide.size() + 1) * sizeof(WCHAR);
  auto* out = static_cast<VSS_PWSZ>(CoTaskMemAlloc(bytes));
  if (out != nullptr) std::memcpy(out, wide.c_str(), bytes);
  return out;
}

VSS_ID ToVssId(const Guid& guid) {
  VSS_ID id;
  id.Data1 = guid.data1;
  id.Data2 = guid.data2;
  id.Data3 = guid.data3;
  std::memcpy(id.Data4, guid.data4.data(), 8);
  return id;
}

Guid ToGuid(const VSS_ID& id) {
  Guid guid;
  guid.data1 = id.Data1;
  guid.data2 = id.Data2;
  guid.data3 = id.Data3;
  std::memcpy(guid.data4.data(), id.Data4, 8);
  return guid;
}

HRESULT BadCall(std::string_view rule, std::string_view method, std::string_view what,
                HRESULT result) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  std::string message(method);
  message += ": ";
  message += what;
  CurrentService().trace().Append(trace::EntryKind::kFinding, "sdk", "vss", message,
                                  {{"method", method}}, rule);
  return result;
}

}  // namespace vsssim::sdk::requester
