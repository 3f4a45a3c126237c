#include "vsssim/storage/cow_provider.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <utility>

#include "sim/storage/provider_call_table.h"

namespace vsssim::storage {

std::string_view NameOf(ProviderMethod method) {
  switch (method) {
    case ProviderMethod::kBeginPrepareSnapshot:
      return "BeginPrepareSnapshot";
    case ProviderMethod::kEndPrepareSnapshots:
      return "EndPrepareSnapshots";
    case ProviderMethod::kPreCommitSnapshots:
      return "PreCommitSnapshots";
    case ProviderMethod::kCommitSnapshots:
      return "CommitSnapshots";
    case ProviderMethod::kPostCommitSnapshots:
      return "PostCommitSnapshots";
    case ProviderMethod::kPreFinalCommitSnapshots:
      return "PreFinalCommitSnapshots";
    case ProviderMethod::kPostFinalCommitSnapshots:
      return "PostFinalCommitSnapshots";
    case ProviderMethod::kAbortSnapshots:
      return "AbortSnapshots";
    case ProviderMethod::kDeleteSnapshot:
      return "DeleteSnapshot";
  }
  return "?";
}

namespace {

using vss::SnapshotState;
using Attr = vss::VolumeSnapshotAttributes;

struct Pending {
  Guid snapshot_id;
  Volume* volume;
  vss::SnapshotContext context;
  Attr attributes;
};

struct ArmedFault {
  ProviderFault fault;
  int seen = 0;
  bool spent = false;
};

}  // namespace

struct CowProvider::Impl {
  VolumeManager& volumes;
  runtime::Clock& clock;
  trace::Trace* trace;
  Guid set_id;
  SetPhase phase = SetPhase::kNone;
  std::vector<Pending> pending;
  std::vector<std::unique_ptr<ShadowCopy>> shadows;  // committed, creation order
  std::vector<ArmedFault> faults;
  std::uint32_t next_device_number = 1;
  // A hold of `hold_until_released` in progress (CommitSnapshots returned VSS_S_ASYNC_PENDING).
  struct HeldCommit {
    bool active = false;
    bool timed_out = false;  // the window ended the last hold; ReleaseHold reports it once
    runtime::TimerId window_timer{};
    std::function<void(HResult)> done;
  } held;

  Impl(VolumeManager& v, runtime::Clock& c, trace::Trace* t) : volumes(v), clock(c), trace(t) {}

  void Note(std::string text, std::vector<trace::Attribute> attributes = {}) {
    if (trace == nullptr) return;
    trace->Append(trace::EntryKind::kNote, "provider", "", std::move(text), std::move(attributes));
  }

  // The fault armed for this call of `method`, or S_OK.
  HResult FaultFor(ProviderMethod method) {
    for (ArmedFault& f : faults) {
      if (f.spent || f.fault.method != method) continue;
      ++f.seen;
      if (f.fault.on_call == 0) return f.fault.result;
      if (f.seen == f.fault.on_call) {
        f.spent = true;
        return f.fault.result;
      }
    }
    return hr::S_OK;
  }

  void SetState(SnapshotState state) {
    for (auto& s : shadows) {
      if (s->properties().snapshot_set_id == set_id) s->mutable_properties().state = state;
    }
  }

  void DropShadowsOfSet(const Guid& id) {
    for (auto it = shadows.begin(); it != shadows.end();) {
      if ((*it)->properties().snapshot_set_id == id) {
        (*it)->volume().DeleteSnapshot((*it)->handle());
        it = shadows.erase(it);
      } else {
        ++it;
      }
    }
  }

  std::vector<Volume*> VolumesOfSet() const {
    std::vector<Volume*> out;
    for (const Pending& p : pending) out.push_back(p.volume);
    return out;
  }

  static void ReleaseAll(const std::vector<Volume*>& volumes) {
    for (Volume* v : volumes) v->ReleaseWrites();
  }

