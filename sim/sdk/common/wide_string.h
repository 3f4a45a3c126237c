// Wide strings at the boundary between Microsoft's API and the simulator (docs/sdk.md). The
// simulator speaks UTF-8; the SDK speaks WCHAR strings: UTF-32 on Linux (wchar_t is 32 bits)
// and UTF-16 on Windows (16 bits). One pair of functions handles both, chosen by the size of
// wchar_t. Invalid input (a lone surrogate, a code point above U+10FFFF, bad UTF-8) becomes
// U+FFFD, never an error: names reach the trace as they were meant, as far as they can be.
//
// Thread safety: pure functions.
#ifndef VSSSIM_SDK_COMMON_WIDE_STRING_H_
#define VSSSIM_SDK_COMMON_WIDE_STRING_H_

#include <string>
#include <string_view>

namespace vsssim::sdk {

// UTF-8 of a null-terminated wide string; a null pointer gives "".
std::string ToUtf8(const wchar_t* text);
std::string ToUtf8(std::wstring_view text);
// The wide string of UTF-8 text.
std::wstring ToWide(std::string_view text);

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_COMMON_WIDE_STRING_H_
