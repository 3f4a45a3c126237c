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
  kEndHold,    // <end-hold/>: whoever holds the provider's writes ends the hold (LIM-06)
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
  std::optional<HResult> expect_failure;         // GetWriterStatus

  // kIdentify: the writer asked; empty means every writer.
  std::string writer;
  // kAdvance
  runtime::Duration by{0};

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
