// Identify checks: the WMD the writer builds is valid (WRT-IDENTIFY-04/05, WMD-01..12), its
// Identify answer is deterministic (WRT-IDENTIFY-02), and an Identify injected at any point
// of a backup changes nothing else (SIM-IDENTIFY-01, WRT-IDENTIFY-01).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "conformance/writer/checks.h"
#include "conformance/writer/scenarios.h"
#include "vsssim/metadata/validate.h"
#include "vsssim/metadata/xml_codec.h"
#include "vsssim/trace/text.h"

namespace vsssim::conformance::checks {
namespace {

constexpr const char* kInjector = "tool:conformance";

// The metadata of one GatherWriterMetadata by requester `name` (released afterwards).
bool Gather(World& world, const std::string& name, std::string* xml) {
  BackupRun run(world, name);
  const HResult r = run.RunRange(0, BackupRun::kAddComponents);
  const bool ok = r.Succeeded() && run.identified();
  if (ok) *xml = metadata::WriteWriterMetadataXml(world.metadata());
  run.Run(BackupRun::kRelease);
  return ok;
}

// The first line where two renderings differ, as "line N: A | B".
std::string FirstDifference(const std::string& a, const std::string& b) {
  std::size_t line = 1, i = 0, start = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) {
    if (a[i] == '\n') {
      ++line;
      start = i + 1;
    }
    ++i;
  }
  auto line_of = [start](const std::string& s) {
    const std::size_t end = s.find('\n', start);
    return s.substr(start, end == std::string::npos ? std::string::npos : end - start);
  };
  return "line " + std::to_string(line) + ": '" + line_of(a) + "' vs '" + line_of(b) + "'";
}

struct InjectionRun {
  std::string rendering;  // the trace without the injector's entries, sequence blanked
  std::vector<HResult> results;
  std::vector<vss::WriterState> states;  // after each step
  std::string bcd;
  int writer_events = 0;
};

InjectionRun RunWithInjection(const WriterUnderTest& writer, int before_step, int before_event) {
  World world(writer);
  int events = 0;
  world.vss().SetBeforeEventHook([&](std::string_view, std::string_view actor, vss::WriterEvent) {
    if (actor == world.actor() && events++ == before_event) {
      world.vss().InjectIdentify(kInjector);
    }
  });
  InjectionRun out;
  BackupRun run(world, "r1");
  for (int s = 0; s < BackupRun::kStepCount; ++s) {
    if (s == before_step) world.vss().InjectIdentify(kInjector);
    out.results.push_back(run.Run(static_cast<BackupRun::Step>(s)));
    out.states.push_back(world.vss().WriterStateIn(run.requester(), world.writer()));
  }
  out.bcd = run.bcd_xml();
  out.writer_events = events;
  for (const trace::Entry& e : world.trace().entries()) {
    if (e.Get("by") == kInjector || e.from == kInjector) continue;
    trace::Entry copy = e;
    copy.sequence = 0;
    out.rendering += trace::RenderTextLine(copy) + "\n";
  }
  return out;
}

}  // namespace

void MetadataIsValid(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "WRT-IDENTIFY-05";
  World world(writer);
  report.Watch(&world, "one GatherWriterMetadata");
  std::string xml;
  const bool listed = Gather(world, "r1", &xml);
  for (const Reply& r : Replies(world)) {
    if (r.event == "Identify" && !r.returned) {
      report.Fail("WRT-IDENTIFY-04", "OnIdentify returns true", "it returned false", r.entry);
    }
  }
  if (!listed) {
    report.Fail(kRule, "the writer is listed by GatherWriterMetadata", "it is not");
    return;
  }
  for (const trace::Entry* f : world.Findings({"WMD-*", "WRT-IDENTIFY-05", "WMDX-*"})) {
    report.Fail(f->rule, "IVssCreateWriterMetadata calls follow " + std::string(f->rule), f->name,
                f);
  }
  for (const metadata::Diagnostic& d : metadata::ValidateWriterMetadata(world.metadata(), "wmd")) {
    report.Fail(d.rule_id.empty() ? kRule : d.rule_id, "a valid writer metadata document",
                d.ToString());
  }
  metadata::ReadResult<metadata::WriterMetadata> back = metadata::ReadWriterMetadataXml(xml, "wmd");
  if (!back.ok() || !(*back.document == world.metadata())) {
    report.Fail("WMD-12", "the WMD reads back unchanged from its XML", "it does not:\n" + xml);
  }
}

void IdentifyIsDeterministic(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "WRT-IDENTIFY-02";
  World world(writer);
  report.Watch(&world, "two GatherWriterMetadata, 100 ms of application time apart");
  std::string first, second;
  if (!Gather(world, "r1", &first)) {
    report.Fail(kRule, "the writer identifies", "GatherWriterMetadata does not list it");
    return;
  }
  LetApplicationRun(world);
  if (!Gather(world, "r2", &second)) {
    report.Fail(kRule, "the writer identifies a second time",
                "GatherWriterMetadata does not list it");
    return;
  }
  if (first != second) {
    report.Fail(kRule, "the same writer metadata document from every Identify",
                FirstDifference(first, second));
  }
}

void IdentifyInjectedAnywhere(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "SIM-IDENTIFY-01";
  const InjectionRun baseline = RunWithInjection(writer, -1, -1);
  auto compare = [&](const InjectionRun& run, const std::string& where) {
    report.Watch(nullptr, "Identify injected " + where);
    if (run.rendering != baseline.rendering) {
      report.Fail(kRule, "the same non-Identify trace as without injection (" + where + ")",
                  FirstDifference(baseline.rendering, run.rendering));
    } else if (run.results != baseline.results) {
      report.Fail(kRule, "the same call results (" + where + ")", "results differ");
    } else if (run.states != baseline.states) {
      report.Fail(kRule, "the same writer states (" + where + ")", "writer states differ");
    } else if (run.bcd != baseline.bcd) {
      report.Fail(kRule, "the same Backup Components Document (" + where + ")",
                  FirstDifference(baseline.bcd, run.bcd));
    }
  };
  for (int step = 0; step < BackupRun::kStepCount; ++step) {
    compare(RunWithInjection(writer, step, -1), std::string("before ") + BackupRun::StepName(step));
  }
  for (int event = 0; event < baseline.writer_events; ++event) {
    compare(RunWithInjection(writer, -1, event), "before writer event #" + std::to_string(event));
  }
}

}  // namespace vsssim::conformance::checks
