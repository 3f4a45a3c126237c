// CVssWriter over the simulator: a writer written against Microsoft's API, subscribed to an
// in-process machine, driven by the coordinator's own requester through a backup and a
// restore.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "sim/sdk/in_process_machine.h"
#include "sim/sdk/service.h"
#include "sim/sdk/writer/test_driver.h"
#include "vsssim/coordinator/requester.h"
#include "vsssim/metadata/examine_writer_metadata.h"
#include "vsssim/trace/trace.h"

// The SDK last (its HRESULT macros would clash with vsssim::hr's names).
#include "sim/sdk/common/vss_id.h"
#include "sim/sdk/common/wide_string.h"

namespace vsssim::sdk {
namespace {

constexpr VSS_ID kWriterId = {
    0x7e57c0de, 0x0001, 0x4000, {0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01}};

std::wstring TakeBstr(BSTR b) {
  std::wstring out = b == nullptr ? L"<null>" : std::wstring(b, SysStringLen(b));
  SysFreeString(b);
  return out;
}

// A writer as SDK samples write one; it logs what it sees.
class TestWriter : public CVssWriterEx2 {
 public:
  HRESULT Init() {
    HRESULT hr = Initialize(kWriterId, L"SdkTestWriter", VSS_UT_USERDATA, VSS_ST_TRANSACTEDDB,
                            VSS_APP_BACK_END, 30000);
    return FAILED(hr) ? hr : Subscribe();
  }

  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* m) override {
    log.push_back("Identify");
    if (FAILED(m->SetBackupSchema(VSS_BS_DIFFERENTIAL | VSS_BS_TIMESTAMPED))) return false;
    if (FAILED(m->AddComponent(VSS_CT_DATABASE, nullptr, L"db", L"Data base", nullptr, 0, false,
                               false, true))) {
      return false;
    }
    if (FAILED(m->AddDatabaseFiles(nullptr, L"db", L"C:\\db", L"*.mdf"))) return false;
    identify_bad_name =
        m->AddComponent(VSS_CT_DATABASE, nullptr, nullptr, nullptr, nullptr, 0, false, false, true);
    saved_metadata = m;
    return SUCCEEDED(m->AddDatabaseLogFiles(nullptr, L"db", L"C:\\db", L"*.ldf"));
  }
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents* c) override {
    log.push_back("PrepareBackup");
    backup_type = GetBackupType();
    selected = AreComponentsSelected();
    return ForEach(c, [&](IVssComponent* component) {
      bad_stamp_arg = component->GetPreviousBackupStamp(nullptr);
      return SUCCEEDED(component->SetBackupStamp(L"stamp-1"));
    });
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override {
    log.push_back("PrepareSnapshot");
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() override {
    log.push_back("Freeze");
    volume_count = GetCurrentVolumeCount();
    LPCWSTR* volumes = GetCurrentVolumeArray();
    if (volumes != nullptr && volume_count > 0) first_volume = volumes[0];
    path_affected = IsPathAffected(L"C:\\db\\main.mdf");
    set_id = GetCurrentSnapshotSetId();
    if (fail_freeze) SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    return !fail_freeze;
  }
  bool STDMETHODCALLTYPE OnThaw() override {
    log.push_back("Thaw");
    return true;
  }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents* c) override {
    log.push_back("PostSnapshot");
    LPCWSTR device = nullptr;
    device_hr = GetSnapshotDeviceName(L"C:\\", &device);
    if (device != nullptr) device_name = device;
    missing_device_hr = GetSnapshotDeviceName(L"Q:\\", &device);
    UINT count = 0;
    c->GetComponentCount(&count);
    IVssComponent* none = nullptr;
    bad_index_hr = c->GetComponent(count, &none);
    saved_components = c;
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() override {
    log.push_back("Abort");
    return true;
  }
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents* c) override {
    log.push_back("BackupComplete");
    return ForEach(c, [&](IVssComponent* component) {
      bool succeeded = false;
      component->GetBackupSucceeded(&succeeded);
      backup_succeeded = succeeded;
      BSTR stamp = nullptr;
      component->GetBackupStamp(&stamp);
      stamp_seen = TakeBstr(stamp);
      IVssComponentEx2* ex2 = nullptr;
      qi_ex2 = component->QueryInterface(IID_IVssComponentEx2, reinterpret_cast<void**>(&ex2));
      if (ex2 != nullptr) ex2->Release();
      void* nothing = nullptr;
      qi_other = component->QueryInterface(IID_IVssAsync, &nothing);
      return true;
    });
  }
  bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID) override {
    log.push_back("BackupShutdown");
    return true;
  }
  bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents* c) override {
    log.push_back("PreRestore");
    restore_type = GetRestoreType();
    return ForEach(c, [&](IVssComponent* component) {
      bool selected_for_restore = false;
      component->IsSelectedForRestore(&selected_for_restore);
      restore_selected = selected_for_restore;
      return true;
    });
  }
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents*) override {
    log.push_back("PostRestore");
    return true;
  }

  template <class F>
  static bool ForEach(IVssWriterComponents* c, F f) {
    if (c == nullptr) return true;
    UINT count = 0;
    if (FAILED(c->GetComponentCount(&count))) return false;
    for (UINT i = 0; i < count; ++i) {
      IVssComponent* component = nullptr;
      if (FAILED(c->GetComponent(i, &component))) return false;
      const bool ok = f(component);
      component->Release();
      if (!ok) return false;
    }
    return true;
  }

  HRESULT GetSnapshotDeviceNameOutside(LPCWSTR* device) {
    return GetSnapshotDeviceName(L"C:\\", device);
  }

  std::vector<std::string> log;
  VSS_BACKUP_TYPE backup_type = VSS_BT_UNDEFINED;
  VSS_RESTORE_TYPE restore_type = VSS_RTYPE_UNDEFINED;
  bool selected = false;
  UINT volume_count = 0;
  std::wstring first_volume;
  bool path_affected = false;
  VSS_ID set_id = GUID_NULL;
  HRESULT device_hr = S_OK, missing_device_hr = S_OK, bad_index_hr = S_OK;
  HRESULT identify_bad_name = S_OK, bad_stamp_arg = S_OK;
  HRESULT qi_ex2 = E_FAIL, qi_other = S_OK;
  std::wstring device_name;
  bool backup_succeeded = false;
  std::wstring stamp_seen;
  bool restore_selected = false;
  bool fail_freeze = false;
  IVssCreateWriterMetadata* saved_metadata = nullptr;
  IVssWriterComponents* saved_components = nullptr;
};

