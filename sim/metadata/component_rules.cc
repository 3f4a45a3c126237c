// The handler-placement matrix of ../shared/spec/CATALOGUE.md §3.6 as data: for each
// IVssComponent method, the writer handlers it may be called from, and the rule that says so.
//
// Reading the table: a cell "Y" of §3.6 is an allowed handler. "N" and "-" (the handler has
// no IVssWriterComponents) are refused with VSS_E_BAD_STATE. "?" cells: getters are allowed
// (tolerant); setters are refused in BackupComplete, BackupShutdown and PostRestore because
// the BCD is read-only there (BCD-WIN-02). Conflicts (CONF-05, CONF-06) take the looser
// reading, as BCD-WIN-03 advises for checks: SetRestoreMetadata is accepted in
// PrepareForBackup and PreRestore; SetPostRestoreFailureMsg in PreRestore and PostRestore.
// Requesters may call getters only; setters are writer-only (BCD-WIN-05).
#include <cstdint>
#include <iterator>

#include "vsssim/metadata/component.h"

namespace vsssim::metadata {
namespace {

using vss::WriterEvent;
using M = ComponentMethod;

constexpr std::uint32_t Bit(WriterEvent e) { return 1u << static_cast<int>(e); }

constexpr std::uint32_t kPB = Bit(WriterEvent::kPrepareForBackup);
constexpr std::uint32_t kPSn = Bit(WriterEvent::kPostSnapshot);
constexpr std::uint32_t kBC = Bit(WriterEvent::kBackupComplete);
constexpr std::uint32_t kPR = Bit(WriterEvent::kPreRestore);
constexpr std::uint32_t kPoR = Bit(WriterEvent::kPostRestore);
// Handlers that receive IVssWriterComponents (§3.6 header).
constexpr std::uint32_t kWithComponents = kPB | kPSn | kBC | kPR | kPoR;

enum class Kind { kSetter, kGetter, kRestoreOnlyGetter };

struct PlacementRow {
  ComponentMethod method;
  Kind kind;
  std::uint32_t allowed;  // writer handlers
  const char* rule;
};

// clang-format off
constexpr PlacementRow kPlacement[] = {
  //  method                                  kind                      allowed handlers        rule
  {M::kSetBackupMetadata,                   Kind::kSetter,            kPB | kPSn,             "WRT-CALL-03"},
  {M::kSetBackupStamp,                      Kind::kSetter,            kPB | kPSn,             "WRT-CALL-04"},
  {M::kGetPreviousBackupStamp,              Kind::kGetter,            kPB | kPSn | kBC | kPR | kPoR, "WRT-CALL-05"},
  {M::kAddDifferencedFilesByLastModifyTime, Kind::kSetter,            kPB | kPSn,             "WRT-CALL-06"},
  {M::kAddPartialFile,                      Kind::kSetter,            kPB | kPSn,             "WRT-CALL-07"},
  {M::kSetPrepareForBackupFailureMsg,       Kind::kSetter,            kPB,                    "WRT-CALL-08"},
  {M::kSetPostSnapshotFailureMsg,           Kind::kSetter,            kPSn,                   "WRT-CALL-09"},
  {M::kSetRestoreMetadata,                  Kind::kSetter,            kPB | kPR,              "WRT-CALL-10"},
  {M::kSetRestoreTarget,                    Kind::kSetter,            kPR,                    "WRT-CALL-11"},
  {M::kAddDirectedTarget,                   Kind::kSetter,            kPR,                    "WRT-CALL-12"},
  {M::kSetPreRestoreFailureMsg,             Kind::kSetter,            kPR,                    "WRT-CALL-13"},
  {M::kSetPostRestoreFailureMsg,            Kind::kSetter,            kPR | kPoR,             "WRT-CALL-14"},
  {M::kSetFailure,                          Kind::kSetter,            kPB | kPSn | kBC | kPR | kPoR, "WRT-CALL-15"},
  {M::kBackupGetter,                        Kind::kGetter,            kWithComponents,        "WRT-CALL-24"},
  {M::kRestoreGetter,                       Kind::kRestoreOnlyGetter, kPR | kPoR,             "WRT-CALL-24"},
  {M::kGetBackupSucceeded,                  Kind::kGetter,            kWithComponents,        "WRT-BC-01"},
  {M::kGetFileRestoreStatus,                Kind::kRestoreOnlyGetter, kPR | kPoR,             "WRT-CALL-24"},
  {M::kNeutralGetter,                       Kind::kGetter,            kWithComponents,        "WRT-CALL-24"},
};
// clang-format on

const PlacementRow& RowOf(ComponentMethod method) {
  for (const PlacementRow& row : kPlacement) {
    if (row.method == method) return row;
  }
  return kPlacement[std::size(kPlacement) - 1];  // unreachable: every method has a row
}

bool IsRestoreEvent(WriterEvent e) {
  return e == WriterEvent::kPreRestore || e == WriterEvent::kPostRestore;
}

}  // namespace

Caller Caller::Writer(vss::WriterEvent event) {
  Caller c;
  c.writer_event = event;
  c.operation = IsRestoreEvent(event) ? Operation::kRestore : Operation::kBackup;
  return c;
}

Caller Caller::Requester(Operation operation) {
  Caller c;
  c.operation = operation;
  return c;
}

std::string Caller::Describe() const {
  if (writer_event) return "writer in On" + std::string(vss::NameOf(*writer_event));
  return operation == Operation::kBackup ? "requester (backup)" : "requester (restore)";
}

PlacementVerdict CheckPlacement(ComponentMethod method, const Caller& caller) {
  const PlacementRow& row = RowOf(method);
  if (caller.is_requester()) {
    if (row.kind == Kind::kSetter) return {hr::VSS_E_BAD_STATE, "BCD-WIN-05"};
    if (row.kind == Kind::kRestoreOnlyGetter && caller.operation != Caller::Operation::kRestore) {
      return {hr::VSS_E_BAD_STATE, row.rule};
    }
    return {hr::S_OK, row.rule};
  }
  if ((row.allowed & Bit(*caller.writer_event)) == 0) {
    return {hr::VSS_E_BAD_STATE, row.rule};
  }
  return {hr::S_OK, row.rule};
}

}  // namespace vsssim::metadata
