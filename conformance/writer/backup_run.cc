#include "conformance/writer/backup_run.h"

#include "vsssim/metadata/examine_writer_metadata.h"
#include "vsssim/metadata/file_semantics.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::conformance {
namespace {

HResult WaitFor(HResult call, const coordinator::AsyncPtr& async) {
  if (call.Failed()) return call;
  async->Wait();
  HResult status;
  async->QueryStatus(&status);
  return status == hr::VSS_S_ASYNC_FINISHED ? hr::S_OK : status;
}

}  // namespace

const char* BackupRun::StepName(int step) {
  static const char* const kNames[] = {
      "InitializeForBackup", "SetBackupState",   "GatherWriterMetadata", "AddComponent",
      "StartSnapshotSet",    "AddToSnapshotSet", "PrepareForBackup",     "DoSnapshotSet",
      "SetBackupSucceeded",  "SaveAsXML",        "BackupComplete",       "Release"};
  return step >= 0 && step < kStepCount ? kNames[step] : "?";
}

BackupRun::BackupRun(World& world, std::string requester, BackupPlan plan)
    : world_(world),
      name_(requester),
      plan_(std::move(plan)),
      requester_(world.vss().CreateVssBackupComponents(std::move(requester))) {}

HResult BackupRun::RunRange(int from, int to) {
  HResult last = hr::S_OK;
  for (int s = from; s < to; ++s) {
    last = Run(static_cast<Step>(s));
    if (last.Failed()) return last;
  }
  return last;
}

HResult BackupRun::Run(Step step) {
  // A writer that blocked past a real timeout: the check stops here (wall_times.h).
  if (world_.blocked()) throw WriterBlocked{"the writer blocked past a real timeout"};
  // Application time between requester steps, the same in every check (docs/conformance.md).
  if (steps_run_++ > 0) world_.RunApplication(world_.under_test().options.between_steps);
  coordinator::AsyncPtr async;
  switch (step) {
    case kInitialize:
      return requester_->InitializeForBackup();
    case kSetBackupState:
      return requester_->SetBackupState(true, false, plan_.type, false);
    case kGatherWriterMetadata: {
      const HResult r = WaitFor(requester_->GatherWriterMetadata(&async), async);
      if (r.Succeeded()) CaptureMetadata();
      return r;
    }
    case kAddComponents:
      return AddComponents();
    case kStartSnapshotSet:
      return requester_->StartSnapshotSet(&set_id_);
    case kAddToSnapshotSet:
      return AddVolumes();
    case kPrepareForBackup: {
      prepared_ = true;
      const HResult r = WaitFor(requester_->PrepareForBackup(&async), async);
      sequence_failed_ = sequence_failed_ || r.Failed();
      return r;
    }
    case kDoSnapshotSet: {
      const HResult r = WaitFor(requester_->DoSnapshotSet(&async), async);
      sequence_failed_ = sequence_failed_ || r.Failed();
      return r;
    }
    case kSetBackupSucceeded:
      // REQ-ORDER-15: never after a failed PrepareForBackup or DoSnapshotSet.
      if (sequence_failed_) return hr::VSS_E_BAD_STATE;
      for (const Selected& s : selected_) {
        const metadata::ComponentDescription& c = s.component;
        HResult r = requester_->SetBackupSucceeded(s.instance, s.writer, c.type, c.logical_path,
                                                   c.name, true);
        if (r.Failed()) return r;
      }
      return hr::S_OK;
    case kSaveAsXml:
      return requester_->SaveAsXML(&bcd_xml_);
    case kBackupComplete: {
      if (sequence_failed_) return hr::VSS_E_BAD_STATE;  // REQ-ORDER-15
      const HResult r = WaitFor(requester_->BackupComplete(&async), async);
      completed_ = r.Succeeded();
      return r;
    }
    case kRelease:
      // REQ-ABORT-02: any stop after PrepareForBackup without BackupComplete is aborted before
      // the release (AbortBackup is idempotent for a requester that aborted already).
      if (prepared_ && !completed_) requester_->AbortBackup();
      return requester_->Release();
    case kStepCount:
      break;
  }
  return hr::E_UNEXPECTED;
}

void BackupRun::CaptureMetadata() {
  std::uint32_t count = 0;
  requester_->GetWriterMetadataCount(&count);
  for (std::uint32_t i = 0; i < count; ++i) {
    Guid instance;
    const metadata::ExamineWriterMetadata* wmd = nullptr;
    if (requester_->GetWriterMetadata(i, &instance, &wmd).Failed()) continue;
    if (wmd->metadata().identity.writer_id == world_.writer().identity().class_id) {
      world_.set_metadata(wmd->metadata());
      identified_ = true;
    }
  }
}

HResult BackupRun::AddComponents() {
  std::uint32_t count = 0;
  HResult r = requester_->GetWriterMetadataCount(&count);
  if (r.Failed()) return r;
  const Guid wut = world_.writer().identity().class_id;
  for (std::uint32_t i = 0; i < count; ++i) {
    Guid instance;
    const metadata::ExamineWriterMetadata* wmd = nullptr;
    r = requester_->GetWriterMetadata(i, &instance, &wmd);
    if (r.Failed()) return r;
    const metadata::WriterMetadata& m = wmd->metadata();
    const bool is_wut = m.identity.writer_id == wut;
    for (const metadata::ComponentDescription& c : m.components) {
      // SEL-*: top-level components and selectable ones are what a requester picks.
      if (!c.logical_path.empty() && !c.selectable) continue;
      r = requester_->AddComponent(instance, m.identity.writer_id, c.type, c.logical_path, c.name);
      if (r.Failed()) return r;
      selected_.push_back({instance, m.identity.writer_id, c});
      if (!is_wut) continue;
      ++selected_of_writer_;
      auto stamp = plan_.previous_stamps.find({c.logical_path, c.name});
      if (stamp != plan_.previous_stamps.end()) {  // STAMP-02: passed back unchanged
        r = requester_->SetPreviousBackupStamp(m.identity.writer_id, c.type, c.logical_path, c.name,
                                               stamp->second);
        if (r.Failed()) return r;
      }
    }
  }
  return hr::S_OK;
}

HResult BackupRun::AddVolumes() {
  std::vector<std::string> volumes = plan_.volumes;
  if (volumes.empty()) {
    std::vector<const metadata::ComponentDescription*> components;
    for (const Selected& s : selected_) components.push_back(&s.component);
    volumes = metadata::VolumesNeedingSnapshot(components, plan_.type);  // FSBT-04
  }
  if (volumes.empty()) volumes.push_back("C:\\");
  for (const std::string& v : volumes) {
    Guid snapshot;
    HResult r = requester_->AddToSnapshotSet(v, kGuidNull, &snapshot);
    if (r.Failed()) return r;
  }
  return hr::S_OK;
}

Stamps BackupRun::SavedStamps() const {
  Stamps out;
  metadata::ReadResult<metadata::BackupComponents> bcd =
      metadata::ReadBackupComponentsXml(bcd_xml_, "bcd");
  if (!bcd.ok()) return out;
  const Guid wut = world_.writer().identity().class_id;
  for (const metadata::WriterComponents& w : bcd.document->writers) {
    if (w.writer_id != wut) continue;
    for (const metadata::ComponentState& c : w.components) {
      if (c.backup_stamp) out[{c.logical_path, c.name}] = *c.backup_stamp;
    }
  }
  return out;
}

}  // namespace vsssim::conformance