std::vector<const trace::Entry*> Findings(const InProcessMachine& m, std::string_view rule) {
  std::vector<const trace::Entry*> out;
  for (const trace::Entry& e : const_cast<InProcessMachine&>(m).trace().entries()) {
    if (e.kind == trace::EntryKind::kFinding && e.rule == rule) out.push_back(&e);
  }
  return out;
}

// Checks that a CVssWriter gets the documented handler sequence of a backup and a restore, in
// order, through the coordinator (WRT-SEQ-*), and that its getters answer inside handlers.
TEST(Sdk_Writer, BackupAndRestoreCallHandlersInOrder) {
  InProcessMachine machine;
  ScopedService scope(machine);
  TestWriter w;
  ASSERT_EQ(w.Init(), S_OK);
  TestDriver d(machine, "SdkTestWriter");
  ASSERT_TRUE(d.Backup());
  ASSERT_TRUE(d.Restore());
  const std::vector<std::string> expected = {
      "Identify",     "PrepareBackup",  "PrepareSnapshot", "Freeze",     "Thaw",
      "PostSnapshot", "BackupComplete", "Identify",        "PreRestore", "PostRestore"};
  std::vector<std::string> without_extra;  // BackupShutdown and extra Identify may follow
  for (const std::string& e : w.log) {
    if (e != "BackupShutdown") without_extra.push_back(e);
  }
  ASSERT_GE(without_extra.size(), 10u);
  EXPECT_EQ(std::vector<std::string>(without_extra.begin(), without_extra.begin() + 7),
            std::vector<std::string>(expected.begin(), expected.begin() + 7));
  EXPECT_EQ(without_extra.back(), "PostRestore");
  EXPECT_EQ(w.backup_type, VSS_BT_FULL);
  EXPECT_TRUE(w.selected);
  EXPECT_EQ(w.volume_count, 1u);
  EXPECT_EQ(ToUtf8(w.first_volume.c_str()).substr(0, 2), "C:");
  EXPECT_TRUE(w.path_affected);
  EXPECT_EQ(ToGuid(w.set_id), d.snapshot_set);
  EXPECT_EQ(w.device_hr, S_OK);
  EXPECT_NE(w.device_name.find(L"HarddiskVolumeShadowCopy"), std::wstring::npos);
  EXPECT_EQ(w.missing_device_hr, VSS_E_OBJECT_NOT_FOUND);
  EXPECT_TRUE(w.backup_succeeded);
  EXPECT_EQ(w.stamp_seen, L"stamp-1");
  EXPECT_EQ(w.qi_ex2, S_OK);
  EXPECT_EQ(w.qi_other, E_NOINTERFACE);
  EXPECT_TRUE(w.restore_selected);
  EXPECT_EQ(d.status.state, vss::WriterState::VSS_WS_STABLE);
}

