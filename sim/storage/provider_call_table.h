// The provider's call-order table (PRV-02, PRV-05, PRV-06): the phases one snapshot set goes
// through in the CowProvider, and for each set-level method the phases it is legal in, the
// phase it leads to and the VSS_SNAPSHOT_STATE its snapshots then report. The CowProvider
// consults the table rather than encoding the order in code.
//
// Thread safety: constant data and pure functions. Private to sim/storage.
#ifndef VSSSIM_SIM_STORAGE_PROVIDER_CALL_TABLE_H_
#define VSSSIM_SIM_STORAGE_PROVIDER_CALL_TABLE_H_

#include <cstdint>
#include <string_view>

#include "vsssim/storage/cow_provider.h"
#include "vsssim/trace/trace.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::storage {

// Where one snapshot set is in its creation.
enum class SetPhase : std::uint8_t {
  kNone,
  kPreparing,
  kPrepared,
  kPreCommitted,
  kCommitted,
  kPostCommitted,
  kPreFinalCommitted,
  kCreated,
  kAborted,
};
std::string_view NameOf(SetPhase phase);

constexpr std::uint32_t Bit(SetPhase p) { return 1u << static_cast<unsigned>(p); }
// Phases in which the set may still be aborted (before PostCommitSnapshots returned).
constexpr std::uint32_t kInCreation = Bit(SetPhase::kPreparing) | Bit(SetPhase::kPrepared) |
                                      Bit(SetPhase::kPreCommitted) | Bit(SetPhase::kCommitted);

struct CallRule {
  ProviderMethod method;
  std::uint32_t legal_from;  // bits of SetPhase
  SetPhase to;
  vss::SnapshotState state;  // VSS_SNAPSHOT_PROP::m_eStatus after the call
  const char* rule;
};

// The row of a set-level method. REQUIRES: method != kDeleteSnapshot.
const CallRule& RuleFor(ProviderMethod method);

// Checks a set-level call against the table: S_OK to go on; VSS_E_OBJECT_NOT_FOUND for a set
// that is not the current one, VSS_E_BAD_STATE out of order — each with a kFinding in `trace`
// (if not null).
HResult CheckCall(trace::Trace* trace, const Guid& current, SetPhase phase, ProviderMethod method,
                  const Guid& set);

}  // namespace vsssim::storage

#endif  // VSSSIM_SIM_STORAGE_PROVIDER_CALL_TABLE_H_
