#include "vsssim/vss/guid.h"

#include <gtest/gtest.h>

namespace vsssim {
namespace {

TEST(Vocabulary_Guid, ParsesBracedAndBareInAnyCase) {
  auto a = Guid::Parse("e8132975-6f93-4464-a53e-1050253ae220");
  auto b = Guid::Parse("{E8132975-6F93-4464-A53E-1050253AE220}");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(a->data1, 0xE8132975u);
  EXPECT_EQ(a->data2, 0x6F93u);
  EXPECT_EQ(a->data4[0], 0xA5u);
  EXPECT_EQ(a->ToString(), "e8132975-6f93-4464-a53e-1050253ae220");
  EXPECT_EQ(a->ToBracedString(), "{E8132975-6F93-4464-A53E-1050253AE220}");
}

TEST(Vocabulary_Guid, RejectsMalformedText) {
  for (const char* bad :
       {"", "e8132975-6f93-4464-a53e-1050253ae22", "{e8132975-6f93-4464-a53e-1050253ae220",
        "e8132975x6f93-4464-a53e-1050253ae220", "g8132975-6f93-4464-a53e-1050253ae220",
        "(e8132975-6f93-4464-a53e-1050253ae220)"}) {
    EXPECT_FALSE(Guid::Parse(bad).has_value()) << bad;
  }
}

// Checks that the allocation-free GuidText prints exactly what ToString prints.
TEST(Vocabulary_Guid, TextWithoutAllocationMatchesToString) {
  for (const char* text :
       {"00000000-0000-0000-0000-000000000000", "e8132975-6f93-4464-a53e-1050253ae220",
        "{FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF}"}) {
    const Guid g = *Guid::Parse(text);
    EXPECT_EQ(GuidText(g).view(), g.ToString());
  }
}

TEST(Vocabulary_Guid, NullAndOrdering) {
  EXPECT_TRUE(kGuidNull.IsNull());
  auto a = *Guid::Parse("00000000-0000-0000-0000-000000000001");
  EXPECT_FALSE(a.IsNull());
  EXPECT_TRUE(kGuidNull < a);
  EXPECT_FALSE(a < kGuidNull);
}

}  // namespace
}  // namespace vsssim

#include "vsssim/vss/writer_event.h"

namespace vsssim::vss {
namespace {

TEST(Vocabulary_WriterEvent, NamesRoundTrip) {
  EXPECT_EQ(NameOf(WriterEvent::kPrepareForSnapshot), "PrepareForSnapshot");
  EXPECT_EQ(ParseWriterEvent("Freeze"), WriterEvent::kFreeze);
  EXPECT_EQ(ParseWriterEvent("OnBackupShutdown"), WriterEvent::kBackupShutdown);
  EXPECT_FALSE(ParseWriterEvent("freeze").has_value());
  EXPECT_FALSE(ParseWriterEvent("Freezer").has_value());
  for (std::string_view name : kWriterEventNames) {
    auto e = ParseWriterEvent(name);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(NameOf(*e), name);
  }
}

}  // namespace
}  // namespace vsssim::vss
