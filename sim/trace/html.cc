#include "vsssim/trace/html.h"

#include <utf8.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <string_view>

#include "vsssim/rules/rules.h"
#include "vsssim/runtime/time.h"

namespace vsssim::trace {
namespace {

// Escapes for text and attribute values; invalid UTF-8 becomes U+FFFD first.
std::string Html(std::string_view text) {
  std::string valid;
  if (!utf8::is_valid(text.begin(), text.end())) {
    utf8::replace_invalid(text.begin(), text.end(), std::back_inserter(valid));
    text = valid;
  }
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          out += "&#xFFFD;";
        } else {
          out += c;
        }
    }
  }
  return out;
}

// Virtual time as seconds with milliseconds: "70.000 s".
std::string Seconds(runtime::TimePoint t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.since_start).count();
  std::string fraction = std::to_string(ms % 1000);
  fraction.insert(0, 3 - fraction.size(), '0');
  return std::to_string(ms / 1000) + "." + fraction + " s";
}

int Rank(std::string_view actor) {  // the Mermaid order: requesters, vss, writers, provider
  if (actor.rfind("requester:", 0) == 0) return 0;
  if (actor == "vss") return 1;
  if (actor.rfind("writer:", 0) == 0) return 2;
  if (actor == "provider") return 3;
  return 4;
}

// A short class for a writer state: stable, waiting, failed, unknown.
std::string_view StateClass(std::string_view state) {
  if (state.find("FAILED") != std::string_view::npos) return "failed";
  if (state == "VSS_WS_STABLE") return "stable";
  if (state.rfind("VSS_WS_WAITING", 0) == 0) return "waiting";
  return "other";
}

bool IsVeto(const Entry& e) {
  if (e.kind == EntryKind::kFinding) return false;
  for (const AttributeView& a : e.attributes) {
    if (a.key == "returned" && a.value == "false") return true;
    if (a.key == "hung" || a.key == "threw") return true;
    if (a.key == "failure" && a.value != "S_OK") return true;
    // A result's HRESULT: failures are named E_... / VSS_E_... or written 0x8....
    if (a.key == "hr") {
      std::string_view hr = a.value;
      if (hr.rfind("E_", 0) == 0 || hr.rfind("VSS_E_", 0) == 0 || hr.rfind("0x8", 0) == 0) {
        return true;
      }
    }
  }
  return false;
}

