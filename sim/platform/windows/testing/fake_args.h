// Argument rendering and call recording for the fake VSS COM objects used to test the
// Windows engine's mapping under Wine. Test-only.
#ifndef VSSSIM_SIM_PLATFORM_WINDOWS_TESTING_FAKE_ARGS_H_
#define VSSSIM_SIM_PLATFORM_WINDOWS_TESTING_FAKE_ARGS_H_

#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "sim/platform/windows/wide_string.h"

// clang-format off
#include <vss.h>
#include <vswriter.h>
#include <vsbackup.h>
#include <oleauto.h>
// clang-format on

namespace vsssim::platform::windows::testing {

inline std::string FakeArg(const wchar_t* text) {
  return text == nullptr ? std::string("NULL") : "\"" + Narrow(text) + "\"";
}
inline std::string FakeArg(wchar_t* text) { return FakeArg(static_cast<const wchar_t*>(text)); }
inline std::string FakeArg(const GUID& id) { return FromGuid(id).ToString(); }
template <class T>
std::enable_if_t<std::is_arithmetic_v<T> || std::is_enum_v<T>, std::string> FakeArg(T value) {
  return std::to_string(static_cast<long long>(value));
}
// Other pointers are out-parameters or arrays: shown by position only.
template <class T>
std::enable_if_t<!std::is_same_v<std::remove_cv_t<T>, wchar_t>, std::string> FakeArg(T*) {
  return "*";
}

// Records "Method(arg,arg)" lines and answers each method with the HRESULT a test scripted.
class FakeRecorder {
 public:
  std::vector<std::string> calls;
  std::map<std::string, HRESULT> results;  // by method name; S_OK when absent

 protected:
  HRESULT Record(std::string call) {
    std::string name = call.substr(0, call.find('('));
    calls.push_back(std::move(call));
    auto it = results.find(name);
    return it == results.end() ? S_OK : it->second;
  }
};

}  // namespace vsssim::platform::windows::testing

#endif  // VSSSIM_SIM_PLATFORM_WINDOWS_TESTING_FAKE_ARGS_H_
