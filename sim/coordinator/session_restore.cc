// Session: the synchronous restore calls of CATALOGUE.md §2.4 (REQ-CALL-31..41, SEL-07,
// MATCH-01/02, NT-01, RO-01/02, AR-01, ALT-04, PART-04).
#include <string>
#include <utility>

#include "sim/coordinator/session.h"

namespace vsssim::coordinator {
namespace {

bool HasBit(vss::BackupSchema schema, vss::BackupSchema bit) {
  return (static_cast<std::uint32_t>(schema) & static_cast<std::uint32_t>(bit)) != 0;
}

// MATCH-02 / SEL-10: `d` is the component (lpath, name) or a member of the set it defines.
bool InSetOf(const metadata::ComponentDescription& d, std::string_view lpath,
             std::string_view name) {
  if (d.logical_path == lpath && d.name == name) return true;
  std::string prefix =
      lpath.empty() ? std::string(name) : std::string(lpath) + "\\" + std::string(name);
  return d.logical_path == prefix ||
         d.logical_path.compare(0, prefix.size() + 1, prefix + "\\") == 0;
}

// MATCH-01: the triple equals one of the component set's WMD file sets.
bool HasFileSet(const metadata::WriterMetadata& wmd, std::string_view lpath, std::string_view name,
                std::string_view path, std::string_view filespec, bool recursive) {
  for (const metadata::ComponentDescription& d : wmd.components) {
    if (!InSetOf(d, lpath, name)) continue;
    for (const auto* sets : {&d.files, &d.database_files, &d.log_files}) {
      for (const metadata::FileSpec& f : *sets) {
        if (f.path == path && f.filespec == filespec && f.recursive == recursive) return true;
      }
    }
  }
  return false;
}

}  // namespace

// --- helpers -----------------------------------------------------------------------------------

const metadata::WriterMetadata* Session::RestoreWmd(const metadata::WriterComponents& w) const {
  if (const metadata::WriterMetadata* stored =
          vss_.StoredWmd(bcd_.snapshot_set_id, w.writer_id, w.instance_name)) {
    return stored;
  }
  const Participant* p = RestoreParticipant(w);
  return p == nullptr ? nullptr : &p->metadata.metadata();
}

const metadata::ComponentDescription* Session::Describe(const Guid& writer_id,
                                                        std::string_view lpath,
                                                        std::string_view name) const {
  for (const metadata::WriterComponents& w : bcd_.writers) {
    if (w.writer_id != writer_id) continue;
    const metadata::WriterMetadata* m = RestoreWmd(w);
    return m == nullptr ? nullptr : m->FindComponent(lpath, name);
  }
  return nullptr;
}

metadata::ComponentState* Session::RestoreComponent(Method method, const Guid& writer_id,
                                                    vss::ComponentType type,
                                                    std::string_view logical_path,
                                                    std::string_view component_name,
                                                    HResult* error) {
  if (auto e = Gate(method)) {
    *error = *e;
    return nullptr;
  }
  if (!bcd_.select_components) {  // SEL-01: restore selection needs component mode
    *error = Done(method, hr::VSS_E_BAD_STATE, "SEL-01");
    return nullptr;
  }
  metadata::ComponentState* c = FindBcdComponent(writer_id, type, logical_path, component_name);
  if (c == nullptr) *error = Done(method, hr::VSS_E_OBJECT_NOT_FOUND);  // not in the BCD
  return c;
}

// --- state and selection -----------------------------------------------------------------------

HResult Session::SetRestoreState(vss::RestoreType restore_type) {
  Call(Method::kSetRestoreState, {{"type", ToString(restore_type)}});
  if (auto e = Gate(Method::kSetRestoreState)) return *e;
  if (vss::NameOf(restore_type).empty()) return Done(Method::kSetRestoreState, hr::E_INVALIDARG);
  bcd_.restore_type = restore_type;  // RT-01
  return Done(Method::kSetRestoreState, hr::S_OK);
}

HResult Session::SetSelectedForRestore(const Guid& writer_id, vss::ComponentType type,
                                       std::string_view logical_path,
                                       std::string_view component_name, bool selected) {
  return SelectForRestore(Method::kSetSelectedForRestore, writer_id, type, logical_path,
                          component_name, selected, kGuidNull);
}

HResult Session::SetSelectedForRestoreEx(const Guid& writer_id, vss::ComponentType type,
                                         std::string_view logical_path,
                                         std::string_view component_name, bool selected,
                                         const Guid& instance_id) {
  return SelectForRestore(Method::kSetSelectedForRestoreEx, writer_id, type, logical_path,
                          component_name, selected, instance_id);
}

HResult Session::SelectForRestore(Method method, const Guid& writer_id, vss::ComponentType type,
                                  std::string_view logical_path, std::string_view component_name,
                                  bool selected, const Guid& instance_id) {
  Call(method, {{"component", std::string(component_name)}, {"selected", selected ? "yes" : "no"}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(method, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  metadata::WriterComponents* w = FindBcdWriter(writer_id);
  const std::size_t index = static_cast<std::size_t>(w - bcd_.writers.data());
  const Participant* target = nullptr;
  if (instance_id != kGuidNull) {  // REQ-CALL-32 (Ex): a live instance of the same class
    for (const auto& p : participants_) {
      if (p->registered.instance_id == instance_id &&
          p->registered.writer->identity().class_id == writer_id) {
        target = p.get();
      }
    }
    if (target == nullptr) return Done(method, hr::VSS_E_OBJECT_NOT_FOUND);
    if (!HasBit(target->metadata.metadata().backup_schema,
                vss::BackupSchema::VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE)) {
      return Done(method, hr::VSS_E_OBJECT_NOT_FOUND, "REQ-CALL-32");
    }
  } else {
    target = RestoreParticipant(*w);
  }
  // REQ-RST-05: the writer is not running; its data is restored without it.
  if (target == nullptr) return Done(method, hr::VSS_E_OBJECT_NOT_FOUND);
  if (instance_id != kGuidNull) restore_instance_[index] = instance_id;
  // REQ-RST-06 (SHOULD NOT): writers that declared VSS_WRE_NEVER or VSS_RME_CUSTOM.
  const auto& rm = target->metadata.metadata().restore_method;
  if (selected && rm &&
      (rm->writer_restore == vss::WriterRestore::VSS_WRE_NEVER ||
       rm->method == vss::RestoreMethod::VSS_RME_CUSTOM)) {
    RequesterFinding("REQ-RST-06",
                     "selected a component of a writer that takes no part in restores",
                     {{"writer", target->registered.actor},
                      {"writer-restore", ToString(rm->writer_restore)},
                      {"method", ToString(rm->method)}});
  }
  c->selected_for_restore = selected;
  return Done(method, hr::S_OK);
}

HResult Session::AddRestoreSubcomponent(const Guid& writer_id, vss::ComponentType type,
                                        std::string_view logical_path,
                                        std::string_view component_name,
                                        std::string_view sub_logical_path,
                                        std::string_view sub_component_name, bool repair) {
  const Method m = Method::kAddRestoreSubcomponent;
  Call(m, {{"component", std::string(component_name)},
           {"subcomponent", std::string(sub_component_name)}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(m, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  if (!c->selected_for_restore) return Done(m, hr::VSS_E_BAD_STATE, "REQ-CALL-33");
  // SEL-07: a member of the set the selected component defines, selectable for restore.
  const metadata::ComponentDescription* sub =
      Describe(writer_id, sub_logical_path, sub_component_name);
  const bool member = sub != nullptr && InSetOf(*sub, logical_path, component_name) &&
                      !(sub->logical_path == logical_path && sub->name == component_name);
  if (!member || !sub->selectable_for_restore) return Done(m, hr::VSS_E_OBJECT_NOT_FOUND, "SEL-07");
  metadata::RestoreSubcomponent r;
  r.logical_path = std::string(sub_logical_path);
  r.component_name = std::string(sub_component_name);
  r.repair = repair;
  c->restore_subcomponents.push_back(std::move(r));
  return Done(m, hr::S_OK);
}

HResult Session::SetRestoreOptions(const Guid& writer_id, vss::ComponentType type,
                                   std::string_view logical_path, std::string_view component_name,
                                   std::string_view options) {
  const Method m = Method::kSetRestoreOptions;
  Call(m, {{"component", std::string(component_name)}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(m, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  if (c->restore_options) {  // REQ-CALL-34 / RO-01: at most once; the later value is kept
    RequesterFinding("REQ-CALL-34", "SetRestoreOptions called twice for one component",
                     {{"component", std::string(component_name)}});
  }
  c->restore_options = std::string(options);
  return Done(m, hr::S_OK);
}

HResult Session::SetAdditionalRestores(const Guid& writer_id, vss::ComponentType type,
                                       std::string_view logical_path,
                                       std::string_view component_name, bool additional_restores) {
  const Method m = Method::kSetAdditionalRestores;
  Call(m, {{"component", std::string(component_name)},
           {"additional", additional_restores ? "yes" : "no"}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(m, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  c->additional_restores = additional_restores;  // AR-01
  return Done(m, hr::S_OK);
}

HResult Session::AddNewTarget(const Guid& writer_id, vss::ComponentType type,
                              std::string_view logical_path, std::string_view component_name,
                              std::string_view path, std::string_view filespec, bool recursive,
                              std::string_view alternate_path) {
  const Method m = Method::kAddNewTarget;
  Call(m, {{"component", std::string(component_name)},
           {"path", std::string(path)},
           {"filespec", std::string(filespec)},
           {"alternate-path", std::string(alternate_path)}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(m, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  const metadata::WriterComponents* w = FindBcdWriter(writer_id);
  const metadata::WriterMetadata* wmd = RestoreWmd(*w);  // REQ-RST-01: the stored WMD
  if (wmd == nullptr ||
      !HasFileSet(*wmd, logical_path, component_name, path, filespec, recursive)) {
    return Done(m, hr::VSS_E_OBJECT_NOT_FOUND, "MATCH-01");
  }
  if (!HasBit(w->backup_schema, vss::BackupSchema::VSS_BS_WRITER_SUPPORTS_NEW_TARGET)) {
    const Participant* p = RestoreParticipant(*w);
    RequesterFinding("NT-01", "AddNewTarget for a writer without VSS_BS_WRITER_SUPPORTS_NEW_TARGET",
                     {{"writer", p != nullptr ? p->registered.actor : w->writer_id.ToString()}});
  }
  metadata::NewTarget t;
  t.path = std::string(path);
  t.filespec = std::string(filespec);
  t.recursive = recursive;
  t.alternate_path = std::string(alternate_path);
  c->new_targets.push_back(std::move(t));
  return Done(m, hr::S_OK);
}

HResult Session::SetAuthoritativeRestore(const Guid& writer_id, vss::ComponentType type,
                                         std::string_view logical_path,
                                         std::string_view component_name, bool authoritative) {
  const Method m = Method::kSetAuthoritativeRestore;
  Call(m, {{"component", std::string(component_name)},
           {"authoritative", authoritative ? "yes" : "no"}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(m, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  if (!HasBit(FindBcdWriter(writer_id)->backup_schema,
              vss::BackupSchema::VSS_BS_AUTHORITATIVE_RESTORE)) {  // RO-02
    RequesterFinding("REQ-CALL-37", "writer does not advertise VSS_BS_AUTHORITATIVE_RESTORE");
  }
  c->authoritative_restore = authoritative;
  return Done(m, hr::S_OK);
}

HResult Session::SetRollForward(const Guid& writer_id, vss::ComponentType type,
                                std::string_view logical_path, std::string_view component_name,
                                vss::RollForwardType roll_forward_type,
                                std::string_view roll_forward_point) {
  const Method m = Method::kSetRollForward;
  Call(m, {{"component", std::string(component_name)}, {"type", ToString(roll_forward_type)}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(m, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  if (vss::NameOf(roll_forward_type).empty()) return Done(m, hr::E_INVALIDARG);
  if (!HasBit(FindBcdWriter(writer_id)->backup_schema,
              vss::BackupSchema::VSS_BS_ROLLFORWARD_RESTORE)) {  // RO-02
    RequesterFinding("REQ-CALL-37", "writer does not advertise VSS_BS_ROLLFORWARD_RESTORE");
  }
  c->roll_forward_type = roll_forward_type;
  c->roll_forward_point = std::string(roll_forward_point);
  return Done(m, hr::S_OK);
}

HResult Session::SetRestoreName(const Guid& writer_id, vss::ComponentType type,
                                std::string_view logical_path, std::string_view component_name,
                                std::string_view restore_name) {
  const Method m = Method::kSetRestoreName;
  Call(m, {{"component", std::string(component_name)}, {"name", std::string(restore_name)}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(m, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  if (!HasBit(FindBcdWriter(writer_id)->backup_schema,
              vss::BackupSchema::VSS_BS_RESTORE_RENAME)) {  // RO-02
    RequesterFinding("REQ-CALL-37", "writer does not advertise VSS_BS_RESTORE_RENAME");
  }
  c->restore_name = std::string(restore_name);
  return Done(m, hr::S_OK);
}

// --- between PreRestore and PostRestore --------------------------------------------------------

HResult Session::SetFileRestoreStatus(const Guid& writer_id, vss::ComponentType type,
                                      std::string_view logical_path,
                                      std::string_view component_name,
                                      vss::FileRestoreStatus status) {
  const Method m = Method::kSetFileRestoreStatus;
  Call(m, {{"component", std::string(component_name)}, {"status", ToString(status)}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(m, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  if (vss::NameOf(status).empty()) return Done(m, hr::E_INVALIDARG);
  const metadata::WriterComponents* w = FindBcdWriter(writer_id);
  const Participant* p = RestoreParticipant(*w);
  if (p != nullptr && p->restore_stopped && status == vss::FileRestoreStatus::VSS_RS_ALL) {
    // WRT-RET-03: the writer vetoed PreRestore; its components are not to be restored.
    RequesterFinding("WRT-RET-03", "restored a component whose writer vetoed PreRestore",
                     {{"writer", p->registered.actor}, {"component", std::string(component_name)}});
  }
  c->file_restore_status = status;
  return Done(m, hr::S_OK);
}

HResult Session::AddAlternativeLocationMapping(const Guid& writer_id, vss::ComponentType type,
                                               std::string_view logical_path,
                                               std::string_view component_name,
                                               std::string_view path, std::string_view filespec,
                                               bool recursive, std::string_view destination) {
  const Method m = Method::kAddAlternativeLocationMapping;
  Call(m, {{"component", std::string(component_name)},
           {"path", std::string(path)},
           {"destination", std::string(destination)}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(m, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  // REQ-CALL-40, ALT-04: only for a file set that has a WMD alternate location mapping.
  // REQ-RST-01: the mappings of the WMD stored with the backup.
  const metadata::WriterMetadata* wmd = RestoreWmd(*FindBcdWriter(writer_id));
  bool mapped = false;
  if (wmd != nullptr && wmd->restore_method) {
    for (const auto& a : wmd->restore_method->alternate_location_mappings) {
      mapped = mapped || (a.path == path && a.filespec == filespec && a.recursive == recursive);
    }
  }
  if (!mapped || !HasFileSet(*wmd, logical_path, component_name, path, filespec, recursive)) {
    return Done(m, hr::VSS_E_OBJECT_NOT_FOUND, "REQ-CALL-40");
  }
  metadata::AlternateLocationMapping a;
  a.path = std::string(path);
  a.filespec = std::string(filespec);
  a.recursive = recursive;
  a.destination = std::string(destination);
  c->alternate_location_mappings.push_back(std::move(a));
  return Done(m, hr::S_OK);
}

HResult Session::SetRangesFilePath(const Guid& writer_id, vss::ComponentType type,
                                   std::string_view logical_path, std::string_view component_name,
                                   std::uint32_t partial_file_index, std::string_view ranges_file) {
  const Method m = Method::kSetRangesFilePath;
  Call(m, {{"component", std::string(component_name)},
           {"index", std::to_string(partial_file_index)},
           {"ranges-file", std::string(ranges_file)}});
  HResult error;
  metadata::ComponentState* c =
      RestoreComponent(m, writer_id, type, logical_path, component_name, &error);
  if (c == nullptr) return error;
  if (partial_file_index >= c->partial_files.size()) return Done(m, hr::VSS_E_OBJECT_NOT_FOUND);
  c->partial_files[partial_file_index].ranges_file_path = std::string(ranges_file);  // PART-04
  return Done(m, hr::S_OK);
}

}  // namespace vsssim::coordinator
