#include "vsssim/writer/failure_codes.h"

namespace vsssim::writer {

bool IsDocumentedWriterFailure(HResult hr) {  // WRT-ERR-01
  return hr == hr::VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT ||
         hr == hr::VSS_E_WRITERERROR_OUTOFRESOURCES || hr == hr::VSS_E_WRITERERROR_TIMEOUT ||
         hr == hr::VSS_E_WRITERERROR_RETRYABLE || hr == hr::VSS_E_WRITERERROR_NONRETRYABLE;
}

bool IsDocumentedWriterFailureEx(HResult hr) {  // WRT-ERR-02
  return IsDocumentedWriterFailure(hr) || hr == hr::VSS_E_WRITERERROR_PARTIAL_FAILURE;
}

vss::WriterState FailedStateFor(vss::WriterEvent event) {  // §3.9
  using E = vss::WriterEvent;
  using S = vss::WriterState;
  switch (event) {
    case E::kIdentify:
      return S::VSS_WS_FAILED_AT_IDENTIFY;
    case E::kPrepareForBackup:
      return S::VSS_WS_FAILED_AT_PREPARE_BACKUP;
    case E::kPrepareForSnapshot:
      return S::VSS_WS_FAILED_AT_PREPARE_SNAPSHOT;
    case E::kFreeze:
      return S::VSS_WS_FAILED_AT_FREEZE;
    case E::kThaw:
      return S::VSS_WS_FAILED_AT_THAW;
    case E::kPostSnapshot:
      return S::VSS_WS_FAILED_AT_POST_SNAPSHOT;
    case E::kAbort:
      return S::VSS_WS_UNKNOWN;
    case E::kBackupComplete:
      return S::VSS_WS_FAILED_AT_BACKUP_COMPLETE;
    case E::kBackupShutdown:
      return S::VSS_WS_FAILED_AT_BACKUPSHUTDOWN;
    case E::kPreRestore:
      return S::VSS_WS_FAILED_AT_PRE_RESTORE;
    case E::kPostRestore:
      return S::VSS_WS_FAILED_AT_POST_RESTORE;
  }
  return S::VSS_WS_UNKNOWN;
}

}  // namespace vsssim::writer
