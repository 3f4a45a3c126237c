// A writer plug-in library, loaded and checked against the ABI of
// vsssim/conformance/writer_plugin.h, and the WriterFactory that runs its writer in the suite.
//
// Load() checks, in order: the file exists, the system can load it, it exports
// vsssim_writer_plugin_abi_version, that returns VSSSIM_WRITER_PLUGIN_ABI_VERSION, and it
// exports vsssim_create_writer and vsssim_destroy_writer. The first problem found is the error.
// vsssim_writer_probe is optional (looked up, never an error).
//
// Thread safety: load on one thread; the factory runs on the suite's thread. The library stays
// loaded while the WriterPluginLibrary, a factory made from it, or a writer it made lives.
#ifndef VSSSIM_CONFORMANCE_PLUGIN_WRITER_PLUGIN_LIBRARY_H_
#define VSSSIM_CONFORMANCE_PLUGIN_WRITER_PLUGIN_LIBRARY_H_

#include <memory>
#include <string>

#include "conformance/plugin/shared_library.h"
#include "vsssim/conformance/writer_plugin.h"
#include "vsssim/conformance/writer_suite.h"

namespace vsssim::conformance {

class WriterPluginLibrary : public std::enable_shared_from_this<WriterPluginLibrary> {
 public:
  struct LoadResult {
    std::shared_ptr<WriterPluginLibrary> library;  // null on error
    std::string error;  // what is wrong, without the file name ("no such file", ...)
  };
  static LoadResult Load(const std::string& path);

  // Calls vsssim_create_writer for each check; the writer goes back to vsssim_destroy_writer.
  // A null writer from the plug-in makes that check fail (std::runtime_error in the test).
  WriterFactory Factory();

  int abi_version() const { return abi_version_; }
  // Whether the library exports the optional vsssim_writer_probe.
  bool exports_probe() const { return probe_ != nullptr; }

 private:
  explicit WriterPluginLibrary(std::unique_ptr<SharedLibrary> library)
      : library_(std::move(library)) {}

  std::unique_ptr<SharedLibrary> library_;
  int abi_version_ = 0;
  plugin_abi::CreateWriterFunction create_ = nullptr;
  plugin_abi::DestroyWriterFunction destroy_ = nullptr;
  plugin_abi::WriterProbeFunction probe_ = nullptr;  // optional export
};

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_PLUGIN_WRITER_PLUGIN_LIBRARY_H_
