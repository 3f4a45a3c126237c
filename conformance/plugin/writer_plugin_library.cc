#include "conformance/plugin/writer_plugin_library.h"

#include <stdexcept>
#include <utility>

#include "conformance/plugin/plugin_writer.h"

namespace vsssim::conformance {
namespace {

std::string NotExported(const char* symbol) {
  return std::string("not a vsssim writer plug-in: it does not export ") + symbol +
         " (see vsssim/conformance/writer_plugin.h)";
}

}  // namespace

WriterPluginLibrary::LoadResult WriterPluginLibrary::Load(const std::string& path) {
  std::string error;
  std::unique_ptr<SharedLibrary> shared =
      SharedLibrary::OpenPlugin(path, "vsssim::writer_plugin", &error);
  if (!shared) return {nullptr, error};

  auto version =
      reinterpret_cast<plugin_abi::AbiVersionFunction>(shared->Find(plugin_abi::kAbiVersionSymbol));
  if (version == nullptr) return {nullptr, NotExported(plugin_abi::kAbiVersionSymbol)};
  const int abi = version();
  if (abi != VSSSIM_WRITER_PLUGIN_ABI_VERSION) {
    return {nullptr, "plug-in ABI version " + std::to_string(abi) + ", this vsssim supports " +
                         std::to_string(VSSSIM_WRITER_PLUGIN_ABI_VERSION) +
                         " (rebuild the plug-in against this vsssim's headers)"};
  }
  auto create = reinterpret_cast<plugin_abi::CreateWriterFunction>(
      shared->Find(plugin_abi::kCreateWriterSymbol));
  if (create == nullptr) return {nullptr, NotExported(plugin_abi::kCreateWriterSymbol)};
  auto destroy = reinterpret_cast<plugin_abi::DestroyWriterFunction>(
      shared->Find(plugin_abi::kDestroyWriterSymbol));
  if (destroy == nullptr) return {nullptr, NotExported(plugin_abi::kDestroyWriterSymbol)};

  std::shared_ptr<WriterPluginLibrary> library(new WriterPluginLibrary(std::move(shared)));
  library->abi_version_ = abi;
  library->create_ = create;
  library->destroy_ = destroy;
  library->probe_ = reinterpret_cast<plugin_abi::WriterProbeFunction>(
      library->library_->Find(plugin_abi::kWriterProbeSymbol));
  return {std::move(library), ""};
}

WriterFactory WriterPluginLibrary::Factory() {
  std::shared_ptr<WriterPluginLibrary> self = shared_from_this();
  return [self](WriterContext& context) -> std::unique_ptr<writer::Writer> {
    writer::Writer* inner = self->create_(&context);
    if (inner == nullptr) throw std::runtime_error("vsssim_create_writer returned null");
    return std::make_unique<PluginWriter>(inner, self->destroy_, self, self->probe_);
  };
}

}  // namespace vsssim::conformance
