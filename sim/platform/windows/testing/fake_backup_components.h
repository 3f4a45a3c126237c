// Fake VSS COM objects for testing the Windows engine's mapping (our step -> SDK call -> our
// result) where real VSS is not available: under Wine, whose VSS answers E_NOTIMPL. Test-only.
#ifndef VSSSIM_SIM_PLATFORM_WINDOWS_TESTING_FAKE_BACKUP_COMPONENTS_H_
#define VSSSIM_SIM_PLATFORM_WINDOWS_TESTING_FAKE_BACKUP_COMPONENTS_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sim/platform/windows/testing/fake_backup_components_base.h"

namespace vsssim::platform::windows::testing {

// Reference counting shared by the fakes; objects delete themselves at zero.
template <class Interface>
class FakeUnknown : public Interface {
 public:
  ULONG STDMETHODCALLTYPE AddRef() override { return ++references_; }
  ULONG STDMETHODCALLTYPE Release() override {
    ULONG left = --references_;
    if (left == 0) delete this;
    return left;
  }
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** out) override {
    if (IsEqualIID(iid, IID_IUnknown) || IsEqualIID(iid, __uuidof(Interface))) {
      *out = this;
      AddRef();
      return S_OK;
    }
    *out = nullptr;
    return E_NOINTERFACE;
  }
  virtual ~FakeUnknown() = default;

 private:
  ULONG references_ = 1;
};

// IVssAsync that has already ended with `status` (VSS_S_ASYNC_FINISHED or a failure).
class FakeAsync : public FakeUnknown<IVssAsync> {
 public:
  explicit FakeAsync(HRESULT status) : status_(status) {}
  HRESULT STDMETHODCALLTYPE Cancel() override { return status_; }
  HRESULT STDMETHODCALLTYPE Wait(DWORD) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE QueryStatus(HRESULT* status, INT*) override {
    *status = status_;
    return S_OK;
  }

 private:
  HRESULT status_;
};

