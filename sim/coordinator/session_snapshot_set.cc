// Session: the snapshot-set calls and the administrative calls (CATALOGUE.md §2.3 REQ-CALL-12
// .. REQ-CALL-14, REQ-CALL-20, REQ-CALL-26/27, LIM-01, LIM-02, LIM-12, PRV-01, CTX-QRY-01).
// Volumes are named in any of the four forms of IVssBackupComponents::AddToSnapshotSet (drive
// letter, \\?\Volume{GUID}\, mount folder, \\server\share\; storage/volume_name.h).
#include <optional>
#include <utility>

#include "sim/coordinator/session.h"
#include "vsssim/storage/volume_name.h"

namespace vsssim::coordinator {

using namespace trace::literals;  // "vss"_kept: texts the trace keeps uncopied

namespace {

constexpr std::size_t kMaxVolumesInSet = 64;         // LIM-01
constexpr std::size_t kMaxSnapshotsPerVolume = 512;  // LIM-02

// REQ-CALL-13/14: the volume `name` names, in canonical form (storage/volume_name.h). With the
// machine's volumes attached, a name that is no volume of the machine is VSS_E_OBJECT_NOT_FOUND
// ("pwszVolumeName does not correspond to an existing volume or remote file share") and the
// canonical form is the volume's own (its declared spelling); without them (a test coordinator
// over a recording provider) only the providers can tell, and the name's canonical form is used.
HResult ResolveVolume(const Coordinator& vss, std::string_view name, HResult malformed,
                      std::string* canonical) {
  std::optional<storage::VolumeName> parsed = storage::ParseVolumeName(name);
  if (!parsed) return malformed;
  if (const storage::VolumeManager* machine = vss.volumes()) {
    const storage::Volume* volume = machine->FindByName(name);
    if (volume == nullptr) return hr::VSS_E_OBJECT_NOT_FOUND;
    *canonical = volume->volume_name().text;
  } else {
    *canonical = std::move(parsed->text);
  }
  return hr::S_OK;
}

}  // namespace

// --- snapshot set ------------------------------------------------------------------------------

HResult Session::StartSnapshotSet(Guid* snapshot_set_id) {
  Call(Method::kStartSnapshotSet);
  if (auto e = Gate(Method::kStartSnapshotSet)) return *e;
  if (snapshot_set_id == nullptr) return Done(Method::kStartSnapshotSet, hr::E_INVALIDARG);
  if (context_ == vss::SnapshotContext::VSS_CTX_ALL) {  // CTX-ALL-01
    return Done(Method::kStartSnapshotSet, hr::VSS_E_BAD_STATE, "CTX-ALL-01");
  }
  if (vss_.creating_session() != nullptr && vss_.creating_session() != this) {
    // LIM-12: VSS's own limit, not a requester mistake (no finding); the result carries it.
    refused_in_progress_ = true;
    return DoneAtLimit(Method::kStartSnapshotSet, hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS, "LIM-12");
  }
  refused_in_progress_ = false;
  vss_.set_creating_session(this);
  set_started_ = true;
  bcd_.snapshot_set_id = vss_.random().NextGuid();
  *snapshot_set_id = bcd_.snapshot_set_id;
  set_id_text_ = vss_.trace().Intern(GuidText(bcd_.snapshot_set_id).view());
  ApplyPhase(RequesterPhaseMachine::Change::kStartSnapshotSet);
  vss_.trace().Append(trace::EntryKind::kNote, "vss"_kept, actor_text_, "snapshot set"_kept,
                      {{"snapshot-set"_kept, set_id_text_}});
  return Done(Method::kStartSnapshotSet, hr::S_OK);
}

HResult Session::AddToSnapshotSet(std::string_view volume, const Guid& provider_id,
                                  Guid* snapshot_id) {
  Call(Method::kAddToSnapshotSet, {{"volume"_kept, volume}});
  if (auto e = Gate(Method::kAddToSnapshotSet)) return *e;
  // REQ-CALL-13: a name in none of the four forms is "not valid" (E_INVALIDARG).
  if (snapshot_id == nullptr || !storage::ParseVolumeName(volume)) {
    return Done(Method::kAddToSnapshotSet, hr::E_INVALIDARG);
  }
  if (creation_begun_) return Done(Method::kAddToSnapshotSet, hr::VSS_E_BAD_STATE, "REQ-ORDER-12");
  if (volumes_.size() >= kMaxVolumesInSet) {  // LIM-01
    return Done(Method::kAddToSnapshotSet, hr::VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED, "LIM-01");
  }
  std::string v;
  HResult resolved = ResolveVolume(vss_, volume, hr::E_INVALIDARG, &v);
  if (resolved.Failed()) return Done(Method::kAddToSnapshotSet, resolved);
  for (const VolumeInSet& in : volumes_) {  // the same volume by any spelling
    if (storage::SameFolded(in.volume, v)) {
      return Done(Method::kAddToSnapshotSet, hr::VSS_E_OBJECT_ALREADY_EXISTS);
    }
  }
  storage::Provider* chosen = nullptr;
  if (provider_id.IsNull()) {  // PRV-01: first capable provider in registration order
    for (storage::Provider* p : vss_.providers()) {
      if (p->IsVolumeSupported(v, context_)) {
        chosen = p;
        break;
      }
    }
    if (chosen == nullptr) return Done(Method::kAddToSnapshotSet, hr::VSS_E_VOLUME_NOT_SUPPORTED);
  } else {
    for (storage::Provider* p : vss_.providers()) {
      if (p->provider_id() == provider_id) chosen = p;
    }
    if (chosen == nullptr) {
      return Done(Method::kAddToSnapshotSet, hr::VSS_E_PROVIDER_NOT_REGISTERED);
    }
    if (!chosen->IsVolumeSupported(v, context_)) {
      return Done(Method::kAddToSnapshotSet, hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
    }
  }
  // LIM-02: VSS reports the per-volume limit here, not at DoSnapshotSet: count the committed
  // snapshots of `v` over every provider.
  std::size_t on_volume = 0;
  for (storage::Provider* p : vss_.providers()) {
    for (const storage::SnapshotProperties& s : p->Query()) {
      std::optional<storage::VolumeName> original = storage::ParseVolumeName(s.original_volume);
      if (original && storage::SameFolded(original->text, v)) ++on_volume;
    }
  }
  if (on_volume >= kMaxSnapshotsPerVolume) {
    return Done(Method::kAddToSnapshotSet, hr::VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED, "LIM-02");
  }
  VolumeInSet in{v, chosen, vss_.random().NextGuid()};
  *snapshot_id = in.snapshot_id;
  volumes_.push_back(std::move(in));
  return Done(Method::kAddToSnapshotSet, hr::S_OK);
}

HResult Session::IsVolumeSupported(const Guid& provider_id, std::string_view volume,
                                   bool* supported) {
  Call(Method::kIsVolumeSupported, {{"volume"_kept, volume}});
  if (auto e = Gate(Method::kIsVolumeSupported)) return *e;
  if (supported == nullptr) return Done(Method::kIsVolumeSupported, hr::E_INVALIDARG);
  *supported = false;
  // REQ-CALL-14: VSS_E_OBJECT_NOT_FOUND for a volume that is not there; the page lists no
  // E_INVALIDARG, so a malformed name gets Choices::is_volume_supported_malformed_name.
  std::string v;
  HResult resolved =
      ResolveVolume(vss_, volume, vss_.choices().is_volume_supported_malformed_name, &v);
  if (resolved.Failed()) return Done(Method::kIsVolumeSupported, resolved);
  for (storage::Provider* p : vss_.providers()) {
    if ((provider_id.IsNull() || p->provider_id() == provider_id) &&
        p->IsVolumeSupported(v, context_)) {
      *supported = true;
    }
  }
  return Done(Method::kIsVolumeSupported, hr::S_OK);
}

HResult Session::GetSnapshotProperties(const Guid& snapshot_id,
                                       storage::SnapshotProperties* properties) {
  Call(Method::kGetSnapshotProperties, {{"snapshot", snapshot_id.ToString()}});
  if (auto e = Gate(Method::kGetSnapshotProperties)) return *e;
  if (properties == nullptr) return Done(Method::kGetSnapshotProperties, hr::E_INVALIDARG);
  for (storage::Provider* p : vss_.providers()) {
    for (const storage::SnapshotProperties& s : p->Query()) {
      if (s.snapshot_id == snapshot_id) {
        *properties = s;
        return Done(Method::kGetSnapshotProperties, hr::S_OK);
      }
    }
  }
  return Done(Method::kGetSnapshotProperties, hr::VSS_E_OBJECT_NOT_FOUND);
}

HResult Session::Query(const Guid& query_object, vss::ObjectType query_object_type,
                       vss::ObjectType returned_type,
                       std::vector<storage::SnapshotProperties>* snapshots) {
  Call(Method::kQuery);
  if (auto e = Gate(Method::kQuery)) return *e;
  if (snapshots == nullptr || !query_object.IsNull() ||
      query_object_type != vss::ObjectType::VSS_OBJECT_NONE ||
      returned_type != vss::ObjectType::VSS_OBJECT_SNAPSHOT) {
    return Done(Method::kQuery, hr::E_INVALIDARG);
  }
  snapshots->clear();
  for (storage::Provider* p : vss_.providers()) {
    for (const storage::SnapshotProperties& s : p->Query()) {
      if (context_ == vss::SnapshotContext::VSS_CTX_ALL || s.context == context_) {  // CTX-QRY-01
        snapshots->push_back(s);
      }
    }
  }
  return Done(Method::kQuery, snapshots->empty() ? hr::S_FALSE : hr::S_OK);
}

HResult Session::DeleteSnapshots(const Guid& source_id, vss::ObjectType source_type,
                                 bool force_delete, std::int32_t* deleted_count,
                                 Guid* non_deleted_snapshot_id) {
  Call(Method::kDeleteSnapshots,
       {{"source", source_id.ToString()}, {"force", force_delete ? "yes" : "no"}});
  if (auto e = Gate(Method::kDeleteSnapshots)) return *e;
  if (deleted_count == nullptr || non_deleted_snapshot_id == nullptr ||
      (source_type != vss::ObjectType::VSS_OBJECT_SNAPSHOT &&
       source_type != vss::ObjectType::VSS_OBJECT_SNAPSHOT_SET)) {
    return Done(Method::kDeleteSnapshots, hr::E_INVALIDARG);
  }
  *deleted_count = 0;
  *non_deleted_snapshot_id = kGuidNull;
  bool found = false;
  for (storage::Provider* p : vss_.providers()) {
    for (const storage::SnapshotProperties& s : p->Query()) {
      const bool match = source_type == vss::ObjectType::VSS_OBJECT_SNAPSHOT
                             ? s.snapshot_id == source_id
                             : s.snapshot_set_id == source_id;
      if (!match) continue;
      found = true;
      HResult r = ProviderCall("DeleteSnapshot"_kept, p->DeleteSnapshot(s.snapshot_id),
                               {"snapshot", GuidText(s.snapshot_id).view()});
      if (r.Failed()) {  // REQ-CALL-27: stops at the first failure
        *non_deleted_snapshot_id = s.snapshot_id;
        return Done(Method::kDeleteSnapshots, r);
      }
      ++*deleted_count;
    }
  }
  return Done(Method::kDeleteSnapshots, found ? hr::S_OK : hr::VSS_E_OBJECT_NOT_FOUND);
}

}  // namespace vsssim::coordinator