  HResult Commit(const CowProviderOptions& options);
  HResult TakeImages(const CowProviderOptions& options, const std::vector<Volume*>& set_volumes);
  HResult BeginHeldCommit(runtime::TimePoint start, runtime::Duration window);
  void EndHeldCommit(HResult result);
  void DropHold();
  HResult Work(ProviderMethod method, const CowProviderOptions& options, std::int32_t count);
  HResult Step(ProviderMethod method, const Guid& set, const CowProviderOptions& options,
               std::int32_t count = 0);
};

CowProvider::CowProvider(VolumeManager& volumes, runtime::Clock& clock, trace::Trace* trace,
                         CowProviderOptions options)
    : impl_(std::make_unique<Impl>(volumes, clock, trace)), options_(std::move(options)) {}

CowProvider::~CowProvider() = default;

namespace {

// Which volumes this provider snapshots in `context`: every volume it has, by exact name (a
// folder that is no mount folder names no volume), except VSS_CTX_ALL; a UNC share only in the
// contexts a file server accepts for shares — MS-FSRVP 2.2.2.2 CONTEXT_VALUES lists BACKUP,
// FILE_SHARE_BACKUP, NAS_ROLLBACK and APP_ROLLBACK, not the CLIENT_ACCESSIBLE ones (which only
// the system provider makes for local volumes, CTX-CA-01). docs/storage.md.
bool Supports(const Volume* volume, vss::SnapshotContext context) {
  if (volume == nullptr || context == vss::SnapshotContext::VSS_CTX_ALL) return false;
  const auto bits = static_cast<std::uint32_t>(context);
  const auto client_accessible =
      static_cast<std::uint32_t>(Attr::VSS_VOLSNAP_ATTR_CLIENT_ACCESSIBLE);
  return !volume->volume_name().remote() || (bits & client_accessible) == 0;
}

}  // namespace

bool CowProvider::IsVolumeSupported(std::string_view volume, vss::SnapshotContext context) const {
  return Supports(impl_->volumes.FindByName(volume), context);
}

void CowProvider::InjectFault(const ProviderFault& fault) {
  impl_->faults.push_back(ArmedFault{fault});
}

namespace {

// Appends the kProvider entry of one call (when recording) and passes `result` through.
HResult Recorded(trace::Trace* trace, const CowProviderOptions& options, ProviderMethod method,
                 std::vector<trace::Attribute> attributes, HResult result) {
  if (trace != nullptr && options.record_calls) {
    attributes.push_back({"hr", ToString(result)});
    trace->Append(trace::EntryKind::kProvider, "vss", options.name, std::string(NameOf(method)),
                  std::move(attributes), "PRV-02");
  }
  return result;
}

}  // namespace

HResult CowProvider::Impl::Commit(const CowProviderOptions& options) {
  const std::vector<Volume*> set_volumes = VolumesOfSet();
  const runtime::TimePoint start = clock.Now();
  const runtime::Duration window = options.flush_and_hold_window;
  // LIM-06, flush phase: writes still reach the volumes while they are flushed.
  if (options.flush_duration > window) {
    clock.AdvanceTo(start + window);
    Note("flush-and-hold: flush did not finish in the window", {{"rule", "LIM-06"}});
    return hr::VSS_E_FLUSH_WRITES_TIMEOUT;
  }
  clock.AdvanceTo(start + options.flush_duration);
  // Hold phase: every volume of the set holds writes until the images are taken (atomic set).
  for (Volume* v : set_volumes) v->HoldWrites();
  Note("flush-and-hold: writes held", {{"volumes", std::to_string(set_volumes.size())}});
  if (options.flush_duration + options.commit_duration > window) {
    clock.AdvanceTo(start + window);
    ReleaseAll(set_volumes);
    Note("flush-and-hold: hold exceeded the window, writes released", {{"rule", "LIM-06"}});
    return hr::VSS_E_HOLD_WRITES_TIMEOUT;
  }
  if (options.hold_until_released) return BeginHeldCommit(start, window);
  clock.AdvanceTo(start + options.flush_duration + options.commit_duration);
  return TakeImages(options, set_volumes);
}

// LIM-06 with another party ending the hold: VolSnap still cancels it when the window ends.
HResult CowProvider::Impl::BeginHeldCommit(runtime::TimePoint start, runtime::Duration window) {
  held.active = true;
  held.timed_out = false;
  held.window_timer = clock.ScheduleAt(start + window, [this] {
    held.active = false;
    held.timed_out = true;
    ReleaseAll(VolumesOfSet());
    Note("flush-and-hold: hold exceeded the window, writes released", {{"rule", "LIM-06"}});
    EndHeldCommit(hr::VSS_E_HOLD_WRITES_TIMEOUT);
  });
  Note("flush-and-hold: writes held until released");
  return hr::VSS_S_ASYNC_PENDING;
}

// The pending CommitSnapshots returns `result` (a success moves the set on as Step would).
void CowProvider::Impl::EndHeldCommit(HResult result) {
  if (result.Succeeded()) {
    const CallRule& rule = RuleFor(ProviderMethod::kCommitSnapshots);
    phase = rule.to;
    SetState(rule.state);
  }
  std::function<void(HResult)> done = std::move(held.done);
  held.done = nullptr;
  if (done) done(result);
}

// The set is aborted while held: writes go, no callback (its caller gave up on it).
void CowProvider::Impl::DropHold() {
  if (!held.active) return;
  clock.Cancel(held.window_timer);
  held.active = false;
  held.done = nullptr;
  ReleaseAll(VolumesOfSet());
}

HResult CowProvider::Impl::TakeImages(const CowProviderOptions& options,
                                      const std::vector<Volume*>& set_volumes) {
  std::vector<std::unique_ptr<ShadowCopy>> taken;
  for (const Pending& p : pending) {
    SnapshotHandle handle = 0;
    HResult result = p.volume->CreateSnapshot(&handle);
    if (result.Failed()) {
      for (auto& s : taken) s->volume().DeleteSnapshot(s->handle());
      ReleaseAll(set_volumes);
      return result;
    }
    SnapshotProperties props;
    props.snapshot_id = p.snapshot_id;
    props.snapshot_set_id = set_id;
    props.snapshots_in_set = static_cast<std::int32_t>(pending.size());
    props.original_volume = p.volume->volume_name().text;  // canonical, volume_name.h
    props.device_object = "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy" +
                          std::to_string(next_device_number++);
    props.provider_id = options.provider_id;
    props.context = p.context;
    // The context's own bits (§1.6), the requester's modifiers, and DIFFERENTIAL: this
    // provider makes copy-on-write snapshots (§1.5).
    props.attributes = p.attributes | static_cast<Attr>(static_cast<std::uint32_t>(p.context)) |
                       Attr::VSS_VOLSNAP_ATTR_DIFFERENTIAL;
    props.state = SnapshotState::VSS_SS_COMMITTED;
    props.created = clock.Now();
    taken.push_back(std::make_unique<ShadowCopy>(std::move(props), p.volume, handle));
  }
  for (auto& s : taken) shadows.push_back(std::move(s));
  std::size_t released = 0;
  for (Volume* v : set_volumes) released += v->ReleaseWrites();
  Note("flush-and-hold: images taken, writes released",
       {{"held_writes", std::to_string(released)}});
  return hr::S_OK;
}

HResult CowProvider::BeginPrepareSnapshot(const Guid& snapshot_set_id, const Guid& snapshot_id,
                                          std::string_view volume, vss::SnapshotContext context,
                                          vss::VolumeSnapshotAttributes attributes) {
  Impl& s = *impl_;
  auto done = [&](HResult r) {
    return Recorded(s.trace, options_, ProviderMethod::kBeginPrepareSnapshot,
                    {{"snapshot-set", snapshot_set_id.ToString()},
                     {"snapshot", snapshot_id.ToString()},
                     {"volume", std::string(volume)},
                     {"context", std::string(vss::NameOf(context))}},
                    r);
  };
  if (snapshot_set_id != s.set_id || s.phase == SetPhase::kNone || s.phase == SetPhase::kCreated ||
      s.phase == SetPhase::kAborted) {
    if ((kInCreation & Bit(s.phase)) != 0) {
      // PRV-06: a new set id at any time means the unfinished set failed before DoSnapshotSet.
      s.DropShadowsOfSet(s.set_id);
      s.Note("PRV-06: unfinished snapshot set dropped", {{"snapshot-set", s.set_id.ToString()}});
    }
    s.set_id = snapshot_set_id;
    s.phase = SetPhase::kPreparing;
    s.pending.clear();
  }
  HResult result =
      CheckCall(s.trace, s.set_id, s.phase, ProviderMethod::kBeginPrepareSnapshot, snapshot_set_id);
  if (result.Failed()) return done(result);
  result = s.FaultFor(ProviderMethod::kBeginPrepareSnapshot);
  if (result.Failed()) return done(result);
  Volume* target = s.volumes.FindByName(volume);
  if (context == vss::SnapshotContext::VSS_CTX_ALL) return done(hr::VSS_E_UNSUPPORTED_CONTEXT);
  const Attr unsupported = Attr::VSS_VOLSNAP_ATTR_PLEX | Attr::VSS_VOLSNAP_ATTR_TRANSPORTABLE |
                           Attr::VSS_VOLSNAP_ATTR_HARDWARE_ASSISTED;
  // PRV-08: never accept a snapshot the provider cannot make.
  if (!Supports(target, context) || static_cast<std::uint32_t>(attributes & unsupported) != 0) {
    return done(hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
  }
  for (const Pending& p : s.pending) {
    if (p.volume == target) return done(hr::VSS_E_OBJECT_ALREADY_EXISTS);
    if (p.snapshot_id == snapshot_id) return done(hr::E_INVALIDARG);
  }
  // LIM-02: the volume already holds its maximum number of shadow copies.
  if (target->device().snapshot_count() >= target->device().max_snapshots()) {
    return done(hr::VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED);
  }
  s.pending.push_back(Pending{snapshot_id, target, context, attributes});
  return done(hr::S_OK);
}

HResult CowProvider::Impl::Work(ProviderMethod method, const CowProviderOptions& options,
                                std::int32_t count) {
  switch (method) {
    case ProviderMethod::kEndPrepareSnapshots:
      for (const Pending& p : pending) {
        // PRV-07: no room in the diff area for even one copied block.
        const BlockDevice& d = p.volume->device();
        if (d.diff_area_used_bytes() + d.block_size() > d.diff_area_limit_bytes()) {
          return hr::VSS_E_INSUFFICIENT_STORAGE;
        }
      }
      return hr::S_OK;
    case ProviderMethod::kCommitSnapshots:
      return Commit(options);
    case ProviderMethod::kPostCommitSnapshots:
      return count == static_cast<std::int32_t>(pending.size()) ? hr::S_OK : hr::E_INVALIDARG;
    case ProviderMethod::kAbortSnapshots:
      DropShadowsOfSet(set_id);
      return hr::S_OK;
    default:
      return hr::S_OK;
  }
}

HResult CowProvider::Impl::Step(ProviderMethod method, const Guid& set,
                                const CowProviderOptions& options, std::int32_t count) {
  HResult result = CheckCall(trace, set_id, phase, method, set);
  if (result.Failed()) return result;
  result = FaultFor(method);
  if (result.Failed()) return result;
  result = Work(method, options, count);
  if (result.Failed() || result == hr::VSS_S_ASYNC_PENDING) return result;  // pending: held
  const CallRule& rule = RuleFor(method);
  phase = rule.to;
  SetState(rule.state);
  if (phase == SetPhase::kCreated || phase == SetPhase::kAborted) pending.clear();
  return hr::S_OK;
}

HResult CowProvider::EndPrepareSnapshots(const Guid& snapshot_set_id) {
  return Recorded(impl_->trace, options_, ProviderMethod::kEndPrepareSnapshots,
                  {{"snapshot-set", snapshot_set_id.ToString()}},
                  impl_->Step(ProviderMethod::kEndPrepareSnapshots, snapshot_set_id, options_));
}

HResult CowProvider::PreCommitSnapshots(const Guid& snapshot_set_id) {
  return Recorded(impl_->trace, options_, ProviderMethod::kPreCommitSnapshots,
                  {{"snapshot-set", snapshot_set_id.ToString()}},
                  impl_->Step(ProviderMethod::kPreCommitSnapshots, snapshot_set_id, options_));
}

HResult CowProvider::CommitSnapshots(const Guid& snapshot_set_id) {
  return Recorded(impl_->trace, options_, ProviderMethod::kCommitSnapshots,
                  {{"snapshot-set", snapshot_set_id.ToString()}},
                  impl_->Step(ProviderMethod::kCommitSnapshots, snapshot_set_id, options_));
}

void CowProvider::WhenCommitReturns(const Guid& snapshot_set_id,
                                    std::function<void(HResult)> done) {
  if (snapshot_set_id == impl_->set_id && impl_->held.active) impl_->held.done = std::move(done);
}

HResult CowProvider::ReleaseHold() {
  Impl& s = *impl_;
  if (s.held.timed_out) {
    s.held.timed_out = false;
    return hr::VSS_E_HOLD_WRITES_TIMEOUT;
  }
  if (!s.held.active) return hr::VSS_E_BAD_STATE;
  s.clock.Cancel(s.held.window_timer);
  s.held.active = false;
  s.Note("flush-and-hold: hold released");
  s.EndHeldCommit(s.TakeImages(options_, s.VolumesOfSet()));
  return hr::S_OK;
}

HResult CowProvider::PostCommitSnapshots(const Guid& snapshot_set_id, std::int32_t snapshot_count) {
  return Recorded(
      impl_->trace, options_, ProviderMethod::kPostCommitSnapshots,
      {{"snapshot-set", snapshot_set_id.ToString()}, {"count", std::to_string(snapshot_count)}},
      impl_->Step(ProviderMethod::kPostCommitSnapshots, snapshot_set_id, options_, snapshot_count));
}

HResult CowProvider::PreFinalCommitSnapshots(const Guid& snapshot_set_id) {
  return Recorded(impl_->trace, options_, ProviderMethod::kPreFinalCommitSnapshots,
                  {{"snapshot-set", snapshot_set_id.ToString()}},
                  impl_->Step(ProviderMethod::kPreFinalCommitSnapshots, snapshot_set_id, options_));
}

HResult CowProvider::PostFinalCommitSnapshots(const Guid& snapshot_set_id) {
  return Recorded(
      impl_->trace, options_, ProviderMethod::kPostFinalCommitSnapshots,
      {{"snapshot-set", snapshot_set_id.ToString()}},
      impl_->Step(ProviderMethod::kPostFinalCommitSnapshots, snapshot_set_id, options_));
}

HResult CowProvider::AbortSnapshots(const Guid& snapshot_set_id) {
  if (snapshot_set_id == impl_->set_id) impl_->DropHold();
  return Recorded(impl_->trace, options_, ProviderMethod::kAbortSnapshots,
                  {{"snapshot-set", snapshot_set_id.ToString()}},
                  impl_->Step(ProviderMethod::kAbortSnapshots, snapshot_set_id, options_));
}

HResult CowProvider::DeleteSnapshot(const Guid& snapshot_id) {
  Impl& s = *impl_;
  auto done = [&](HResult r) {
    return Recorded(s.trace, options_, ProviderMethod::kDeleteSnapshot,
                    {{"snapshot", snapshot_id.ToString()}}, r);
  };
  HResult result = s.FaultFor(ProviderMethod::kDeleteSnapshot);
  if (result.Failed()) return done(result);
  for (auto it = s.shadows.begin(); it != s.shadows.end(); ++it) {
    if ((*it)->properties().snapshot_id != snapshot_id) continue;
    (*it)->volume().DeleteSnapshot((*it)->handle());
    s.shadows.erase(it);
    return done(hr::S_OK);
  }
  return done(hr::VSS_E_OBJECT_NOT_FOUND);
}

std::vector<SnapshotProperties> CowProvider::Query() const {
  std::vector<SnapshotProperties> out;
  for (const auto& s : impl_->shadows) out.push_back(s->properties());
  return out;
}

const ShadowCopy* CowProvider::FindShadowCopy(const Guid& snapshot_id) const {
  for (const auto& s : impl_->shadows) {
    if (s->properties().snapshot_id == snapshot_id) return s.get();
  }
  return nullptr;
}

std::vector<const ShadowCopy*> CowProvider::ShadowCopiesOfSet(const Guid& snapshot_set_id) const {
  std::vector<const ShadowCopy*> out;
  for (const auto& s : impl_->shadows) {
    if (s->properties().snapshot_set_id == snapshot_set_id) out.push_back(s.get());
  }
  return out;
}

}  // namespace vsssim::storage
