#include "vsssim/trace/html.h"

#include <gtest/gtest.h>

#include <string>

namespace vsssim::trace {
namespace {

using std::chrono::seconds;

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// A short backup with a veto, a writer state, bookkeeping calls and a finding.
std::string SamplePage(HtmlPage page = {}) {
  runtime::Clock clock;
  Trace trace(clock);
  trace.Append(EntryKind::kCall, "requester:r1", "vss", "GatherWriterStatus");
  trace.Append(EntryKind::kCall, "requester:r1", "vss", "GetWriterStatusCount");
  trace.Append(EntryKind::kResult, "vss", "requester:r1", "GetWriterStatusCount", {{"hr", "S_OK"}});
  trace.Append(EntryKind::kEvent, "vss", "writer:DemoDB", "Freeze");
  clock.AdvanceBy(seconds(2));
  trace.Append(EntryKind::kReply, "writer:DemoDB", "vss", "Freeze", {{"returned", "false"}});
  trace.Append(EntryKind::kState, "writer:DemoDB", "", "VSS_WS_FAILED_AT_FREEZE",
               {{"failure", "VSS_E_WRITERERROR_RETRYABLE"}});
  trace.Append(EntryKind::kEvent, "vss", "writer:DemoDB", "Abort", {}, "WRT-SEQ-06");
  trace.Append(EntryKind::kFinding, "writer:DemoDB", "", "write during freeze",
               {{"path", "C:\\db\\<main>.mdf"}}, "SIM-QUIESCE-01");
  trace.Append(EntryKind::kProvider, "vss", "provider", "CommitSnapshots");
  return RenderHtml(trace, page);
}

// Checks the page's skeleton: one row per entry, lanes in the protocol's order (requesters,
// vss, writers, provider), the writer's lane coloured by its state from its state entry on.
TEST(Trace_Html, OneRowPerEntryAndLanesInProtocolOrder) {
  const std::string html = SamplePage();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("data-entries=\"9\" data-lanes=\"4\""), std::string::npos);
  EXPECT_EQ(Count(html, "class=\"row entry"), 9u);
  const std::size_t r = html.find("data-lane=\"requester:r1\"");
  const std::size_t v = html.find("data-lane=\"vss\"");
  const std::size_t w = html.find("data-lane=\"writer:DemoDB\"");
  const std::size_t p = html.find("data-lane=\"provider\"");
  ASSERT_NE(p, std::string::npos);
  EXPECT_LT(r, v);
  EXPECT_LT(v, w);
  EXPECT_LT(w, p);
  // The state entry and the three rows after it colour the writer's lane.
  EXPECT_EQ(Count(html, "class=\"life st-failed\" data-state=\"VSS_WS_FAILED_AT_FREEZE\""), 4u);
  EXPECT_EQ(Count(html, "class=\"life st-"), 4u);
}

// Checks the highlights: the false reply is a veto, the Freeze sent right (vss -> writer) and
// the reply left, the Abort shows the rule it cites, bookkeeping calls can be hidden, the
// finding is listed with the rule's whole text and its source page.
TEST(Trace_Html, HighlightsVetoesRulesBookkeepingAndFindings) {
  const std::string html = SamplePage();
  EXPECT_NE(html.find("class=\"row entry kind-reply dir-left veto\""), std::string::npos);
  EXPECT_NE(html.find("class=\"row entry kind-event dir-right\" data-seq=\"3\""),
            std::string::npos);
  EXPECT_NE(html.find("Abort<span class=\"cites\">WRT-SEQ-06</span>"), std::string::npos);
  EXPECT_NE(html.find("class=\"row entry kind-call dir-right bookkeeping\" data-seq=\"1\""),
            std::string::npos);
  EXPECT_NE(html.find("class=\"row entry kind-result dir-left bookkeeping\" data-seq=\"2\""),
            std::string::npos);
  EXPECT_NE(html.find("class=\"row entry kind-call dir-right\" data-seq=\"0\""),
            std::string::npos);  // GatherWriterStatus is not bookkeeping
  EXPECT_NE(html.find("<section class=\"findings\"><h2>1 finding</h2>"), std::string::npos);
  EXPECT_NE(html.find("class=\"rule-id\">SIM-QUIESCE-01</a>"), std::string::npos);
  EXPECT_NE(html.find("Between a writer&#39;s successful Freeze and its Thaw"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://learn.microsoft.com/"), std::string::npos);
}

// Checks that any text is safe: markup is escaped, invalid UTF-8 and control characters are
// replaced, and nothing the browser would load is referenced (the page is self-contained).
TEST(Trace_Html, EscapesEveryTextAndLoadsNothing) {
  HtmlPage page;
  page.title = "<script>alert(1)</script>";
  page.description = std::string("bad \xff\xfe utf-8 and a \x01 control");
  page.verdict = {"expected \"S_OK\" & got <nothing>"};
  const std::string html = SamplePage(page);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("bad \xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(html.find("a &#xFFFD; control"), std::string::npos);
  EXPECT_NE(html.find("expected &quot;S_OK&quot; &amp; got &lt;nothing&gt;"), std::string::npos);
  EXPECT_NE(html.find("C:\\db\\&lt;main&gt;.mdf"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(Count(html, "<script>"), 1u);  // the page's own, inline
}

TEST(Trace_Html, SameTraceSameBytes) { EXPECT_EQ(SamplePage(), SamplePage()); }

TEST(Trace_Html, BookkeepingCalls) {
  EXPECT_TRUE(IsBookkeepingCall("GetWriterMetadataCount"));
  EXPECT_TRUE(IsBookkeepingCall("FreeWriterStatus"));
  EXPECT_FALSE(IsBookkeepingCall("GatherWriterMetadata"));
  EXPECT_FALSE(IsBookkeepingCall("DoSnapshotSet"));
}

}  // namespace
}  // namespace vsssim::trace
