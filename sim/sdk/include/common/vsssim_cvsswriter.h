// CVssWriter, CVssWriterEx and CVssWriterEx2 as Microsoft's vswriter.h reference documents
// them, for both platforms (docs/sdk.md): included at the end of vsssim's Linux <vswriter.h>,
// and on Windows after mingw-w64's <vswriter.h> (which declares only the COM interfaces).
// REQUIRES: <vss.h> and <vswriter.h>'s interfaces are declared before this header.
//
// A writer derives from one of these classes, calls Initialize (or InitializeEx) and Subscribe,
// and gets its On* handlers called by the simulated VSS service (vsssim::sdk::CurrentService():
// the in-process machine by default, a conformance suite's world inside a check). The service
// is vsssim's own coordinator: the handlers are driven by the same writer state machine as
// every other vsssim writer (sim/sdk/writer/writer_bridge.h).
//
// Handler defaults as documented: the optional handlers return true; OnPrepareSnapshot,
// OnFreeze, OnThaw and OnAbort are pure virtual. The protected getters are meaningful only
// inside a handler (called elsewhere they return their documented "none" value and the trace
// gets a finding; WRT-THREAD-01 for a call from another thread).
//
// Thread safety: handlers run on the thread that drives VSS (the requester's, in process);
// Initialize/Subscribe/Unsubscribe take vsssim's service lock.
#ifndef VSSSIM_SDK_COMMON_VSSSIM_CVSSWRITER_H_
#define VSSSIM_SDK_COMMON_VSSSIM_CVSSWRITER_H_

namespace vsssim {
namespace sdk {
class WriterBridge;
}  // namespace sdk
}  // namespace vsssim

class CVssWriter {
 public:
  CVssWriter();
  virtual ~CVssWriter();
  CVssWriter(const CVssWriter&) = delete;
  CVssWriter& operator=(const CVssWriter&) = delete;

  // CVssWriter::Initialize. dwTimeoutFreeze: ms between Freeze and Thaw (default 60000,
  // WRT-INIT-01). wszReserved must be NULL.
  HRESULT STDMETHODCALLTYPE Initialize(VSS_ID WriterID, LPCWSTR wszWriterName, VSS_USAGE_TYPE ut,
                                       VSS_SOURCE_TYPE st,
                                       VSS_APPLICATION_LEVEL nLevel = VSS_APP_FRONT_END,
                                       DWORD dwTimeoutFreeze = 60000,
                                       VSS_ALTERNATE_WRITER_STATE aws = VSS_AWS_NO_ALTERNATE_WRITER,
                                       bool bIOThrottlingOnly = false,
                                       LPCWSTR wszReserved = nullptr);
  // CVssWriter::Subscribe (WRT-INIT-02). dwEventFlags: VSS_SUBSCRIBE_MASK bits.
  HRESULT STDMETHODCALLTYPE Subscribe(DWORD dwEventFlags = VSS_SM_BACKUP_EVENTS_FLAG |
                                                           VSS_SM_RESTORE_EVENTS_FLAG);
  // CVssWriter::Unsubscribe (WRT-INIT-03).
  HRESULT STDMETHODCALLTYPE Unsubscribe();

