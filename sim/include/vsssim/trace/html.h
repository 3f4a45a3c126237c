// HTML rendering of a trace: ONE self-contained page (no network: inline CSS and script, no
// fonts, images or links it loads) that shows a run the way a learner reads it.
//
//   - swimlanes for the requesters, the coordinator ("vss"), the writers and the provider (the
//     Mermaid order, trace/mermaid.h), on a virtual-time axis: one row per trace entry with its
//     time, an arrow from the sender's lane to the receiver's;
//   - each writer's state at each step: its lane is coloured by the state its last state entry
//     gave (VSS_WS_*), so a failure shows as a red stretch of lane;
//   - findings with the rule's whole text and the Microsoft page it comes from (the rule
//     registry, vsssim/rules/rules.h), vetoes and failures highlighted, and the rule an entry
//     cites on the entry;
//   - click an entry to see all its attributes; a switch hides bookkeeping calls (the
//     Get...Count / Get... / Free... walks, SaveAsXML, Query) and their results.
//
// The page records how long the browser took to build and lay it out in
// `document.body.dataset.renderMs` (tools/vsssim/html_check.py reads it in headless Chromium).
// Deterministic: the same trace and page options give the same bytes. Any text is safe: HTML
// is escaped and invalid UTF-8 is replaced by U+FFFD.
//
// Thread safety: pure functions.
#ifndef VSSSIM_TRACE_HTML_H_
#define VSSSIM_TRACE_HTML_H_

#include <string>
#include <vector>

#include "vsssim/trace/trace.h"

namespace vsssim::trace {

struct HtmlPage {
  std::string title;                 // the page and diagram title: the scenario's name
  std::string description;           // the scenario's description, shown under the title
  std::string summary;               // one line: "PASS seed 7 digest 0123abcd..."
  std::vector<std::string> verdict;  // why the run failed, one line each (empty: it passed)
};

std::string RenderHtml(const Trace& trace, const HtmlPage& page);

// True for the requester calls a learner may hide: the metadata and status walks
// (Get...Count, Get..., Free...), SaveAsXML, Query, IsVolumeSupported, GetSnapshotProperties.
bool IsBookkeepingCall(std::string_view method);

}  // namespace vsssim::trace

#endif  // VSSSIM_TRACE_HTML_H_
