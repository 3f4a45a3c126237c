// A requester plug-in library, loaded and checked against the ABI of
// vsssim/conformance/requester_plugin.h, and the RequesterFactory that runs its backup
// application in the requester suite. Load() checks, in order: the file exists, the system
// can load it, it exports vsssim_requester_plugin_abi_version, that returns
// VSSSIM_REQUESTER_PLUGIN_ABI_VERSION, and it exports vsssim_create_requester and
// vsssim_destroy_requester. The first problem found is the error.
//
// Thread safety: load on one thread; the factory runs on the suite's thread. The library stays
// loaded while the object, a factory made from it, or an application it made lives.
#ifndef VSSSIM_CONFORMANCE_REQUESTER_REQUESTER_PLUGIN_LIBRARY_H_
#define VSSSIM_CONFORMANCE_REQUESTER_REQUESTER_PLUGIN_LIBRARY_H_

#include <memory>
#include <string>

#include "conformance/plugin/shared_library.h"
#include "vsssim/conformance/requester_plugin.h"

namespace vsssim::conformance {

class RequesterPluginLibrary : public std::enable_shared_from_this<RequesterPluginLibrary> {
 public:
  struct LoadResult {
    std::shared_ptr<RequesterPluginLibrary> library;  // null on error
    std::string error;                                // what is wrong, without the file name
  };
  static LoadResult Load(const std::string& path);

  // Calls vsssim_create_requester for each check (null: the check reports it); the
  // application goes back to vsssim_destroy_requester.
  RequesterFactory Factory();

 private:
  explicit RequesterPluginLibrary(std::unique_ptr<SharedLibrary> library)
      : library_(std::move(library)) {}

  std::unique_ptr<SharedLibrary> library_;
  requester_plugin_abi::CreateFunction create_ = nullptr;
  requester_plugin_abi::DestroyFunction destroy_ = nullptr;
};

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_REQUESTER_REQUESTER_PLUGIN_LIBRARY_H_