  // Event handlers.
  virtual bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* pMetadata);
  virtual bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents* pComponent);
  virtual bool STDMETHODCALLTYPE OnPrepareSnapshot() = 0;
  virtual bool STDMETHODCALLTYPE OnFreeze() = 0;
  virtual bool STDMETHODCALLTYPE OnThaw() = 0;
  virtual bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents* pComponent);
  virtual bool STDMETHODCALLTYPE OnAbort() = 0;
  virtual bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents* pComponent);
  virtual bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID SnapshotSetId);
  virtual bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents* pComponent);
  virtual bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents* pComponent);
  virtual bool STDMETHODCALLTYPE OnBackOffIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId,
                                                     VSS_ID providerId);
  virtual bool STDMETHODCALLTYPE OnContinueIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId,
                                                      VSS_ID providerId);
  virtual bool STDMETHODCALLTYPE OnVSSShutdown();
  virtual bool STDMETHODCALLTYPE OnVSSApplicationStartup();

 protected:
  VSS_BACKUP_TYPE STDMETHODCALLTYPE GetBackupType() const;
  LONG STDMETHODCALLTYPE GetContext() const;
  VSS_APPLICATION_LEVEL STDMETHODCALLTYPE GetCurrentLevel() const;
  VSS_ID STDMETHODCALLTYPE GetCurrentSnapshotSetId() const;
  LPCWSTR* STDMETHODCALLTYPE GetCurrentVolumeArray() const;
  UINT STDMETHODCALLTYPE GetCurrentVolumeCount() const;
  VSS_RESTORE_TYPE STDMETHODCALLTYPE GetRestoreType() const;
  HRESULT STDMETHODCALLTYPE GetSnapshotDeviceName(LPCWSTR wszOriginalVolume,
                                                  LPCWSTR* ppwszSnapshotDevice) const;
  bool STDMETHODCALLTYPE AreComponentsSelected() const;
  bool STDMETHODCALLTYPE IsBootableSystemStateBackedUp() const;
  bool STDMETHODCALLTYPE IsPartialFileSupportEnabled() const;
  bool STDMETHODCALLTYPE IsPathAffected(LPCWSTR wszPath) const;
  HRESULT STDMETHODCALLTYPE SetWriterFailure(HRESULT hr);

  // vsssim's own (not part of the SDK's class): the bridge to the simulator, for the Ex classes.
  vsssim::sdk::WriterBridge*& vsssim_bridge() { return vsssim_bridge_; }
  const vsssim::sdk::WriterBridge* vsssim_bridge_const() const { return vsssim_bridge_; }

 private:
  friend class vsssim::sdk::WriterBridge;
  vsssim::sdk::WriterBridge* vsssim_bridge_;
};

// CVssWriterEx (Windows Server 2008): version information, OnIdentifyEx, SubscribeEx.
class CVssWriterEx : public CVssWriter {
 public:
  CVssWriterEx() = default;

  HRESULT STDMETHODCALLTYPE InitializeEx(
      VSS_ID WriterID, LPCWSTR wszWriterName, DWORD dwMajorVersion, DWORD dwMinorVersion,
      VSS_USAGE_TYPE ut, VSS_SOURCE_TYPE st, VSS_APPLICATION_LEVEL nLevel = VSS_APP_FRONT_END,
      DWORD dwTimeoutFreeze = 60000, VSS_ALTERNATE_WRITER_STATE aws = VSS_AWS_NO_ALTERNATE_WRITER,
      bool bIOThrottlingOnly = false, LPCWSTR wszWriterInstanceName = nullptr);
  // dwUnsubscribeTimeout: how long Unsubscribe waits for running handlers (vsssim runs
  // handlers synchronously, so nothing is waited for).
  HRESULT STDMETHODCALLTYPE SubscribeEx(DWORD dwUnsubscribeTimeout,
                                        DWORD dwEventFlags = VSS_SM_BACKUP_EVENTS_FLAG |
                                                             VSS_SM_RESTORE_EVENTS_FLAG);
  // Called instead of OnIdentify for a CVssWriterEx; the default calls OnIdentify (a writer
  // overrides one of the two, not both).
  virtual bool STDMETHODCALLTYPE OnIdentifyEx(IVssCreateWriterMetadataEx* pMetadata);
  // The metadata the writer's last OnIdentify(Ex) reported. vsssim: E_NOTIMPL (the requester
  // side's IVssExamineWriterMetadata is not handed to writers).
  HRESULT STDMETHODCALLTYPE GetIdentifyInformation(IVssExamineWriterMetadata** ppMetadata);
};

// CVssWriterEx2 (Windows 7): session id, shutdown state, extended failure.
class CVssWriterEx2 : public CVssWriterEx {
 public:
  CVssWriterEx2() = default;

  HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID* idSession) const;
  bool STDMETHODCALLTYPE IsWriterShuttingDown() const;
  HRESULT STDMETHODCALLTYPE SetWriterFailureEx(HRESULT hr, HRESULT hrApplication,
                                               LPCWSTR wszApplicationMessage);
};

#endif  // VSSSIM_SDK_COMMON_VSSSIM_CVSSWRITER_H_