constexpr std::string_view kStyle = R"(
body{font:14px/1.35 system-ui,sans-serif;margin:0;color:#1d232a;background:#fff}
header{padding:12px 16px;border-bottom:1px solid #d0d7de;position:sticky;top:0;background:#fff;z-index:5}
h1{font-size:20px;margin:0 0 4px}
.description{margin:4px 0;max-width:70em}
.summary{color:#57606a;font-family:monospace;margin:4px 0}
.verdict{color:#b42318;margin:4px 0;padding-left:1.2em}
.controls{margin-top:6px}
.findings{margin:8px 16px;padding:8px 12px;border:1px solid #f1aeb5;background:#fff5f5;border-radius:6px}
.findings h2{font-size:15px;margin:0 0 4px}
.finding-item{margin:6px 0}
.rule-id{font-family:monospace;font-weight:600}
.rule-text{color:#444}
.timeline{padding:0 16px 40px;min-width:calc(8em + var(--lanes) * 11em)}
.row{display:grid;grid-template-columns:8em repeat(var(--lanes),minmax(11em,1fr));align-items:center;min-height:24px}
.heads{position:sticky;top:var(--head,0);background:#f6f8fa;border-bottom:1px solid #d0d7de;z-index:4;font-weight:600}
.lane-head{padding:4px 6px;text-align:center;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.time{grid-column:1;grid-row:1;font-family:monospace;font-size:12px;color:#57606a;text-align:right;padding-right:8px}
.life{grid-row:1;justify-self:center;width:6px;height:100%;min-height:24px;background:#d8dee4}
.life.st-stable{background:#2da44e}.life.st-waiting{background:#bf8700}.life.st-failed{background:#cf222e}.life.st-other{background:#8c959f}
.bar{grid-row:1;z-index:1;margin:2px 0;padding:1px 6px;border-radius:4px;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.kind-call .bar,.kind-event .bar,.kind-provider .bar{background:#ddf4ff;border:1px solid #54aeff}
.kind-result .bar,.kind-reply .bar{background:#f6f8fa;border:1px dashed #8c959f}
.kind-state .bar{background:#fff8c5;border:1px solid #d4a72c}
.kind-note .bar{background:#fbefff;border:1px solid #c297ff}
.kind-finding .bar{background:#ffebe9;border:2px solid #cf222e;font-weight:600}
.veto .bar{background:#ffebe9;border-color:#cf222e}
.dir-right .bar::after{content:" \2192"}.dir-left .bar::before{content:"\2190 "}
.cites{font-family:monospace;font-size:11px;color:#0550ae;margin-left:6px}
.attrs{display:none;grid-column:2/-1;grid-row:2;margin:2px 0 6px;padding:4px 8px;background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;font-family:monospace;font-size:12px}
.open .attrs{display:block}
.attrs dt{font-weight:600;float:left;clear:left;margin-right:6px}
.attrs dd{margin:0 0 0 0}
body.hide-bookkeeping .bookkeeping{display:none}
)";

// Builds the page in one pass over the trace.
class Page {
 public:
  Page(const Trace& trace, const HtmlPage& page) : trace_(trace), page_(page) {
    std::vector<std::string> ordered[5];
    for (const Entry& e : trace.entries()) {
      for (std::string_view a : {std::string_view(e.from), std::string_view(e.to)}) {
        if (a.empty() || lane_.count(a) != 0) continue;
        lane_[std::string(a)] = -1;
        ordered[Rank(a)].push_back(std::string(a));
      }
    }
    for (const auto& group : ordered) {
      for (const std::string& actor : group) {
        lane_[actor] = static_cast<int>(lanes_.size());
        lanes_.push_back(actor);
      }
    }
    state_.assign(lanes_.size(), "");
  }

  std::string Render() {
    std::string out;
    out.reserve(2048 + trace_.entries().size() * 400);
    out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width\">\n<title>vsssim: ";
    out += Html(page_.title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n";
    out += "<body data-entries=\"" + std::to_string(trace_.entries().size()) + "\" data-lanes=\"" +
           std::to_string(lanes_.size()) + "\">\n";
    Header(out);
    Findings(out);
    out += "<main id=\"timeline\" class=\"timeline\" style=\"--lanes:" +
           std::to_string(lanes_.size()) + "\">\n<div class=\"row heads\">";
    out += "<div class=\"lane-head time-head\">virtual time</div>";
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
      out += "<div class=\"lane-head\" data-lane=\"" + Html(lanes_[i]) +
             "\" style=\"grid-column:" + std::to_string(i + 2) + "\">" + Html(lanes_[i]) + "</div>";
    }
    out += "</div>\n";
    for (const Entry& e : trace_.entries()) Row(out, e);
    out += "</main>\n";
    Script(out);
    out += "</body></html>\n";
    return out;
  }

 private:
  void Header(std::string& out) const {
    out += "<header><h1 id=\"title\">" + Html(page_.title) + "</h1>\n";
    if (!page_.description.empty()) {
      out += "<p class=\"description\">" + Html(page_.description) + "</p>\n";
    }
    if (!page_.summary.empty()) out += "<p class=\"summary\">" + Html(page_.summary) + "</p>\n";
    if (!page_.verdict.empty()) {
      out += "<ul class=\"verdict\">";
      for (const std::string& v : page_.verdict) out += "<li>" + Html(v) + "</li>";
      out += "</ul>\n";
    }
    out +=
        "<div class=\"controls\"><label><input type=\"checkbox\" id=\"hide-bookkeeping\"> "
        "hide bookkeeping calls (metadata and status walks)</label> &middot; click an entry "
        "for its attributes</div></header>\n";
  }

  // Every finding once, with the rule's whole text and its source page.
  void Findings(std::string& out) const {
    std::string items;
    std::size_t n = 0;
    for (const Entry& e : trace_.entries()) {
      if (e.kind != EntryKind::kFinding) continue;
      ++n;
      items += "<div class=\"finding-item\"><a href=\"#e" + std::to_string(e.sequence) +
               "\" class=\"rule-id\">" + Html(e.rule) + "</a> " + Html(e.from) + ": " +
               Html(e.name);
      if (const rules::Rule* r = rules::FindRule(e.rule)) {
        items += "<div class=\"rule-text\">" + std::string(rules::NameOf(r->level)) + ": " +
                 Html(r->full_text) + " <a class=\"source\" href=\"" + Html(r->source) + "\">" +
                 Html(r->source) + "</a></div>";
      }
      items += "</div>\n";
    }
    if (n == 0) return;
    out += "<section class=\"findings\"><h2>" + std::to_string(n) +
           (n == 1 ? " finding" : " findings") + "</h2>\n" + items + "</section>\n";
  }

  void Row(std::string& out, const Entry& e) {
    const auto from = lane_.find(e.from);
    const int a = from == lane_.end() ? 0 : from->second;
    int b = a;
    if (!e.to.empty()) {
      const auto to = lane_.find(e.to);
      if (to != lane_.end()) b = to->second;
    }
    if (e.kind == EntryKind::kState && a >= 0) state_[static_cast<std::size_t>(a)] = e.name;
    std::string classes = "row entry kind-" + std::string(KindName(e.kind));
    if (b > a) classes += " dir-right";
    if (b < a) classes += " dir-left";
    if (IsVeto(e)) classes += " veto";
    if ((e.kind == EntryKind::kCall && IsBookkeepingCall(e.name)) ||
        (e.kind == EntryKind::kResult && IsBookkeepingCall(e.name))) {
      classes += " bookkeeping";
    }
    out += "<div id=\"e" + std::to_string(e.sequence) + "\" class=\"" + classes + "\" data-seq=\"" +
           std::to_string(e.sequence) + "\" data-kind=\"" + std::string(KindName(e.kind)) +
           "\" data-from=\"" + Html(e.from) + "\"";
    if (!e.to.empty()) out += " data-to=\"" + Html(e.to) + "\"";
    if (!e.rule.empty()) out += " data-rule=\"" + Html(e.rule) + "\"";
    out += "><span class=\"time\">" + Seconds(e.time) + "</span>";
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
      out += "<span class=\"life";
      if (!state_[i].empty()) {
        out += " st-" + std::string(StateClass(state_[i])) + "\" data-state=\"" + Html(state_[i]) +
               "\" title=\"" + Html(lanes_[i]) + ": " + Html(state_[i]);
      }
      out += "\" style=\"grid-column:" + std::to_string(i + 2) + "\"></span>";
    }
    const int lo = std::min(a, b);
    const int hi = std::max(a, b);
    // An arrow runs from the middle of one lane to the middle of the other: the bar spans the
    // columns of both and gives up half a column at each end (a grid item's percentage margins
    // are of its grid area's width).
    const int span = hi - lo + 1;
    out += "<span class=\"bar\" style=\"grid-column:" + std::to_string(lo + 2) + "/" +
           std::to_string(hi + 3);
    if (span > 1) out += ";margin:2px calc(100% / " + std::to_string(2 * span) + ")";
    out += "\">";
    if (e.kind == EntryKind::kFinding) out += "FINDING " + Html(e.rule) + " ";
    out += Html(e.name);
    if (!e.rule.empty() && e.kind != EntryKind::kFinding) {
      out += "<span class=\"cites\">" + Html(e.rule) + "</span>";
    }
    out += "</span><dl class=\"attrs\"><dt>entry</dt><dd>#" + std::to_string(e.sequence) + " " +
           std::string(KindName(e.kind)) + " " + Html(e.from);
    if (!e.to.empty()) out += " &rarr; " + Html(e.to);
    out += "</dd>";
    for (const AttributeView& attr : e.attributes) {
      out += "<dt>" + Html(attr.key) + "</dt><dd>" + Html(attr.value) + "</dd>";
    }
    if (!e.rule.empty()) {
      out += "<dt>rule</dt><dd>" + Html(e.rule);
      if (const rules::Rule* r = rules::FindRule(e.rule)) {
        out += ": " + Html(r->text) + " (" + Html(r->source) + ")";
      }
      out += "</dd>";
    }
    out += "</dl></div>\n";
  }

  static void Script(std::string& out) {
    // Inline and tiny: toggles, and the time the browser took to build and lay out the page.
    out += R"(<script>
(function(){
  var start = performance.now();
  document.getElementById('timeline').addEventListener('click', function(ev){
    var row = ev.target.closest('.entry'); if (row) row.classList.toggle('open');
  });
  document.getElementById('hide-bookkeeping').addEventListener('change', function(ev){
    document.body.classList.toggle('hide-bookkeeping', ev.target.checked);
  });
  var head = document.querySelector('header');
  document.documentElement.style.setProperty('--head', head.offsetHeight + 'px');
  void document.body.offsetHeight;
  // Time from navigation start until the page was parsed and laid out.
  document.body.dataset.renderMs = performance.now().toFixed(1);
  if (location.hash === '#measure') {
    // Scroll from top to bottom in 50 steps, laying out each (what a reader's scroll costs).
    var t = performance.now(), h = document.documentElement.scrollHeight;
    for (var i = 1; i <= 50; i++) { window.scrollTo(0, h * i / 50); void document.body.offsetHeight; }
    window.scrollTo(0, 0);
    document.body.dataset.scrollMs = (performance.now() - t).toFixed(1);
  }
})();
</script>
)";
  }

  const Trace& trace_;
  const HtmlPage& page_;
  std::map<std::string, int, std::less<>> lane_;
  std::vector<std::string> lanes_;
  std::vector<std::string> state_;  // per lane: the writer's last state
};

}  // namespace

bool IsBookkeepingCall(std::string_view method) {
  static constexpr std::string_view kMethods[] = {"GetWriterMetadataCount",
                                                  "GetWriterMetadata",
                                                  "GetWriterMetadataEx",
                                                  "FreeWriterMetadata",
                                                  "GetWriterStatusCount",
                                                  "GetWriterStatus",
                                                  "GetWriterStatusEx",
                                                  "FreeWriterStatus",
                                                  "GetWriterComponentsCount",
                                                  "GetWriterComponents",
                                                  "SaveAsXML",
                                                  "Query",
                                                  "IsVolumeSupported",
                                                  "GetSnapshotProperties",
                                                  "QueryStatus"};
  return std::find(std::begin(kMethods), std::end(kMethods), method) != std::end(kMethods);
}

std::string RenderHtml(const Trace& trace, const HtmlPage& page) {
  return Page(trace, page).Render();
}

}  // namespace vsssim::trace
