#include "conformance/plugin/shared_library.h"

#include <filesystem>
#include <system_error>

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

}  // namespace

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
