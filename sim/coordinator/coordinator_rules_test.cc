// Checks the MUST rules of CATALOGUE.md §2.1, §2.2, §3.1, §3.3 and §3.7 that no other test
// names: the object's life cycle (REQ-LIFE-01), StartSnapshotSet first (REQ-ORDER-09), the
// file list is final only after DoSnapshotSet (REQ-ORDER-14), the documents a requester must
// keep (REQ-ORDER-17), Identify carries no operation state (WRT-IDENTIFY-02), unique instance
// names of multi-instance writers (WRT-INIT-05) and BackupShutdown is no proof of success
// (WRT-SHUT-02). docs/rules-enforced.md says how each is enforced.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "sim/coordinator/test_harness.h"
#include "vsssim/metadata/component.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;
using vss::WriterEvent;

bool HasState(const Harness& h, std::string_view actor, std::string_view state) {
  for (const trace::Entry* e : h.Entries(trace::EntryKind::kState)) {
    if (e->from == actor && e->name == state) return true;
  }
  return false;
}

// The rule the result entry of the last call to `method` cites.
std::string LastResultRule(const Harness& h, std::string_view method) {
  std::string rule = "<none>";
  for (const trace::Entry* e : h.Entries(trace::EntryKind::kResult)) {
    if (e->name == method) rule = std::string(e->rule);
  }
  return rule;
}

// Checks that CreateVssBackupComponents gives every caller its own object (own session id,
// own "requester:NAME" actor), that Release is legal in every phase and ends it as "Released",
// and that an object dropped without Release is a terminated process, not a release
// (REQ-LIFE-01; the consequences of termination are REQ-LIFE-04's tests).
TEST(Coordinator_Rules, REQ_LIFE_01_CreateAndReleaseTheObject) {
  Harness h;
  h.AddWriter("A");
  auto fresh = h.vss.CreateVssBackupComponents("fresh");
  BackupDriver mid(h, "mid");
  auto dropped = h.vss.CreateVssBackupComponents("dropped");
  Guid a, b;
  ASSERT_EQ(fresh->GetSessionId(&a), hr::S_OK);
  ASSERT_EQ(mid.requester().GetSessionId(&b), hr::S_OK);
  EXPECT_NE(a, b);
  EXPECT_FALSE(a.IsNull());
  const std::vector<const trace::Entry*> calls = h.Entries(trace::EntryKind::kCall);
  ASSERT_GE(calls.size(), 3u);
  EXPECT_EQ(calls[0]->name, "CreateVssBackupComponents");
  EXPECT_EQ(calls[0]->from, "requester:fresh");

  EXPECT_EQ(fresh->Release(), hr::S_OK);  // straight after creation
  ASSERT_EQ(mid.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(mid.Run(BackupDriver::kRelease), hr::S_OK);  // in the middle of a backup
  dropped.reset();                                       // no Release: the process died
  EXPECT_TRUE(HasState(h, "requester:fresh", "Released"));
  EXPECT_TRUE(HasState(h, "requester:mid", "Released"));
  EXPECT_TRUE(HasState(h, "requester:dropped", "Terminated"));
  EXPECT_FALSE(HasState(h, "requester:dropped", "Released"));
}

// Checks that AddToSnapshotSet and PrepareForBackup before StartSnapshotSet are refused with
// VSS_E_BAD_STATE citing REQ-ORDER-09, change nothing, and succeed once the set is started.
TEST(Coordinator_Rules, REQ_ORDER_09_StartSnapshotSetComesFirst) {
  Harness h;
  h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kStartSnapshotSet), hr::S_OK);
  Guid snapshot;
  EXPECT_EQ(d.requester().AddToSnapshotSet("C:\\", kGuidNull, &snapshot), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(LastResultRule(h, "AddToSnapshotSet"), "REQ-ORDER-09");
  AsyncPtr async;
  EXPECT_EQ(d.requester().PrepareForBackup(&async), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(LastResultRule(h, "PrepareForBackup"), "REQ-ORDER-09");
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-09"));
  EXPECT_TRUE(h.EventsTo("writer:A", "r1") == std::vector<std::string>{"Identify"});

  ASSERT_EQ(d.RunRange(BackupDriver::kStartSnapshotSet, BackupDriver::kStepCount), hr::S_OK);
  EXPECT_EQ(LastResultRule(h, "AddToSnapshotSet"), "");
  EXPECT_EQ(LastResultRule(h, "PrepareForBackup"), "");
}

// Checks why the requester must not fix its file list before DoSnapshotSet succeeded: a
// writer adds differenced files in PostSnapshot (WRT-CALL-06), and they appear in the BCD
// only after DoSnapshotSet, not in one saved after PrepareForBackup (REQ-ORDER-14).
TEST(Coordinator_Rules, REQ_ORDER_14_FileListIsFinalOnlyAfterDoSnapshotSet) {
  Harness h;
  writer::ScriptedWriter& w = h.AddWriter("A");
  w.On(WriterEvent::kPostSnapshot,
       {std::nullopt, true, {}, false, false, [](writer::ScriptedWriter& self) {
          metadata::Component* c = nullptr;
          ASSERT_NE(self.current_components(), nullptr);
          ASSERT_EQ(self.current_components()->GetComponent(0, &c), hr::S_OK);
          ASSERT_EQ(c->AddDifferencedFilesByLastModifyTime("C:\\A", "*.log", false, 42), hr::S_OK);
        }});
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  std::string before;
  ASSERT_EQ(d.requester().SaveAsXML(&before), hr::S_OK);
  ASSERT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::S_OK);
  std::string after;
  ASSERT_EQ(d.requester().SaveAsXML(&after), hr::S_OK);
  EXPECT_EQ(before.find("DIFFERENCED_FILE"), std::string::npos);
  EXPECT_NE(after.find("<DIFFERENCED_FILE path=\"C:\\A\" filespec=\"*.log\""), std::string::npos);
}

