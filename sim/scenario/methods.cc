#include "vsssim/scenario/methods.h"

namespace vsssim::scenario {
namespace {

using T = ArgType;

// The arguments that name one component of one writer (AddComponent and friends).
std::vector<ArgSpec> ComponentArgs(std::vector<ArgSpec> more = {}) {
  std::vector<ArgSpec> args = {{"writer", T::kWriter, true},
                               {"logical-path", T::kText, false},
                               {"component", T::kName, true},
                               {"type", T::kComponentType, false}};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

MethodSpec Sync(std::string_view name, std::vector<ArgSpec> args = {}) {
  MethodSpec m;
  m.name = name;
  m.args = std::move(args);
  return m;
}
MethodSpec Async(std::string_view name, std::vector<ArgSpec> args = {}) {
  MethodSpec m = Sync(name, std::move(args));
  m.async = true;
  return m;
}
MethodSpec Count(std::string_view name) {
  MethodSpec m = Sync(name);
  m.count = true;
  return m;
}
MethodSpec Restore(MethodSpec m) {
  m.restore = true;
  return m;
}
MethodSpec OneOf(MethodSpec m, std::vector<std::string_view> group) {
  m.exactly_one_of.push_back(std::move(group));
  return m;
}

std::vector<MethodSpec> MakeMethods() {
  std::vector<MethodSpec> m;
  // §2.1 / §2.2: initialisation (REQ-CALL-*).
  m.push_back(Sync("InitializeForBackup",
                   {{"bcd", T::kSavedDocument, false}, {"bcd-file", T::kFile, false}}));
  m.back().at_most_one_of.push_back({"bcd", "bcd-file"});
  m.push_back(Sync("SetContext", {{"context", T::kContext, true}}));
  m.push_back(Sync("SetBackupState", {{"select-components", T::kBool, true},
                                      {"bootable-system-state", T::kBool, false},
                                      {"backup-type", T::kBackupType, true},
                                      {"partial-file-support", T::kBool, false}}));
  for (std::string_view name : {"EnableWriterClasses", "DisableWriterClasses"}) {
    m.push_back(
        OneOf(Sync(name, {{"writers", T::kWriterList, false}, {"class-ids", T::kGuidList, false}}),
              {"writers", "class-ids"}));
  }
  m.push_back(Sync("DisableWriterInstances", {{"writers", T::kWriterList, true}}));
  // Discovery.
  m.push_back(Async("GatherWriterMetadata"));
  m.push_back(Count("GetWriterMetadataCount"));
  m.push_back(OneOf(
      Sync("GetWriterMetadata", {{"index", T::kUnsigned, false}, {"writer", T::kWriter, false}}),
      {"index", "writer"}));
  m.push_back(Sync("FreeWriterMetadata"));
  m.push_back(Sync("AddComponent", ComponentArgs()));
  m.push_back(Sync("SetBackupOptions", ComponentArgs({{"options", T::kText, true}})));
  m.push_back(Sync("SetPreviousBackupStamp", ComponentArgs({{"stamp", T::kText, true}})));
  // Snapshot set.
  m.push_back(Sync("StartSnapshotSet"));
  m.push_back(
      Sync("AddToSnapshotSet", {{"volume", T::kVolume, true}, {"provider", T::kGuid, false}}));
  m.push_back(Sync("IsVolumeSupported", {{"volume", T::kVolume, true},
                                         {"provider", T::kGuid, false},
                                         {"expect-supported", T::kBool, false}}));
  m.push_back(Async("PrepareForBackup"));
  m.push_back(Async("DoSnapshotSet"));
  m.push_back(Sync("GetSnapshotProperties", {{"volume", T::kVolume, true}}));
  // Completion.
  m.push_back(Sync("SetBackupSucceeded", ComponentArgs({{"succeeded", T::kBool, true}})));
  m.push_back(Sync("SaveAsXML", {{"save-as", T::kSaveName, false}}));
  m.push_back(Async("BackupComplete"));
  m.push_back(Sync("AbortBackup"));
  // §2.5 status.
  m.push_back(Async("GatherWriterStatus"));
  m.push_back(Count("GetWriterStatusCount"));
  MethodSpec status = OneOf(
      Sync("GetWriterStatus", {{"index", T::kUnsigned, false}, {"writer", T::kWriter, false}}),
      {"index", "writer"});
  status.status = true;
  m.push_back(std::move(status));
  m.push_back(Sync("FreeWriterStatus"));
  // Administration.
  MethodSpec query = Sync("Query");
  query.count = true;  // the number of snapshots listed
  m.push_back(std::move(query));
  // snapshot-set-of="REQ": the last snapshot set of another requester (issue #19 S).
  MethodSpec del = Sync("DeleteSnapshots", {{"source-type", T::kObjectType, true},
                                            {"volume", T::kVolume, false},
                                            {"force", T::kBool, false},
                                            {"snapshot-set-of", T::kName, false}});
  del.at_most_one_of = {{"volume", "snapshot-set-of"}};
  del.count = true;  // the number deleted
  m.push_back(std::move(del));
  m.push_back(Sync("GetSessionId"));
  m.push_back(Sync("Release"));
  // §2.4 restore.
  m.push_back(Restore(OneOf(Sync("InitializeForRestore", {{"bcd", T::kSavedDocument, false},
                                                          {"bcd-file", T::kFile, false}}),
                            {"bcd", "bcd-file"})));
  m.push_back(Restore(Count("GetWriterComponentsCount")));
  m.push_back(Restore(OneOf(
      Sync("GetWriterComponents", {{"index", T::kUnsigned, false}, {"writer", T::kWriter, false}}),
      {"index", "writer"})));
  m.push_back(Restore(Sync("SetRestoreState", {{"restore-type", T::kRestoreType, true}})));
  for (std::string_view name : {"SetSelectedForRestore", "SetSelectedForRestoreEx"}) {
    m.push_back(Restore(Sync(name, ComponentArgs({{"selected", T::kBool, true}}))));
  }
  m.push_back(Restore(Sync(
      "AddRestoreSubcomponent",
      ComponentArgs({{"sub-logical-path", T::kText, false}, {"sub-component", T::kName, true}}))));
  m.push_back(Restore(Sync("SetRestoreOptions", ComponentArgs({{"options", T::kText, true}}))));
  m.push_back(Restore(
      Sync("SetAdditionalRestores", ComponentArgs({{"additional-restores", T::kBool, true}}))));
  m.push_back(Restore(Sync("AddNewTarget", ComponentArgs({{"path", T::kName, true},
                                                          {"filespec", T::kName, true},
                                                          {"recursive", T::kBool, false},
                                                          {"alternate-path", T::kName, true}}))));
  m.push_back(
      Restore(Sync("SetAuthoritativeRestore", ComponentArgs({{"authoritative", T::kBool, true}}))));
  m.push_back(Restore(
      Sync("SetRollForward", ComponentArgs({{"roll-forward-type", T::kRollForwardType, true},
                                            {"point", T::kText, false}}))));
  m.push_back(Restore(Sync("SetRestoreName", ComponentArgs({{"restore-name", T::kName, true}}))));
  m.push_back(Restore(Async("PreRestore")));
  m.push_back(Restore(
      Sync("SetFileRestoreStatus", ComponentArgs({{"status", T::kFileRestoreStatus, true}}))));
  m.push_back(Restore(
      Sync("AddAlternativeLocationMapping", ComponentArgs({{"path", T::kName, true},
                                                           {"filespec", T::kName, true},
                                                           {"recursive", T::kBool, false},
                                                           {"destination", T::kName, true}}))));
  m.push_back(
      Restore(Sync("SetRangesFilePath", ComponentArgs({{"partial-file-index", T::kUnsigned, true},
                                                       {"ranges-file", T::kName, true}}))));
  m.push_back(Restore(Async("PostRestore")));
  // Simulated service control around STOP_RESTORE_START / RESTORE_STOP_START (REQ-RST-11);
  // not IVssBackupComponents methods: the requester calls the Service Control Manager.
  m.push_back(Sync("StopService", {{"service", T::kName, true}}));
  m.push_back(Sync("StartService", {{"service", T::kName, true}}));
  return m;
}

}  // namespace

const std::vector<MethodSpec>& Methods() {
  static const std::vector<MethodSpec> kMethods = MakeMethods();
  return kMethods;
}

const MethodSpec* FindMethod(std::string_view name) {
  for (const MethodSpec& m : Methods()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

const ArgSpec* FindArg(const MethodSpec& method, std::string_view name) {
  for (const ArgSpec& a : method.args) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::string_view DescribeArgType(ArgType type) {
  switch (type) {
    case T::kText:
      return "text";
    case T::kName:
      return "non-empty text";
    case T::kBool:
      return "yes or no";
    case T::kUnsigned:
      return "a number from 0 to 4294967295";
    case T::kWriter:
      return "the name of a writer of this scenario";
    case T::kWriterList:
      return "writer names separated by ','";
    case T::kGuidList:
      return "GUIDs separated by ','";
    case T::kVolume:
      return "a volume of this scenario (\"C:\", \"\\\\?\\Volume{GUID}\\\", \"C:\\mnt\\data\\\", "
             "\"\\\\server\\share\\\")";
    case T::kGuid:
      return "a GUID";
    case T::kContext:
      return "a VSS_CTX_ value, optionally |-joined with VSS_VOLSNAP_ATTR_ flags";
    case T::kBackupType:
      return "a VSS_BACKUP_TYPE (VSS_BT_FULL, ...)";
    case T::kComponentType:
      return "database or filegroup";
    case T::kObjectType:
      return "a VSS_OBJECT_TYPE (VSS_OBJECT_SNAPSHOT_SET, ...)";
    case T::kRestoreType:
      return "a VSS_RESTORE_TYPE (VSS_RTYPE_BY_COPY, ...)";
    case T::kFileRestoreStatus:
      return "a VSS_FILE_RESTORE_STATUS (VSS_RS_ALL, ...)";
    case T::kRollForwardType:
      return "a VSS_ROLLFORWARD_TYPE (VSS_RF_ALL, ...)";
    case T::kSavedDocument:
      return "a name an earlier SaveAsXML gave with save-as=";
    case T::kSaveName:
      return "a name for the saved document";
    case T::kFile:
      return "a file path";
  }
  return "a value";
}

}  // namespace vsssim::scenario
