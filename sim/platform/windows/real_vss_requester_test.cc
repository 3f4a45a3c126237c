// Checks the Windows engine's mapping — our call -> IVssBackupComponents call -> our result —
// against a fake IVssBackupComponentsEx3 (real VSS cannot run under Wine, whose VSS answers
// E_NOTIMPL). Each test names the catalogue rule the mapping must respect. Windows headers
// define the HRESULT names as macros, so expected values are written FromHresult(SDK_NAME).
#include "sim/platform/windows/real_vss_requester.h"

#include <gtest/gtest.h>

#include "sim/platform/windows/testing/fake_backup_components.h"
#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/component.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::platform::windows {
namespace {

using testing::FakeBackupComponents;

class Platform_RealVssRequester : public ::testing::Test {
 protected:
  void SetUp() override {
    fake_ = new FakeBackupComponents();  // reference 1: ours
    fake_->AddRef();                     // reference 2: handed to the engine
    requester_ = std::make_unique<RealVssRequester>(static_cast<IVssBackupComponents*>(fake_));
  }
  void TearDown() override {
    requester_.reset();
    fake_->Release();
  }
  const std::vector<std::string>& calls() const { return fake_->calls; }

  FakeBackupComponents* fake_ = nullptr;
  std::unique_ptr<RealVssRequester> requester_;
};

const Guid kWriter = *Guid::Parse("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");
const Guid kInstance = *Guid::Parse("{0B2A6E67-A5B4-4F51-87B8-2B0A3A5A4C11}");

// Checks that arguments are converted as the SDK expects: UTF-16 strings, NULL for an empty
// logical path (REQ-CALL-09), GUIDs unchanged, enum values unchanged.
TEST_F(Platform_RealVssRequester, REQ_CALL_09_BackupCallsMapArgumentsToTheSdk) {
  EXPECT_EQ(requester_->InitializeForBackup({}), FromHresult(S_OK));
  EXPECT_EQ(requester_->SetContext(0x19), FromHresult(S_OK));
  EXPECT_EQ(requester_->SetBackupState(true, false, vss::BackupType::VSS_BT_INCREMENTAL, true),
            FromHresult(S_OK));
  EXPECT_EQ(requester_->AddComponent(kInstance, kWriter, vss::ComponentType::VSS_CT_DATABASE, "",
                                     "master"),
            FromHresult(S_OK));
  EXPECT_EQ(requester_->SetBackupOptions(kWriter, vss::ComponentType::VSS_CT_FILEGROUP, "Host\\Db",
                                         "Ünïcode", "opts"),
            FromHresult(S_OK));
  ASSERT_EQ(calls().size(), 5u);
  EXPECT_EQ(calls()[0], "InitializeForBackup(NULL)");
  EXPECT_EQ(calls()[1], "SetContext(25)");
  EXPECT_EQ(calls()[2], "SetBackupState(1,0,2,1)");
  EXPECT_EQ(calls()[3], "AddComponent(" + kInstance.ToString() + "," + kWriter.ToString() +
                            ",1,NULL,\"master\")");
  EXPECT_EQ(calls()[4],
            "SetBackupOptions(" + kWriter.ToString() + ",2,\"Host\\Db\",\"Ünïcode\",\"opts\")");
}

// Checks that the SDK's HRESULT comes back unchanged, success or failure.
TEST_F(Platform_RealVssRequester, REQ_CALL_12_ResultsComeBackUnchanged) {
  fake_->results["StartSnapshotSet"] = VSS_E_SNAPSHOT_SET_IN_PROGRESS;
  Guid set;
  EXPECT_EQ(requester_->StartSnapshotSet(&set), FromHresult(VSS_E_SNAPSHOT_SET_IN_PROGRESS));
  fake_->results["AbortBackup"] = VSS_E_BAD_STATE;
  EXPECT_EQ(requester_->AbortBackup(), FromHresult(VSS_E_BAD_STATE));
  fake_->results.clear();
  EXPECT_EQ(requester_->StartSnapshotSet(&set), FromHresult(S_OK));
  EXPECT_EQ(set, FromGuid(fake_->snapshot_set_id));
}

// Checks that volume names get the trailing backslash the SDK requires (REQ-CALL-13).
TEST_F(Platform_RealVssRequester, REQ_CALL_13_VolumeNamesGetTheirTrailingBackslash) {
  Guid snapshot;
  EXPECT_EQ(requester_->AddToSnapshotSet("C:", kGuidNull, &snapshot), FromHresult(S_OK));
  EXPECT_EQ(snapshot, FromGuid(fake_->snapshot_id));
  bool supported = false;
  EXPECT_EQ(requester_->IsVolumeSupported(kGuidNull, "D:\\", &supported), FromHresult(S_OK));
  EXPECT_TRUE(supported);
  EXPECT_EQ(calls()[0], "AddToSnapshotSet(\"C:\\\"," + kGuidNull.ToString() + ",*)");
  EXPECT_EQ(calls()[1], "IsVolumeSupported(" + kGuidNull.ToString() + ",\"D:\\\",*)");
}

// Checks the IVssAsync mapping (ASYNC-02/03): Wait gives S_OK for FINISHED and the failure
// otherwise; QueryStatus passes the status through.
TEST_F(Platform_RealVssRequester, ASYNC_03_WaitReportsTheOperationsResult) {
  coordinator::AsyncPtr async;
  ASSERT_EQ(requester_->DoSnapshotSet(&async), FromHresult(S_OK));
  ASSERT_NE(async, nullptr);
  EXPECT_EQ(async->Wait(coordinator::Async::kInfinite), FromHresult(S_OK));
  HResult status;
  EXPECT_EQ(async->QueryStatus(&status), FromHresult(S_OK));
  EXPECT_EQ(status, FromHresult(VSS_S_ASYNC_FINISHED));

  fake_->async_status = VSS_E_FLUSH_WRITES_TIMEOUT;
  ASSERT_EQ(requester_->DoSnapshotSet(&async), FromHresult(S_OK));
  EXPECT_EQ(async->Wait(coordinator::Async::kInfinite), FromHresult(VSS_E_FLUSH_WRITES_TIMEOUT));

  fake_->results["PrepareForBackup"] = VSS_E_BAD_STATE;
  coordinator::AsyncPtr none;
  EXPECT_EQ(requester_->PrepareForBackup(&none), FromHresult(VSS_E_BAD_STATE));
  EXPECT_EQ(none, nullptr);
}

// Checks that real writer metadata arrives as the simulator's ExamineWriterMetadata, read from
// the UTF-16 XML real VSS saves (XML-02), and is dropped by FreeWriterMetadata.
TEST_F(Platform_RealVssRequester, XML_02_WriterMetadataIsReadFromTheRealDocument) {
  metadata::WriterIdentity identity;
  identity.writer_id = kWriter;
  identity.instance_id = kInstance;
  identity.writer_name = "SqlServerWriter";
  metadata::CreateWriterMetadata wmd(identity);
  ASSERT_EQ(wmd.AddComponent(vss::ComponentType::VSS_CT_FILEGROUP, "HOST", "master", "", {}, false,
                             true, true, true, vss::ComponentFlags{2}),
            FromHresult(S_OK));
  fake_->writer_documents.push_back(Widen(metadata::WriteWriterMetadataXml(wmd.metadata())));
  fake_->writer_documents.push_back(L"<not a writer document");

  std::uint32_t count = 0;
  ASSERT_EQ(requester_->GetWriterMetadataCount(&count), FromHresult(S_OK));
  EXPECT_EQ(count, 2u);
  Guid instance;
  const metadata::ExamineWriterMetadata* examine = nullptr;
  ASSERT_EQ(requester_->GetWriterMetadata(0, &instance, &examine), FromHresult(S_OK));
  ASSERT_NE(examine, nullptr);
  Guid instance_id, writer_id;
  std::string name;
  vss::UsageType usage;
  vss::SourceType source;
  ASSERT_EQ(examine->GetIdentity(&instance_id, &writer_id, &name, &usage, &source),
            FromHresult(S_OK));
  EXPECT_EQ(writer_id, kWriter);
  EXPECT_EQ(name, "SqlServerWriter");
  std::uint32_t includes = 0, excludes = 0, components = 0;
  ASSERT_EQ(examine->GetFileCounts(&includes, &excludes, &components), FromHresult(S_OK));
  EXPECT_EQ(components, 1u);

  EXPECT_EQ(requester_->GetWriterMetadata(1, &instance, &examine),
            FromHresult(VSS_E_INVALID_XML_DOCUMENT));
  EXPECT_EQ(requester_->GetWriterMetadata(2, &instance, &examine),
            FromHresult(VSS_E_OBJECT_NOT_FOUND));
  EXPECT_EQ(requester_->FreeWriterMetadata(), FromHresult(S_OK));
}

// Checks GetWriterStatus through GetWriterStatusEx (REQ-STAT-03/04, WRT-ERR-02).
TEST_F(Platform_RealVssRequester, REQ_STAT_04_StatusMapsStateFailureAndApplicationFields) {
  coordinator::WriterStatus status;
  ASSERT_EQ(requester_->GetWriterStatus(0, &status), FromHresult(S_OK));
  EXPECT_EQ(status.writer_name, "SqlServerWriter");
  EXPECT_EQ(status.state, vss::WriterState::VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(status.failure, FromHresult(VSS_E_WRITERERROR_TIMEOUT));
  EXPECT_EQ(status.application_failure, FromHresult(E_FAIL));
  EXPECT_EQ(status.application_message, "freeze took too long");
}

// Checks snapshot properties and Query (REQ-CALL-20, REQ-CALL-26): attributes, context bits,
// strings and ids survive the conversion.
TEST_F(Platform_RealVssRequester, REQ_CALL_26_SnapshotPropertiesAndQuery) {
  storage::SnapshotProperties p;
  ASSERT_EQ(requester_->GetSnapshotProperties(FromGuid(fake_->snapshot_id), &p), FromHresult(S_OK));
  EXPECT_EQ(p.snapshot_set_id, FromGuid(fake_->snapshot_set_id));
  EXPECT_EQ(p.context, vss::SnapshotContext::VSS_CTX_NAS_ROLLBACK);
  EXPECT_EQ(p.state, vss::SnapshotState::VSS_SS_CREATED);
  EXPECT_EQ(p.device_object, "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7");
  std::vector<storage::SnapshotProperties> all;
  ASSERT_EQ(requester_->Query(kGuidNull, vss::ObjectType::VSS_OBJECT_NONE,
                              vss::ObjectType::VSS_OBJECT_SNAPSHOT, &all),
            FromHresult(S_OK));
  EXPECT_EQ(all.size(), 2u);
  std::int32_t deleted = 0;
  Guid failed;
  EXPECT_EQ(requester_->DeleteSnapshots(p.snapshot_set_id, vss::ObjectType::VSS_OBJECT_SNAPSHOT_SET,
                                        true, &deleted, &failed),
            FromHresult(S_OK));
  EXPECT_EQ(deleted, 3);
  EXPECT_EQ(calls().back(), "DeleteSnapshots(" + p.snapshot_set_id.ToString() + ",2,1,*,*)");
}

// Checks GetSessionId through IVssBackupComponentsEx3 and E_NOTIMPL without it (REQ-CALL-43).
TEST_F(Platform_RealVssRequester, REQ_CALL_43_SessionIdNeedsEx3) {
  Guid session;
  EXPECT_EQ(requester_->GetSessionId(&session), FromHresult(S_OK));
  EXPECT_EQ(session, FromGuid(fake_->session_id));
  fake_->supports_ex3 = false;
  EXPECT_EQ(requester_->GetSessionId(&session), FromHresult(E_NOTIMPL));
}

// Checks that Release drops the COM reference (what makes VSS send BackupShutdown,
// REQ-LIFE-04) and that later calls are refused with VSS_E_BAD_STATE.
TEST_F(Platform_RealVssRequester, REQ_LIFE_04_ReleaseDropsTheReference) {
  EXPECT_EQ(requester_->Release(), FromHresult(S_OK));
  EXPECT_EQ(calls().back(), "Release()");
  EXPECT_EQ(requester_->AbortBackup(), FromHresult(VSS_E_BAD_STATE));
  EXPECT_EQ(requester_->Release(), FromHresult(VSS_E_BAD_STATE));
}

// Checks that the restore calls map their arguments as the backup calls do (REQ-CALL-09: an
// empty logical path is NULL), that the Ex/Ex2 methods go through their interface and release
// it, and that PreRestore / PostRestore hand out waitable operations.
TEST_F(Platform_RealVssRequester, REQ_RST_01_RestoreCallsMapArgumentsToTheSdk) {
  const auto db = vss::ComponentType::VSS_CT_DATABASE;
  EXPECT_EQ(requester_->InitializeForRestore("<BACKUP_COMPONENTS/>"), FromHresult(S_OK));
  EXPECT_EQ(requester_->SetRestoreState(vss::RestoreType::VSS_RTYPE_BY_COPY), FromHresult(S_OK));
  EXPECT_EQ(requester_->SetSelectedForRestore(kWriter, db, "", "master", true), FromHresult(S_OK));
  EXPECT_EQ(requester_->SetSelectedForRestoreEx(kWriter, db, "Host", "m", true, kInstance),
            FromHresult(S_OK));
  EXPECT_EQ(requester_->AddRestoreSubcomponent(kWriter, db, "", "master", "sub", "s1", false),
            FromHresult(S_OK));
  EXPECT_EQ(requester_->SetRestoreOptions(kWriter, db, "", "master", "o"), FromHresult(S_OK));
  EXPECT_EQ(requester_->SetAdditionalRestores(kWriter, db, "", "master", true), FromHresult(S_OK));
  EXPECT_EQ(
      requester_->AddNewTarget(kWriter, db, "", "master", "C:\\db", "*.mdf", false, "D:\\new"),
      FromHresult(S_OK));
  EXPECT_EQ(requester_->SetAuthoritativeRestore(kWriter, db, "", "master", true),
            FromHresult(S_OK));
  EXPECT_EQ(
      requester_->SetRollForward(kWriter, db, "", "master", vss::RollForwardType::VSS_RF_NONE, ""),
      FromHresult(S_OK));
  EXPECT_EQ(requester_->SetRestoreName(kWriter, db, "", "master", "n"), FromHresult(S_OK));
  coordinator::AsyncPtr pre;
  ASSERT_EQ(requester_->PreRestore(&pre), FromHresult(S_OK));
  ASSERT_NE(pre, nullptr);
  EXPECT_EQ(pre->Wait(), FromHresult(S_OK));
  EXPECT_EQ(requester_->SetFileRestoreStatus(kWriter, db, "", "master",
                                             vss::FileRestoreStatus::VSS_RS_ALL),
            FromHresult(S_OK));
  EXPECT_EQ(requester_->AddAlternativeLocationMapping(kWriter, db, "", "master", "C:\\db", "*",
                                                      true, "E:\\alt"),
            FromHresult(S_OK));
  EXPECT_EQ(requester_->SetRangesFilePath(kWriter, db, "", "master", 2, "C:\\r.bin"),
            FromHresult(S_OK));
  coordinator::AsyncPtr post;
  ASSERT_EQ(requester_->PostRestore(&post), FromHresult(S_OK));
  EXPECT_EQ(post->Wait(), FromHresult(S_OK));

  const std::string w = kWriter.ToString();
  const std::vector<std::string> want = {
      "InitializeForRestore(\"<BACKUP_COMPONENTS/>\")",
      "SetRestoreState(1)",
      "SetSelectedForRestore(" + w + ",1,NULL,\"master\",1)",
      "SetSelectedForRestoreEx(" + w + ",1,\"Host\",\"m\",1," + kInstance.ToString() + ")",
      "Release()",  // the IVssBackupComponentsEx/Ex2 interface, released again
      "AddRestoreSubcomponent(" + w + ",1,NULL,\"master\",\"sub\",\"s1\",0)",
      "SetRestoreOptions(" + w + ",1,NULL,\"master\",\"o\")",
      "SetAdditionalRestores(" + w + ",1,NULL,\"master\",1)",
      "AddNewTarget(" + w + ",1,NULL,\"master\",\"C:\\db\",\"*.mdf\",0,\"D:\\new\")",
      "SetAuthoritativeRestore(" + w + ",1,NULL,\"master\",1)",
      "Release()",  // the IVssBackupComponentsEx/Ex2 interface, released again
      "SetRollForward(" + w + ",1,NULL,\"master\",1,NULL)",
      "Release()",  // the IVssBackupComponentsEx/Ex2 interface, released again
      "SetRestoreName(" + w + ",1,NULL,\"master\",\"n\")",
      "Release()",  // the IVssBackupComponentsEx/Ex2 interface, released again
      "PreRestore(*)",
      "SetFileRestoreStatus(" + w + ",1,NULL,\"master\",2)",
      "AddAlternativeLocationMapping(" + w + ",1,NULL,\"master\",\"C:\\db\",\"*\",1,\"E:\\alt\")",
      "SetRangesFilePath(" + w + ",1,NULL,\"master\",2,\"C:\\r.bin\")",
      "PostRestore(*)",
  };
  EXPECT_EQ(calls(), want);
}

// Checks that GetWriterComponents names the writer through the SDK's object and hands out the
// simulator's view of that writer's components read from the BCD real VSS saves, as a
// requester's view: writer-only setters refused (BCD-WIN-05, REQ-CALL-25).
TEST_F(Platform_RealVssRequester, REQ_CALL_25_WriterComponentsComeFromTheSavedDocument) {
  metadata::BackupComponents bcd;
  bcd.select_components = true;
  metadata::WriterComponents writer;
  writer.writer_id = kWriter;
  writer.instance_id = kInstance;
  metadata::ComponentState master;
  master.type = vss::ComponentType::VSS_CT_DATABASE;
  master.name = "master";
  master.backup_stamp = "stamp-1";
  writer.components.push_back(master);
  bcd.writers.push_back(writer);
  fake_->bcd_document = Widen(metadata::WriteBackupComponentsXml(bcd));
  fake_->bcd_writers.push_back({ToGuid(kInstance), ToGuid(kWriter)});

  ASSERT_EQ(requester_->InitializeForRestore("<BACKUP_COMPONENTS/>"), FromHresult(S_OK));
  std::uint32_t count = 0;
  ASSERT_EQ(requester_->GetWriterComponentsCount(&count), FromHresult(S_OK));
  EXPECT_EQ(count, 1u);
  coordinator::WriterComponentsExt* view = nullptr;
  ASSERT_EQ(requester_->GetWriterComponents(0, &view), FromHresult(S_OK));
  ASSERT_NE(view, nullptr);
  Guid instance, writer_id;
  ASSERT_EQ(view->GetWriterInfo(&instance, &writer_id), FromHresult(S_OK));
  EXPECT_EQ(instance, kInstance);
  EXPECT_EQ(writer_id, kWriter);
  ASSERT_EQ(view->GetComponentCount(), 1u);
  metadata::Component* component = nullptr;
  ASSERT_EQ(view->GetComponent(0, &component), FromHresult(S_OK));
  std::string name, stamp;
  ASSERT_EQ(component->GetComponentName(&name), FromHresult(S_OK));
  EXPECT_EQ(name, "master");
  ASSERT_EQ(component->GetBackupStamp(&stamp), FromHresult(S_OK));
  EXPECT_EQ(stamp, "stamp-1");
  EXPECT_EQ(component->SetRestoreTarget(vss::RestoreTarget::VSS_RT_ALTERNATE),
            FromHresult(VSS_E_BAD_STATE));

  EXPECT_EQ(requester_->GetWriterComponents(1, &view), FromHresult(VSS_E_OBJECT_NOT_FOUND));
  fake_->bcd_document = L"<not a document";
  EXPECT_EQ(requester_->GetWriterComponents(0, &view), FromHresult(VSS_E_INVALID_XML_DOCUMENT));
}

}  // namespace
}  // namespace vsssim::platform::windows
