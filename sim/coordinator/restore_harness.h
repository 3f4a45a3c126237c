// Test support for the coordinator's restore path (CATALOGUE.md §2.4): a writer declaration
// with one selectable file-group component, the canonical backup that produces the stored BCD
// (and the WMDs the backup gathered), and a restore instance driven one call at a time.
//
// Thread safety: none. REQUIRES: the Harness outlives every Restore made on it.
#ifndef VSSSIM_SIM_COORDINATOR_RESTORE_HARNESS_H_
#define VSSSIM_SIM_COORDINATOR_RESTORE_HARNESS_H_

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sim/coordinator/test_harness.h"
#include "vsssim/metadata/component.h"
#include "vsssim/metadata/create_writer_metadata.h"

namespace vsssim::coordinator::testing {

using Behavior = writer::ScriptedWriter::Behavior;

constexpr auto kFileGroup = vss::ComponentType::VSS_CT_FILEGROUP;

inline Behavior Act(std::function<void(writer::ScriptedWriter&)> action) {
  Behavior b;
  b.action = std::move(action);
  return b;
}
inline Behavior Veto(HResult code) {
  Behavior b;
  b.failure = code;
  b.returns = false;
  return b;
}

// The writer declares one selectable component "<name>Data" over C:\<name>\*, with the given
// restore method, policy and schema, a subcomponent "Part" selectable for restore, and an
// alternate location mapping C:\<name> -> D:\<name>.
inline void Declare(writer::ScriptedWriter& w,
                    vss::RestoreMethod method = vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE,
                    vss::WriterRestore policy = vss::WriterRestore::VSS_WRE_ALWAYS,
                    std::string service = "",
                    vss::BackupSchema schema = vss::BackupSchema::VSS_BS_UNDEFINED) {
  const std::string name = w.identity().name;
  w.SetIdentify([=](metadata::CreateWriterMetadata& m) {
    m.SetBackupSchema(schema);
    m.SetRestoreMethod(method, service, "", policy, false);
    m.AddComponent(kFileGroup, "", name + "Data", name, {}, false, false, true, true);
    m.AddFilesToFileGroup("", name + "Data", "C:\\" + name, "*", true, "");
    m.AddComponent(kFileGroup, name + "Data", "Part", "", {}, false, false, false, true);
    m.AddFilesToFileGroup(name + "Data", "Part", "C:\\" + name + "\\part", "*.p", false, "");
    m.AddAlternateLocationMapping("C:\\" + name, "*", true, "D:\\" + name);
  });
}

// What a backup leaves for the restore (REQ-RST-01): the saved BCD and the WMDs it gathered.
struct StoredBackup {
  std::string bcd_xml;
  std::vector<std::string> wmd_xmls;
};

// Runs the canonical backup and returns the saved BCD and the gathered WMDs as XML.
inline StoredBackup BackupWithWmds(Harness& h) {
  BackupDriver d(h, "backup");
  StoredBackup out;
  EXPECT_EQ(d.RunRange(0, BackupDriver::kSaveAsXml), hr::S_OK);
  EXPECT_EQ(d.requester().SaveAsXML(&out.bcd_xml), hr::S_OK);
  std::uint32_t count = 0;
  EXPECT_EQ(d.requester().GetWriterMetadataCount(&count), hr::S_OK);
  for (std::uint32_t i = 0; i < count; ++i) {
    Guid instance;
    const metadata::ExamineWriterMetadata* wmd = nullptr;
    std::string xml;
    EXPECT_EQ(d.requester().GetWriterMetadata(i, &instance, &wmd), hr::S_OK);
    if (wmd != nullptr && wmd->SaveAsXML(&xml).Succeeded()) out.wmd_xmls.push_back(xml);
  }
  EXPECT_EQ(d.RunRange(BackupDriver::kBackupComplete, BackupDriver::kStepCount), hr::S_OK);
  return out;
}

// Runs the canonical backup and returns the saved BCD.
inline std::string Backup(Harness& h) { return BackupWithWmds(h).bcd_xml; }

inline HResult Wait(HResult call, const AsyncPtr& async) {
  if (call.Failed()) return call;
  return async->Wait();
}

// One restore instance driven step by step (§2.4). With `gather`, the constructor runs
// InitializeForRestore and GatherWriterMetadata; without, only InitializeForRestore.
struct Restore {
  Restore(Harness& h, const std::string& xml, bool gather = true)
      : h(h), r(h.vss.CreateVssBackupComponents("rst")) {
    EXPECT_EQ(r->InitializeForRestore(xml), hr::S_OK);
    if (gather) {
      EXPECT_EQ(Gather(), hr::S_OK);
    }
  }
  HResult Gather() {
    AsyncPtr a;
    return Wait(r->GatherWriterMetadata(&a), a);
  }
  HResult Select(const writer::Writer& w, bool selected = true) {
    return r->SetSelectedForRestore(w.identity().class_id, kFileGroup, "",
                                    w.identity().name + "Data", selected);
  }
  HResult Status(const writer::Writer& w,
                 vss::FileRestoreStatus s = vss::FileRestoreStatus::VSS_RS_ALL) {
    return r->SetFileRestoreStatus(w.identity().class_id, kFileGroup, "",
                                   w.identity().name + "Data", s);
  }
  HResult Pre() {
    AsyncPtr a;
    return Wait(r->PreRestore(&a), a);
  }
  HResult Post() {
    AsyncPtr a;
    return Wait(r->PostRestore(&a), a);
  }
  // Reads component 0 of writer `writer_index` of the BCD (REQ-RST-07).
  metadata::Component* ReadBack(std::uint32_t writer_index = 0) {
    WriterComponentsExt* ext = nullptr;
    if (r->GetWriterComponents(writer_index, &ext).Failed()) return nullptr;
    metadata::Component* c = nullptr;
    return ext->GetComponent(0, &c).Succeeded() ? c : nullptr;
  }
  WriterStatus StatusOf(std::uint32_t index) {
    AsyncPtr a;
    EXPECT_EQ(Wait(r->GatherWriterStatus(&a), a), hr::S_OK);
    WriterStatus s;
    EXPECT_EQ(r->GetWriterStatus(index, &s), hr::S_OK);
    return s;
  }
  Harness& h;
  std::unique_ptr<Requester> r;
};

}  // namespace vsssim::coordinator::testing

#endif  // VSSSIM_SIM_COORDINATOR_RESTORE_HARNESS_H_
