// A shared library opened at run time (dlopen on POSIX, LoadLibraryW on Windows) and the
// symbols looked up in it. The only file with a platform branch is shared_library.cc.
//
// Thread safety: not thread-safe; open and look up from one thread. The library stays loaded
// until the SharedLibrary is destroyed.
#ifndef VSSSIM_CONFORMANCE_PLUGIN_SHARED_LIBRARY_H_
#define VSSSIM_CONFORMANCE_PLUGIN_SHARED_LIBRARY_H_

#include <memory>
#include <string>

namespace vsssim::conformance {

class SharedLibrary {
 public:
  // A symbol's address as a generic function pointer; cast it to the real type.
  using Function = void (*)();

  // Opens `path` (UTF-8; a relative path is taken from the current directory, never from the
  // library search path). On failure returns null and sets *error to the system's reason.
  // REQUIRES: error != nullptr.
  static std::unique_ptr<SharedLibrary> Open(const std::string& path, std::string* error);

  ~SharedLibrary();
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // Open for a vsssim plug-in: `path` must be a file ("no such file"), and a library that
  // does not load gives "cannot load the library: <reason>" with DescribeOpenError's hint to
  // link `link_target` (e.g. "vsssim::writer_plugin"). REQUIRES: error != nullptr.
  static std::unique_ptr<SharedLibrary> OpenPlugin(const std::string& path,
                                                   const std::string& link_target,
                                                   std::string* error);

  // The exported function `name`, or null when the library does not export it.
  Function Find(const char* name) const;

  // The system's reason from Open made readable: a missing C++ symbol is demangled, and when
  // it is one of vsssim's own (namespace vsssim) the plug-in was built without vsssim's
  // libraries, so `link_hint` (e.g. "link the plug-in with vsssim::writer_plugin") is added.
  static std::string DescribeOpenError(const std::string& reason, const std::string& link_hint);

 private:
  explicit SharedLibrary(void* handle) : handle_(handle) {}
  void* handle_;  // HMODULE on Windows, the dlopen handle elsewhere
};

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_PLUGIN_SHARED_LIBRARY_H_
