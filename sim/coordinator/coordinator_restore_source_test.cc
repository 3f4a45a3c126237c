// Where a restore takes its facts from (CATALOGUE.md §2.4 restore initialisation): the stored
// BCD and the stored WMDs, with the live writers' Identify used only to learn which writers
// exist (REQ-RST-01), and GatherWriterMetadata as the restore's discovery step (REQ-RST-02).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/coordinator/restore_harness.h"
#include "vsssim/backup/restore_files.h"
#include "vsssim/metadata/xml_codec.h"
#include "vsssim/storage/volume_manager.h"

namespace vsssim::coordinator {
namespace {

using testing::Act;
using testing::Backup;
using testing::BackupWithWmds;
using testing::Declare;
using testing::Harness;
using testing::kFileGroup;
using testing::Restore;
using testing::StoredBackup;
using vss::RestoreMethod;
using vss::WriterEvent;
using vss::WriterRestore;
using Names = std::vector<std::string>;

// The live writer now declares only component `component` over C:\<dir>\*, with
// VSS_RME_RESTORE_IF_CAN_REPLACE and no alternate location mapping.
void Redeclare(writer::ScriptedWriter& w, const std::string& component, const std::string& dir) {
  w.SetIdentify([=](metadata::CreateWriterMetadata& m) {
    m.SetRestoreMethod(RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                       WriterRestore::VSS_WRE_ALWAYS, false);
    m.AddComponent(kFileGroup, "", component, component, {}, false, false, true, true);
    m.AddFilesToFileGroup("", component, "C:\\" + dir, "*", true, "");
  });
}

// The component names of the writer's current IVssWriterComponents.
Names ComponentNames(writer::ScriptedWriter& w) {
  Names out;
  writer::WriterComponents* list = w.current_components();
  for (std::uint32_t i = 0; list != nullptr && i < list->GetComponentCount(); ++i) {
    metadata::Component* c = nullptr;
    std::string name;
    if (list->GetComponent(i, &c).Succeeded()) c->GetComponentName(&name);
    out.push_back(name);
  }
  return out;
}

// The component names of the live WMD at `index` of the restore's GetWriterMetadata.
Names LiveComponents(Requester& r, std::uint32_t index) {
  Guid instance;
  const metadata::ExamineWriterMetadata* wmd = nullptr;
  Names out;
  if (r.GetWriterMetadata(index, &instance, &wmd).Failed()) return out;
  std::uint32_t include = 0, exclude = 0, count = 0;
  wmd->GetFileCounts(&include, &exclude, &count);
  for (std::uint32_t i = 0; i < count; ++i) {
    metadata::WMComponent c;
    metadata::ComponentInfo info;
    wmd->GetComponent(i, &c);
    c.GetComponentInfo(&info);
    out.push_back(info.component_name);
  }
  return out;
}

Guid WriterClassOf(Requester& r, std::uint32_t index) {
  Guid instance, writer;
  const metadata::ExamineWriterMetadata* wmd = nullptr;
  std::string name;
  vss::UsageType usage;
  vss::SourceType source;
  if (r.GetWriterMetadata(index, &instance, &wmd).Succeeded()) {
    wmd->GetIdentity(&instance, &writer, &name, &usage, &source);
  }
  return writer;
}

// Checks that REQ-RST-01 holds when the live writer's components changed since the backup:
// the live WMD is listed (the writer is learned), but GetWriterComponents, selection and the
// components the writer sees in PreRestore/PostRestore are the stored BCD's, and a component
// only the live WMD declares cannot be selected.
TEST(Coordinator_Restore, REQ_RST_01_ComponentsComeFromTheStoredBcdNotTheLiveWmd) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a);
  const std::string xml = Backup(h);
  Redeclare(a, "Other", "Elsewhere");  // AData is gone from the live WMD
  Names at_pre, at_post;
  a.On(WriterEvent::kPreRestore,
       Act([&](writer::ScriptedWriter& w) { at_pre = ComponentNames(w); }));
  a.On(WriterEvent::kPostRestore,
       Act([&](writer::ScriptedWriter& w) { at_post = ComponentNames(w); }));
  Restore rs(h, xml);
  std::uint32_t count = 0;
  ASSERT_EQ(rs.r->GetWriterMetadataCount(&count), hr::S_OK);
  ASSERT_EQ(count, 1u);
  EXPECT_EQ(WriterClassOf(*rs.r, 0), a.identity().class_id);
  EXPECT_EQ(LiveComponents(*rs.r, 0), Names{"Other"});
  ASSERT_EQ(rs.r->GetWriterComponentsCount(&count), hr::S_OK);
  EXPECT_EQ(count, 1u);
  WriterComponentsExt* stored = nullptr;
  ASSERT_EQ(rs.r->GetWriterComponents(0, &stored), hr::S_OK);
  Guid instance, writer_id;
  ASSERT_EQ(stored->GetWriterInfo(&instance, &writer_id), hr::S_OK);
  EXPECT_EQ(writer_id, a.identity().class_id);
  ASSERT_EQ(stored->GetComponentCount(), 1u);
  EXPECT_EQ(rs.r->SetSelectedForRestore(a.identity().class_id, kFileGroup, "", "Other", true),
            hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(rs.Select(a), hr::S_OK);  // AData: stored BCD
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  metadata::Component* c = rs.ReadBack();
  ASSERT_NE(c, nullptr);
  std::string name;
  c->GetComponentName(&name);
  EXPECT_EQ(name, "AData");
  ASSERT_EQ(rs.Status(a), hr::S_OK);
  ASSERT_EQ(rs.Post(), hr::S_OK);
  EXPECT_EQ(at_pre, Names{"AData"});
  EXPECT_EQ(at_post, Names{"AData"});
  EXPECT_EQ(h.EventsTo("writer:A", "rst"), (Names{"Identify", "PreRestore", "PostRestore"}));
  EXPECT_TRUE(h.Entries(trace::EntryKind::kFinding).empty()) << trace::RenderText(h.trace);
}

// Checks that a writer running only at restore time is learned from its live WMD
// (GetWriterMetadata lists it) but gets no components: it is not in GetWriterComponents,
// its component cannot be selected, and it gets no restore event (REQ-RST-01).
TEST(Coordinator_Restore, REQ_RST_01_WriterOnlyLiveAtRestoreIsLearnedButGetsNoComponents) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a);
  const std::string xml = Backup(h);
  writer::ScriptedWriter& b = h.AddWriter("B");
  Declare(b);
  Restore rs(h, xml);
  std::uint32_t count = 0;
  ASSERT_EQ(rs.r->GetWriterMetadataCount(&count), hr::S_OK);
  ASSERT_EQ(count, 2u);
  EXPECT_EQ(WriterClassOf(*rs.r, 1), b.identity().class_id);
  EXPECT_EQ(LiveComponents(*rs.r, 1), (Names{"BData", "Part"}));
  ASSERT_EQ(rs.r->GetWriterComponentsCount(&count), hr::S_OK);
  EXPECT_EQ(count, 1u);
  WriterComponentsExt* only = nullptr;
  ASSERT_EQ(rs.r->GetWriterComponents(0, &only), hr::S_OK);
  Guid instance, writer_id;
  ASSERT_EQ(only->GetWriterInfo(&instance, &writer_id), hr::S_OK);
  EXPECT_EQ(writer_id, a.identity().class_id);
  EXPECT_EQ(rs.r->GetWriterComponents(1, &only), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(rs.Select(b), hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  ASSERT_NE(rs.ReadBack(), nullptr);
  ASSERT_EQ(rs.Status(a), hr::S_OK);
  ASSERT_EQ(rs.Post(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:B", "rst"), Names{"Identify"});
  EXPECT_EQ(h.EventsTo("writer:A", "rst"), (Names{"Identify", "PreRestore", "PostRestore"}));
}

// The restore's data copy (§2.4 step 12) of one file C:\A\db.mdf of component AData, with the
// BCD as the restore session holds it after PreRestore (REQ-RST-07) and `writers` as the WMDs
// (empty: the stored ones of the set).
backup::RestoreReport CopyData(Requester& r, const backup::BackupSet& set,
                               std::vector<metadata::WriterMetadata> writers,
                               storage::VolumeManager* volumes) {
  backup::RestoreRequest request;
  request.set = &set;
  auto stored = metadata::ReadBackupComponentsXml(set.bcd_xml, set.label);
  EXPECT_TRUE(stored.ok());
  if (stored.ok()) request.bcd = std::move(*stored.document);
  request.bcd.writers.clear();
  std::uint32_t count = 0;
  EXPECT_EQ(r.GetWriterComponentsCount(&count), hr::S_OK);
  for (std::uint32_t i = 0; i < count; ++i) {
    WriterComponentsExt* wc = nullptr;
    if (r.GetWriterComponents(i, &wc).Failed()) break;
    metadata::WriterComponents w;
    wc->GetWriterInfo(&w.instance_id, &w.writer_id);
    for (std::uint32_t j = 0; j < wc->GetComponentCount(); ++j) {
      metadata::Component* c = nullptr;
      if (wc->GetComponent(j, &c).Succeeded()) w.components.push_back(c->state());
    }
    request.bcd.writers.push_back(std::move(w));
  }
  request.writers = std::move(writers);
  return backup::RestoreFiles(request, volumes);
}

std::string Read(storage::VolumeManager& volumes, const std::string& path) {
  std::string s;
  const storage::Volume* v = volumes.Find(path);
  return v != nullptr && v->ReadFile(path, &s).Succeeded() ? s : "<none>";
}

// Checks that the data of a restore is placed by the stored WMD (REQ-RST-01): the backup-time
// writer declared VSS_RME_RESTORE_TO_ALTERNATE_LOCATION with C:\A -> D:\A, the live writer
// now declares IF_CAN_REPLACE without a mapping; the file goes to D:\A. The same copy with
// the live WMD would put it back at C:\A, so the stored WMD decided.
TEST(Coordinator_Restore, REQ_RST_01_DataIsRestoredWithTheStoredWmd) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a, RestoreMethod::VSS_RME_RESTORE_TO_ALTERNATE_LOCATION);
  const StoredBackup stored = BackupWithWmds(h);
  ASSERT_EQ(stored.wmd_xmls.size(), 1u);
  auto backup_wmd = metadata::ReadWriterMetadataXml(stored.wmd_xmls[0], "stored");
  ASSERT_TRUE(backup_wmd.ok());
  backup::BackupSet set;
  set.label = "full";
  set.bcd_xml = stored.bcd_xml;
  set.wmd_xmls = stored.wmd_xmls;
  backup::FileRecord file;
  file.component.writer_id = a.identity().class_id;
  file.component.instance_id = backup_wmd.document->identity.instance_id;
  file.component.name = file.component.member_name = "AData";
  file.file_set.path = "C:\\A";
  file.file_set.filespec = "*";
  file.file_set.recursive = true;
  file.path = "C:\\A\\db.mdf";
  file.bytes = "stored";
  file.size = file.bytes.size();
  set.files.push_back(file);

  Redeclare(a, "AData", "A");  // live: IF_CAN_REPLACE, no alternate location mapping
  Restore rs(h, stored.bcd_xml);
  Guid instance;
  const metadata::ExamineWriterMetadata* live = nullptr;
  ASSERT_EQ(rs.r->GetWriterMetadata(0, &instance, &live), hr::S_OK);
  vss::RestoreMethod live_method;
  std::string service, procedure;
  vss::WriterRestore policy;
  bool reboot = false;
  std::uint32_t mappings = 0;
  ASSERT_EQ(live->GetRestoreMethod(&live_method, &service, &procedure, &policy, &reboot, &mappings),
            hr::S_OK);
  EXPECT_EQ(live_method, RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE);
  EXPECT_EQ(mappings, 0u);
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);

  auto make_volumes = [&h] {
    auto v = std::make_unique<storage::VolumeManager>(h.clock);
    for (const char* name : {"C:", "D:"}) {
      storage::VolumeOptions o;
      o.name = name;
      o.size_bytes = 1u << 20;
      o.block_size = 512;
      EXPECT_EQ(v->CreateVolume(o), hr::S_OK);
    }
    return v;
  };
  auto volumes = make_volumes();
  backup::RestoreReport report = CopyData(*rs.r, set, {}, volumes.get());
  EXPECT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems[0].message);
  ASSERT_EQ(report.components.size(), 1u);
  EXPECT_EQ(report.components[0].how, "alternate");
  EXPECT_EQ(Read(*volumes, "D:\\A\\db.mdf"), "stored");
  EXPECT_EQ(Read(*volumes, "C:\\A\\db.mdf"), "<none>");

  auto control = make_volumes();  // the live WMD would have decided otherwise
  backup::RestoreReport wrong = CopyData(*rs.r, set, {live->metadata()}, control.get());
  ASSERT_EQ(wrong.components.size(), 1u);
  EXPECT_EQ(wrong.components[0].how, "original");
  EXPECT_EQ(Read(*control, "C:\\A\\db.mdf"), "stored");

  ASSERT_EQ(rs.Status(a, report.components[0].status), hr::S_OK);
  ASSERT_EQ(rs.Post(), hr::S_OK);
}

