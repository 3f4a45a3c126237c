#include "sim/sdk/service.h"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "sim/sdk/in_process_machine.h"
#include "sim/sdk/remote_writer_service.h"
#include "vsssim/remote/address.h"

namespace vsssim::sdk {
namespace {

Service* g_current = nullptr;

// The default service lives until the process ends (the machine's destructor writes
// VSSSIM_TRACE): a writer process's (VSSSIM_ADDRESS set) or the in-process machine.
Service& DefaultService() {
  static Service* service = []() -> Service* {
    if (const char* address_text = std::getenv("VSSSIM_ADDRESS"); address_text != nullptr) {
      std::string why;
      std::optional<remote::Address> address = remote::ParseAddress(address_text, &why);
      const char* token = std::getenv("VSSSIM_TOKEN");
      if (!address || token == nullptr) {
        std::fprintf(stderr, "vsssim: %s\n",
                     !address ? ("VSSSIM_ADDRESS: " + why).c_str()
                              : "VSSSIM_ADDRESS is set but VSSSIM_TOKEN is not");
        std::exit(2);
      }
      const char* trace = std::getenv("VSSSIM_TRACE");
      static RemoteWriterService remote(*address, token, trace != nullptr ? trace : "");
      return &remote;
    }
    MachineOptions options;
    std::string error;
    if (!MachineOptionsFromEnvironment(&options, &error)) {
      std::fprintf(stderr, "vsssim: %s\n", error.c_str());
      std::exit(2);
    }
    static std::unique_ptr<InProcessMachine> instance = InProcessMachine::Create(options, &error);
    if (instance == nullptr) {
      std::fprintf(stderr, "vsssim: %s\n", error.c_str());
      std::exit(2);
    }
    return instance.get();
  }();
  return *service;
}

}  // namespace

Service& CurrentService() {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  return g_current != nullptr ? *g_current : DefaultService();
}

ScopedService::ScopedService(Service& service) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  previous_ = g_current;
  g_current = &service;
}

ScopedService::~ScopedService() {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  g_current = previous_;
}

std::recursive_mutex& ServiceLock() {
  static std::recursive_mutex mutex;
  return mutex;
}

}  // namespace vsssim::sdk
