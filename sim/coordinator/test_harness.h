// Test and benchmark harness for the coordinator: a clock, a trace, a recording provider, a
// coordinator and scripted writers, plus a driver that walks the canonical backup sequence of
// CATALOGUE.md §2.2 one step at a time (so a test can stop, inject or kill at any step).
//
// Thread safety: none.
#ifndef VSSSIM_SIM_COORDINATOR_TEST_HARNESS_H_
#define VSSSIM_SIM_COORDINATOR_TEST_HARNESS_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "sim/coordinator/recording_provider.h"
#include "vsssim/coordinator/coordinator.h"
#include "vsssim/metadata/examine_writer_metadata.h"
#include "vsssim/trace/text.h"
#include "vsssim/writer/scripted_writer.h"

namespace vsssim {
// Lets GoogleTest print HRESULTs by name.
inline void PrintTo(const HResult& value, std::ostream* os) { *os << ToString(value); }
}  // namespace vsssim

namespace vsssim::coordinator::testing {

inline Guid ClassId(int n) {
  Guid g;
  g.data1 = 0x5c000000u + static_cast<std::uint32_t>(n);
  g.data2 = 0x1234;
  return g;
}

struct Harness {
  explicit Harness(Choices choices = {}, std::uint64_t seed = 7)
      : trace(clock), provider(clock), vss(clock, trace, provider, choices, seed) {}

  writer::ScriptedWriter& AddWriter(
      const std::string& name,
      vss::ApplicationLevel level = vss::ApplicationLevel::VSS_APP_FRONT_END) {
    writer::WriterIdentity id;
    id.class_id = ClassId(static_cast<int>(writers.size()) + 1);
    id.name = name;
    id.level = level;
    writers.push_back(std::make_unique<writer::ScriptedWriter>(id));
    vss.RegisterWriter(*writers.back());
    return *writers.back();
  }

  // Event names delivered to `writer_actor` ("writer:A"), excluding injected Identify; only
  // those of `requester`'s session when given.
  std::vector<std::string> EventsTo(const std::string& writer_actor,
                                    std::string_view requester = {}) const {
    std::vector<std::string> out;
    for (const trace::Entry& e : trace.entries()) {
      if (e.kind == trace::EntryKind::kEvent && e.to == writer_actor && e.Get("by").empty() &&
          (requester.empty() || e.Get("requester") == requester)) {
        out.push_back(e.name);
      }
    }
    return out;
  }
  // Every entry of kind `kind` (optionally with `rule`).
  std::vector<const trace::Entry*> Entries(trace::EntryKind kind,
                                           std::string_view rule = {}) const {
    std::vector<const trace::Entry*> out;
    for (const trace::Entry& e : trace.entries()) {
      if (e.kind == kind && (rule.empty() || e.rule == rule)) out.push_back(&e);
    }
    return out;
  }
  bool HasFinding(std::string_view rule) const {
    return !Entries(trace::EntryKind::kFinding, rule).empty();
  }
  // The trace without entries made by an injected Identify, sequence numbers blanked.
  std::string RenderWithout(std::string_view injector) const {
    std::string out;
    for (const trace::Entry& e : trace.entries()) {
      if (e.Get("by") == injector || e.from == injector) continue;
      trace::Entry copy = e;
      copy.sequence = 0;
      out += trace::RenderTextLine(copy) + "\n";
    }
    return out;
  }

  runtime::Clock clock;
  trace::Trace trace;
  RecordingProvider provider;
  Coordinator vss;
  std::vector<std::unique_ptr<writer::ScriptedWriter>> writers;
};

// The canonical backup of §2.2, one call per step, selecting every writer's first component.
class BackupDriver {
 public:
  enum Step {
    kInitialize,
    kSetBackupState,
    kGatherWriterMetadata,
    kAddComponents,
    kStartSnapshotSet,
    kAddToSnapshotSet,
    kPrepareForBackup,
    kStatusAfterPrepare,
    kDoSnapshotSet,
    kStatusAfterSnapshot,
    kSetBackupSucceeded,
    kSaveAsXml,
    kBackupComplete,
    kStatusAfterComplete,
    kRelease,
    kStepCount,
  };