// A writer's metadata as real VSS hands it out: only SaveAsXML is meaningful here.
class FakeExamineWriterMetadata : public FakeUnknown<IVssExamineWriterMetadata> {
 public:
  explicit FakeExamineWriterMetadata(std::wstring xml) : xml_(std::move(xml)) {}
  HRESULT STDMETHODCALLTYPE GetIdentity(VSS_ID*, VSS_ID*, BSTR*, VSS_USAGE_TYPE*,
                                        VSS_SOURCE_TYPE*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetFileCounts(UINT*, UINT*, UINT*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetIncludeFile(UINT, IVssWMFiledesc**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetExcludeFile(UINT, IVssWMFiledesc**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetComponent(UINT, IVssWMComponent**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetRestoreMethod(VSS_RESTOREMETHOD_ENUM*, BSTR*, BSTR*,
                                             VSS_WRITERRESTORE_ENUM*, boolean*, UINT*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(UINT, IVssWMFiledesc**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetBackupSchema(DWORD*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* xml) override {
    *xml = SysAllocString(xml_.c_str());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE LoadFromXML(BSTR) override { return E_NOTIMPL; }

 private:
  std::wstring xml_;
};

// IVssEnumObject over a list of snapshot properties.
class FakeEnumObject : public FakeUnknown<IVssEnumObject> {
 public:
  explicit FakeEnumObject(std::vector<VSS_SNAPSHOT_PROP> snapshots)
      : snapshots_(std::move(snapshots)) {}
  HRESULT STDMETHODCALLTYPE Next(ULONG count, VSS_OBJECT_PROP* out, ULONG* fetched) override;
  HRESULT STDMETHODCALLTYPE Skip(ULONG count) override {
    next_ += count;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Reset() override {
    next_ = 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Clone(IVssEnumObject**) override { return E_NOTIMPL; }

 private:
  std::vector<VSS_SNAPSHOT_PROP> snapshots_;
  std::size_t next_ = 0;
};

// A writer's entry in the requester's BCD as real VSS hands it out: only GetWriterInfo is
// meaningful here (the engine reads the components from SaveAsXML). Not an IUnknown in
// mingw-w64's headers, so its owner (the fake backup components) keeps it.
class FakeWriterComponentsExt : public IVssWriterComponentsExt {
 public:
  FakeWriterComponentsExt(VSS_ID instance, VSS_ID writer) : instance_(instance), writer_(writer) {}
  virtual ~FakeWriterComponentsExt() = default;
  HRESULT STDMETHODCALLTYPE GetComponentCount(UINT*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetWriterInfo(VSS_ID* instance, VSS_ID* writer) override {
    *instance = instance_;
    *writer = writer_;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetComponent(UINT, IVssComponent**) override { return E_NOTIMPL; }

 private:
  VSS_ID instance_;
  VSS_ID writer_;
};

// The fake IVssBackupComponentsEx3: records every call (FakeRecorder::calls), answers with
// scripted HRESULTs (FakeRecorder::results), and fills the out-parameters the engine reads.
class FakeBackupComponents : public FakeBackupComponentsBase {
 public:
  // What the fake hands out.
  GUID snapshot_set_id{
      0x11111111, 0x2222, 0x4333, {0x84, 0x44, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55}};
  GUID snapshot_id{0x66666666, 0x7777, 0x4888, {0x89, 0x99, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA}};
  GUID session_id{0xABCDEF01, 0x2345, 0x4678, {0x9A, 0xBC, 0xDE, 0xF0, 0x12, 0x34, 0x56, 0x78}};
  HRESULT async_status = VSS_S_ASYNC_FINISHED;  // how each async operation ends
  std::vector<std::wstring> writer_documents;   // one WMD per writer
  bool supports_ex3 = true;
  std::wstring bcd_document = L"<BACKUP_COMPONENTS/>";  // what SaveAsXML hands out
  // (instance, writer) of each entry GetWriterComponents hands out.
  std::vector<std::pair<VSS_ID, VSS_ID>> bcd_writers;

  FakeBackupComponents() = default;
  virtual ~FakeBackupComponents() = default;

  ULONG STDMETHODCALLTYPE AddRef() override { return ++references_; }
  ULONG STDMETHODCALLTYPE Release() override;
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** out) override;

  HRESULT STDMETHODCALLTYPE GatherWriterMetadata(IVssAsync** async) override;
  HRESULT STDMETHODCALLTYPE PrepareForBackup(IVssAsync** async) override;
  HRESULT STDMETHODCALLTYPE DoSnapshotSet(IVssAsync** async) override;
  HRESULT STDMETHODCALLTYPE BackupComplete(IVssAsync** async) override;
  HRESULT STDMETHODCALLTYPE GatherWriterStatus(IVssAsync** async) override;
  HRESULT STDMETHODCALLTYPE GetWriterMetadataCount(UINT* count) override;
  HRESULT STDMETHODCALLTYPE GetWriterMetadata(UINT index, VSS_ID* instance,
                                              IVssExamineWriterMetadata** metadata) override;
  HRESULT STDMETHODCALLTYPE StartSnapshotSet(VSS_ID* id) override;
  HRESULT STDMETHODCALLTYPE AddToSnapshotSet(VSS_PWSZ volume, VSS_ID provider, VSS_ID* id) override;
  HRESULT STDMETHODCALLTYPE IsVolumeSupported(VSS_ID provider, VSS_PWSZ volume,
                                              WINBOOL* supported) override;
  HRESULT STDMETHODCALLTYPE GetSnapshotProperties(VSS_ID id, VSS_SNAPSHOT_PROP* prop) override;
  HRESULT STDMETHODCALLTYPE Query(VSS_ID object, VSS_OBJECT_TYPE object_type,
                                  VSS_OBJECT_TYPE returned_type, IVssEnumObject** out) override;
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* xml) override;
  HRESULT STDMETHODCALLTYPE GetWriterStatusCount(UINT* count) override;
  HRESULT STDMETHODCALLTYPE GetWriterStatusEx(UINT index, VSS_ID* instance, VSS_ID* writer,
                                              BSTR* name, VSS_WRITER_STATE* state, HRESULT* failure,
                                              HRESULT* application, BSTR* message) override;
  HRESULT STDMETHODCALLTYPE DeleteSnapshots(VSS_ID source, VSS_OBJECT_TYPE type, WINBOOL force,
                                            LONG* deleted, VSS_ID* non_deleted) override;
  HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID* id) override;
  HRESULT STDMETHODCALLTYPE PreRestore(IVssAsync** async) override;
  HRESULT STDMETHODCALLTYPE PostRestore(IVssAsync** async) override;
  HRESULT STDMETHODCALLTYPE GetWriterComponentsCount(UINT* count) override;
  HRESULT STDMETHODCALLTYPE GetWriterComponents(UINT index, IVssWriterComponentsExt** out) override;

  // A VSS_SNAPSHOT_PROP whose strings are CoTaskMemAlloc'd, as VSS returns them.
  VSS_SNAPSHOT_PROP MakeSnapshotProp() const;

 private:
  HRESULT HandOutAsync(const char* name, IVssAsync** async);
  ULONG references_ = 1;
  std::vector<std::unique_ptr<FakeWriterComponentsExt>> handed_out_;
};

}  // namespace vsssim::platform::windows::testing

#endif  // VSSSIM_SIM_PLATFORM_WINDOWS_TESTING_FAKE_BACKUP_COMPONENTS_H_
