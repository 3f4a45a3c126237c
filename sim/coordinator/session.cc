// Session: the synchronous requester calls (CATALOGUE.md §2.1-§2.3, §2.7).
#include "sim/coordinator/session.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "vsssim/metadata/xml_codec.h"

namespace vsssim::coordinator {

using namespace trace::literals;  // "vss"_kept: texts the trace keeps uncopied

namespace {

std::string Hex(std::uint32_t v) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%X", v);
  return buffer;
}

constexpr std::uint32_t kNoWriters = 0x10;      // VSS_VOLSNAP_ATTR_NO_WRITERS
constexpr std::uint32_t kNoAutoRelease = 0x8;   // VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE
constexpr std::uint32_t kTransportable = 0x20;  // CTX-GEN-02 modifiers
constexpr std::uint32_t kDifferential = 0x20000;
constexpr std::uint32_t kPlex = 0x40000;
constexpr std::uint32_t kNoAutoRecovery = 0x2;  // CONF-03: the three inconsistently documented
constexpr std::uint32_t kNotTransacted = 0x80;
constexpr std::uint32_t kRollbackRecovery = 0x800000;
constexpr std::uint32_t kDocumentedModifiers = kTransportable | kDifferential | kPlex;
constexpr std::uint32_t kOtherModifiers = kNoAutoRecovery | kNotTransacted | kRollbackRecovery;

bool Contains(const std::vector<Guid>& ids, const Guid& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

Session::Session(Coordinator& vss, std::string name)
    : vss_(vss),
      clock_(vss.clock()),
      name_(std::move(name)),
      actor_("requester:" + name_),
      actor_text_(vss_.trace().Intern(actor_)),
      name_text_(vss_.trace().Intern(name_)),
      timers_(vss.clock()) {
  session_id_ = vss_.random().NextGuid();  // WRT-THREAD-02: opaque per-session GUID
}

Session::~Session() {
  if (!orphaned_) {
    if (!released_) EndSession(/*terminated=*/true);  // dropped without Release: it died
    vss_.Forget(this);
  }
  CancelPendingStep();  // timers_ cancels the rest
}

// --- bookkeeping -------------------------------------------------------------------------------

void Session::Call(Method method, std::initializer_list<trace::AttributeArg> attributes) {
  vss_.trace().Append(trace::EntryKind::kCall, actor_text_, "vss"_kept,
                      trace::KeptText::Static(NameOf(method)), attributes);
}

HResult Session::Done(Method method, HResult result, std::string_view rule) {
  vss_.trace().Append(trace::EntryKind::kResult, "vss"_kept, actor_text_,
                      trace::KeptText::Static(NameOf(method)),
                      {{"hr"_kept, HResultText(result).view()}}, rule);
  if (result.Failed() && !rule.empty()) {
    RequesterFinding(rule, std::string(NameOf(method)) + " refused",
                     {{"phase", std::string(NameOf(phase_.phase()))}});
  }
  return result;
}

HResult Session::DoneAtLimit(Method method, HResult result, std::string_view rule) {
  vss_.trace().Append(trace::EntryKind::kResult, "vss"_kept, actor_text_,
                      trace::KeptText::Static(NameOf(method)),
                      {{"hr"_kept, HResultText(result).view()}}, rule);
  return result;
}

std::optional<HResult> Session::Gate(Method method) {
  if (released_) return Done(method, vss_.choices().call_after_release, "REQ-LIFE-02");
  if (!IsLegal(method, phase_.phase())) {
    const CallRule& rule = RuleFor(method);
    HResult error = hr::VSS_E_BAD_STATE;
    if (method == Method::kInitializeForBackup) error = vss_.choices().repeated_call;  // GAP-04
    std::string_view cited = rule.rule;
    // REQ-ORDER-09: StartSnapshotSet precedes PrepareForBackup and every AddToSnapshotSet.
    if ((method == Method::kPrepareForBackup || method == Method::kAddToSnapshotSet) &&
        (phase_.phase() == Phase::kInitialized || phase_.phase() == Phase::kMetadataGathered)) {
      cited = "REQ-ORDER-09";
    }
    return Done(method, error, cited);
  }
  return std::nullopt;
}

void Session::ApplyPhase(RequesterPhaseMachine::Change change) {
  const Phase before = phase_.phase();
  phase_.Apply(change);
  if (phase_.phase() != before) {
    vss_.trace().Append(trace::EntryKind::kState, actor_text_, {},
                        trace::KeptText::Static(NameOf(phase_.phase())));
  }
}

void Session::RequesterFinding(std::string_view rule, std::string title,
                               std::vector<trace::Attribute> attributes) {
  vss_.trace().Append(trace::EntryKind::kFinding, actor_, "vss", std::move(title),
                      std::move(attributes), std::string(rule));
}

bool Session::WriterContext() const {  // CTX-W-01 / CTX-NW-01
  return (static_cast<std::uint32_t>(context_) & kNoWriters) == 0;
}

bool Session::AutoRelease() const {  // REQ-LIFE-04, CTX-GEN-06
  return (static_cast<std::uint32_t>(context_) & kNoAutoRelease) == 0;
}

vss::VolumeSnapshotAttributes Session::SnapshotAttributes() const {
  return vss::VolumeSnapshotAttributes{static_cast<std::uint32_t>(context_) | modifiers_};
}

bool Session::WriterIncluded(const RegisteredWriter& w) const {  // REQ-CALL-04
  const Guid& id = w.writer->identity().class_id;
  if (Contains(disabled_instances_, w.instance_id)) return false;
  if (!enabled_classes_.empty()) return Contains(enabled_classes_, id);
  return !Contains(disabled_classes_, id);
}

metadata::WriterComponents* Session::FindBcdWriter(const Guid& writer_id) {
  for (metadata::WriterComponents& w : bcd_.writers) {
    if (w.writer_id == writer_id) return &w;
  }
  return nullptr;
}

metadata::ComponentState* Session::FindBcdComponent(const Guid& writer_id, vss::ComponentType type,
                                                    std::string_view logical_path,
                                                    std::string_view name) {
  metadata::WriterComponents* w = FindBcdWriter(writer_id);
  if (w == nullptr) return nullptr;
  metadata::ComponentState* c = w->FindComponent(logical_path, name);
  return c != nullptr && c->type == type ? c : nullptr;
}

const Participant* Session::FindParticipant(const writer::Writer& w) const {
  for (const auto& p : participants_) {
    if (p->registered.writer == &w) return p.get();
  }
  return nullptr;
}

// --- initialisation ----------------------------------------------------------------------------

HResult Session::InitializeForBackup(std::string_view bcd_xml) {
  Call(Method::kInitializeForBackup);
  if (auto e = Gate(Method::kInitializeForBackup)) return *e;
  if (!bcd_xml.empty() && !metadata::ReadBackupComponentsXml(bcd_xml).ok()) {
    return Done(Method::kInitializeForBackup, hr::VSS_E_INVALID_XML_DOCUMENT);  // REQ-CALL-01
  }
  ApplyPhase(RequesterPhaseMachine::Change::kInitializeForBackup);
  return Done(Method::kInitializeForBackup, hr::S_OK);
}

HResult Session::SetContext(std::uint32_t context) {
  Call(Method::kSetContext, {{"context", Hex(context)}});
  const WindowsProfile windows = vss_.choices().windows;
  if (Applies(VersionRule::kSetContextNotImplemented, windows)) {  // CTX-XP-01, REQ-CALL-03
    return Done(Method::kSetContext, hr::E_NOTIMPL, "CTX-XP-01");
  }
  if (auto e = Gate(Method::kSetContext)) return *e;
  if (context_set_) {  // REQ-ORDER-02: once; GAP-04
    return Done(Method::kSetContext, vss_.choices().repeated_call, "REQ-ORDER-02");
  }
  if (gather_called_ && !vss_.choices().set_context_after_gather) {
    return Done(Method::kSetContext, hr::VSS_E_BAD_STATE, "REQ-ORDER-02");
  }
  // CTX-GEN-02: one base context, optional TRANSPORTABLE, DIFFERENTIAL xor PLEX.
  std::uint32_t modifiers = 0;
  std::uint32_t base = context;
  if (context != static_cast<std::uint32_t>(vss::SnapshotContext::VSS_CTX_ALL)) {
    modifiers = context & (kDocumentedModifiers | kOtherModifiers);
    base = context & ~modifiers;
  }
  const bool known_base = !vss::NameOf(static_cast<vss::SnapshotContext>(base)).empty();
  const bool both = (modifiers & kDifferential) && (modifiers & kPlex);
  const bool on_client_accessible =
      modifiers != 0 &&
      base == static_cast<std::uint32_t>(vss::SnapshotContext::VSS_CTX_CLIENT_ACCESSIBLE);
  if (!known_base || both || on_client_accessible) {
    return Done(Method::kSetContext, vss_.choices().invalid_context, "CTX-GEN-02");
  }
  // Catalogue silent; ne-vss-vss_snapshot_context: CLIENT_ACCESSIBLE_WRITERS "is not supported
  // by Windows Server 2003 and Windows XP". The code is undocumented: the invalid-value one.
  if (base == static_cast<std::uint32_t>(vss::SnapshotContext::VSS_CTX_CLIENT_ACCESSIBLE_WRITERS) &&
      Applies(VersionRule::kNoClientAccessibleWriters, windows)) {
    return Done(Method::kSetContext, vss_.choices().invalid_context);
  }
  if (modifiers & kOtherModifiers) {  // CONF-03: accepted, flagged as inconsistently documented
    vss_.trace().Append(trace::EntryKind::kNote, actor_, "vss",
                        "modifier documented inconsistently", {{"modifiers", Hex(modifiers)}},
                        "CONF-03");
  }
  context_set_ = true;
  context_value_ = context;
  context_ = static_cast<vss::SnapshotContext>(base);
  modifiers_ = modifiers;
  return Done(Method::kSetContext, hr::S_OK);
}

HResult Session::SetBackupState(bool select_components, bool bootable_system_state,
                                vss::BackupType backup_type, bool partial_file_support) {
  Call(Method::kSetBackupState, {{"select-components", select_components ? "yes" : "no"},
                                 {"bootable", bootable_system_state ? "yes" : "no"},
                                 {"type", ToString(backup_type)},
                                 {"partial", partial_file_support ? "yes" : "no"}});
  if (auto e = Gate(Method::kSetBackupState)) return *e;
  if (prepare_called_) return Done(Method::kSetBackupState, hr::VSS_E_BAD_STATE, "REQ-ORDER-04");
  if (vss::NameOf(backup_type).empty()) return Done(Method::kSetBackupState, hr::E_INVALIDARG);
  backup_state_set_ = true;
  bcd_.select_components = select_components;
  bcd_.bootable_system_state_backup = bootable_system_state;
  bcd_.backup_type = backup_type;
  bcd_.partial_file_support = partial_file_support;
  return Done(Method::kSetBackupState, hr::S_OK);
}

HResult Session::EnableWriterClasses(const std::vector<Guid>& ids) {
  Call(Method::kEnableWriterClasses, {{"count", std::to_string(ids.size())}});
  if (auto e = Gate(Method::kEnableWriterClasses)) return *e;
  if (!gather_called_) {  // REQ-ORDER-03: later calls have no effect
    enabled_classes_.insert(enabled_classes_.end(), ids.begin(), ids.end());
  }
  return Done(Method::kEnableWriterClasses, hr::S_OK);
}

HResult Session::DisableWriterClasses(const std::vector<Guid>& ids) {
  Call(Method::kDisableWriterClasses, {{"count", std::to_string(ids.size())}});
  if (auto e = Gate(Method::kDisableWriterClasses)) return *e;
  if (!gather_called_) disabled_classes_.insert(disabled_classes_.end(), ids.begin(), ids.end());
  return Done(Method::kDisableWriterClasses, hr::S_OK);
}

HResult Session::DisableWriterInstances(const std::vector<Guid>& ids) {
  Call(Method::kDisableWriterInstances, {{"count", std::to_string(ids.size())}});
  if (auto e = Gate(Method::kDisableWriterInstances)) return *e;
  if (!gather_called_) {
    disabled_instances_.insert(disabled_instances_.end(), ids.begin(), ids.end());
  }
  return Done(Method::kDisableWriterInstances, hr::S_OK);
}

// --- discovery ---------------------------------------------------------------------------------

HResult Session::GetWriterMetadataCount(std::uint32_t* count) {
  Call(Method::kGetWriterMetadataCount);
  if (auto e = Gate(Method::kGetWriterMetadataCount)) return *e;
  if (count == nullptr) return Done(Method::kGetWriterMetadataCount, hr::E_INVALIDARG);
  if (!gathered_ || metadata_freed_) {  // REQ-ORDER-06, REQ-CALL-08
    return Done(Method::kGetWriterMetadataCount, hr::VSS_E_BAD_STATE, "REQ-ORDER-06");
  }
  *count = static_cast<std::uint32_t>(participants_.size());
  return Done(Method::kGetWriterMetadataCount, hr::S_OK);
}

HResult Session::GetWriterMetadata(std::uint32_t index, Guid* instance_id,
                                   const metadata::ExamineWriterMetadata** metadata) {
  Call(Method::kGetWriterMetadata, {{"index", std::to_string(index)}});
  if (auto e = Gate(Method::kGetWriterMetadata)) return *e;
  if (instance_id == nullptr || metadata == nullptr) {
    return Done(Method::kGetWriterMetadata, hr::E_INVALIDARG);
  }
  if (!gathered_ || metadata_freed_) {
    return Done(Method::kGetWriterMetadata, hr::VSS_E_BAD_STATE, "REQ-ORDER-06");
  }
  if (index >= participants_.size()) {  // REQ-CALL-07
    return Done(Method::kGetWriterMetadata, hr::VSS_E_OBJECT_NOT_FOUND);
  }
  *instance_id = participants_[index]->registered.instance_id;
  *metadata = &participants_[index]->metadata;
  return Done(Method::kGetWriterMetadata, hr::S_OK);
}

HResult Session::FreeWriterMetadata() {
  Call(Method::kFreeWriterMetadata);
  if (auto e = Gate(Method::kFreeWriterMetadata)) return *e;
  if (!gathered_) return Done(Method::kFreeWriterMetadata, hr::VSS_E_BAD_STATE, "REQ-CALL-08");
  metadata_freed_ = true;
  return Done(Method::kFreeWriterMetadata, hr::S_OK);
}

HResult Session::AddComponent(const Guid& instance_id, const Guid& writer_id,
                              vss::ComponentType type, std::string_view logical_path,
                              std::string_view component_name) {
  const Participant* named = nullptr;  // the writer's trace name when known, else its class id
  for (const auto& p : participants_) {
    if (p->registered.writer->identity().class_id == writer_id) named = p.get();
  }
  const std::optional<GuidText> id_text =
      named == nullptr ? std::optional<GuidText>(writer_id) : std::nullopt;
  Call(Method::kAddComponent,
       {{"writer"_kept, named != nullptr ? trace::TextArg(named->actor) : id_text->view()},
        {"logical-path"_kept, logical_path},
        {"component"_kept, component_name}});
  if (!WriterContext() && !released_) {  // CTX-NW-02, GAP-03
    return Done(Method::kAddComponent, vss_.choices().writerless_context_call, "CTX-NW-02");
  }
  if (auto e = Gate(Method::kAddComponent)) return *e;
  if (component_name.empty()) return Done(Method::kAddComponent, hr::E_INVALIDARG);
  const Participant* owner = nullptr;
  for (const auto& p : participants_) {
    if (p->registered.instance_id == instance_id &&
        p->registered.writer->identity().class_id == writer_id) {
      owner = p.get();
    }
  }
  if (owner == nullptr) return Done(Method::kAddComponent, hr::VSS_E_OBJECT_NOT_FOUND);
  metadata::WriterComponents* w = bcd_.FindWriter(instance_id);
  if (w == nullptr) {
    metadata::WriterComponents fresh;
    fresh.writer_id = writer_id;
    fresh.instance_id = instance_id;
    fresh.instance_name = owner->registered.writer->identity().instance_name;
    owner->metadata.GetBackupSchema(&fresh.backup_schema);
    if (bcd_.writers.empty()) bcd_.writers.reserve(participants_.size());
    bcd_.writers.push_back(std::move(fresh));
    w = &bcd_.writers.back();
  }
  if (w->FindComponent(logical_path, component_name) != nullptr) {
    return Done(Method::kAddComponent, hr::VSS_E_OBJECT_ALREADY_EXISTS);  // REQ-CALL-09
  }
  metadata::ComponentState& c = w->components.emplace_back();
  c.type = type;
  c.logical_path = std::string(logical_path);
  c.name = std::string(component_name);
  return Done(Method::kAddComponent, hr::S_OK);
}

HResult Session::SetBackupOptions(const Guid& writer_id, vss::ComponentType type,
                                  std::string_view logical_path, std::string_view component_name,
                                  std::string_view options) {
  Call(Method::kSetBackupOptions, {{"component"_kept, component_name}});
  if (auto e = Gate(Method::kSetBackupOptions)) return *e;
  if (prepare_called_) return Done(Method::kSetBackupOptions, hr::VSS_E_BAD_STATE, "REQ-ORDER-08");
  metadata::ComponentState* c = FindBcdComponent(writer_id, type, logical_path, component_name);
  if (c == nullptr) return Done(Method::kSetBackupOptions, hr::VSS_E_OBJECT_NOT_FOUND);
  c->backup_options = std::string(options);
  return Done(Method::kSetBackupOptions, hr::S_OK);
}

HResult Session::SetPreviousBackupStamp(const Guid& writer_id, vss::ComponentType type,
                                        std::string_view logical_path,
                                        std::string_view component_name,
                                        std::string_view previous_stamp) {
  Call(Method::kSetPreviousBackupStamp, {{"component"_kept, component_name}});
  if (auto e = Gate(Method::kSetPreviousBackupStamp)) return *e;
  if (prepare_called_) {
    return Done(Method::kSetPreviousBackupStamp, hr::VSS_E_BAD_STATE, "REQ-ORDER-08");
  }
  metadata::ComponentState* c = FindBcdComponent(writer_id, type, logical_path, component_name);
  if (c == nullptr) return Done(Method::kSetPreviousBackupStamp, hr::VSS_E_OBJECT_NOT_FOUND);
  c->previous_backup_stamp = std::string(previous_stamp);
  return Done(Method::kSetPreviousBackupStamp, hr::S_OK);
}

HResult Session::SetBackupSucceeded(const Guid& instance_id, const Guid& writer_id,
                                    vss::ComponentType type, std::string_view logical_path,
                                    std::string_view component_name, bool succeeded) {
  Call(Method::kSetBackupSucceeded, {{"component"_kept, component_name},
                                     {"succeeded"_kept, succeeded ? "yes"_kept : "no"_kept}});
  const bool failed_sequence = phase_.phase() == Phase::kSnapshotFailed ||
                               (phase_.phase() == Phase::kPreparedForBackup && prepare_failed_);
  if (!released_ && failed_sequence) {  // REQ-ORDER-15 (BUG-10: a vetoed PrepareForBackup)
    return Done(Method::kSetBackupSucceeded, hr::VSS_E_BAD_STATE, "REQ-ORDER-15");
  }
  if (auto e = Gate(Method::kSetBackupSucceeded)) return *e;
  metadata::WriterComponents* w = bcd_.FindWriter(instance_id);
  metadata::ComponentState* c = w != nullptr && w->writer_id == writer_id
                                    ? w->FindComponent(logical_path, component_name)
                                    : nullptr;
  if (c == nullptr || c->type != type) {
    return Done(Method::kSetBackupSucceeded, hr::VSS_E_OBJECT_NOT_FOUND);
  }
  c->backup_succeeded = succeeded;
  return Done(Method::kSetBackupSucceeded, hr::S_OK);
}

HResult Session::SaveAsXML(std::string* bcd_xml) {
  Call(Method::kSaveAsXML);
  if (auto e = Gate(Method::kSaveAsXML)) return *e;
  if (bcd_xml == nullptr) return Done(Method::kSaveAsXML, hr::E_INVALIDARG);
  if (!prepare_called_) return Done(Method::kSaveAsXML, hr::VSS_E_BAD_STATE, "REQ-ORDER-16");
  *bcd_xml = metadata::WriteBackupComponentsXml(bcd_);
  bcd_saved_ = true;
  return Done(Method::kSaveAsXML, hr::S_OK);
}

HResult Session::GetWriterStatusCount(std::uint32_t* count) {
  Call(Method::kGetWriterStatusCount);
  if (auto e = Gate(Method::kGetWriterStatusCount)) return *e;
  if (count == nullptr) return Done(Method::kGetWriterStatusCount, hr::E_INVALIDARG);
  if (!status_gathered_) {
    return Done(Method::kGetWriterStatusCount, hr::VSS_E_BAD_STATE, "REQ-CALL-18");
  }
  *count = static_cast<std::uint32_t>(status_.size());  // REQ-STAT-03
  return Done(Method::kGetWriterStatusCount, hr::S_OK);
}

HResult Session::GetWriterStatus(std::uint32_t index, WriterStatus* status) {
  Call(Method::kGetWriterStatus, {{"index", std::to_string(index)}});
  if (auto e = Gate(Method::kGetWriterStatus)) return *e;
  if (status == nullptr) return Done(Method::kGetWriterStatus, hr::E_INVALIDARG);
  if (!status_gathered_) return Done(Method::kGetWriterStatus, hr::VSS_E_BAD_STATE, "REQ-CALL-18");
  if (index >= status_.size()) return Done(Method::kGetWriterStatus, hr::VSS_E_OBJECT_NOT_FOUND);
  *status = status_[index];
  return Done(Method::kGetWriterStatus, hr::S_OK);
}

HResult Session::FreeWriterStatus() {
  Call(Method::kFreeWriterStatus);
  if (auto e = Gate(Method::kFreeWriterStatus)) return *e;
  if (!status_gathered_) return Done(Method::kFreeWriterStatus, hr::VSS_E_BAD_STATE, "REQ-CALL-19");
  status_gathered_ = false;
  status_.clear();
  return Done(Method::kFreeWriterStatus, hr::S_OK);
}

HResult Session::GetSessionId(Guid* session_id) {
  Call(Method::kGetSessionId);
  if (auto e = Gate(Method::kGetSessionId)) return *e;
  if (session_id == nullptr) return Done(Method::kGetSessionId, hr::E_INVALIDARG);
  *session_id = session_id_;
  return Done(Method::kGetSessionId, hr::S_OK);
}

}  // namespace vsssim::coordinator
