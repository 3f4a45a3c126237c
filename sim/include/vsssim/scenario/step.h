// One requester step of a scenario (<requester> children): a requester API call with its
// arguments and expectations, an Identify from elsewhere, a requester crash, a release, a
// move of the virtual clock, or waiting for / cancelling a pending asynchronous call.
// Part of the scenario model (scenario.h).
//
// Thread safety: plain value types.
#ifndef VSSSIM_SCENARIO_STEP_H_
#define VSSSIM_SCENARIO_STEP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "vsssim/runtime/time.h"
#include "vsssim/scenario/methods.h"
#include "vsssim/scenario/source_location.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::scenario {

// The requester that steps without as= belong to.
inline constexpr std::string_view kDefaultRequester = "requester";

// expect="NAME|0xHEX|success|failure".
struct ExpectedResult {
  enum class Kind { kExact, kSuccess, kFailure };
  Kind kind = Kind::kExact;
  HResult code;  // kExact only

  bool Matches(HResult actual) const;
  std::string ToString() const;  // "VSS_E_BAD_STATE", "success", "failure"
};

// One parsed argument. `value` holds, by ArgType:
//   kText kName kWriter kVolume kSavedDocument kSaveName kFile  -> std::string (volumes
//                                                                  canonical, "C:\")
//   kBool -> bool;  kUnsigned kContext -> std::uint64_t;  kGuid -> Guid
//   kWriterList -> std::vector<std::string>;  kGuidList -> std::vector<Guid>
//   enum types -> std::int64_t (the SDK value)
struct Argument {
  std::string name;
  ArgType type = ArgType::kText;
  std::string text;  // as written
  std::variant<std::string, bool, std::uint64_t, std::int64_t, Guid, std::vector<std::string>,
               std::vector<Guid>>
      value;
};

enum class StepKind {
  kCall,       // <call method=...>
  kIdentify,   // <identify/>: an Identify from another application, now (WRT-IDENTIFY-01)
  kTerminate,  // <terminate/>: the requester process dies here (WRT-SEQ-07)
  kRelease,    // <release/>: the requester releases IVssBackupComponents (REQ-LIFE-04)
  kAdvance,    // <advance by=...>: the virtual clock moves on
  kWait,       // <wait/>: wait for the requester's pending async call (after wait="no")
  kCancel,     // <cancel/>: IVssAsync::Cancel on the pending async call
  // Assertions between calls (no API call is made):
  kCheckState,  // <check-state writer state failure as>: the session's writer state now
  kBcd,         // <bcd ...>: a component in the requester's BCD or a saved one (BcdCheck)
  // Service control of a writer's process (tool:sc; no requester): <stop-service>,
  // <start-service>, <restart-service> with writer= or service= (the one in `writer` /
  // `service`). WRT-SEQ-11, WRT-INIT-03/04.
  kStopService,
  kStartService,
  kRestartService,
  kEndHold,  // <end-hold/>: whoever holds the provider's writes ends the hold (LIM-06)
};

// <bcd as|document writer component logical-path ...>: what a Backup Components Document
// records on one component, read back with the metadata readers (metadata/xml_codec.h).
// Absent attributes are not checked; failure="none" expects no component failure.
struct BcdCheck {
  std::string document;  // document=: a SaveAsXML save-as= name; empty: the requester's BCD now
  std::string writer;
  std::string component;
  std::string logical_path;
  std::optional<std::string> backup_stamp;
  std::optional<std::string> previous_stamp;
  std::optional<std::string> backup_metadata;
  std::optional<std::string> backup_options;
  std::optional<bool> succeeded;             // SetBackupSucceeded
  std::optional<HResult> failure;            // IVssComponentEx2::SetFailure hr
  std::optional<HResult> application_error;  // its application hr
  std::optional<std::string> message;        // its message
  bool no_failure = false;                   // failure="none"
};

struct Step {
  SourceLocation where;
  StepKind kind = StepKind::kCall;
  // as=; empty for the steps of no requester (identify, advance), which create none.
  std::string requester{kDefaultRequester};

  // kCall
  const MethodSpec* method = nullptr;
  std::vector<Argument> args;  // in attribute order
  bool wait = true;            // async calls only

  // Expectations (kCall; expect also on kRelease, kWait, kCancel, kEndHold).
  std::optional<ExpectedResult> expect;
  std::optional<std::uint32_t> expect_count;     // count methods
  std::optional<vss::WriterState> expect_state;  // GetWriterStatus
  std::optional<HResult> expect_failure;         // GetWriterStatus; kCheckState
  // GetWriterStatus: GetWriterStatusEx's application error and message (WRT-ERR-02, REQ-STAT-04)
  std::optional<HResult> expect_application_error;
  std::optional<std::string> expect_message;
  // expect-status= (async calls, <wait>): what IVssAsync::QueryStatus reports after the wait,
  // apart from expect= (Wait's result, or either of them when expect-status is absent).
  std::optional<ExpectedResult> expect_status;
  std::optional<BcdCheck> bcd;  // kBcd

  // kIdentify: the writer asked; empty means every writer. kCheckState: the writer checked
  // (with expect_state, expect_failure).
  std::string writer;
  // kAdvance
  runtime::Duration by{0};
  // kStopService / kStartService / kRestartService with service= (writer= uses `writer`).
  std::string service;

  // The argument called `name`, or nullptr when the step does not give it.
  const Argument* Find(std::string_view name) const;
  // Typed access; REQUIRES: the argument's ArgType stores T (see Argument).
  template <class T>
  std::optional<T> Get(std::string_view name) const {
    const Argument* a = Find(name);
    if (a == nullptr) return std::nullopt;
    if (const T* v = std::get_if<T>(&a->value)) return *v;
    return std::nullopt;
  }
  // An enum argument as its vss enum type.
  template <class E>
  std::optional<E> GetEnum(std::string_view name) const {
    auto v = Get<std::int64_t>(name);
    if (!v) return std::nullopt;
    return static_cast<E>(*v);
  }
};

std::string_view NameOf(StepKind kind);  // "call", "identify", ...

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_STEP_H_
