#include "vsssim/metadata/component.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace vsssim::metadata {
namespace {

using vss::WriterEvent;

struct Finding {
  std::string rule;
  std::string message;
};

// One setter, how to call it, and the handlers §3.6 allows it in, written out column by column
// in the catalogue's order: Id PB PS Fz Th PSn Ab BC BS PR PoR ('?' setter cells refused by
// BCD-WIN-02; conflicts take the looser reading, see component_rules.cc).
struct SetterCase {
  const char* rule;
  const char* allowed;  // 11 characters, 'Y' or '.'
  std::function<HResult(Component&)> call;
};

const std::vector<SetterCase>& SetterCases() {
  static const std::vector<SetterCase> cases = {
      {"WRT-CALL-03", ".Y...Y.....", [](Component& c) { return c.SetBackupMetadata("m"); }},
      {"WRT-CALL-04", ".Y...Y.....", [](Component& c) { return c.SetBackupStamp("s"); }},
      {"WRT-CALL-06", ".Y...Y.....",
       [](Component& c) { return c.AddDifferencedFilesByLastModifyTime("C:\\D", "*", false, 1); }},
      {"WRT-CALL-07", ".Y...Y.....",
       [](Component& c) { return c.AddPartialFile("C:\\D", "f", "0:1", ""); }},
      {"WRT-CALL-08", ".Y.........",
       [](Component& c) { return c.SetPrepareForBackupFailureMsg("x"); }},
      {"WRT-CALL-09", ".....Y.....", [](Component& c) { return c.SetPostSnapshotFailureMsg("x"); }},
      {"WRT-CALL-10", ".Y.......Y.", [](Component& c) { return c.SetRestoreMetadata("r"); }},
      {"WRT-CALL-11", ".........Y.",
       [](Component& c) { return c.SetRestoreTarget(vss::RestoreTarget::VSS_RT_DIRECTED); }},
      {"WRT-CALL-12", ".........Y.",
       [](Component& c) { return c.AddDirectedTarget("C:\\a", "f", "0:1", "C:\\b", "f", "0:1"); }},
      {"WRT-CALL-13", ".........Y.", [](Component& c) { return c.SetPreRestoreFailureMsg("x"); }},
      {"WRT-CALL-14", ".........YY", [](Component& c) { return c.SetPostRestoreFailureMsg("x"); }},
      {"WRT-CALL-15", ".Y...Y.Y.YY",
       [](Component& c) { return c.SetFailure(hr::VSS_E_WRITERERROR_RETRYABLE, hr::S_OK, "m"); }},
  };
  return cases;
}

// Checks every setter against every writer handler (§3.6, WRT-CALL-03..15): allowed cells
// succeed silently; refused cells return VSS_E_BAD_STATE and report the method's rule.
TEST(Metadata_Component, HandlerPlacementMatrixForSetters_WRT_CALL) {
  const WriterEvent events[] = {WriterEvent::kIdentify,
                                WriterEvent::kPrepareForBackup,
                                WriterEvent::kPrepareForSnapshot,
                                WriterEvent::kFreeze,
                                WriterEvent::kThaw,
                                WriterEvent::kPostSnapshot,
                                WriterEvent::kAbort,
                                WriterEvent::kBackupComplete,
                                WriterEvent::kBackupShutdown,
                                WriterEvent::kPreRestore,
                                WriterEvent::kPostRestore};
  for (const SetterCase& sc : SetterCases()) {
    for (int e = 0; e < 11; ++e) {
      ComponentState state;
      state.name = "c";
      std::vector<Finding> findings;
      Component c(state, Caller::Writer(events[e]), [&](std::string_view rule, std::string m) {
        findings.push_back({std::string(rule), std::move(m)});
      });
      HResult r = sc.call(c);
      const bool allowed = sc.allowed[e] == 'Y';
      SCOPED_TRACE(std::string(sc.rule) + " in " + std::string(vss::NameOf(events[e])));
      if (allowed) {
        EXPECT_TRUE(r.Succeeded()) << ToString(r);
        for (const Finding& f : findings) EXPECT_NE(f.rule, sc.rule) << f.message;
      } else {
        EXPECT_EQ(r, hr::VSS_E_BAD_STATE);
        ASSERT_EQ(findings.size(), 1u);
        EXPECT_EQ(findings[0].rule, sc.rule);
        EXPECT_NE(findings[0].message.find("On" + std::string(vss::NameOf(events[e]))),
                  std::string::npos);
      }
    }
  }
}

// Checks requesters cannot call writer-only setters (BCD-WIN-05) but can read.
TEST(Metadata_Component, RequesterMaySetNothingButMayRead_BCD_WIN_05) {
  ComponentState state;
  state.backup_stamp = "s1";
  std::vector<std::string> rules;
  Component c(state, Caller::Requester(Caller::Operation::kBackup),
              [&](std::string_view rule, std::string) { rules.emplace_back(rule); });
  EXPECT_EQ(c.SetBackupStamp("forged"), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(rules, std::vector<std::string>{"BCD-WIN-05"});
  std::string stamp;
  EXPECT_EQ(c.GetBackupStamp(&stamp), hr::S_OK);
  EXPECT_EQ(stamp, "s1");
  bool selected = true;
  EXPECT_EQ(c.IsSelectedForRestore(&selected), hr::VSS_E_BAD_STATE);  // WRT-CALL-24
}

// Checks restore-only getters return VSS_E_BAD_STATE during a backup and work in restore
// handlers; getters in handlers without IVssWriterComponents are refused (WRT-CALL-24).
TEST(Metadata_Component, RestoreOnlyGettersAndHandlersWithoutComponents_WRT_CALL_24) {
  ComponentState state;
  state.selected_for_restore = true;
  Component backup(state, Caller::Writer(WriterEvent::kPostSnapshot));
  Component restore(state, Caller::Writer(WriterEvent::kPreRestore));
  Component freeze(state, Caller::Writer(WriterEvent::kFreeze));
  bool selected = false;
  EXPECT_EQ(backup.IsSelectedForRestore(&selected), hr::VSS_E_BAD_STATE);
  vss::RestoreTarget target{};
  EXPECT_EQ(backup.GetRestoreTarget(&target), hr::VSS_E_BAD_STATE);
  vss::FileRestoreStatus status{};
  EXPECT_EQ(backup.GetFileRestoreStatus(&status), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(restore.IsSelectedForRestore(&selected), hr::S_OK);
  EXPECT_TRUE(selected);
  EXPECT_EQ(restore.GetRestoreTarget(&target), hr::S_OK);
  EXPECT_EQ(target, vss::RestoreTarget::VSS_RT_ORIGINAL);  // RM-01 default
  std::string s;
  EXPECT_EQ(freeze.GetBackupStamp(&s), hr::VSS_E_BAD_STATE);
}

// Checks "nothing there" getters return S_FALSE (STAMP-04, WRT-BC-01, AR-01) and single-shot
// private metadata (BCD-WIN-04).
TEST(Metadata_Component, SFalseWhenUnsetAndMetadataSingleShot_STAMP_04_BCD_WIN_04) {
  ComponentState state;
  Component pb(state, Caller::Writer(WriterEvent::kPrepareForBackup));
  std::string s = "x";
  EXPECT_EQ(pb.GetBackupStamp(&s), hr::S_FALSE);
  EXPECT_EQ(s, "");
  EXPECT_EQ(pb.GetPreviousBackupStamp(&s), hr::S_FALSE);
  EXPECT_EQ(pb.GetBackupMetadata(&s), hr::S_FALSE);
  bool ok = true;
  EXPECT_EQ(pb.GetBackupSucceeded(&ok), hr::S_FALSE);
  EXPECT_EQ(pb.SetBackupMetadata("first"), hr::S_OK);
  EXPECT_EQ(pb.SetBackupMetadata("second"), hr::VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(*state.backup_metadata, "first");
  state.backup_succeeded = true;
  Component bc(state, Caller::Writer(WriterEvent::kBackupComplete));
  EXPECT_EQ(bc.GetBackupSucceeded(&ok), hr::S_OK);
  EXPECT_TRUE(ok);
  EXPECT_EQ(bc.SetBackupStamp("late"), hr::VSS_E_BAD_STATE);  // BCD-WIN-02: read-only now
}

// Checks data rules reported through the context: partial files without support (PART-01),
// malformed ranges (PART-03), directed target rules (DT-01, DT-02), differenced vs partial
// (DIFF-04), the LSN variant is reserved (DIFF-08).
TEST(Metadata_Component, DataRulesThroughContext_PART_01_PART_03_DT_01_DT_02_DIFF_04_DIFF_08) {
  BackupComponents bcd;
  bcd.partial_file_support = false;
  ComponentState state;
  std::vector<std::string> rules;
  auto sink = [&](std::string_view rule, std::string) { rules.emplace_back(rule); };
  Component pb(state, Caller::Writer(WriterEvent::kPrepareForBackup), sink,
               {&bcd, nullptr, nullptr});
  EXPECT_EQ(pb.AddPartialFile("C:\\D", "f.db", "0:512,0x1000:512", "m"), hr::S_OK);
  EXPECT_EQ(pb.AddPartialFile("C:\\D", "f.db", "0-512", ""), hr::E_INVALIDARG);
  EXPECT_EQ(pb.AddPartialFile("C:\\D", "f.db", "File=C:\\ranges.bin", ""), hr::S_OK);
  EXPECT_EQ(pb.AddDifferencedFilesByLastModifyTime("C:\\D", "*.db", false, 5), hr::S_OK);
  EXPECT_EQ(pb.AddDifferencedFilesByLastModifyLSN("C:\\D", "*", false, "1"), hr::E_NOTIMPL);
  for (const char* rule : {"PART-01", "PART-03", "DIFF-04", "DIFF-08"}) {
    EXPECT_NE(std::find(rules.begin(), rules.end(), rule), rules.end()) << rule;
  }
  rules.clear();
  Component pr(state, Caller::Writer(WriterEvent::kPreRestore), sink);
  EXPECT_EQ(pr.AddDirectedTarget("C:\\a", "f", "0:10", "C:\\b", "f", "0:11"), hr::E_INVALIDARG);
  EXPECT_EQ(pr.AddDirectedTarget("C:\\a", "f", "0:10", "C:\\b", "f", "5:10"), hr::S_OK);
  EXPECT_EQ(rules, (std::vector<std::string>{"DT-02", "DT-01"}));
  EXPECT_EQ(pr.SetRestoreTarget(vss::RestoreTarget::VSS_RT_UNDEFINED), hr::E_INVALIDARG);
}

}  // namespace
}  // namespace vsssim::metadata