// Checks that everything a requester must save to the backup media can be saved and read
// back unchanged: the BCD (SaveAsXML after BackupComplete, with the backup type and the
// backup-succeeded marks) and every writer's WMD (REQ-ORDER-17).
TEST(Coordinator_Rules, REQ_ORDER_17_BcdAndEveryWmdCanBeSavedAndReadBack) {
  Harness h;
  h.AddWriter("A");
  h.AddWriter("B");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kRelease), hr::S_OK);
  std::string bcd_xml;
  ASSERT_EQ(d.requester().SaveAsXML(&bcd_xml), hr::S_OK);
  auto bcd = metadata::ReadBackupComponentsXml(bcd_xml);
  ASSERT_TRUE(bcd.ok());
  EXPECT_EQ(metadata::WriteBackupComponentsXml(*bcd.document), bcd_xml);
  EXPECT_EQ(bcd.document->backup_type, vss::BackupType::VSS_BT_FULL);
  ASSERT_EQ(bcd.document->writers.size(), 2u);
  for (const metadata::WriterComponents& wc : bcd.document->writers) {
    ASSERT_EQ(wc.components.size(), 1u);
    EXPECT_EQ(wc.components[0].backup_succeeded, std::optional<bool>(true));
  }
  std::uint32_t count = 0;
  ASSERT_EQ(d.requester().GetWriterMetadataCount(&count), hr::S_OK);
  ASSERT_EQ(count, 2u);
  for (std::uint32_t i = 0; i < count; ++i) {
    Guid instance;
    const metadata::ExamineWriterMetadata* wmd = nullptr;
    ASSERT_EQ(d.requester().GetWriterMetadata(i, &instance, &wmd), hr::S_OK);
    std::string wmd_xml;
    ASSERT_EQ(wmd->SaveAsXML(&wmd_xml), hr::S_OK);
    metadata::ExamineWriterMetadata reloaded;
    ASSERT_EQ(reloaded.LoadFromXML(wmd_xml), hr::S_OK);
    std::string again;
    ASSERT_EQ(reloaded.SaveAsXML(&again), hr::S_OK);
    EXPECT_EQ(again, wmd_xml);
  }
}

// Checks that an Identify carries no operation state: injected after DoSnapshotSet, the
// writer's getters in OnIdentify report no snapshot set, no volumes, no backup type and no
// selection, while the same writer saw all of them in PostSnapshot; and the WMD the writer
// gives is the same for the backup's gather and for an Identify of another party
// (WRT-IDENTIFY-02).
TEST(Coordinator_Rules, WRT_IDENTIFY_02_IdentifyCarriesNoOperationState) {
  Harness h;
  writer::ScriptedWriter& w = h.AddWriter("A");
  struct Seen {
    Guid set;
    std::size_t volumes = 0;
    vss::BackupType type = vss::BackupType::VSS_BT_UNDEFINED;
    bool selected = false;
  };
  Seen in_identify, in_post_snapshot;
  auto record = [](Seen* seen) {
    return [seen](writer::ScriptedWriter& self) {
      seen->set = self.GetCurrentSnapshotSetId();
      seen->volumes = self.GetCurrentVolumeArray().size();
      seen->type = self.GetBackupType();
      seen->selected = self.AreComponentsSelected();
    };
  };
  w.On(WriterEvent::kIdentify, {std::nullopt, true, {}, false, false, record(&in_identify)});
  w.On(WriterEvent::kPostSnapshot,
       {std::nullopt, true, {}, false, false, record(&in_post_snapshot)});
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);
  std::string gathered;
  const metadata::ExamineWriterMetadata* wmd = nullptr;
  Guid instance;
  ASSERT_EQ(d.requester().GetWriterMetadata(0, &instance, &wmd), hr::S_OK);
  ASSERT_EQ(wmd->SaveAsXML(&gathered), hr::S_OK);

  h.vss.InjectIdentify("tool");
  EXPECT_TRUE(in_identify.set.IsNull());
  EXPECT_EQ(in_identify.volumes, 0u);
  EXPECT_EQ(in_identify.type, vss::BackupType::VSS_BT_UNDEFINED);
  EXPECT_FALSE(in_identify.selected);
  EXPECT_FALSE(in_post_snapshot.set.IsNull());
  EXPECT_EQ(in_post_snapshot.volumes, 1u);
  EXPECT_EQ(in_post_snapshot.type, vss::BackupType::VSS_BT_FULL);
  EXPECT_TRUE(in_post_snapshot.selected);

  // A second requester's gather gets the same document.
  BackupDriver other(h, "r2");
  ASSERT_EQ(other.RunRange(0, BackupDriver::kAddComponents), hr::S_OK);
  std::string regathered;
  ASSERT_EQ(other.requester().GetWriterMetadata(0, &instance, &wmd), hr::S_OK);
  ASSERT_EQ(wmd->SaveAsXML(&regathered), hr::S_OK);
  EXPECT_EQ(regathered, gathered);
  ASSERT_EQ(d.RunRange(BackupDriver::kSetBackupSucceeded, BackupDriver::kStepCount), hr::S_OK);
}