  BackupDriver(Harness& h, std::string name) : r_(h.vss.CreateVssBackupComponents(name)) {}
  BackupDriver(Coordinator& vss, std::string name) : r_(vss.CreateVssBackupComponents(name)) {}

  Requester& requester() { return *r_; }
  // Runs one step; returns the HRESULT of the call (or of the async operation).
  HResult Run(Step step);
  // Runs steps [from, to).
  HResult RunRange(int from, int to) {
    HResult last = hr::S_OK;
    for (int s = from; s < to; ++s) {
      last = Run(static_cast<Step>(s));
      if (last.Failed()) return last;
    }
    return last;
  }
  HResult RunAll() { return RunRange(0, kStepCount); }
  const Guid& snapshot_id() const { return snapshot_id_; }
  std::vector<std::string> volumes{"C:\\"};

 private:
  HResult WaitFor(HResult call, const AsyncPtr& async) {
    if (call.Failed()) return call;
    async->Wait();
    HResult status;
    async->QueryStatus(&status);
    return status == hr::VSS_S_ASYNC_FINISHED ? hr::S_OK : status;
  }

  struct Selected {
    Guid instance;
    Guid writer;
    metadata::ComponentInfo info;
  };

  std::unique_ptr<Requester> r_;
  std::vector<Selected> selected_;
  Guid set_id_;
  Guid snapshot_id_;
};

inline HResult BackupDriver::Run(Step step) {
  AsyncPtr async;
  switch (step) {
    case kInitialize:
      return r_->InitializeForBackup();
    case kSetBackupState:
      return r_->SetBackupState(true, false, vss::BackupType::VSS_BT_FULL, false);
    case kGatherWriterMetadata:
      return WaitFor(r_->GatherWriterMetadata(&async), async);
    case kAddComponents: {
      std::uint32_t count = 0;
      HResult r = r_->GetWriterMetadataCount(&count);
      for (std::uint32_t i = 0; i < count && r.Succeeded(); ++i) {
        Selected s;
        const metadata::ExamineWriterMetadata* wmd = nullptr;
        r = r_->GetWriterMetadata(i, &s.instance, &wmd);
        if (r.Failed()) return r;
        std::string name;
        vss::UsageType usage;
        vss::SourceType source;
        wmd->GetIdentity(&s.instance, &s.writer, &name, &usage, &source);
        metadata::WMComponent component;
        if (wmd->GetComponent(0, &component) != hr::S_OK) continue;
        component.GetComponentInfo(&s.info);
        r = r_->AddComponent(s.instance, s.writer, s.info.type, s.info.logical_path,
                             s.info.component_name);
        selected_.push_back(s);
      }
      return r;
    }
    case kStartSnapshotSet:
      return r_->StartSnapshotSet(&set_id_);
    case kAddToSnapshotSet: {
      HResult r = hr::S_OK;
      for (const std::string& v : volumes) {
        r = r_->AddToSnapshotSet(v, kGuidNull, &snapshot_id_);
        if (r.Failed()) return r;
      }
      return r;
    }
    case kPrepareForBackup:
      return WaitFor(r_->PrepareForBackup(&async), async);
    case kStatusAfterPrepare:
    case kStatusAfterSnapshot:
    case kStatusAfterComplete: {
      HResult r = WaitFor(r_->GatherWriterStatus(&async), async);
      if (r.Failed()) return r;
      std::uint32_t count = 0;
      r_->GetWriterStatusCount(&count);
      return r_->FreeWriterStatus();
    }
    case kDoSnapshotSet:
      return WaitFor(r_->DoSnapshotSet(&async), async);
    case kSetBackupSucceeded:
      for (const Selected& s : selected_) {
        HResult r = r_->SetBackupSucceeded(s.instance, s.writer, s.info.type, s.info.logical_path,
                                           s.info.component_name, true);
        if (r.Failed()) return r;
      }
      return hr::S_OK;
    case kSaveAsXml: {
      std::string xml;
      return r_->SaveAsXML(&xml);
    }
    case kBackupComplete:
      return WaitFor(r_->BackupComplete(&async), async);
    case kRelease:
      return r_->Release();
    case kStepCount:
      break;
  }
  return hr::E_UNEXPECTED;
}

}  // namespace vsssim::coordinator::testing

#endif  // VSSSIM_SIM_COORDINATOR_TEST_HARNESS_H_
