#include "conformance/plugin/shared_library.h"

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <system_error>

#if defined(__GNUC__)
#include <cxxabi.h>
#endif

#if defined(_WIN32)
#include <windows.h>
#else
#include <dlfcn.h>
#endif

namespace vsssim::conformance {
namespace {

// Absolute, so that "libmywriter.so" means the file in the current directory: dlopen and
// LoadLibraryW would otherwise search the library path instead.
std::filesystem::path Absolute(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::u8path(path);
  std::filesystem::path absolute = std::filesystem::absolute(p, ec);
  return ec ? p : absolute;
}

// The readable name of a mangled C++ symbol, or the symbol itself.
std::string Demangle(const std::string& symbol) {
#if defined(__GNUC__)
  int status = 0;
  char* name = abi::__cxa_demangle(symbol.c_str(), nullptr, nullptr, &status);
  if (status == 0 && name != nullptr) {
    std::string out(name);
    std::free(name);
    return out;
  }
#endif
  return symbol;
}

}  // namespace

std::string SharedLibrary::DescribeOpenError(const std::string& reason,
                                             const std::string& link_hint) {
  // glibc: "<file>: undefined symbol: _ZN6vsssim6writer6WriterC2ERKNS0_14WriterIdentityE".
  constexpr std::string_view kUndefined = "undefined symbol: ";
  const std::size_t at = reason.find(kUndefined);
  if (at == std::string::npos) return reason;
  const std::size_t from = at + kUndefined.size();
  std::size_t to = from;
  while (to < reason.size() && reason[to] != ' ' && reason[to] != ',' && reason[to] != '\n') ++to;
  const std::string symbol = reason.substr(from, to - from);
  const std::string name = Demangle(symbol);
  std::string out = "undefined symbol " + name;
  if (name.rfind("vsssim::", 0) == 0 || name.find(" vsssim::") != std::string::npos) {
    out += ": the plug-in was built without vsssim's libraries; " + link_hint;
  } else if (name != symbol) {
    out += " (" + symbol + ")";
  }
  return out;
}

std::unique_ptr<SharedLibrary> SharedLibrary::OpenPlugin(const std::string& path,
                                                         const std::string& link_target,
                                                         std::string* error) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::u8path(path), ec)) {
    *error = "no such file";
    return nullptr;
  }
  std::string reason;
  std::unique_ptr<SharedLibrary> shared = Open(path, &reason);
  if (!shared) {
    *error = "cannot load the library: " +
             DescribeOpenError(reason, "link it with " + link_target +
                                           " (CMake: target_link_libraries(<plug-in> PRIVATE " +
                                           link_target + "))");
  }
  return shared;
}

#if defined(_WIN32)

std::unique_ptr<SharedLibrary> SharedLibrary::Open(const std::string& path, std::string* error) {
  HMODULE module = ::LoadLibraryW(Absolute(path).wstring().c_str());
  if (module == nullptr) {
    *error = "LoadLibraryW failed with error " + std::to_string(::GetLastError());
    return nullptr;
  }
  return std::unique_ptr<SharedLibrary>(new SharedLibrary(module));
}

SharedLibrary::~SharedLibrary() { ::FreeLibrary(static_cast<HMODULE>(handle_)); }

SharedLibrary::Function SharedLibrary::Find(const char* name) const {
  FARPROC proc = ::GetProcAddress(static_cast<HMODULE>(handle_), name);
  // void (*)() is the generic function pointer type GCC's -Wcast-function-type accepts.
  return reinterpret_cast<Function>(proc);
}

#else

std::unique_ptr<SharedLibrary> SharedLibrary::Open(const std::string& path, std::string* error) {
  // RTLD_LOCAL: the plug-in's copies of the vsssim libraries do not leak into the process.
  void* handle = ::dlopen(Absolute(path).c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* reason = ::dlerror();
    *error = reason != nullptr ? reason : "dlopen failed";
    return nullptr;
  }
  return std::unique_ptr<SharedLibrary>(new SharedLibrary(handle));
}

SharedLibrary::~SharedLibrary() { ::dlclose(handle_); }

SharedLibrary::Function SharedLibrary::Find(const char* name) const {
  return reinterpret_cast<Function>(::dlsym(handle_, name));
}

#endif

}  // namespace vsssim::conformance