// Checks that the metadata the writer built through IVssCreateWriterMetadata reaches the
// requester (component, file sets, schema) and that the stamp it set reaches the BCD.
TEST(Sdk_Writer, MetadataAndComponentsRoundTrip) {
  InProcessMachine machine;
  ScopedService scope(machine);
  TestWriter w;
  ASSERT_EQ(w.Init(), S_OK);
  auto r = machine.CreateRequester();
  coordinator::AsyncPtr a;
  ASSERT_TRUE(r->InitializeForBackup().Succeeded());
  ASSERT_TRUE(TestDriver::Wait(r->GatherWriterMetadata(&a), a));
  std::uint32_t count = 0;
  r->GetWriterMetadataCount(&count);
  const metadata::ExamineWriterMetadata* wmd = nullptr;
  Guid instance;
  for (std::uint32_t i = 0; i < count; ++i) {
    r->GetWriterMetadata(i, &instance, &wmd);
    if (wmd->metadata().identity.writer_id == ToGuid(kWriterId)) break;
    wmd = nullptr;
  }
  ASSERT_NE(wmd, nullptr);
  const metadata::WriterMetadata& doc = wmd->metadata();
  EXPECT_EQ(doc.identity.writer_name, "SdkTestWriter");
  ASSERT_EQ(doc.components.size(), 1u);
  EXPECT_EQ(doc.components[0].name, "db");
  EXPECT_EQ(doc.components[0].caption, "Data base");
  ASSERT_EQ(doc.components[0].database_files.size(), 1u);
  EXPECT_EQ(doc.components[0].database_files[0].filespec, "*.mdf");
  ASSERT_EQ(doc.components[0].log_files.size(), 1u);
  EXPECT_EQ(static_cast<std::uint32_t>(doc.backup_schema), 0x21u);
  r->Release();
  TestDriver d(machine, "SdkTestWriter");
  ASSERT_TRUE(d.Backup());
  EXPECT_NE(d.bcd.find("stamp-1"), std::string::npos);
}

