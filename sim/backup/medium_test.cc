#include "vsssim/backup/medium.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vsssim::backup {
namespace {

using vss::BackupType;

std::vector<std::string> Labels(const std::vector<const BackupSet*>& chain) {
  std::vector<std::string> out;
  for (const BackupSet* s : chain) out.push_back(s->label);
  return out;
}

// Adds a set the way BackupFiles does: based on Medium::BaseFor.
void Add(Medium& m, const std::string& label, BackupType type) {
  BackupSet s;
  s.label = label;
  s.backup_type = type;
  if (const BackupSet* base = m.BaseFor(type)) s.base_label = base->label;
  m.Add(std::move(s));
}

// Checks BT-06 and §1.2: an incremental is based on the last full-or-incremental, a differential
// on the last full; COPY never bases anything; the chain to a set starts at its full backup.
TEST(Backup_Medium, Bt06_ChainsFollowBackupTypes) {
  Medium m;
  Add(m, "F", BackupType::VSS_BT_FULL);
  Add(m, "I1", BackupType::VSS_BT_INCREMENTAL);
  Add(m, "D2", BackupType::VSS_BT_DIFFERENTIAL);
  Add(m, "C3", BackupType::VSS_BT_COPY);
  Add(m, "I4", BackupType::VSS_BT_INCREMENTAL);
  Add(m, "D5", BackupType::VSS_BT_DIFFERENTIAL);
  EXPECT_EQ(Labels(m.ChainTo("I4")), (std::vector<std::string>{"F", "I1", "I4"}));
  EXPECT_EQ(Labels(m.ChainTo("D2")), (std::vector<std::string>{"F", "D2"}));
  EXPECT_EQ(Labels(m.ChainTo("D5")), (std::vector<std::string>{"F", "D5"}));
  EXPECT_EQ(Labels(m.ChainTo("C3")), (std::vector<std::string>{"C3"}));
  EXPECT_TRUE(m.ChainTo("nope").empty());
}

// Checks that labels stay unique on a medium (a second "F" becomes "F#2").
TEST(Backup_Medium, LabelsAreUnique) {
  Medium m;
  Add(m, "F", BackupType::VSS_BT_FULL);
  Add(m, "F", BackupType::VSS_BT_FULL);
  EXPECT_EQ(m.sets()[1].label, "F#2");
  EXPECT_EQ(m.Find("F#2"), &m.sets()[1]);
}

// Checks DIFF-02's time base: FILETIME ticks are 100 ns units of the virtual clock.
TEST(Backup_Medium, Diff02_FileTimeTicks) {
  EXPECT_EQ(FileTimeTicks(1'000'000'000), 10'000'000u);
  EXPECT_EQ(FileTimeTicks(-5), 0u);
}

}  // namespace
}  // namespace vsssim::backup
