// The scenario model: what a scenario file (docs/scenario-format.md) says, fully parsed and
// validated by the loader (loader.h), ready for the interpreter to walk in order.
//
// Every node carries the SourceLocation of its element, so a failing step or expectation can
// be reported as "file:line: ...". Values are already typed (enums, HRESULTs, durations,
// sizes); references (writer names, volume names, saved documents) have been checked to
// resolve. Defaults for absent optional attributes are the documented ones; a present value
// that does not parse never reaches the model (the loader reports it).
//
// Thread safety: plain value types.
#ifndef VSSSIM_SCENARIO_SCENARIO_H_
#define VSSSIM_SCENARIO_SCENARIO_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vsssim/coordinator/windows_profile.h"
#include "vsssim/runtime/time.h"
#include "vsssim/scenario/behaviour.h"
#include "vsssim/scenario/choice.h"
#include "vsssim/scenario/data_step.h"
#include "vsssim/scenario/source_location.h"
#include "vsssim/scenario/step.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"
#include "vsssim/vss/writer_event.h"

namespace vsssim::scenario {

// <volume name size block-size host-dir>. `name` is canonical (storage/volume_name.h): "C:\",
// "\\?\Volume{guid}\", "C:\mnt\data\" (a mount folder), "\\server\share\"; references to
// it may use any spelling ("c:", "C:\MNT\Data"). With host-dir the volume's files are a real
// directory's (storage/host_directory.h) and it has no size or block size.
struct Volume {
  SourceLocation where;
  std::string name;
  std::uint64_t size_bytes = 0;
  std::uint32_t block_size_bytes = 4096;
  std::string host_dir;           // absolute, normalized ("/abs/dir"); empty: simulated files
  SourceLocation host_dir_where;  // where host-dir= was written
};

// <provider flush hold veto-at veto-code>: how the simulated copy-on-write provider behaves
// (LIM-06 flush-and-hold window of 10 s; PRV-07 provider faults).
struct ProviderSpec {
  SourceLocation where;
  runtime::Duration flush{0};  // flush phase of CommitSnapshots (writes still pass)
  runtime::Duration hold{0};   // hold phase (writes held)
  // hold="until-released": the hold lasts until an <end-hold/> step (or the LIM-06 window).
  bool hold_until_released = false;
  std::string veto_at;  // a provider method name; empty: no fault
  HResult veto_code = hr::VSS_E_PROVIDER_VETO;
};

// The provider methods veto-at= accepts, in call order (PRV-02).
inline constexpr std::string_view kProviderMethods[] = {
    "BeginPrepareSnapshot", "EndPrepareSnapshots",     "PreCommitSnapshots",      "CommitSnapshots",
    "PostCommitSnapshots",  "PreFinalCommitSnapshots", "PostFinalCommitSnapshots"};

// <file path size> — real content on a simulated volume; bytes derive from the seed.
struct File {
  SourceLocation where;
  std::string path;    // absolute, "C:\db\main.mdf", root canonical (storage/path.h)
  std::string volume;  // the declared volume it lies on (Resolve), "C:\" or "C:\mnt\data\"
  std::uint64_t size_bytes = 0;
  std::string writer;  // the writer it was declared in; empty at scenario level
};

// A file set: <database-files>, <log-files>, <files>, <exclude>.
struct FileSet {
  SourceLocation where;
  std::string path;
  std::string filespec;
  bool recursive = false;
  std::string alternate_path;  // <files alternate-path>; empty when absent
  // backup-type-mask= (§5.2); absent means the SDK default 0xF0F.
  vss::FileSpecBackupType backup_type_mask = vss::kDefaultFileSpecBackupType;
};

// <component>.
struct Component {
  SourceLocation where;
  std::string name;
  std::string logical_path;  // "" for a top-level component
  vss::ComponentType type = vss::ComponentType::VSS_CT_FILEGROUP;
  std::string caption;
  bool selectable = false;                 // bSelectable of AddComponent
  bool selectable_for_restore = false;     // bSelectableForRestore
  bool restore_metadata = false;           // bRestoreMetadata (reserved by Microsoft)
  bool notify_on_backup_complete = false;  // bNotifyOnBackupComplete (reserved by Microsoft)
  vss::ComponentFlags flags{0};
  std::vector<FileSet> database_files;  // type database only
  std::vector<FileSet> log_files;       // type database only
  std::vector<FileSet> files;           // type filegroup only
};

// <restore-method> — SetRestoreMethod's parameters.
struct RestoreMethodSpec {
  SourceLocation where;
  vss::RestoreMethod method = vss::RestoreMethod::VSS_RME_UNDEFINED;
  vss::WriterRestore writer_restore = vss::WriterRestore::VSS_WRE_UNDEFINED;
  std::string service;
  std::string user_procedure;
  bool reboot_required = false;
};

// <alternate-location-mapping path filespec recursive destination>.
struct AlternateLocationMapping {
  SourceLocation where;
  std::string path;
  std::string filespec;
  bool recursive = false;
  std::string destination;
};

// <writer>: a scripted mock writer.
struct Writer {
  SourceLocation where;
  std::string name;
  std::optional<Guid> class_id;  // id=; absent: the interpreter derives one from the name
  std::string instance_name;     // instance=
  vss::UsageType usage = vss::UsageType::VSS_UT_USERDATA;
  vss::SourceType source = vss::SourceType::VSS_ST_OTHER;
  vss::ApplicationLevel level = vss::ApplicationLevel::VSS_APP_FRONT_END;
  runtime::Duration freeze_timeout = std::chrono::seconds(60);  // LIM-05 default
  std::optional<vss::BackupSchema> schema;                      // <schema>
  std::optional<RestoreMethodSpec> restore_method;
  std::vector<AlternateLocationMapping> alternate_location_mappings;
  std::vector<Component> components;
  std::vector<FileSet> excludes;
  std::vector<Behaviour> behaviours;  // <on>, in file order (<extend>'s first)
  std::vector<Timer> timers;          // <timer>, in file order (<extend>'s first)
  // service=: the service whose process hosts the writer (writer::Writer::hosting_service);
  // empty: a process of its own. <stop-service>/<start-service>/<restart-service> act on it.
  std::string service;
  // exec=: a writer process the run starts (`/bin/sh -c COMMAND` in the scenario file's
  // directory) and talks to over the wire protocol; it declares its own identity, metadata and
  // behaviour, so an exec writer has name= and exec= only. Empty: a scripted writer.
  std::string exec;
};

// <expect> entries.
// Which deliveries <events>, <no-event>, <event> and <observed> count (injected=): an Identify
// from another application (<identify/>, WRT-IDENTIFY-01) belongs to no session.
enum class InjectedEvents {
  kInclude,  // session events and injected Identifies (the default without as=)
  kExclude,  // session events only (the default with as=)
  kOnly,     // injected Identifies only
};
// The deliveries an expectation counts: `requester` non-empty = only that requester's
// session's (plus injected ones with kInclude).
struct EventScope {
  std::string requester;  // as=; empty: every session
  InjectedEvents injected = InjectedEvents::kInclude;
};
struct EventsExpectation {  // <events writer match as injected>
  SourceLocation where;
  std::string writer;
  std::vector<vss::WriterEvent> events;
  bool subsequence = false;  // match="subsequence"; default exact
  EventScope scope;
};
struct NoEventExpectation {  // <no-event writer event as injected>
  SourceLocation where;
  std::string writer;
  vss::WriterEvent event = vss::WriterEvent::kIdentify;
  EventScope scope;
};
// snapshot-set= of <event> / <observed>: the snapshot set id the event carried.
struct SnapshotSetMatch {
  enum class Kind { kNull, kAny, kOfRequester };
  Kind kind = Kind::kAny;
  std::string requester;  // kOfRequester: the set that requester started last
};
// <event writer event occurrence as injected at within snapshot-set>: one delivery of an
// event, its virtual time (since the run began) and the snapshot set it carried.
struct EventExpectation {
  SourceLocation where;
  std::string writer;
  vss::WriterEvent event = vss::WriterEvent::kIdentify;
  std::uint32_t occurrence = 1;  // the Nth delivery in scope, from 1
  EventScope scope;
  std::optional<runtime::Duration> at;                                    // at=
  std::optional<std::pair<runtime::Duration, runtime::Duration>> within;  // within="A..B"
  std::optional<SnapshotSetMatch> snapshot_set;
};
// <observed writer event occurrence as injected ...>: what the writer's handler saw through
// the CVssWriter getters and the components it was given (ScenarioWriter only).
struct ObservedComponent {  // one name of components="lp\name ..."
  std::string logical_path;
  std::string name;
};
struct ObservedExpectation {
  SourceLocation where;
  std::string writer;
  vss::WriterEvent event = vss::WriterEvent::kIdentify;
  std::uint32_t occurrence = 1;
  EventScope scope;
  std::optional<vss::BackupType> backup_type;
  std::optional<vss::RestoreType> restore_type;
  std::optional<std::uint32_t> context;                      // VSS_CTX_* value
  std::optional<std::vector<ObservedComponent>> components;  // exact set, any order
  std::optional<std::string> component;                      // component= (lp\name): the next three
  std::optional<std::string> previous_stamp;                 // GetPreviousBackupStamp of component=
  std::optional<bool> additional_restores;                   // GetAdditionalRestores of component=
  std::optional<std::string> backup_options;                 // GetBackupOptions of component=
  std::optional<bool> components_selected;                   // AreComponentsSelected
  std::optional<std::vector<std::string>> volumes;           // GetCurrentVolumeArray, canonical
  std::optional<SnapshotSetMatch> snapshot_set;
};
struct StateExpectation {  // <state writer state failure as>
  SourceLocation where;
  std::string writer;
  std::string requester;  // whose session; defaults to kDefaultRequester
  vss::WriterState state = vss::WriterState::VSS_WS_UNKNOWN;
  std::optional<HResult> failure;
};
struct FindingExpectation {  // <finding rule writer requester>
  SourceLocation where;
  std::string rule;       // e.g. "WRT-IDENTIFY-03"
  std::string writer;     // empty: any
  std::string requester;  // empty: any
};

struct Expectations {
  std::vector<EventsExpectation> events;
  std::vector<NoEventExpectation> no_events;
  std::vector<StateExpectation> states;
  std::vector<FindingExpectation> findings;
  std::vector<SameDataExpectation> same_data;  // <same-data> (data_step.h)
  std::vector<EventExpectation> event_times;   // <event>
  std::vector<ObservedExpectation> observed;   // <observed>
};

struct Scenario {
  SourceLocation where;  // the root element
  std::string name;
  std::uint64_t seed = 0;
  // windows=: the Windows release the simulated VSS behaves as (coordinator::Choices::windows).
  coordinator::WindowsProfile windows = coordinator::kDefaultWindowsProfile;
  std::string description;
  // <choice name value>: named choices of coordinator::Choices (choice.h), in file order.
  std::vector<ChoiceSetting> choices;
  std::vector<Volume> volumes;
  std::optional<ProviderSpec> provider;  // <provider>; absent: an instant, faultless provider
  std::vector<File> files;  // every <file>, scenario-level and per writer, in file order
  std::vector<Writer> writers;
  std::vector<Step> steps;           // the <requester> steps, in order
  std::vector<DataStep> data_steps;  // <backup-data>, <restore-data> (data_step.h), in order
  // The requesters the steps name, in order of first use (kDefaultRequester when a requester
  // step has no as=). <identify> and <advance> belong to no requester and name none.
  std::vector<std::string> requesters;
  Expectations expect;
  std::vector<std::string> included_files;  // resolved paths of every <include>, in order

  const Writer* FindWriter(std::string_view name) const;
  const Volume* FindVolume(std::string_view name) const;  // any accepted spelling
  // The volume `path` lies on: the declared volume whose name is its longest prefix (a mount
  // folder wins over the volume it is on). Null if none or `path` is malformed.
  const Volume* VolumeOfPath(std::string_view path) const;
};

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_SCENARIO_H_
