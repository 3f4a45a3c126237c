#include "sim/scenario/data_steps.h"

#include <utility>

#include "vsssim/backup/backup_files.h"
#include "vsssim/backup/restore_files.h"
#include "vsssim/coordinator/writer_components_ext.h"
#include "vsssim/metadata/component.h"
#include "vsssim/metadata/examine_writer_metadata.h"
#include "vsssim/metadata/file_semantics.h"
#include "vsssim/metadata/xml_codec.h"
#include "vsssim/storage/path.h"

namespace vsssim::scenario {
namespace {

std::string Actor(const DataStep& step) { return "requester:" + step.requester; }

vss::ComponentType TypeOf(const metadata::BackupComponents& bcd, const backup::ComponentRef& c) {
  for (const metadata::WriterComponents& w : bcd.writers) {
    if (w.writer_id != c.writer_id) continue;
    if (const metadata::ComponentState* s = w.FindComponent(c.logical_path, c.name)) return s->type;
  }
  return vss::ComponentType::VSS_CT_FILEGROUP;
}

}  // namespace

void DataSteps::Fail(const DataStep& step, std::string what, std::string expected,
                     std::string actual) {
  failures_.push_back({step.where, std::move(what), std::move(expected), std::move(actual)});
}

void DataSteps::Finding(const DataStep& step, const std::string& rule, const std::string& message) {
  trace_.Append(trace::EntryKind::kFinding, Actor(step), "vss", message,
                {{"medium", step.medium}, {"set", step.set}}, rule);
}

void DataSteps::Run(const DataStep& step) {
  if (step.kind == DataStep::Kind::kBackup) {
    Backup(step);
  } else {
    Restore(step);
  }
}

void DataSteps::Backup(const DataStep& step) {
  const std::string what = "<backup-data medium=" + step.medium + " set=" + step.set + ">";
  coordinator::Requester& r = world_.requester(step.requester);
  std::string xml;
  HResult saved =
      r.SaveAsXML(&xml);  // the requester's current BCD (REQ-SET-01: after DoSnapshotSet)
  auto bcd = metadata::ReadBackupComponentsXml(xml, "SaveAsXML");
  if (saved.Failed() || !bcd.ok()) {
    return Fail(step, what, "the requester's BCD (SaveAsXML after DoSnapshotSet)", ToString(saved));
  }
  backup::BackupRequest request;
  request.label = step.set;
  request.bcd = std::move(*bcd.document);
  std::uint32_t count = 0;
  if (r.GetWriterMetadataCount(&count).Succeeded()) {  // the gathered WMDs
    for (std::uint32_t i = 0; i < count; ++i) {
      Guid instance;
      const metadata::ExamineWriterMetadata* wmd = nullptr;
      if (r.GetWriterMetadata(i, &instance, &wmd).Succeeded() && wmd != nullptr) {
        request.writers.push_back(wmd->metadata());
      }
    }
  }
  request.shadow_copies = world_.provider().ShadowCopiesOfSet(world_.snapshot_set(step.requester));
  if (request.shadow_copies.empty()) {
    return Fail(step, what, "the shadow copies of the requester's snapshot set",
                "no committed shadow copy");
  }
  request.live = &world_.volumes();
  images_[step.set] = backup::CaptureImage(request.shadow_copies);
  backup::BackupReport report = backup::BackupFiles(request, &media_[step.medium]);
  for (const backup::DataProblem& p : report.problems) Finding(step, p.rule_id, p.message);
  trace_.Append(trace::EntryKind::kNote, Actor(step), "medium:" + step.medium, "backup-data",
                {{"set", report.label},
                 {"type", vss::NameOf(request.bcd.backup_type)},
                 {"files", std::to_string(report.files_copied)},
                 {"partial", std::to_string(report.partial_files)},
                 {"bytes", std::to_string(report.bytes_copied)}});
}

void DataSteps::Restore(const DataStep& step) {
  const std::string what = "<restore-data medium=" + step.medium + ">";
  auto medium = media_.find(step.medium);
  if (medium == media_.end() || medium->second.empty()) {
    return Fail(step, what, "a backup set on medium " + step.medium, "the medium is empty");
  }
  const backup::BackupSet* set =
      step.set.empty() ? &medium->second.sets().back() : medium->second.Find(step.set);
  if (set == nullptr) return Fail(step, what, "backup set " + step.set, "not on the medium");
  coordinator::Requester& r = world_.requester(step.requester);
  backup::RestoreRequest request;
  request.set = set;
  auto stored = metadata::ReadBackupComponentsXml(set->bcd_xml, set->label);
  if (stored.ok()) request.bcd = std::move(*stored.document);
  request.bcd.writers.clear();
  // REQ-RST-07: the restore state as the writers left it after PreRestore.
  std::uint32_t count = 0;
  HResult hr = r.GetWriterComponentsCount(&count);
  for (std::uint32_t i = 0; hr.Succeeded() && i < count; ++i) {
    coordinator::WriterComponentsExt* wc = nullptr;
    hr = r.GetWriterComponents(i, &wc);
    if (hr.Failed() || wc == nullptr) break;
    metadata::WriterComponents w;
    wc->GetWriterInfo(&w.instance_id, &w.writer_id);
    for (std::uint32_t j = 0; j < wc->GetComponentCount(); ++j) {
      metadata::Component* c = nullptr;
      if (wc->GetComponent(j, &c).Succeeded() && c != nullptr) w.components.push_back(c->state());
    }
    request.bcd.writers.push_back(std::move(w));
  }
  if (hr.Failed()) {
    return Fail(step, what, "the restore components (GetWriterComponents after PreRestore)",
                ToString(hr));
  }
  backup::RestoreReport report = backup::RestoreFiles(request, &world_.volumes());
  for (const backup::DataProblem& p : report.problems) Finding(step, p.rule_id, p.message);
  for (const backup::ComponentRestore& c : report.components) {
    if (!step.record_status) break;
    vss::ComponentType type = TypeOf(request.bcd, c.component);
    for (const metadata::AlternateLocationMapping& m : c.mappings_used) {  // ALT-04
      r.AddAlternativeLocationMapping(c.component.writer_id, type, c.component.logical_path,
                                      c.component.name, m.path, m.filespec, m.recursive,
                                      m.destination);
    }
    r.SetFileRestoreStatus(c.component.writer_id, type, c.component.logical_path,  // REQ-RST-08
                           c.component.name, c.status);
  }
  trace_.Append(trace::EntryKind::kNote, Actor(step), "medium:" + step.medium, "restore-data",
                {{"set", set->label},
                 {"components", std::to_string(report.components.size())},
                 {"files", std::to_string(report.files_written)},
                 {"bytes", std::to_string(report.bytes_written)}});
}

void DataSteps::Check(const std::vector<SameDataExpectation>& expect) {
  for (const SameDataExpectation& x : expect) {
    std::string what = "<same-data path=" + x.path + " as-snapshot-of=" + x.label + ">";
    auto image = images_.find(x.label);
    if (image == images_.end()) {
      failures_.push_back({x.where, what, "a <backup-data> set " + x.label, "none was taken"});
      continue;
    }
    auto strip = [](std::string p) {
      if (p.size() > 3 && p.back() == '\\') p.pop_back();
      return p;
    };
    const std::string path = strip(x.path);
    const std::string at = strip(x.at);
    backup::DataImage expected;  // the files below `path`, where they are expected now
    for (const auto& [key, file] : image->second.files) {
      if (!metadata::PathAtOrBelow(file.first, path)) continue;
      std::string now = at.empty() ? file.first : at + file.first.substr(path.size());
      expected.files[storage::FoldCase(now)] = {now, file.second};
    }
    auto differences =
        backup::CompareWithLive(expected, world_.volumes(), at.empty() ? path : at, x.exact);
    if (expected.files.empty()) {
      failures_.push_back({x.where, what, "files below " + x.path + " in the shadow copy",
                           "none (nothing to compare)"});
    } else if (!differences.empty()) {
      std::string actual;
      for (const backup::DataDifference& d : differences) {
        actual += (actual.empty() ? "" : "; ") + d.path + ": " + d.what;
      }
      failures_.push_back(
          {x.where, what, std::to_string(expected.files.size()) + " files byte-identical", actual});
    }
  }
}

}  // namespace vsssim::scenario
