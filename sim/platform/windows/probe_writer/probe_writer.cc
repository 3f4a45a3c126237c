// vsssim_probe_writer: a real VSS writer (CVssWriter) that does nothing but record, one line
// per event, what a real requester and the real VSS service make it see — so a requester's
// sequence on Windows can be compared with the rules (and with a simulator trace):
//
//   <milliseconds since start> event vss -> writer:vsssim-probe <Event> [details]
//
// Events use the simulator's names (vss::WriterEvent). Every handler returns true; the
// probe never vetoes. Built only with MSVC: CVssWriter is exported from vssapi.dll with
// MSVC name mangling only, so mingw-w64 cannot link it (docs/windows.md).
//
// Usage (elevated prompt): vsssim_probe_writer.exe [output-file]   — Ctrl+C to stop.
// Public API only: CVssWriter per learn.microsoft.com/windows/win32/api/vswriter/.
// clang-format off
#include <windows.h>
#include <vss.h>
#include <vswriter.h>
// clang-format on

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace {

// {5C0DE7E5-0A55-4F7E-9B1D-5D1A8E0C0B11}: the probe's writer class id.
const VSS_ID kProbeWriterId = {
    0x5c0de7e5, 0x0a55, 0x4f7e, {0x9b, 0x1d, 0x5d, 0x1a, 0x8e, 0x0c, 0x0b, 0x11}};

std::atomic<bool> g_stop{false};

BOOL WINAPI OnConsoleControl(DWORD) {
  g_stop = true;
  return TRUE;
}

class ProbeWriter : public CVssWriter {
 public:
  explicit ProbeWriter(FILE* out) : out_(out), start_(std::chrono::steady_clock::now()) {}

  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* metadata) override {
    // A minimal, valid document: restore by copy, no components.
    metadata->SetRestoreMethod(VSS_RME_RESTORE_IF_CAN_REPLACE, nullptr, nullptr, VSS_WRE_NEVER,
                               false);
    Log("Identify", "");
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents*) override {
    Log("PrepareForBackup", Describe());
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override {
    Log("PrepareForSnapshot", Describe());
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() override {
    Log("Freeze", Describe());
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() override {
    Log("Thaw", "");
    return true;
  }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents*) override {
    Log("PostSnapshot", "");
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() override {
    Log("Abort", "");
    return true;
  }
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents*) override {
    Log("BackupComplete", "");
    return true;
  }
  bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID snapshot_set_id) override {
    Log("BackupShutdown", "snapshot-set=" + GuidText(snapshot_set_id));
    return true;
  }
  bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents*) override {
    Log("PreRestore", "");
    return true;
  }
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents*) override {
    Log("PostRestore", "");
    return true;
  }

 private:
  static std::string GuidText(const VSS_ID& id) {
    char text[40];
    std::snprintf(text, sizeof text, "%08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                  static_cast<unsigned long>(id.Data1), id.Data2, id.Data3, id.Data4[0],
                  id.Data4[1], id.Data4[2], id.Data4[3], id.Data4[4], id.Data4[5], id.Data4[6],
                  id.Data4[7]);
    return text;
  }

  std::string Describe() {
    return "backup-type=" + std::to_string(static_cast<int>(GetBackupType())) +
           " context=" + std::to_string(GetContext()) +
           " snapshot-set=" + GuidText(GetCurrentSnapshotSetId());
  }

  void Log(const char* event, const std::string& details) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start_)
                  .count();
    std::fprintf(out_, "%10lld event    vss -> writer:vsssim-probe %s%s%s\n",
                 static_cast<long long>(ms), event, details.empty() ? "" : " ", details.c_str());
    std::fflush(out_);
  }

  FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
};

}  // namespace

int wmain(int argc, wchar_t** argv) {
  FILE* out = stdout;
  if (argc > 1 && _wfopen_s(&out, argv[1], L"a") != 0) {
    std::fwprintf(stderr, L"cannot open %ls\n", argv[1]);
    return 2;
  }
  HRESULT hr = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  if (FAILED(hr)) return 1;
  // Writers must let VSS (running as LocalSystem) call back into them.
  hr = CoInitializeSecurity(nullptr, -1, nullptr, nullptr, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                            RPC_C_IMP_LEVEL_IDENTIFY, nullptr, EOAC_NONE, nullptr);
  if (FAILED(hr)) return 1;
  {
    ProbeWriter writer(out);
    hr = writer.Initialize(kProbeWriterId, L"vsssim-probe", VSS_UT_USERDATA, VSS_ST_OTHER,
                           VSS_APP_FRONT_END, 60000);
    if (FAILED(hr) || FAILED(hr = writer.Subscribe())) {
      std::fprintf(stderr, "CVssWriter Initialize/Subscribe failed: 0x%08lx\n",
                   static_cast<unsigned long>(hr));
      CoUninitialize();
      return 1;
    }
    SetConsoleCtrlHandler(OnConsoleControl, TRUE);
    std::fprintf(stderr, "vsssim-probe subscribed; Ctrl+C to stop\n");
    while (!g_stop) Sleep(200);
    writer.Unsubscribe();
  }
  CoUninitialize();
  return 0;
}
