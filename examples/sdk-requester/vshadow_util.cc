#include "vshadow_util.h"

namespace vshadow_lite {

std::string Narrow(const wchar_t* text) {
  std::string out;
  for (const wchar_t* p = text; p != nullptr && *p != 0; ++p) {
    out.push_back(*p > 0 && *p < 0x80 ? static_cast<char>(*p) : '?');
  }
  return out;
}

std::string GuidText(const VSS_ID& id) {
  char text[40];
  std::snprintf(text, sizeof text, "{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
                static_cast<unsigned long>(id.Data1), id.Data2, id.Data3, id.Data4[0], id.Data4[1],
                id.Data4[2], id.Data4[3], id.Data4[4], id.Data4[5], id.Data4[6], id.Data4[7]);
  return text;
}

const char* WriterStateName(VSS_WRITER_STATE state) {
  switch (state) {
    case VSS_WS_STABLE:
      return "STABLE";
    case VSS_WS_WAITING_FOR_FREEZE:
      return "WAITING_FOR_FREEZE";
    case VSS_WS_WAITING_FOR_THAW:
      return "WAITING_FOR_THAW";
    case VSS_WS_WAITING_FOR_POST_SNAPSHOT:
      return "WAITING_FOR_POST_SNAPSHOT";
    case VSS_WS_WAITING_FOR_BACKUP_COMPLETE:
      return "WAITING_FOR_BACKUP_COMPLETE";
    case VSS_WS_FAILED_AT_IDENTIFY:
      return "FAILED_AT_IDENTIFY";
    case VSS_WS_FAILED_AT_PREPARE_BACKUP:
      return "FAILED_AT_PREPARE_BACKUP";
    case VSS_WS_FAILED_AT_PREPARE_SNAPSHOT:
      return "FAILED_AT_PREPARE_SNAPSHOT";
    case VSS_WS_FAILED_AT_FREEZE:
      return "FAILED_AT_FREEZE";
    case VSS_WS_FAILED_AT_THAW:
      return "FAILED_AT_THAW";
    case VSS_WS_FAILED_AT_POST_SNAPSHOT:
      return "FAILED_AT_POST_SNAPSHOT";
    case VSS_WS_FAILED_AT_BACKUP_COMPLETE:
      return "FAILED_AT_BACKUP_COMPLETE";
    case VSS_WS_FAILED_AT_PRE_RESTORE:
      return "FAILED_AT_PRE_RESTORE";
    case VSS_WS_FAILED_AT_POST_RESTORE:
      return "FAILED_AT_POST_RESTORE";
    case VSS_WS_FAILED_AT_BACKUPSHUTDOWN:
      return "FAILED_AT_BACKUPSHUTDOWN";
    default:
      return "UNKNOWN";
  }
}

namespace {

HRESULT Finish(HRESULT status, const char* what, std::FILE* log) {
  if (status == VSS_S_ASYNC_FINISHED) return S_OK;
  if (log != nullptr) {
    std::fprintf(log, "  %s ended with 0x%08lX\n", what, static_cast<unsigned long>(status));
  }
  return status == VSS_S_ASYNC_CANCELLED ? E_ABORT : status;
}

}  // namespace

HRESULT WaitFor(HRESULT started, IVssAsync** handle, const char* what, std::FILE* log) {
  if (FAILED(started)) {
    if (log != nullptr) {
      std::fprintf(log, "  %s failed: 0x%08lX\n", what, static_cast<unsigned long>(started));
    }
    return started;
  }
  IVssAsync* async = *handle;
  HRESULT hr = async->Wait();
  HRESULT status = hr;
  if (SUCCEEDED(hr)) hr = async->QueryStatus(&status, nullptr);
  async->Release();
  if (FAILED(hr)) return hr;
  return Finish(status, what, log);
}

HRESULT PollFor(HRESULT started, IVssAsync** handle, const char* what, std::FILE* log) {
  if (FAILED(started)) return WaitFor(started, handle, what, log);
  IVssAsync* async = *handle;
  HRESULT status = VSS_S_ASYNC_PENDING;
  HRESULT hr = S_OK;
  while (SUCCEEDED(hr) && status == VSS_S_ASYNC_PENDING) {
    hr = async->QueryStatus(&status, nullptr);
  }
  async->Release();
  if (FAILED(hr)) return hr;
  return Finish(status, what, log);
}

HRESULT PrintWriterStatus(IVssBackupComponents* backup, std::FILE* log, int* failed_writers) {
  IVssAsync* async = nullptr;
  HRESULT hr = WaitFor(backup->GatherWriterStatus(&async), &async, "GatherWriterStatus", log);
  if (FAILED(hr)) return hr;
  UINT count = 0;
  hr = backup->GetWriterStatusCount(&count);
  for (UINT i = 0; SUCCEEDED(hr) && i < count; ++i) {
    VSS_ID instance, writer;
    BSTR name = nullptr;
    VSS_WRITER_STATE state = VSS_WS_UNKNOWN;
    HRESULT failure = S_OK;
    hr = backup->GetWriterStatus(i, &instance, &writer, &name, &state, &failure);
    if (FAILED(hr)) break;
    if (log != nullptr) {
      std::fprintf(log, "  writer '%s' %s: %s, failure 0x%08lX\n", Narrow(name).c_str(),
                   GuidText(instance).c_str(), WriterStateName(state),
                   static_cast<unsigned long>(failure));
    }
    if (FAILED(failure) && failed_writers != nullptr) ++*failed_writers;
    SysFreeString(name);
  }
  backup->FreeWriterStatus();
  return hr;
}

}  // namespace vshadow_lite
