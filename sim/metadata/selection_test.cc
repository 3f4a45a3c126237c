#include "vsssim/metadata/selection.h"

#include <gtest/gtest.h>

namespace vsssim::metadata {
namespace {

ComponentDescription C(const char* lpath, const char* name, bool selectable,
                       bool selectable_for_restore = false) {
  ComponentDescription c;
  c.logical_path = lpath;
  c.name = name;
  c.selectable = selectable;
  c.selectable_for_restore = selectable_for_restore;
  return c;
}

// A writer shaped like the catalogue's examples (SEL-10): a selectable set "writerData" with
// members, a required top-level component, and a nested non-selectable pair.
WriterMetadata Sample() {
  WriterMetadata wmd;
  wmd.identity.writer_name = "W";
  wmd.identity.writer_id = *Guid::Parse("11111111-1111-1111-1111-111111111111");
  wmd.components = {C("", "writerData", true),
                    C("writerData", "Set1", false, true),
                    C("writerData\\Set1", "Deep", false),
                    C("writerData", "Opt", true),
                    C("", "config", false),
                    C("config", "child", false),
                    C("writerDataX", "NotMember", true)};
  return wmd;
}

std::vector<std::string> Rules(const std::vector<RuleProblem>& ps) {
  std::vector<std::string> rules;
  for (const RuleProblem& p : ps) rules.push_back(p.rule_id);
  return rules;
}

// Checks set membership by logical path (SEL-10) and implicit inclusion (SEL-05).
TEST(Metadata_Selection, SetMembershipAndImplicitInclusion_SEL_05_SEL_10) {
  WriterMetadata wmd = Sample();
  ComponentTree tree(wmd);
  auto members = tree.Members(wmd.components[0]);
  ASSERT_EQ(members.size(), 3u);  // Set1, Deep, Opt; not "writerDataX\NotMember"
  EXPECT_EQ(members[1]->name, "Deep");
  auto included = tree.Included({{"", "writerData"}, {"", "config"}, {"config", "child"}});
  EXPECT_EQ(included.size(), 6u);
  // Non-selectable parent/child do not form a set: config alone does not include child.
  EXPECT_EQ(tree.Included({{"", "config"}}).size(), 1u);
}

// Checks required components (SEL-02) and the explicit-inclusion restrictions (SEL-04, SEL-09).
TEST(Metadata_Selection, RequiredAndForbiddenExplicitAdds_SEL_02_SEL_04) {
  WriterMetadata wmd = Sample();
  ComponentTree tree(wmd);
  EXPECT_TRUE(tree.IsRequired(wmd.components[4]));     // config
  EXPECT_TRUE(tree.IsRequired(wmd.components[5]));     // config\child
  EXPECT_FALSE(tree.IsRequired(wmd.components[1]));    // has selectable ancestor
  EXPECT_TRUE(tree.CheckBackupSelection({}).empty());  // writer left out entirely: fine
  EXPECT_EQ(Rules(tree.CheckBackupSelection({{"", "writerData"}})),
            (std::vector<std::string>{"SEL-02", "SEL-02"}));
  EXPECT_TRUE(
      tree.CheckBackupSelection({{"", "writerData"}, {"", "config"}, {"config", "child"}}).empty());
  EXPECT_EQ(Rules(tree.CheckBackupSelection(
                {{"", "config"}, {"config", "child"}, {"writerData", "Set1"}})),
            (std::vector<std::string>{"SEL-04"}));
  EXPECT_EQ(Rules(tree.CheckBackupSelection(
                {{"", "config"}, {"config", "child"}, {"", "writerData"}, {"writerData", "Opt"}})),
            (std::vector<std::string>{"SEL-04"}));
  // A selectable subcomponent whose ancestor is not added may be added (SEL-03).
  EXPECT_TRUE(
      tree.CheckBackupSelection({{"", "config"}, {"config", "child"}, {"writerData", "Opt"}})
          .empty());
  EXPECT_EQ(Rules(tree.CheckBackupSelection({{"", "config"}, {"config", "child"}, {"", "nope"}})),
            (std::vector<std::string>{"SEL-09"}));
}

// Checks restoring a subcomponent alone (SEL-07) and top-level selectability for restore (SEL-08).
TEST(Metadata_Selection, RestoreSubcomponents_SEL_07_SEL_08) {
  WriterMetadata wmd = Sample();
  ComponentTree tree(wmd);
  EXPECT_TRUE(tree.CheckRestoreSubcomponent({"", "writerData"}, {"writerData", "Set1"}).ok());
  EXPECT_EQ(tree.CheckRestoreSubcomponent({"", "writerData"}, {"writerData\\Set1", "Deep"}).rule_id,
            "SEL-07");
  EXPECT_EQ(tree.CheckRestoreSubcomponent({"", "config"}, {"writerData", "Set1"}).rule_id,
            "SEL-07");
}

// Checks cross-writer dependencies (SEL-11) and that remote targets are not checked (MATCH-04).
TEST(Metadata_Selection, Dependencies_SEL_11) {
  WriterMetadata a = Sample();
  WriterMetadata b;
  b.identity.writer_id = *Guid::Parse("22222222-2222-2222-2222-222222222222");
  b.components = {C("", "target", true)};
  ComponentDependency d;
  d.writer_id = b.identity.writer_id;
  d.component_name = "target";
  a.components[0].dependencies.push_back(d);
  d.logical_path = "\\\\RemoteHost\\x";
  a.components[0].dependencies.push_back(d);
  std::map<Guid, std::set<ComponentKey>> selected{{a.identity.writer_id, {{"", "writerData"}}}};
  EXPECT_EQ(Rules(CheckDependencies({&a, &b}, selected)), std::vector<std::string>{"SEL-11"});
  selected[b.identity.writer_id] = {{"", "target"}};
  EXPECT_TRUE(CheckDependencies({&a, &b}, selected).empty());
}

}  // namespace
}  // namespace vsssim::metadata
