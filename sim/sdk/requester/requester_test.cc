// IVssBackupComponents and the requester-side COM objects over an in-process machine with a
// scripted writer: a whole backup and a restore from its saved document, the polling path of
// IVssAsync, reference counting, and bad calls (out of order, NULL, wrong index, unknown id,
// released object, not simulated).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "sim/sdk/in_process_machine.h"
#include "sim/sdk/service.h"
#include "vsssim/trace/trace.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/writer_event.h"
#include "vsssim/writer/scripted_writer.h"

#include "sim/sdk/common/finding.h"  // last (sdk_api.h)
#include "sim/sdk/common/vss_id.h"
// clang-format off
#include <vsbackup.h>
// clang-format on

namespace vsssim::sdk {
namespace {

using vss::WriterEvent;

class Sdk_Requester : public ::testing::Test {
 protected:
  Sdk_Requester() : writer_(Identity()), scope_(machine_) { machine_.Subscribe(writer_); }

  static writer::WriterIdentity Identity() {
    writer::WriterIdentity id;
    id.class_id = *Guid::Parse("5e1f2a3b-0000-4000-8000-00000000000a");
    id.name = "DemoDB";
    return id;
  }

  // Findings of `rule` in the machine's trace.
  int Findings(std::string_view rule) {
    int n = 0;
    for (const trace::Entry& e : machine_.trace().entries()) {
      if (e.kind == trace::EntryKind::kFinding && std::string_view(e.rule) == rule) ++n;
    }
    return n;
  }
  bool Received(WriterEvent event) const {
    const auto& got = writer_.received();
    return std::find(got.begin(), got.end(), event) != got.end();
  }

  // `*async` is read after `started`, the call that sets it, has been evaluated.
  static HRESULT Wait(HRESULT started, IVssAsync** handle) {
    if (FAILED(started)) return started;
    IVssAsync* async = *handle;
    HRESULT hr = async->Wait();
    HRESULT status = hr;
    if (SUCCEEDED(hr)) async->QueryStatus(&status, nullptr);
    async->Release();
    return status;
  }

