#include "vsssim/trace/trace.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vsssim/trace/text.h"

namespace vsssim::trace {
namespace {

using std::chrono::seconds;

void RecordSample(runtime::Clock& clock, Trace& trace, const std::string& result) {
  trace.Append(EntryKind::kCall, "requester:r1", "vss", "DoSnapshotSet");
  clock.AdvanceBy(seconds(60));
  trace.Append(EntryKind::kResult, "vss", "requester:r1", "DoSnapshotSet", {{"hr", result}});
  trace.Append(EntryKind::kFinding, "writer:DemoDB", "", "SetWriterFailure in Identify",
               {{"detail", "called from OnIdentify"}}, "WRT-IDENTIFY-03");
}

TEST(Trace_Core, StampsSequenceAndVirtualTime) {
  runtime::Clock clock;
  Trace trace(clock);
  RecordSample(clock, trace, "S_OK");
  ASSERT_EQ(trace.size(), 3u);
  EXPECT_EQ(trace.entries()[0].sequence, 0u);
  EXPECT_EQ(trace.entries()[0].time, runtime::TimePoint{});
  EXPECT_EQ(trace.entries()[1].time.since_start, seconds(60));
  EXPECT_EQ(trace.entries()[2].sequence, 2u);
  EXPECT_EQ(trace.entries()[1].Get("hr"), "S_OK");
  EXPECT_EQ(trace.entries()[1].Get("missing"), "");
}

// Checks that every text length (the copy has separate paths for 0, 1-3, 4-7, 8-16 and longer
// texts) is stored byte for byte, across new storage blocks, and that earlier entries stay
// intact when later appends need new blocks.
TEST(Trace_Core, StoresTextsOfEveryLengthAcrossBlocks) {
  runtime::Clock clock;
  Trace trace(clock);
  auto text = [](std::size_t n, char seed) {
    std::string t;
    for (std::size_t i = 0; i < n; ++i) t += static_cast<char>('a' + (seed + i * 7) % 26);
    return t;
  };
  const std::size_t kEntries = 3000;  // about 150 KiB of text: several blocks
  for (std::size_t i = 0; i < kEntries; ++i) {
    const std::size_t n = i % 41;
    const std::string a = text(n, 'a'), b = text(40 - n, 'k'), v = text(n / 2, 'x');
    const std::vector<Attribute> extra{{text(n % 5, 'q'), text(n, 'r')}};
    if (i % 2 == 0) {
      trace.Append(EntryKind::kNote, a, b, v, {{"k", v}, {a, b}}, text(n % 9, 'z'));
    } else {
      trace.Append(EntryKind::kNote, a, b, v, extra, text(n % 9, 'z'));
    }
  }
  ASSERT_EQ(trace.size(), kEntries);
  for (std::size_t i = 0; i < kEntries; ++i) {
    const std::size_t n = i % 41;
    const Entry& e = trace.entries()[i];
    ASSERT_EQ(e.from, text(n, 'a')) << i;
    ASSERT_EQ(e.to, text(40 - n, 'k')) << i;
    ASSERT_EQ(e.name, text(n / 2, 'x')) << i;
    ASSERT_EQ(e.rule, text(n % 9, 'z')) << i;
    if (i % 2 == 0) {
      ASSERT_EQ(e.attributes.size(), 2u);
      EXPECT_EQ(e.Get("k"), text(n / 2, 'x'));
      EXPECT_EQ(e.attributes[1].key, text(n, 'a'));
      EXPECT_EQ(e.attributes[1].value, text(40 - n, 'k'));
    } else {
      ASSERT_EQ(e.attributes.size(), 1u);
      EXPECT_EQ(e.attributes[0].key, text(n % 5, 'q'));
      EXPECT_EQ(e.attributes[0].value, text(n, 'r'));
    }
  }
}

// Kept texts (literals, static tables, interned texts) are stored as the very views passed;
// every other text is copied, so the caller's buffer may change or go right after Append.
TEST(Trace_Core, KeepsKeptTextsAndCopiesTheRest) {
  using namespace literals;
  runtime::Clock clock;
  Trace trace(clock);
  std::string actor = "writer:DemoDB";
  const KeptText interned = trace.Intern(actor);
  std::string value = "S_OK";
  static constexpr std::string_view kStaticName = "OnFreeze";
  const Entry& e =
      trace.Append(EntryKind::kReply, interned, "vss"_kept, KeptText::Static(kStaticName),
                   {{"returned"_kept, value}, {std::string("copied"), "vss"}}, "WRT-RET-01"_kept);
  actor.assign(actor.size(), '#');  // the interned copy does not follow its source
  value.assign(value.size(), '#');
  EXPECT_EQ(e.from, "writer:DemoDB");
  EXPECT_NE(e.from.data(), actor.data());
  EXPECT_EQ(e.from.data(), interned.view().data());  // interned: stored once, then kept
  EXPECT_EQ(e.name.data(), kStaticName.data());
  EXPECT_EQ(e.rule, "WRT-RET-01");
  EXPECT_EQ(e.Get("returned"), "S_OK");  // a copy: the source was overwritten
  EXPECT_EQ(e.Get("copied"), "vss");
  EXPECT_EQ(e.to, "vss");
  // The same text interned twice is two stored copies, each valid as long as the trace.
  const KeptText again = trace.Intern("writer:DemoDB");
  EXPECT_EQ(again.view(), "writer:DemoDB");
  EXPECT_NE(again.view().data(), interned.view().data());
}

TEST(Trace_Core, ObserverSeesEachAppend) {
  runtime::Clock clock;
  Trace trace(clock);
  std::vector<std::string> seen;
  trace.SetObserver([&](const Entry& e) { seen.push_back(e.name); });
  RecordSample(clock, trace, "S_OK");
  EXPECT_EQ(seen, (std::vector<std::string>{"DoSnapshotSet", "DoSnapshotSet",
                                            "SetWriterFailure in Identify"}));
}

TEST(Trace_Text, RendersTheDocumentedLineFormat) {
  runtime::Clock clock;
  Trace trace(clock);
  RecordSample(clock, trace, "S_OK");
  EXPECT_EQ(RenderText(trace),
            "000000.000000000 #0000 call     requester:r1 -> vss DoSnapshotSet\n"
            "000060.000000000 #0001 result   vss -> requester:r1 DoSnapshotSet hr=S_OK\n"
            "000060.000000000 #0002 finding  writer:DemoDB SetWriterFailure in Identify "
            "detail=\"called from OnIdentify\"  [WRT-IDENTIFY-03]\n");
}

TEST(Trace_Text, QuotesAndEscapesAwkwardValues) {
  runtime::Clock clock;
  Trace trace(clock);
  trace.Append(EntryKind::kNote, "scenario", "", "step",
               {{"path", "C:\\db"}, {"empty", ""}, {"q", "a\"b\nc"}});
  EXPECT_EQ(RenderTextLine(trace.entries()[0]),
            "000000.000000000 #0000 note     scenario step path=\"C:\\\\db\" empty=\"\" "
            "q=\"a\\\"b\\nc\"");
}

TEST(Trace_Digest, SameEntriesSameDigestAnyChangeDiffers) {
  runtime::Clock c1, c2, c3;
  Trace t1(c1), t2(c2), t3(c3);
  RecordSample(c1, t1, "S_OK");
  RecordSample(c2, t2, "S_OK");
  RecordSample(c3, t3, "VSS_E_BAD_STATE");
  EXPECT_EQ(Digest(t1), Digest(t2));
  EXPECT_NE(Digest(t1), Digest(t3));
  EXPECT_EQ(Digest(t1).size(), 16u);
  // FNV-1a 64 reference values.
  EXPECT_EQ(Fnv1a64Hex(""), "cbf29ce484222325");
  EXPECT_EQ(Fnv1a64Hex("a"), "af63dc4c8601ec8c");
}

}  // namespace
}  // namespace vsssim::trace