// Checks that AddRestoreSubcomponent is judged against the stored WMD (REQ-RST-01, SEL-07):
// "Part" was a subcomponent selectable for restore at backup time, the live writer no longer
// declares it.
TEST(Coordinator_Restore, REQ_RST_01_SubcomponentIsCheckedAgainstTheStoredWmd) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a);
  const std::string xml = Backup(h);
  Redeclare(a, "AData", "A");  // no "Part" any more
  Restore rs(h, xml);
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  EXPECT_EQ(rs.r->AddRestoreSubcomponent(a.identity().class_id, kFileGroup, "", "AData", "AData",
                                         "Part", false),
            hr::S_OK);
}

// Checks that AddNewTarget matches the file sets of the stored WMD (REQ-RST-01, MATCH-01):
// the backed-up file set C:\A\* moved to C:\A2\* in the live WMD.
TEST(Coordinator_Restore, REQ_RST_01_NewTargetMatchesTheStoredFileSets) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a, RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, WriterRestore::VSS_WRE_ALWAYS, "",
          vss::BackupSchema::VSS_BS_WRITER_SUPPORTS_NEW_TARGET);
  const std::string xml = Backup(h);
  Redeclare(a, "AData", "A2");
  Restore rs(h, xml);
  const Guid id = a.identity().class_id;
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  EXPECT_EQ(rs.r->AddNewTarget(id, kFileGroup, "", "AData", "C:\\A", "*", true, "E:\\new"),
            hr::S_OK);
  EXPECT_EQ(rs.r->AddNewTarget(id, kFileGroup, "", "AData", "C:\\A2", "*", true, "E:\\new"),
            hr::VSS_E_OBJECT_NOT_FOUND);
}

