#include "conformance/requester/requester_plugin_library.h"

#include <utility>

namespace vsssim::conformance {
namespace {

std::string NotExported(const char* symbol) {
  return std::string("not a vsssim requester plug-in: it does not export ") + symbol +
         " (see vsssim/conformance/requester_plugin.h)";
}

// The plug-in's application, freed by the plug-in's own destroy function.
class PluginApplication final : public BackupApplication {
 public:
  PluginApplication(BackupApplication* inner, requester_plugin_abi::DestroyFunction destroy,
                    std::shared_ptr<const void> library)
      : inner_(inner), destroy_(destroy), library_(std::move(library)) {}
  ~PluginApplication() override { destroy_(inner_); }
  HResult Backup(RequesterContext& context, std::string* bcd_xml) override {
    return inner_->Backup(context, bcd_xml);
  }
  HResult Restore(RequesterContext& context, std::string_view bcd_xml) override {
    return inner_->Restore(context, bcd_xml);
  }

 private:
  BackupApplication* inner_;
  requester_plugin_abi::DestroyFunction destroy_;
  std::shared_ptr<const void> library_;  // keeps the code loaded
};

}  // namespace

RequesterPluginLibrary::LoadResult RequesterPluginLibrary::Load(const std::string& path) {
  std::string error;
  std::unique_ptr<SharedLibrary> shared =
      SharedLibrary::OpenPlugin(path, "vsssim::requester_plugin", &error);
  if (!shared) return {nullptr, error};
  namespace abi = requester_plugin_abi;
  auto version = reinterpret_cast<abi::AbiVersionFunction>(shared->Find(abi::kAbiVersionSymbol));
  if (version == nullptr) return {nullptr, NotExported(abi::kAbiVersionSymbol)};
  const int found = version();
  if (found != VSSSIM_REQUESTER_PLUGIN_ABI_VERSION) {
    return {nullptr, "plug-in ABI version " + std::to_string(found) + ", this vsssim supports " +
                         std::to_string(VSSSIM_REQUESTER_PLUGIN_ABI_VERSION) +
                         " (rebuild the plug-in against this vsssim's headers)"};
  }
  auto create = reinterpret_cast<abi::CreateFunction>(shared->Find(abi::kCreateSymbol));
  if (create == nullptr) return {nullptr, NotExported(abi::kCreateSymbol)};
  auto destroy = reinterpret_cast<abi::DestroyFunction>(shared->Find(abi::kDestroySymbol));
  if (destroy == nullptr) return {nullptr, NotExported(abi::kDestroySymbol)};
  std::shared_ptr<RequesterPluginLibrary> library(new RequesterPluginLibrary(std::move(shared)));
  library->create_ = create;
  library->destroy_ = destroy;
  return {std::move(library), ""};
}

RequesterFactory RequesterPluginLibrary::Factory() {
  std::shared_ptr<RequesterPluginLibrary> self = shared_from_this();
  return [self]() -> std::unique_ptr<BackupApplication> {
    BackupApplication* inner = self->create_();
    if (inner == nullptr) return nullptr;
    return std::make_unique<PluginApplication>(inner, self->destroy_, self);
  };
}

}  // namespace vsssim::conformance
