#include "sim/sdk/service.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "sim/sdk/in_process_machine.h"

namespace vsssim::sdk {
namespace {

Service* g_current = nullptr;

// The default service, the in-process machine, lives until the process ends (its destructor
// writes VSSSIM_TRACE). (A CVssWriter in a writer process, VSSSIM_ADDRESS set, subscribes to
// that service over the wire protocol instead: sim/sdk/writer/remote_subscription.h.)
Service& DefaultService() {
  static Service* service = []() -> Service* {
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