// Checks that AddAlternativeLocationMapping accepts a mapping of the stored WMD (REQ-RST-01,
// ALT-04): the data copy used C:\A -> D:\A from the stored WMD; the live writer no longer
// declares it.
TEST(Coordinator_Restore, REQ_RST_01_UsedMappingIsCheckedAgainstTheStoredWmd) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a, RestoreMethod::VSS_RME_RESTORE_TO_ALTERNATE_LOCATION);
  const std::string xml = Backup(h);
  Redeclare(a, "AData", "A");  // live: no alternate location mapping
  Restore rs(h, xml);
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  EXPECT_EQ(rs.r->AddAlternativeLocationMapping(a.identity().class_id, kFileGroup, "", "AData",
                                                "C:\\A", "*", true, "D:\\A"),
            hr::S_OK);
}

// Checks REQ-RST-02: a restore instance discovers its writers with GatherWriterMetadata after
// InitializeForRestore; before it PreRestore is VSS_E_BAD_STATE (REQ-CALL-38 row of
// call_order.cc), selection is VSS_E_BAD_STATE and nothing is listed.
TEST(Coordinator_Restore, REQ_RST_02_GatherWriterMetadataIsTheRestoresDiscovery) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a);
  Restore rs(h, Backup(h), /*gather=*/false);
  AsyncPtr async;
  EXPECT_EQ(rs.r->PreRestore(&async), hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(h.HasFinding("REQ-CALL-38"));
  EXPECT_EQ(rs.Select(a), hr::VSS_E_BAD_STATE);
  std::uint32_t count = 0;
  EXPECT_EQ(rs.r->GetWriterMetadataCount(&count), hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(h.EventsTo("writer:A", "rst").empty());
  ASSERT_EQ(rs.Gather(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:A", "rst"), Names{"Identify"});
  ASSERT_EQ(rs.r->GetWriterMetadataCount(&count), hr::S_OK);
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(WriterClassOf(*rs.r, 0), a.identity().class_id);
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);
}

// Checks REQ-RST-02 (and WRT-IDENTIFY-04): a writer whose Identify fails in the restore is
// absent from GetWriterMetadata and GetWriterStatus, its stored components cannot be selected
// (its writer is not there, REQ-RST-05) and it gets no restore event.
TEST(Coordinator_Restore, REQ_RST_02_WriterWhoseIdentifyFailsIsAbsent) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  writer::ScriptedWriter& b = h.AddWriter("B");
  Declare(a);
  Declare(b);
  const std::string xml = Backup(h);
  writer::ScriptedWriter::Behavior fails;
  fails.returns = false;
  b.On(WriterEvent::kIdentify, fails);
  Restore rs(h, xml);
  std::uint32_t count = 0;
  ASSERT_EQ(rs.r->GetWriterMetadataCount(&count), hr::S_OK);
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(WriterClassOf(*rs.r, 0), a.identity().class_id);
  Guid instance;
  const metadata::ExamineWriterMetadata* wmd = nullptr;
  EXPECT_EQ(rs.r->GetWriterMetadata(1, &instance, &wmd), hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(rs.r->GetWriterComponentsCount(&count), hr::S_OK);
  EXPECT_EQ(count, 2u);  // the stored BCD still holds B (REQ-RST-01)
  EXPECT_EQ(rs.Select(b), hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  EXPECT_EQ(rs.StatusOf(0).writer_id, a.identity().class_id);
  ASSERT_EQ(rs.r->GetWriterStatusCount(&count), hr::S_OK);
  EXPECT_EQ(count, 1u);  // REQ-STAT-03
  EXPECT_EQ(h.EventsTo("writer:B", "rst"), Names{"Identify"});
}

// Checks REQ-RST-02: no GatherWriterStatus is needed after GatherWriterMetadata in a restore;
// PreRestore and PostRestore succeed without one and nothing is reported.
TEST(Coordinator_Restore, REQ_RST_02_RestoreNeedsNoGatherWriterStatus) {
  Harness h;
  writer::ScriptedWriter& a = h.AddWriter("A");
  Declare(a);
  Restore rs(h, Backup(h));
  ASSERT_EQ(rs.Select(a), hr::S_OK);
  ASSERT_EQ(rs.Pre(), hr::S_OK);
  ASSERT_NE(rs.ReadBack(), nullptr);
  ASSERT_EQ(rs.Status(a), hr::S_OK);
  ASSERT_EQ(rs.Post(), hr::S_OK);
  EXPECT_EQ(rs.r->Release(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:A", "rst"), (Names{"Identify", "PreRestore", "PostRestore"}));
  for (const trace::Entry* e : h.Entries(trace::EntryKind::kCall)) {
    EXPECT_FALSE(e->from == "requester:rst" && e->name == "GatherWriterStatus");
  }
  EXPECT_TRUE(h.Entries(trace::EntryKind::kFinding).empty()) << trace::RenderText(h.trace);
}

}  // namespace
}  // namespace vsssim::coordinator
