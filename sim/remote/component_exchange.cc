#include "sim/remote/component_exchange.h"

#include <utility>

#include "vsssim/metadata/xml_codec.h"

namespace vsssim::remote {

namespace {

using metadata::ComponentState;

// The writer-set strings (BCD-WIN-05): set when the reply has a value the service did not send.
template <class Setter>
void ApplyString(const std::optional<std::string>& before, const std::optional<std::string>& after,
                 Setter set) {
  if (after && after != before) set(*after);
}

// Lists a writer only appends to: the entries after the ones sent are new.
template <class T, class Adder>
void ApplyAppended(const std::vector<T>& before, const std::vector<T>& after, Adder add) {
  for (std::size_t i = before.size(); i < after.size(); ++i) add(after[i]);
}

}  // namespace

std::string ComponentsToXml(writer::WriterComponents& components,
                            const writer::WriterIdentity& identity, const EventContext& context,
                            std::vector<ComponentState>* sent) {
  metadata::BackupComponents bcd;
  bcd.select_components = true;  // only sent in component mode (SEL-01)
  bcd.bootable_system_state_backup = context.bootable_system_state;
  bcd.backup_type = context.backup_type == vss::BackupType::VSS_BT_UNDEFINED
                        ? vss::BackupType::VSS_BT_FULL
                        : context.backup_type;
  bcd.partial_file_support = context.partial_file_support;
  bcd.snapshot_set_id = context.snapshot_set_id.value_or(kGuidNull);
  bcd.restore_type = context.restore_type;
  metadata::WriterComponents mine;
  mine.writer_id = identity.class_id;
  mine.instance_name = identity.instance_name;
  sent->clear();
  for (std::uint32_t i = 0; i < components.GetComponentCount(); ++i) {
    metadata::Component* c = nullptr;
    if (components.GetComponent(i, &c) != hr::S_OK || c == nullptr) continue;
    sent->push_back(c->state());
    mine.components.push_back(c->state());
  }
  bcd.writers.push_back(std::move(mine));
  return metadata::WriteBackupComponentsXml(bcd);
}

void ApplyWriterChanges(const ComponentState& before, const ComponentState& after,
                        metadata::Component& target) {
  // WRT-CALL-03/04/06..09 (backup) and WRT-CALL-10..15 (restore, SetFailure): each setter
  // checks where it is called from and reports misplaced calls.
  ApplyString(before.backup_metadata, after.backup_metadata,
              [&](const std::string& v) { target.SetBackupMetadata(v); });
  ApplyString(before.backup_stamp, after.backup_stamp,
              [&](const std::string& v) { target.SetBackupStamp(v); });
  ApplyAppended(before.differenced_files, after.differenced_files,
                [&](const metadata::DifferencedFile& f) {
                  target.AddDifferencedFilesByLastModifyTime(f.path, f.filespec, f.recursive,
                                                             f.last_modify_time);
                });
  ApplyAppended(before.partial_files, after.partial_files, [&](const metadata::PartialFile& f) {
    target.AddPartialFile(f.path, f.filename, f.ranges, f.metadata);
  });
  ApplyString(before.prepare_for_backup_failure_msg, after.prepare_for_backup_failure_msg,
              [&](const std::string& v) { target.SetPrepareForBackupFailureMsg(v); });
  ApplyString(before.post_snapshot_failure_msg, after.post_snapshot_failure_msg,
              [&](const std::string& v) { target.SetPostSnapshotFailureMsg(v); });
  ApplyString(before.restore_metadata, after.restore_metadata,
              [&](const std::string& v) { target.SetRestoreMetadata(v); });
  if (after.restore_target != before.restore_target) target.SetRestoreTarget(after.restore_target);
  ApplyAppended(
      before.directed_targets, after.directed_targets, [&](const metadata::DirectedTarget& t) {
        target.AddDirectedTarget(t.source_path, t.source_filename, t.source_ranges,
                                 t.destination_path, t.destination_filename, t.destination_ranges);
      });
  ApplyString(before.pre_restore_failure_msg, after.pre_restore_failure_msg,
              [&](const std::string& v) { target.SetPreRestoreFailureMsg(v); });
  ApplyString(before.post_restore_failure_msg, after.post_restore_failure_msg,
              [&](const std::string& v) { target.SetPostRestoreFailureMsg(v); });
  if (after.failure && after.failure != before.failure) {
    target.SetFailure(after.failure->hr, after.failure->application_hr, after.failure->message,
                      after.failure->reserved);
  }
}

bool ApplyComponentsReply(std::string_view xml, const std::vector<ComponentState>& sent,
                          writer::WriterComponents& components, std::string* error) {
  metadata::ReadResult<metadata::BackupComponents> read =
      metadata::ReadBackupComponentsXml(xml, "<reply components>");
  if (!read.ok()) {
    *error = "unreadable components";
    for (const metadata::Diagnostic& d : read.diagnostics) {
      if (d.severity != metadata::Severity::kError) continue;
      *error += ": " + d.ToString();
      break;
    }
    return false;
  }
  if (read.document->writers.size() != 1) {
    *error = "components hold " + std::to_string(read.document->writers.size()) +
             " WRITER_COMPONENTS elements, not 1";
    return false;
  }
  const metadata::WriterComponents& reply = read.document->writers.front();
  for (std::uint32_t i = 0; i < sent.size() && i < components.GetComponentCount(); ++i) {
    const ComponentState* after = reply.FindComponent(sent[i].logical_path, sent[i].name);
    if (after == nullptr) continue;  // components the writer dropped change nothing
    metadata::Component* target = nullptr;
    if (components.GetComponent(i, &target) != hr::S_OK || target == nullptr) continue;
    ApplyWriterChanges(sent[i], *after, *target);
  }
  return true;
}

LocalComponents::LocalComponents(metadata::BackupComponents bcd, vss::WriterEvent event,
                                 metadata::FindingSink findings)
    : bcd_(std::move(bcd)), event_(event), findings_(std::move(findings)) {}

std::uint32_t LocalComponents::GetComponentCount() const {
  return bcd_.writers.empty() ? 0 : static_cast<std::uint32_t>(bcd_.writers[0].components.size());
}

HResult LocalComponents::GetComponent(std::uint32_t index, metadata::Component** component) {
  if (component == nullptr) return hr::E_INVALIDARG;
  if (index >= GetComponentCount()) return hr::VSS_E_OBJECT_NOT_FOUND;
  handed_out_.push_back(std::make_unique<metadata::Component>(
      bcd_.writers[0].components[index], metadata::Caller::Writer(event_), findings_));
  *component = handed_out_.back().get();
  return hr::S_OK;
}

std::string LocalComponents::ToXml() const { return metadata::WriteBackupComponentsXml(bcd_); }

}  // namespace vsssim::remote