writer::WriterIdentity Instance(const Guid& class_id, std::string instance_name) {
  writer::WriterIdentity id;
  id.class_id = class_id;
  id.name = "Multi";
  id.instance_name = std::move(instance_name);
  return id;
}

// Checks that instances of one writer class subscribe with distinct, non-empty instance names
// (their actors and instance ids differ, no finding), and that a second instance without a
// name or with a name already taken is a finding (WRT-INIT-05).
TEST(Coordinator_Rules, WRT_INIT_05_MultiInstanceWritersNeedUniqueInstanceNames) {
  Harness h;
  const Guid cls = testing::ClassId(99);
  writer::ScriptedWriter one(Instance(cls, "one")), two(Instance(cls, "two"));
  const RegisteredWriter r1 = h.vss.RegisterWriter(one);
  const RegisteredWriter r2 = h.vss.RegisterWriter(two);
  EXPECT_NE(r1.actor, r2.actor);
  EXPECT_NE(r1.instance_id, r2.instance_id);
  EXPECT_FALSE(h.HasFinding("WRT-INIT-05"));

  writer::ScriptedWriter unnamed(Instance(cls, "")), again(Instance(cls, "two"));
  h.vss.RegisterWriter(unnamed);
  EXPECT_EQ(h.Entries(trace::EntryKind::kFinding, "WRT-INIT-05").size(), 1u);
  h.vss.RegisterWriter(again);
  EXPECT_EQ(h.Entries(trace::EntryKind::kFinding, "WRT-INIT-05").size(), 2u);

  // A single instance of another class needs no name.
  writer::ScriptedWriter single(Instance(testing::ClassId(100), ""));
  h.vss.RegisterWriter(single);
  EXPECT_EQ(h.Entries(trace::EntryKind::kFinding, "WRT-INIT-05").size(), 2u);
}

// Checks that BackupShutdown is no sign the backup succeeded, so a writer must not truncate
// logs there: after a requester dies past DoSnapshotSet the writer gets BackupShutdown without
// BackupComplete, its handler has no components to read success marks from, and only a
// completed backup delivers BackupComplete, with the marks (WRT-SHUT-02, WRT-BC-01).
TEST(Coordinator_Rules, WRT_SHUT_02_BackupShutdownIsNoProofOfSuccess) {
  Harness h;
  writer::ScriptedWriter& w = h.AddWriter("A");
  bool components_in_shutdown = true;
  w.On(WriterEvent::kBackupShutdown,
       {std::nullopt, true, {}, false, false, [&](writer::ScriptedWriter& self) {
          components_in_shutdown = self.current_components() != nullptr;
        }});
  {
    BackupDriver dies(h, "r1");
    ASSERT_EQ(dies.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);
    h.vss.Terminate(dies.requester());
  }
  const std::vector<std::string> seen = h.EventsTo("writer:A", "r1");
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), "BackupShutdown");
  EXPECT_EQ(std::count(seen.begin(), seen.end(), "BackupComplete"), 0);
  EXPECT_FALSE(components_in_shutdown);

  bool succeeded_in_complete = false;
  w.On(WriterEvent::kBackupComplete,
       {std::nullopt, true, {}, false, false, [&](writer::ScriptedWriter& self) {
          metadata::Component* c = nullptr;
          if (self.current_components() != nullptr &&
              self.current_components()->GetComponent(0, &c) == hr::S_OK) {
            bool ok = false;
            succeeded_in_complete = c->GetBackupSucceeded(&ok) == hr::S_OK && ok;
          }
        }});
  BackupDriver completes(h, "r2");
  ASSERT_EQ(completes.RunAll(), hr::S_OK);
  const std::vector<std::string> full = h.EventsTo("writer:A", "r2");
  EXPECT_NE(std::find(full.begin(), full.end(), "BackupComplete"), full.end());
  EXPECT_TRUE(succeeded_in_complete);
}

}  // namespace
}  // namespace vsssim::coordinator
