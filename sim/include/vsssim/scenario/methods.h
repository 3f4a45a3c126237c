// The requester methods a scenario step may call (<call method="M" .../>) and the attributes
// each accepts, as one data table shared by the loader (validation) and the interpreter
// (argument decoding). Method names are the IVssBackupComponents names (CATALOGUE.md §2.3,
// §2.4); attribute names are the scenario contract documented in docs/scenario-format.md.
//
// Every <call> also accepts the step attributes that are not arguments:
//   as              which requester makes the call (kStepAttributes)
//   expect          the expected final result: NAME | 0xHEX | success | failure
//   wait            only for async methods: "no" leaves the operation pending
//   expect-count    only where MethodSpec::count
//   expect-state, expect-failure   only where MethodSpec::status
//   expect-status   only for async methods: IVssAsync::QueryStatus after the wait
//   expect-application-error, expect-message   only where MethodSpec::status
//                   (GetWriterStatusEx's application HRESULT and message, WRT-ERR-02)
//
// Thread safety: constant data.
#ifndef VSSSIM_SCENARIO_METHODS_H_
#define VSSSIM_SCENARIO_METHODS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace vsssim::scenario {

// How an argument's text is read (and validated at load time).
enum class ArgType {
  kText,               // any text, may be empty ("" is the root logical path)
  kName,               // non-empty text
  kBool,               // yes|no|true|false|1|0
  kUnsigned,           // decimal 0 .. 4294967295
  kWriter,             // the name of a writer the scenario defines
  kWriterList,         // writer names separated by ','
  kGuidList,           // GUIDs separated by ','
  kVolume,             // a volume the scenario declares, any spelling of its name ("C:", ...)
  kGuid,               // "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", braces optional
  kContext,            // a VSS_SNAPSHOT_CONTEXT optionally '|'-joined with VSS_VOLSNAP_ATTR_ flags
  kBackupType,         // vss::BackupType
  kComponentType,      // vss::ComponentType ("database", "filegroup" and the SDK names)
  kObjectType,         // vss::ObjectType
  kRestoreType,        // vss::RestoreType
  kFileRestoreStatus,  // vss::FileRestoreStatus
  kRollForwardType,    // vss::RollForwardType
  kSavedDocument,      // a name an earlier SaveAsXML step gave with save-as=
  kSaveName,           // a new name for the document SaveAsXML produces
  kFile,               // a file path, relative to the scenario file
};

struct ArgSpec {
  std::string_view name;  // the attribute, e.g. "backup-type"
  ArgType type;
  bool required;
};

struct MethodSpec {
  std::string_view name;  // "SetBackupState"
  bool async = false;     // returns IVssAsync; the step waits unless wait="no"
  bool restore = false;   // a restore-side method (§2.4)
  bool count = false;     // accepts expect-count (the method yields a count)
  bool status = false;    // accepts expect-state / expect-failure (GetWriterStatus)
  std::vector<ArgSpec> args;
  // Groups of arguments of which exactly one must be present, e.g. {"index", "writer"}.
  std::vector<std::vector<std::string_view>> exactly_one_of;
  // Groups of arguments of which at most one may be present.
  std::vector<std::vector<std::string_view>> at_most_one_of;
};

// Attributes every <call> accepts besides its arguments (see above).
inline constexpr std::string_view kStepAttributes[] = {"method",
                                                       "as",
                                                       "expect",
                                                       "wait",
                                                       "expect-count",
                                                       "expect-state",
                                                       "expect-failure",
                                                       "expect-status",
                                                       "expect-application-error",
                                                       "expect-message"};

// Every method, in the order of docs/scenario-format.md.
const std::vector<MethodSpec>& Methods();

// The method called `name` (exact, case-sensitive), or nullptr.
const MethodSpec* FindMethod(std::string_view name);

// The argument spec of `method` called `name`, or nullptr.
const ArgSpec* FindArg(const MethodSpec& method, std::string_view name);

// A readable name of an argument type for messages ("a writer name", "yes or no", ...).
std::string_view DescribeArgType(ArgType type);

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_METHODS_H_
