#include "sim/storage/provider_call_table.h"

#include <string>

namespace vsssim::storage {
namespace {

using vss::SnapshotState;
using P = SetPhase;
using M = ProviderMethod;

// clang-format off
constexpr CallRule kCallRules[] = {
  // method                       legal in                   -> phase                state                                  rule
  {M::kBeginPrepareSnapshot,      Bit(P::kPreparing),          P::kPreparing,         SnapshotState::VSS_SS_PREPARING,         "PRV-02"},
  {M::kEndPrepareSnapshots,       Bit(P::kPreparing),          P::kPrepared,          SnapshotState::VSS_SS_PREPARED,          "PRV-02"},
  {M::kPreCommitSnapshots,        Bit(P::kPrepared),           P::kPreCommitted,      SnapshotState::VSS_SS_PRECOMMITTED,      "PRV-02"},
  {M::kCommitSnapshots,           Bit(P::kPreCommitted),       P::kCommitted,         SnapshotState::VSS_SS_COMMITTED,         "PRV-02"},
  {M::kPostCommitSnapshots,       Bit(P::kCommitted),          P::kPostCommitted,     SnapshotState::VSS_SS_POSTCOMMITTED,     "PRV-05"},
  {M::kPreFinalCommitSnapshots,   Bit(P::kPostCommitted),      P::kPreFinalCommitted, SnapshotState::VSS_SS_PREFINALCOMMITTED, "PRV-02"},
  {M::kPostFinalCommitSnapshots,  Bit(P::kPreFinalCommitted),  P::kCreated,           SnapshotState::VSS_SS_CREATED,           "PRV-02"},
  {M::kAbortSnapshots,            kInCreation,                 P::kAborted,           SnapshotState::VSS_SS_ABORTED,           "PRV-06"},
};
// clang-format on

}  // namespace

std::string_view NameOf(SetPhase phase) {
  static constexpr std::string_view kNames[] = {
      "none",          "preparing",         "prepared", "precommitted", "committed",
      "postcommitted", "prefinalcommitted", "created",  "aborted"};
  return kNames[static_cast<unsigned>(phase)];
}

const CallRule& RuleFor(ProviderMethod method) {
  for (const CallRule& r : kCallRules) {
    if (r.method == method) return r;
  }
  return kCallRules[0];
}

HResult CheckCall(trace::Trace* trace, const Guid& current, SetPhase phase, ProviderMethod method,
                  const Guid& set) {
  if (phase == SetPhase::kNone || set != current) {
    if (trace != nullptr) {
      trace->Append(trace::EntryKind::kFinding, "vss", "provider",
                    std::string(NameOf(method)) + " names an unknown snapshot set",
                    {{"snapshot-set", set.ToString()}}, "PRV-02");
    }
    return hr::VSS_E_OBJECT_NOT_FOUND;
  }
  const CallRule& rule = RuleFor(method);
  if ((rule.legal_from & Bit(phase)) == 0) {
    if (trace != nullptr) {
      trace->Append(trace::EntryKind::kFinding, "vss", "provider",
                    std::string(NameOf(method)) + " out of order",
                    {{"snapshot-set", set.ToString()}, {"phase", std::string(NameOf(phase))}},
                    rule.rule);
    }
    return hr::VSS_E_BAD_STATE;
  }
  return hr::S_OK;
}

}  // namespace vsssim::storage