// Checks that SetWriterFailure from OnFreeze shows in the writer status the requester reads
// (WRT-ERR-01): failed at freeze with the writer's HRESULT.
TEST(Sdk_Writer, SetWriterFailureShowsInWriterStatus) {
  InProcessMachine machine;
  ScopedService scope(machine);
  TestWriter w;
  w.fail_freeze = true;
  ASSERT_EQ(w.Init(), S_OK);
  TestDriver d(machine, "SdkTestWriter");
  EXPECT_FALSE(d.Backup());
  EXPECT_EQ(d.status.state, vss::WriterState::VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(static_cast<HRESULT>(d.status.failure.value), VSS_E_WRITERERROR_RETRYABLE);
}

// Checks that after Unsubscribe the writer gets no events (WRT-INIT-03), and that destroying
// a subscribed writer unsubscribes it the same way.
TEST(Sdk_Writer, UnsubscribeStopsEvents) {
  InProcessMachine machine;
  ScopedService scope(machine);
  TestWriter w;
  ASSERT_EQ(w.Init(), S_OK);
  ASSERT_EQ(w.Unsubscribe(), S_OK);
  TestDriver d(machine, "SdkTestWriter");
  EXPECT_FALSE(d.Backup());  // the writer is not found among the gathered metadata
  EXPECT_TRUE(w.log.empty());
  {
    auto gone = std::make_unique<TestWriter>();
    ASSERT_EQ(gone->Init(), S_OK);
  }  // destroyed while subscribed
  TestDriver again(machine, "SdkTestWriter");
  EXPECT_FALSE(again.Backup());
}

// Checks the documented HRESULTs of bad arguments, each with a SIM-SDK-01 finding: a NULL
// component name (E_INVALIDARG), a NULL out-parameter (E_INVALIDARG), an index past the count
// (VSS_E_OBJECT_NOT_FOUND), objects used after their handler returned (VSS_E_BAD_STATE),
// Subscribe before Initialize and twice.
TEST(Sdk_Writer, BadArgumentsGiveDocumentedHresultAndFinding) {
  InProcessMachine machine;
  ScopedService scope(machine);
  TestWriter early;
  EXPECT_EQ(early.Subscribe(), VSS_E_BAD_STATE);
  TestWriter w;
  ASSERT_EQ(w.Init(), S_OK);
  EXPECT_EQ(w.Subscribe(), VSS_E_WRITER_ALREADY_SUBSCRIBED);
  TestDriver d(machine, "SdkTestWriter");
  ASSERT_TRUE(d.Backup());
  EXPECT_EQ(w.identify_bad_name, E_INVALIDARG);
  EXPECT_EQ(w.bad_stamp_arg, E_INVALIDARG);
  EXPECT_EQ(w.bad_index_hr, VSS_E_OBJECT_NOT_FOUND);
  ASSERT_NE(w.saved_metadata, nullptr);
  EXPECT_EQ(w.saved_metadata->SetBackupSchema(VSS_BS_COPY), VSS_E_BAD_STATE);
  UINT count = 0;
  ASSERT_NE(w.saved_components, nullptr);
  EXPECT_EQ(w.saved_components->GetComponentCount(&count), VSS_E_BAD_STATE);
  LPCWSTR device = nullptr;
  EXPECT_EQ(w.GetSnapshotDeviceNameOutside(&device), VSS_E_BAD_STATE);
  const auto findings = Findings(machine, "SIM-SDK-01");
  std::vector<std::string> calls;
  for (const trace::Entry* f : findings) calls.push_back(std::string(f->Get("call")));
  for (const char* call :
       {"CVssWriter::Subscribe", "IVssCreateWriterMetadata::AddComponent",
        "IVssComponent::GetPreviousBackupStamp", "IVssWriterComponents::GetComponent",
        "IVssCreateWriterMetadata::SetBackupSchema", "IVssWriterComponents::GetComponentCount",
        "CVssWriter::GetSnapshotDeviceName"}) {
    EXPECT_NE(std::find(calls.begin(), calls.end(), call), calls.end()) << call;
  }
  EXPECT_FALSE(Findings(machine, "WRT-INIT-03").empty());  // the second Subscribe
}

// A CVssWriterEx2 as Windows Server 2008+ writers write one: InitializeEx with an instance
// name, SubscribeEx, OnIdentifyEx with the Ex metadata interface.
class ExWriter : public CVssWriterEx2 {
 public:
  HRESULT Init() {
    HRESULT hr =
        InitializeEx(kWriterId, L"SdkExWriter", 1, 2, VSS_UT_USERDATA, VSS_ST_OTHER,
                     VSS_APP_FRONT_END, 60000, VSS_AWS_NO_ALTERNATE_WRITER, false, L"instance-1");
    return FAILED(hr) ? hr : SubscribeEx(1000);
  }
  bool STDMETHODCALLTYPE OnIdentifyEx(IVssCreateWriterMetadataEx* m) override {
    identify_ex_calls++;
    void* self = nullptr;
    qi_ex = m->QueryInterface(IID_IVssCreateWriterMetadataEx, &self);
    if (self != nullptr) m->Release();
    qi_null = m->QueryInterface(IID_IUnknown, nullptr);
    if (FAILED(m->AddComponent(VSS_CT_FILEGROUP, nullptr, L"files", nullptr, nullptr, 0, false,
                               false, true))) {
      return false;
    }
    if (FAILED(m->AddFilesToFileGroup(nullptr, L"files", L"C:\\files", L"*", true, nullptr))) {
      return false;
    }
    return SUCCEEDED(m->AddExcludeFilesFromSnapshot(L"C:\\files", L"*.tmp", false));
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override {
    session_hr = GetSessionId(&session);
    shutting_down = IsWriterShuttingDown();
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }

  int identify_ex_calls = 0;
  HRESULT qi_ex = E_FAIL, qi_null = S_OK, session_hr = E_FAIL;
  VSS_ID session = GUID_NULL;
  bool shutting_down = true;
};

// Checks the CVssWriterEx/Ex2 path: OnIdentifyEx (not OnIdentify) gets the metadata, which
// answers QueryInterface for IVssCreateWriterMetadataEx (E_POINTER for a NULL out) and keeps
// AddExcludeFilesFromSnapshot (WMD-08) and the instance name of InitializeEx (WMD-01); inside
// Freeze GetSessionId gives the session (WRT-IDENTIFY-03) and the writer is not shutting down.
TEST(Sdk_Writer, WriterExUsesIdentifyExAndSessionId) {
  InProcessMachine machine;
  ScopedService scope(machine);
  ExWriter w;
  ASSERT_EQ(w.Init(), S_OK);
  TestDriver d(machine, "SdkExWriter");
  ASSERT_TRUE(d.Backup());
  EXPECT_GE(w.identify_ex_calls, 1);
  EXPECT_EQ(w.qi_ex, S_OK);
  EXPECT_EQ(w.qi_null, E_POINTER);
  EXPECT_EQ(w.session_hr, S_OK);
  EXPECT_FALSE(IsEqualGUID(w.session, GUID_NULL));
  EXPECT_FALSE(w.shutting_down);
  auto r = machine.CreateRequester();
  coordinator::AsyncPtr a;
  ASSERT_TRUE(r->InitializeForBackup().Succeeded());
  ASSERT_TRUE(TestDriver::Wait(r->GatherWriterMetadata(&a), a));
  const metadata::ExamineWriterMetadata* wmd = nullptr;
  Guid instance;
  ASSERT_TRUE(r->GetWriterMetadata(0, &instance, &wmd).Succeeded());
  EXPECT_EQ(wmd->metadata().identity.instance_name, "instance-1");
  ASSERT_EQ(wmd->metadata().exclude_files_from_snapshot.size(), 1u);
  EXPECT_EQ(wmd->metadata().exclude_files_from_snapshot[0].filespec, "*.tmp");
  r->Release();
}

}  // namespace
}  // namespace vsssim::sdk
