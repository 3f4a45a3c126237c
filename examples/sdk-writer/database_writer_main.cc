// The sample database writer as a program of its own, as real writers are (a service process):
// it starts its databases and the writer, then runs until VSS shuts down (OnVSSShutdown).
// Started by vsssim (`vsssim run` with <writer exec=...>, `vsssim conform --writer-exec`) it
// subscribes to that service over the wire protocol; run alone it has no service to wait for
// and exits at once. Only the documented API.
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "database_writer.h"

namespace {

std::mutex g_mutex;
std::condition_variable g_changed;
bool g_shutdown = false;

class ProcessDatabaseWriter : public sample::DatabaseWriter {
 public:
  using DatabaseWriter::DatabaseWriter;
  bool STDMETHODCALLTYPE OnVSSShutdown() override {
    std::lock_guard<std::mutex> lock(g_mutex);
    g_shutdown = true;
    g_changed.notify_all();
    return true;
  }
};

}  // namespace

int main() {
  CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  sample::Database orders(L"Orders");
  sample::Database customers(L"Customers");
  orders.Write(L"order:1", L"2 chairs");
  customers.Write(L"customer:1", L"Contoso");
  ProcessDatabaseWriter writer({&orders, &customers});
  const HRESULT hr = writer.Start();
  if (FAILED(hr)) {
    std::fprintf(stderr, "sdk_database_writer: Initialize/Subscribe failed: 0x%08X\n",
                 static_cast<unsigned>(hr));
    return 1;
  }
  // A writer process serves until VSS shuts down; alone (no VSSSIM_ADDRESS) there is nothing
  // to wait for.
  if (std::getenv("VSSSIM_ADDRESS") != nullptr) {
    std::unique_lock<std::mutex> lock(g_mutex);
    g_changed.wait(lock, [] { return g_shutdown; });
  }
  writer.Unsubscribe();
  CoUninitialize();
  return 0;
}
