#include "vsssim/backup/restore_files.h"

#include <algorithm>

#include "sim/backup/file_sources.h"
#include "sim/backup/restore_plan.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::backup {
namespace {

using vss::FileRestoreStatus;

class Writer {
 public:
  Writer(storage::VolumeManager* live, const RestoreOptions& options, RestoreReport* report)
      : live_(live), options_(options), report_(report) {}

  // Applies one component's plan; fills status and the written/deleted lists.
  void Apply(ComponentPlan& plan) {
    ComponentRestore& out = plan.result;
    std::size_t wanted = plan.writes.size() + plan.directed.size();
    std::size_t done = 0;
    for (const std::string& path : plan.deletions) {
      storage::Volume* v = live_->Find(path);
      if (v != nullptr && v->DeleteFile(path).Succeeded()) out.deleted.push_back(path);
    }
    for (const PlannedWrite& w : plan.writes) {
      if (plan.staged_for_reboot) out.pending_reboot.push_back(w.destination);
      if (Write(*w.record, w.destination)) {
        ++done;
        out.written.push_back(w.destination);
      }
    }
    for (const PlannedDirected& d : plan.directed) {
      if (WriteDirected(d)) {
        ++done;
        out.written.push_back(d.destination);
      }
    }
    // REQ-RST-08: ALL when every planned file was written (also when there was nothing to
    // write), NONE when nothing was, FAILED when only part of it was. A component the route
    // refused (kNone) wrote nothing: NONE.
    bool refused = out.how.empty() && wanted == 0 && plan.has_records;
    if (refused || (wanted > 0 && done == 0)) {
      out.status = FileRestoreStatus::VSS_RS_NONE;
      if (out.how.empty()) out.how = "none";
    } else if (done == wanted) {
      out.status = FileRestoreStatus::VSS_RS_ALL;
    } else {
      out.status = FileRestoreStatus::VSS_RS_FAILED;
    }
  }

 private:
  bool Check(HResult r, const std::string& path) {
    if (r.Succeeded()) return true;
    report_->problems.push_back({"REQ-RST-08", "cannot write " + path + ": " + ToString(r)});
    return false;
  }

  bool Write(const FileRecord& r, const std::string& dest) {
    storage::Volume* v = live_->Find(dest);
    if (v == nullptr) return Check(hr::E_INVALIDARG, dest);
    if (!r.is_partial) {
      report_->bytes_written += r.bytes.size();
      ++report_->files_written;
      return Check(v->PutFile(dest, r.bytes), dest);
    }
    // PART-06: the ranges go into the file already on disk.
    std::size_t at = 0;
    for (const metadata::ByteRange& range : r.ranges) {
      std::string_view slice(r.bytes.data() + at, range.length);
      at += range.length;
      if (!Check(v->WriteFile(dest, range.offset, slice), dest)) return false;
    }
    report_->bytes_written += r.bytes.size();
    ++report_->files_written;
    if (r.ranges.empty() && !v->Live().Stat(dest)) {
      if (!Check(v->PutFile(dest, ""), dest)) return false;
    }
    if (options_.partial_sets_size) return Check(v->SetFileSize(dest, r.size), dest);
    return true;
  }

  bool WriteDirected(const PlannedDirected& d) {
    storage::Volume* v = live_->Find(d.destination);
    if (v == nullptr) return Check(hr::E_INVALIDARG, d.destination);
    for (std::size_t i = 0; i < d.source_ranges.size(); ++i) {
      const metadata::ByteRange& src = d.source_ranges[i];
      std::string bytes;
      if (d.record->is_partial) {  // DT-03: the backed-up ranges equal the source ranges
        std::size_t at = 0;
        for (std::size_t j = 0; j < i; ++j) at += d.record->ranges[j].length;
        bytes = d.record->bytes.substr(at, src.length);
      } else if (src.offset < d.record->bytes.size()) {
        bytes = d.record->bytes.substr(src.offset, src.length);
      }
      bytes.resize(src.length, '\0');
      if (!Check(v->WriteFile(d.destination, d.destination_ranges[i].offset, bytes), d.destination))
        return false;
      report_->bytes_written += bytes.size();
    }
    ++report_->files_written;
    return true;
  }

  storage::VolumeManager* live_;
  const RestoreOptions& options_;
  RestoreReport* report_;
};

// The components to restore: the restore BCD's; outside component mode (SEL-01) every
// component the set holds files of, restored as with RT_ORIGINAL.
std::vector<metadata::WriterComponents> Selection(const RestoreRequest& request) {
  if (request.bcd.select_components) return request.bcd.writers;
  std::vector<metadata::WriterComponents> all;
  for (const FileRecord& f : request.set->files) {
    auto wc = std::find_if(all.begin(), all.end(), [&](const metadata::WriterComponents& w) {
      return w.instance_id == f.component.instance_id;
    });
    if (wc == all.end()) {
      all.emplace_back();
      wc = all.end() - 1;
      wc->writer_id = f.component.writer_id;
      wc->instance_id = f.component.instance_id;
    }
    if (wc->FindComponent(f.component.logical_path, f.component.name) == nullptr) {
      metadata::ComponentState cs;
      cs.logical_path = f.component.logical_path;
      cs.name = f.component.name;
      wc->components.push_back(std::move(cs));
    }
  }
  return all;
}

}  // namespace

RestoreReport RestoreFiles(const RestoreRequest& request, storage::VolumeManager* live) {
  RestoreReport report;
  if (request.set == nullptr) return report;
  std::vector<metadata::WriterMetadata> stored = request.writers;
  if (stored.empty()) {  // REQ-RST-01: the WMDs stored with the backup
    for (const std::string& xml : request.set->wmd_xmls) {
      auto read = metadata::ReadWriterMetadataXml(xml, request.set->label);
      if (read.ok()) stored.push_back(std::move(*read.document));
    }
  }
  for (const metadata::WriterComponents& wc : Selection(request)) {
    const metadata::WriterMetadata* wmd = FindWriter(stored, wc);
    for (const metadata::ComponentState& cs : wc.components) {
      if (request.bcd.select_components && !cs.selected_for_restore) continue;
      if (wmd == nullptr) {
        report.problems.push_back(
            {"REQ-RST-01", "no stored WMD for writer " + wc.writer_id.ToString()});
        break;
      }
      PlanInput in{request.set, wmd, &wc, &cs, live, &request.options};
      ComponentPlan plan = PlanComponent(in, &report.problems);
      Writer writer(live, request.options, &report);
      writer.Apply(plan);
      report.components.push_back(std::move(plan.result));
    }
  }
  return report;
}

metadata::BackupComponents SelectAllForRestore(const BackupSet& set, bool additional_restores) {
  metadata::BackupComponents bcd;
  auto read = metadata::ReadBackupComponentsXml(set.bcd_xml, set.label);
  if (read.ok()) bcd = std::move(*read.document);
  for (metadata::WriterComponents& wc : bcd.writers) {
    for (metadata::ComponentState& cs : wc.components) {
      cs.selected_for_restore = true;                // SetSelectedForRestore
      cs.additional_restores = additional_restores;  // AR-01
    }
  }
  return bcd;
}

}  // namespace vsssim::backup