  // A backup up to and including DoSnapshotSet; returns the snapshot id.
  VSS_ID BackupToSnapshot(IVssBackupComponents* b, VSS_ID* instance, VSS_ID* writer_id) {
    IVssAsync* async = nullptr;
    EXPECT_EQ(b->InitializeForBackup(), S_OK);
    EXPECT_EQ(b->SetBackupState(true, false, VSS_BT_FULL, false), S_OK);
    EXPECT_EQ(Wait(b->GatherWriterMetadata(&async), &async), VSS_S_ASYNC_FINISHED);
    IVssExamineWriterMetadata* wmd = nullptr;
    EXPECT_EQ(b->GetWriterMetadata(0, instance, &wmd), S_OK);
    VSS_ID inst;
    BSTR name = nullptr;
    VSS_USAGE_TYPE usage;
    VSS_SOURCE_TYPE source;
    EXPECT_EQ(wmd->GetIdentity(&inst, writer_id, &name, &usage, &source), S_OK);
    SysFreeString(name);
    wmd->Release();
    EXPECT_EQ(b->AddComponent(*instance, *writer_id, VSS_CT_FILEGROUP, nullptr, L"DemoDBData"),
              S_OK);
    VSS_ID set, snapshot;
    EXPECT_EQ(b->StartSnapshotSet(&set), S_OK);
    EXPECT_EQ(b->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"), GUID_NULL, &snapshot), S_OK);
    EXPECT_EQ(Wait(b->PrepareForBackup(&async), &async), VSS_S_ASYNC_FINISHED);
    EXPECT_EQ(Wait(b->DoSnapshotSet(&async), &async), VSS_S_ASYNC_FINISHED);
    return snapshot;
  }

  InProcessMachine machine_;
  writer::ScriptedWriter writer_;
  ScopedService scope_;
};

// Checks a whole backup through the SDK (metadata examined, component added, C:\ snapshot,
// properties read, BCD saved, BackupComplete) and a restore from the saved document
// (InitializeForRestore, the BCD's components through IVssWriterComponentsExt /
// IVssComponent, PreRestore, PostRestore), each reaching the writer; an IVssComponent kept
// past the requester's release answers VSS_E_BAD_STATE.
TEST_F(Sdk_Requester, FullBackupThenRestoreFromSavedBcd) {
  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(b->InitializeForBackup(), S_OK);
  ASSERT_EQ(b->SetBackupState(true, false, VSS_BT_FULL, false), S_OK);
  ASSERT_EQ(Wait(b->GatherWriterMetadata(&async), &async), VSS_S_ASYNC_FINISHED);

  UINT writers = 0;
  ASSERT_EQ(b->GetWriterMetadataCount(&writers), S_OK);
  ASSERT_EQ(writers, 1u);
  VSS_ID instance, writer_id;
  IVssExamineWriterMetadata* wmd = nullptr;
  ASSERT_EQ(b->GetWriterMetadata(0, &instance, &wmd), S_OK);
  VSS_ID inst;
  BSTR name = nullptr;
  VSS_USAGE_TYPE usage;
  VSS_SOURCE_TYPE source;
  ASSERT_EQ(wmd->GetIdentity(&inst, &writer_id, &name, &usage, &source), S_OK);
  EXPECT_EQ(std::wstring(name), L"DemoDB");
  EXPECT_EQ(ToGuid(writer_id), writer_.identity().class_id);
  SysFreeString(name);
  UINT includes = 9, excludes = 9, components = 0;
  ASSERT_EQ(wmd->GetFileCounts(&includes, &excludes, &components), S_OK);
  EXPECT_EQ(includes, 0u);
  ASSERT_EQ(components, 1u);
  IVssWMComponent* component = nullptr;
  ASSERT_EQ(wmd->GetComponent(0, &component), S_OK);
  PVSSCOMPONENTINFO info = nullptr;
  ASSERT_EQ(component->GetComponentInfo(&info), S_OK);
  EXPECT_EQ(info->type, VSS_CT_FILEGROUP);
  EXPECT_EQ(std::wstring(info->bstrComponentName), L"DemoDBData");
  EXPECT_EQ(info->bstrLogicalPath, nullptr);
  EXPECT_TRUE(info->bSelectable);
  ASSERT_EQ(info->cFileCount, 1u);
  IVssWMFiledesc* file = nullptr;
  ASSERT_EQ(component->GetFile(0, &file), S_OK);
  BSTR path = nullptr;
  ASSERT_EQ(file->GetPath(&path), S_OK);
  EXPECT_EQ(std::wstring(path), L"C:\\DemoDB");
  SysFreeString(path);
  file->Release();
  EXPECT_EQ(component->FreeComponentInfo(info), S_OK);
  component->Release();
  VSS_RESTOREMETHOD_ENUM method;
  BSTR service = nullptr, procedure = nullptr;
  VSS_WRITERRESTORE_ENUM writer_restore;
  bool reboot = true;
  UINT mappings = 9;
  ASSERT_EQ(
      wmd->GetRestoreMethod(&method, &service, &procedure, &writer_restore, &reboot, &mappings),
      S_OK);
  EXPECT_EQ(method, VSS_RME_RESTORE_IF_CAN_REPLACE);
  EXPECT_FALSE(reboot);
  wmd->Release();

  ASSERT_EQ(b->AddComponent(instance, writer_id, VSS_CT_FILEGROUP, nullptr, L"DemoDBData"), S_OK);
  VSS_ID set, snapshot;
  ASSERT_EQ(b->StartSnapshotSet(&set), S_OK);
  ASSERT_EQ(b->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"), GUID_NULL, &snapshot), S_OK);
  ASSERT_EQ(Wait(b->PrepareForBackup(&async), &async), VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(Wait(b->DoSnapshotSet(&async), &async), VSS_S_ASYNC_FINISHED);
  EXPECT_TRUE(Received(WriterEvent::kFreeze));
  EXPECT_TRUE(Received(WriterEvent::kThaw));

  VSS_SNAPSHOT_PROP prop;
  ASSERT_EQ(b->GetSnapshotProperties(snapshot, &prop), S_OK);
  EXPECT_EQ(std::wstring(prop.m_pwszOriginalVolumeName), L"C:\\");
  EXPECT_EQ(ToGuid(prop.m_SnapshotSetId), ToGuid(set));
  EXPECT_EQ(prop.m_lSnapshotsCount, 1);
  EXPECT_EQ(prop.m_eStatus, VSS_SS_CREATED);
  EXPECT_NE(std::wstring(prop.m_pwszSnapshotDeviceObject).find(L"HarddiskVolumeShadowCopy"),
            std::wstring::npos);
  VssFreeSnapshotProperties(&prop);
  EXPECT_EQ(prop.m_pwszOriginalVolumeName, nullptr);

  ASSERT_EQ(
      b->SetBackupSucceeded(instance, writer_id, VSS_CT_FILEGROUP, nullptr, L"DemoDBData", true),
      S_OK);
  BSTR bcd = nullptr;
  ASSERT_EQ(b->SaveAsXML(&bcd), S_OK);
  const std::wstring saved(bcd, SysStringLen(bcd));
  SysFreeString(bcd);
  EXPECT_NE(saved.find(L"DemoDBData"), std::wstring::npos);
  ASSERT_EQ(Wait(b->BackupComplete(&async), &async), VSS_S_ASYNC_FINISHED);
  EXPECT_TRUE(Received(WriterEvent::kBackupComplete));
  UINT statuses = 0;
  ASSERT_EQ(Wait(b->GatherWriterStatus(&async), &async), VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(b->GetWriterStatusCount(&statuses), S_OK);
  ASSERT_EQ(statuses, 1u);
  VSS_ID status_instance, status_writer;
  BSTR status_name = nullptr;
  VSS_WRITER_STATE state = VSS_WS_UNKNOWN;
  HRESULT failure = E_FAIL;
  ASSERT_EQ(b->GetWriterStatus(0, &status_instance, &status_writer, &status_name, &state, &failure),
            S_OK);
  EXPECT_EQ(state, VSS_WS_STABLE);
  EXPECT_EQ(failure, S_OK);
  SysFreeString(status_name);
  EXPECT_EQ(b->FreeWriterStatus(), S_OK);
  EXPECT_EQ(b->Release(), 0u);

  // The restore, from the saved document.
  IVssBackupComponents* r = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&r), S_OK);
  BSTR xml = SysAllocStringLen(saved.c_str(), static_cast<UINT>(saved.size()));
  ASSERT_EQ(r->InitializeForRestore(xml), S_OK);
  SysFreeString(xml);
  ASSERT_EQ(Wait(r->GatherWriterMetadata(&async), &async), VSS_S_ASYNC_FINISHED);
  UINT bcd_writers = 0;
  ASSERT_EQ(r->GetWriterComponentsCount(&bcd_writers), S_OK);
  ASSERT_EQ(bcd_writers, 1u);
  IVssWriterComponentsExt* ext = nullptr;
  ASSERT_EQ(r->GetWriterComponents(0, &ext), S_OK);
  VSS_ID ext_instance, ext_writer;
  ASSERT_EQ(ext->GetWriterInfo(&ext_instance, &ext_writer), S_OK);
  EXPECT_EQ(ToGuid(ext_writer), writer_.identity().class_id);
  UINT count = 0;
  ASSERT_EQ(ext->GetComponentCount(&count), S_OK);
  ASSERT_EQ(count, 1u);
  IVssComponent* bcd_component = nullptr;
  ASSERT_EQ(ext->GetComponent(0, &bcd_component), S_OK);
  BSTR component_name = nullptr;
  ASSERT_EQ(bcd_component->GetComponentName(&component_name), S_OK);
  EXPECT_EQ(std::wstring(component_name), L"DemoDBData");
  SysFreeString(component_name);
  bool succeeded = false;
  ASSERT_EQ(bcd_component->GetBackupSucceeded(&succeeded), S_OK);
  EXPECT_TRUE(succeeded);
  ASSERT_EQ(r->SetSelectedForRestore(ext_writer, VSS_CT_FILEGROUP, nullptr, L"DemoDBData", true),
            S_OK);
  ASSERT_EQ(Wait(r->PreRestore(&async), &async), VSS_S_ASYNC_FINISHED);
  EXPECT_TRUE(Received(WriterEvent::kPreRestore));
  ASSERT_EQ(
      r->SetFileRestoreStatus(ext_writer, VSS_CT_FILEGROUP, nullptr, L"DemoDBData", VSS_RS_ALL),
      S_OK);
  ASSERT_EQ(Wait(r->PostRestore(&async), &async), VSS_S_ASYNC_FINISHED);
  EXPECT_TRUE(Received(WriterEvent::kPostRestore));
  EXPECT_EQ(Findings(kSdkRule), 0);
  // The IVssWriterComponentsExt still held does not keep the requester: it is released now
  // (code built against mingw-w64's header cannot release the ext), and the ext answers
  // VSS_E_BAD_STATE with a REQ-LIFE-02 finding afterwards.
  EXPECT_EQ(r->Release(), 0u);
  count = 7;
  EXPECT_EQ(ext->GetComponentCount(&count), VSS_E_BAD_STATE);
  EXPECT_EQ(count, 7u);
  EXPECT_EQ(Findings("REQ-LIFE-02"), 1);
  EXPECT_EQ(ext->Release(), 0u);
  // The component outlived its requester: it answers VSS_E_BAD_STATE with a finding instead
  // of reading the coordinator's freed document.
  component_name = nullptr;
  EXPECT_EQ(bcd_component->GetComponentName(&component_name), VSS_E_BAD_STATE);
  EXPECT_EQ(component_name, nullptr);
  EXPECT_EQ(Findings(kSdkRule), 1);
  EXPECT_EQ(bcd_component->Release(), 0u);
}

// Checks that a requester polling QueryStatus without Wait (and without sleeping) sees the
// operation advance on the virtual clock and end, as Wait would have ended it.
TEST_F(Sdk_Requester, PollingQueryStatusLetsTheOperationEnd) {
  writer::ScriptedWriter::Behavior slow;
  slow.delay = std::chrono::seconds(5);
  writer_.On(WriterEvent::kIdentify, slow);
  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  ASSERT_EQ(b->InitializeForBackup(), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(b->GatherWriterMetadata(&async), S_OK);
  HRESULT status = VSS_S_ASYNC_PENDING;
  int polls = 0;
  while (status == VSS_S_ASYNC_PENDING && polls < 1000) {
    ASSERT_EQ(async->QueryStatus(&status, nullptr), S_OK);
    ++polls;
  }
  EXPECT_EQ(status, VSS_S_ASYNC_FINISHED);
  EXPECT_GT(polls, 1);  // the 5 s Identify kept it pending at first
  EXPECT_GE(machine_.clock().Now().since_start, std::chrono::seconds(5));
  async->Release();
  UINT writers = 0;
  EXPECT_EQ(b->GetWriterMetadataCount(&writers), S_OK);
  EXPECT_EQ(writers, 1u);
  b->Release();
}

// Checks AddRef/Release counts (Release returns the new count) and QueryInterface: IUnknown and
// every IVssBackupComponentsEx* answer with the same object, anything else E_NOINTERFACE, a
// NULL out-parameter E_POINTER.
TEST_F(Sdk_Requester, ReferenceCountingAndQueryInterface) {
  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  EXPECT_EQ(b->AddRef(), 2u);
  EXPECT_EQ(b->Release(), 1u);
  const IID ex4 = {0xf434c2fd, 0xb553, 0x4961, {0xa9, 0xf9, 0xa8, 0xe9, 0x0b, 0x67, 0x3e, 0x53}};
  void* object = nullptr;
  ASSERT_EQ(b->QueryInterface(ex4, &object), S_OK);
  auto* b4 = static_cast<IVssBackupComponentsEx4*>(object);
  VSS_ID session;
  EXPECT_EQ(b4->InitializeForBackup(), S_OK);
  EXPECT_EQ(b4->GetSessionId(&session), S_OK);
  EXPECT_EQ(b4->Release(), 1u);
  ASSERT_EQ(b->QueryInterface(IID_IUnknown, &object), S_OK);
  EXPECT_EQ(static_cast<IUnknown*>(object)->Release(), 1u);
  EXPECT_EQ(b->QueryInterface(IID_IVssAsync, &object), E_NOINTERFACE);
  EXPECT_EQ(object, nullptr);
  EXPECT_EQ(b->QueryInterface(IID_IUnknown, nullptr), E_POINTER);

  IVssAsync* async = nullptr;
  ASSERT_EQ(b->GatherWriterMetadata(&async), S_OK);
  EXPECT_EQ(async->AddRef(), 2u);
  EXPECT_EQ(async->Release(), 1u);
  ASSERT_EQ(async->QueryInterface(IID_IVssAsync, &object), S_OK);
  EXPECT_EQ(static_cast<IVssAsync*>(object)->Release(), 1u);
  EXPECT_EQ(async->Wait(), S_OK);
  EXPECT_EQ(async->Release(), 0u);
  EXPECT_EQ(b->Release(), 0u);
}

// Checks that calls out of the documented order get the coordinator's VSS_E_BAD_STATE (its
// call-order machine decides, not the SDK layer) and leave the object usable.
TEST_F(Sdk_Requester, OutOfOrderCallsGiveBadState) {
  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  IVssAsync* async = nullptr;
  EXPECT_EQ(b->PrepareForBackup(&async), VSS_E_BAD_STATE);  // before InitializeForBackup
  VSS_ID snapshot;
  EXPECT_EQ(b->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"), GUID_NULL, &snapshot),
            VSS_E_BAD_STATE);
  ASSERT_EQ(b->InitializeForBackup(), S_OK);
  EXPECT_EQ(b->InitializeForBackup(), VSS_E_BAD_STATE);  // GAP-04: a second one
  UINT writers = 0;
  EXPECT_EQ(b->GetWriterMetadataCount(&writers), VSS_E_BAD_STATE);  // before Gather
  EXPECT_EQ(b->Release(), 0u);
}

// Checks that NULL out-parameters and NULL required strings give E_INVALIDARG with a
// SIM-SDK-01 finding each, and E_POINTER for QueryInterface, without touching the requester.
TEST_F(Sdk_Requester, NullArgumentsGiveInvalidArgWithFinding) {
  EXPECT_EQ(CreateVssBackupComponents(nullptr), E_INVALIDARG);
  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  EXPECT_EQ(b->GatherWriterMetadata(nullptr), E_INVALIDARG);
  EXPECT_EQ(b->StartSnapshotSet(nullptr), E_INVALIDARG);
  EXPECT_EQ(b->SaveAsXML(nullptr), E_INVALIDARG);
  EXPECT_EQ(b->InitializeForRestore(nullptr), E_INVALIDARG);
  EXPECT_EQ(b->AddComponent(GUID_NULL, GUID_NULL, VSS_CT_FILEGROUP, nullptr, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(Findings(kSdkRule), 6);
  ASSERT_EQ(b->InitializeForBackup(), S_OK);  // still usable: nothing reached the coordinator
  EXPECT_EQ(b->Release(), 0u);
}

// Checks wrong indexes and unknown ids: a writer index beyond the count is
// VSS_E_OBJECT_NOT_FOUND (REQ-CALL-07), a component index beyond the WMD's is E_INVALIDARG
// with a finding, an unknown snapshot id VSS_E_OBJECT_NOT_FOUND.
TEST_F(Sdk_Requester, WrongIndexesAndUnknownIds) {
  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  VSS_ID instance, writer_id;
  const VSS_ID snapshot = BackupToSnapshot(b, &instance, &writer_id);
  VSS_ID other;
  IVssExamineWriterMetadata* wmd = nullptr;
  EXPECT_EQ(b->GetWriterMetadata(7, &other, &wmd), VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(b->GetWriterMetadata(0, &other, &wmd), S_OK);
  IVssWMComponent* component = nullptr;
  const int before = Findings(kSdkRule);
  EXPECT_EQ(wmd->GetComponent(3, &component), E_INVALIDARG);
  EXPECT_EQ(Findings(kSdkRule), before + 1);
  wmd->Release();
  VSS_SNAPSHOT_PROP prop;
  VSS_ID unknown = ToVssId(*Guid::Parse("11111111-2222-3333-4444-555555555555"));
  EXPECT_EQ(b->GetSnapshotProperties(unknown, &prop), VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(b->GetSnapshotProperties(snapshot, &prop), S_OK);
  VssFreeSnapshotProperties(&prop);
  b->AbortBackup();
  b->Release();
}

// Checks Query: the enumerator lists the session's snapshot (VSS_OBJECT_SNAPSHOT, Obj.Snap),
// Next returns S_FALSE when fewer are left than asked, Reset and Clone restart / copy.
TEST_F(Sdk_Requester, QueryEnumeratesSnapshots) {
  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  VSS_ID instance, writer_id;
  const VSS_ID snapshot = BackupToSnapshot(b, &instance, &writer_id);
  IVssEnumObject* list = nullptr;
  ASSERT_EQ(b->Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT, &list), S_OK);
  VSS_OBJECT_PROP props[2];
  ULONG fetched = 9;
  EXPECT_EQ(list->Next(2, props, &fetched), S_FALSE);
  ASSERT_EQ(fetched, 1u);
  EXPECT_EQ(props[0].Type, VSS_OBJECT_SNAPSHOT);
  EXPECT_EQ(ToGuid(props[0].Obj.Snap.m_SnapshotId), ToGuid(snapshot));
  VssFreeSnapshotProperties(&props[0].Obj.Snap);
  EXPECT_EQ(list->Next(1, props, &fetched), S_FALSE);
  EXPECT_EQ(fetched, 0u);
  EXPECT_EQ(list->Reset(), S_OK);
  IVssEnumObject* copy = nullptr;
  ASSERT_EQ(list->Clone(&copy), S_OK);
  EXPECT_EQ(copy->Next(1, props, &fetched), S_OK);
  VssFreeSnapshotProperties(&props[0].Obj.Snap);
  EXPECT_EQ(copy->Release(), 0u);
  EXPECT_EQ(list->Release(), 0u);
  EXPECT_EQ(b->Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_PROVIDER, &list), E_INVALIDARG);
  b->AbortBackup();
  b->Release();
}

// Checks that a call through a pointer to a released IVssBackupComponents answers
// VSS_E_BAD_STATE with a REQ-LIFE-02 finding instead of reading freed memory.
TEST_F(Sdk_Requester, ReleasedObjectAnswersBadState) {
  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  ASSERT_EQ(b->InitializeForBackup(), S_OK);
  ASSERT_EQ(b->Release(), 0u);
  const int before = Findings("REQ-LIFE-02");
  EXPECT_EQ(b->SetBackupState(true, false, VSS_BT_FULL, false), VSS_E_BAD_STATE);
  EXPECT_EQ(b->Release(), 0u);
  EXPECT_EQ(Findings("REQ-LIFE-02"), before + 2);
}

// Checks that methods vsssim does not simulate say so: E_NOTIMPL and a SIM-SDK-02 finding,
// never a pretended success.
TEST_F(Sdk_Requester, NotSimulatedMethodsAreNotImplemented) {
  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  ASSERT_EQ(b->InitializeForBackup(), S_OK);
  EXPECT_EQ(b->BreakSnapshotSet(GUID_NULL), E_NOTIMPL);
  VSS_PWSZ exposed = const_cast<VSS_PWSZ>(L"x");
  EXPECT_EQ(b->ExposeSnapshot(GUID_NULL, nullptr, 0, nullptr, &exposed), E_NOTIMPL);
  EXPECT_EQ(exposed, nullptr);
  EXPECT_EQ(b->RevertToSnapshot(GUID_NULL, TRUE), E_NOTIMPL);
  EXPECT_EQ(Findings("SIM-SDK-02"), 3);
  b->Release();
}

// Checks CreateVssExamineWriterMetadata: a document saved from GetWriterMetadata loads back
// with the same identity; text that is not a Writer Metadata Document gives
// VSS_E_INVALID_XML_DOCUMENT and no object.
TEST_F(Sdk_Requester, ExamineWriterMetadataFromXml) {
  IVssBackupComponents* b = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&b), S_OK);
  ASSERT_EQ(b->InitializeForBackup(), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(Wait(b->GatherWriterMetadata(&async), &async), VSS_S_ASYNC_FINISHED);
  VSS_ID instance;
  IVssExamineWriterMetadata* wmd = nullptr;
  ASSERT_EQ(b->GetWriterMetadata(0, &instance, &wmd), S_OK);
  BSTR xml = nullptr;
  ASSERT_EQ(wmd->SaveAsXML(&xml), S_OK);
  wmd->Release();
  b->Release();

  IVssExamineWriterMetadata* loaded = nullptr;
  ASSERT_EQ(CreateVssExamineWriterMetadata(xml, &loaded), S_OK);
  SysFreeString(xml);
  VSS_ID inst, writer_id;
  BSTR name = nullptr;
  VSS_USAGE_TYPE usage;
  VSS_SOURCE_TYPE source;
  ASSERT_EQ(loaded->GetIdentity(&inst, &writer_id, &name, &usage, &source), S_OK);
  EXPECT_EQ(std::wstring(name), L"DemoDB");
  SysFreeString(name);
  EXPECT_EQ(loaded->Release(), 0u);

  BSTR bad = SysAllocString(L"<not-a-wmd/>");
  loaded = reinterpret_cast<IVssExamineWriterMetadata*>(&bad);
  EXPECT_EQ(CreateVssExamineWriterMetadata(bad, &loaded), VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(loaded, nullptr);
  SysFreeString(bad);
}

}  // namespace
}  // namespace vsssim::sdk
