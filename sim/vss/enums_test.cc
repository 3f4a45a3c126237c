// Checks the vocabulary against ../shared/spec/CATALOGUE.md §1: every enumeration value the
// catalogue lists exists here with the same name and value, and nothing here is invented.
#include "vsssim/vss/enums.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace vsssim::vss {
namespace {

struct TableView {
  std::string_view prefix;
  const EnumEntry* begin;
  const EnumEntry* end;
};

std::map<std::string, TableView, std::less<>> AllTables() {
  std::map<std::string, TableView, std::less<>> tables;
#define VSSSIM_ADD_TABLE_(Type)                                                          \
  tables[std::string(EnumInfo<Type>::kSdkName)] = {EnumInfo<Type>::kPrefix,              \
                                                   std::begin(EnumInfo<Type>::kEntries), \
                                                   std::end(EnumInfo<Type>::kEntries)};
  VSSSIM_FOR_EACH_ENUM(VSSSIM_ADD_TABLE_)
#undef VSSSIM_ADD_TABLE_
  return tables;
}

std::string ReadCatalogue() {
  std::ifstream in(VSSSIM_SPEC_DIR "/CATALOGUE.md");
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Expected {
  std::string type;
  std::string name;  // as the catalogue spells it (may lack the prefix)
  std::int64_t value;
};

std::int64_t ToInt(const std::string& text) { return std::stoll(text, nullptr, 0); }

// Reads the value/name pairs of catalogue §1.1-§1.9.
std::vector<Expected> CatalogueEnumValues(const std::string& catalogue) {
  std::vector<Expected> out;
  std::istringstream lines(catalogue);
  std::string line, current;
  const std::regex section(R"(^### 1\.[1-8] `(VSS_[A-Z_]+)`)");
  const std::regex simple_row(
      R"(^\| (-?(?:0x)?[0-9A-Fa-f]+) \| (VSS_[A-Z_0-9]+)(?: \([^)]*\))? \|)");
  const std::regex other_row(R"(^\| (VSS_[A-Z_]+) \| (.*) \|\s*$)");
  const std::regex item(R"((-?(?:0x)?[0-9A-Fa-f]+) ([A-Z][A-Z_0-9]*))");
  bool in_other = false;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (line.rfind("### ", 0) == 0) {
      current.clear();
      in_other = line.rfind("### 1.9 ", 0) == 0;
      if (std::regex_search(line, m, section)) current = m[1];
      continue;
    }
    if (!current.empty() && std::regex_search(line, m, simple_row)) {
      out.push_back({current, m[2], ToInt(m[1])});
    } else if (in_other && std::regex_search(line, m, other_row)) {
      std::string type = m[1], items = m[2];
      if (type == "VSS_SW_BOOTABLE_STATE") continue;  // a macro, checked separately
      for (std::sregex_iterator it(items.begin(), items.end(), item), end; it != end; ++it) {
        out.push_back({type, (*it)[2], ToInt((*it)[1])});
      }
    }
  }
  return out;
}

// True when `ours` is the catalogue's `name`, allowing the catalogue's short forms
// ("UNDEFINED" for VSS_AWS_UNDEFINED, "POST_SNAPSHOT" for VSS_SM_POST_SNAPSHOT_FLAG).
bool SameName(std::string_view ours, std::string_view prefix, const std::string& name) {
  if (ours == name) return true;
  if (ours.substr(0, prefix.size()) != prefix) return false;
  std::string_view rest = ours.substr(prefix.size());
  if (rest.substr(0, name.size()) != name) return false;
  rest.remove_prefix(name.size());
  return rest.empty() || rest == "_FLAG" || rest == "_FLAGS";
}

TEST(Vocabulary_Enums, EveryCatalogueValueIsDeclaredWithItsSdkValue) {
  std::string catalogue = ReadCatalogue();
  if (catalogue.empty()) GTEST_SKIP() << "catalogue not found at " VSSSIM_SPEC_DIR;
  auto tables = AllTables();
  std::vector<Expected> expected = CatalogueEnumValues(catalogue);
  ASSERT_GT(expected.size(), 150u) << "catalogue parsing found too few values";
  std::map<std::string, int> seen_per_type;
  for (const Expected& e : expected) {
    auto t = tables.find(e.type);
    ASSERT_NE(t, tables.end()) << "enum " << e.type << " is not declared";
    const EnumEntry* match = nullptr;
    for (const EnumEntry* it = t->second.begin; it != t->second.end; ++it) {
      if (SameName(it->name, t->second.prefix, e.name)) match = it;
    }
    ASSERT_NE(match, nullptr) << e.type << "::" << e.name << " is missing";
    // Unsigned masks: the catalogue's 0xFFFFFFFF is -1 nowhere; compare as 32-bit patterns.
    EXPECT_EQ(static_cast<std::uint32_t>(match->value), static_cast<std::uint32_t>(e.value))
        << e.type << "::" << e.name;
    ++seen_per_type[e.type];
  }
  // Nothing declared here that the catalogue does not list.
  for (const auto& [type, view] : tables) {
    EXPECT_EQ(seen_per_type[type], view.end - view.begin) << "entries of " << type;
  }
}

TEST(Vocabulary_Enums, SpotValuesMatchTheSdk) {
  EXPECT_EQ(static_cast<int>(WriterState::VSS_WS_FAILED_AT_FREEZE), 9);
  EXPECT_EQ(static_cast<int>(WriterState::VSS_WS_WAITING_FOR_BACKUP_COMPLETE), 5);
  EXPECT_EQ(static_cast<int>(BackupType::VSS_BT_COPY), 5);
  EXPECT_EQ(static_cast<std::uint32_t>(BackupSchema::VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES),
            0x8000u);
  EXPECT_EQ(static_cast<std::uint32_t>(SnapshotContext::VSS_CTX_NAS_ROLLBACK), 0x19u);
  EXPECT_EQ(static_cast<std::uint32_t>(SnapshotContext::VSS_CTX_ALL), 0xFFFFFFFFu);
  EXPECT_EQ(static_cast<int>(RestoreMethod::VSS_RME_RESTORE_STOP_START), 8);
  EXPECT_EQ(static_cast<int>(ApplicationLevel::VSS_APP_AUTO), -1);
  EXPECT_EQ(static_cast<std::uint32_t>(kDefaultFileSpecBackupType), 3855u);
  EXPECT_EQ(kVSS_SW_BOOTABLE_STATE, 1u);
}

TEST(Vocabulary_Enums, ParsesFullShortDecimalAndHexNames) {
  EXPECT_EQ(Parse<WriterState>("VSS_WS_STABLE"), WriterState::VSS_WS_STABLE);
  EXPECT_EQ(Parse<WriterState>("vss_ws_stable"), WriterState::VSS_WS_STABLE);
  EXPECT_EQ(Parse<WriterState>("STABLE"), WriterState::VSS_WS_STABLE);
  EXPECT_EQ(Parse<WriterState>("9"), WriterState::VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(Parse<WriterState>("0x9"), WriterState::VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(Parse<ApplicationLevel>("-1"), ApplicationLevel::VSS_APP_AUTO);
  EXPECT_EQ(Parse<SnapshotContext>("0xFFFFFFFF"), SnapshotContext::VSS_CTX_ALL);
  EXPECT_FALSE(Parse<WriterState>("99").has_value());
  EXPECT_FALSE(Parse<WriterState>("VSS_WS_NOPE").has_value());
  EXPECT_FALSE(Parse<WriterState>("").has_value());
  EXPECT_FALSE(Parse<WriterState>("0x").has_value());
  EXPECT_FALSE(Parse<WriterState>("99999999999999999999").has_value());
}

TEST(Vocabulary_Enums, EveryValueRoundTripsThroughItsName) {
#define VSSSIM_ROUND_TRIP_(Type)                                      \
  for (const EnumEntry& e : EnumInfo<Type>::kEntries) {               \
    auto parsed = Parse<Type>(e.name);                                \
    ASSERT_TRUE(parsed.has_value()) << e.name;                        \
    EXPECT_EQ(static_cast<std::int64_t>(*parsed), e.value) << e.name; \
    EXPECT_EQ(ToString(*parsed), e.name);                             \
  }
  VSSSIM_FOR_EACH_ENUM(VSSSIM_ROUND_TRIP_)
#undef VSSSIM_ROUND_TRIP_
}

TEST(Vocabulary_Masks, CombinationsParseAndPrint) {
  auto schema = Parse<BackupSchema>("VSS_BS_INCREMENTAL VSS_BS_TIMESTAMPED");
  ASSERT_TRUE(schema.has_value());
  EXPECT_EQ(static_cast<std::uint32_t>(*schema), 0x22u);
  EXPECT_EQ(ToString(*schema), "VSS_BS_INCREMENTAL|VSS_BS_TIMESTAMPED");
  EXPECT_EQ(Parse<BackupSchema>("INCREMENTAL|TIMESTAMPED"), schema);
  EXPECT_EQ(Parse<BackupSchema>("881"), static_cast<BackupSchema>(0x371));
  EXPECT_EQ(ToString(static_cast<BackupSchema>(0x371)),
            "VSS_BS_DIFFERENTIAL|VSS_BS_COPY|VSS_BS_TIMESTAMPED|VSS_BS_LAST_MODIFY|"
            "VSS_BS_WRITER_SUPPORTS_NEW_TARGET|VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE");
  // A composite name is used only when it is the whole value.
  EXPECT_EQ(ToString(static_cast<FileSpecBackupType>(0xF)), "VSS_FSBT_ALL_BACKUP_REQUIRED");
  EXPECT_EQ(ToString(static_cast<FileSpecBackupType>(0x3)),
            "VSS_FSBT_FULL_BACKUP_REQUIRED|VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED");
  // Unnamed bits print in hex; 0x800 is unassigned in VSS_BACKUP_SCHEMA.
  EXPECT_EQ(ToString(static_cast<BackupSchema>(0x801)), "VSS_BS_DIFFERENTIAL|0x800");
  EXPECT_EQ(ToString(static_cast<BackupSchema>(0)), "VSS_BS_UNDEFINED");
  EXPECT_FALSE(Parse<BackupSchema>("VSS_BS_INCREMENTAL|BOGUS").has_value());
  EXPECT_TRUE(HasAll(*schema, BackupSchema::VSS_BS_TIMESTAMPED));
  EXPECT_FALSE(HasAll(*schema, BackupSchema::VSS_BS_COPY));
  EXPECT_EQ(BackupSchema::VSS_BS_INCREMENTAL | BackupSchema::VSS_BS_TIMESTAMPED, *schema);
}

}  // namespace
}  // namespace vsssim::vss
