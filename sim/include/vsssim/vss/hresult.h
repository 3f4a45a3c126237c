// HRESULT values used by VSS: the generic COM codes and every VSS_S_/VSS_E_ code of
// ../shared/spec/CATALOGUE.md §1.10, with the exact SDK values, declared once in a table.
//
// C++ names are the SDK names inside namespace vsssim::hr (hr::VSS_E_BAD_STATE). Windows SDK
// headers define the same names as macros; a translation unit that includes both must include
// vsssim headers first (sim/platform/windows does).
//
// Thread safety: constexpr data and pure functions.
#ifndef VSSSIM_VSS_HRESULT_H_
#define VSSSIM_VSS_HRESULT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vsssim {

// An HRESULT: a 32-bit value whose top bit marks failure. Compared by value.
struct HResult {
  std::uint32_t value = 0;

  constexpr bool Succeeded() const { return (value & 0x80000000u) == 0; }
  constexpr bool Failed() const { return !Succeeded(); }
  friend constexpr bool operator==(HResult a, HResult b) { return a.value == b.value; }
  friend constexpr bool operator!=(HResult a, HResult b) { return a.value != b.value; }
  friend constexpr bool operator<(HResult a, HResult b) { return a.value < b.value; }
};

// X(NAME, VALUE, "meaning") — meanings paraphrase §1.10.
#define VSSSIM_HRESULT_TABLE(X)                                                                    \
  X(S_OK, 0x00000000, "success")                                                                   \
  X(S_FALSE, 0x00000001, "success, nothing there")                                                 \
  X(VSS_S_ASYNC_PENDING, 0x00042309, "asynchronous operation still running")                       \
  X(VSS_S_ASYNC_FINISHED, 0x0004230A, "asynchronous operation completed")                          \
  X(VSS_S_ASYNC_CANCELLED, 0x0004230B, "asynchronous operation was cancelled")                     \
  X(VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED, 0x00042321, "some snapshots were not imported")             \
  X(E_NOTIMPL, 0x80004001, "not implemented")                                                      \
  X(E_FAIL, 0x80004005, "unspecified failure")                                                     \
  X(E_UNEXPECTED, 0x8000FFFF, "unexpected failure")                                                \
  X(E_ACCESSDENIED, 0x80070005, "access denied")                                                   \
  X(E_OUTOFMEMORY, 0x8007000E, "out of memory")                                                    \
  X(E_INVALIDARG, 0x80070057, "invalid argument")                                                  \
  X(VSS_E_BAD_STATE, 0x80042301, "object not initialised or call out of sequence")                 \
  X(VSS_E_UNEXPECTED, 0x80042302, "internal VSS error")                                            \
  X(VSS_E_PROVIDER_ALREADY_REGISTERED, 0x80042303, "provider already registered")                  \
  X(VSS_E_PROVIDER_NOT_REGISTERED, 0x80042304, "provider not registered")                          \
  X(VSS_E_PROVIDER_VETO, 0x80042306, "provider refused the operation")                             \
  X(VSS_E_PROVIDER_IN_USE, 0x80042307, "provider in use")                                          \
  X(VSS_E_OBJECT_NOT_FOUND, 0x80042308, "object does not exist")                                   \
  X(VSS_E_VOLUME_NOT_SUPPORTED, 0x8004230C, "no provider supports the volume")                     \
  X(VSS_E_OBJECT_ALREADY_EXISTS, 0x8004230D, "object already exists")                              \
  X(VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER, 0x8004230E, "provider does not support the volume")    \
  X(VSS_E_UNEXPECTED_PROVIDER_ERROR, 0x8004230F, "provider returned an undocumented error")        \
  X(VSS_E_CORRUPT_XML_DOCUMENT, 0x80042310, "corrupt XML document (deprecated)")                   \
  X(VSS_E_INVALID_XML_DOCUMENT, 0x80042311, "malformed or invalid XML document")                   \
  X(VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED, 0x80042312, "snapshot set holds the maximum volumes") \
  X(VSS_E_FLUSH_WRITES_TIMEOUT, 0x80042313, "could not flush writes in time")                      \
  X(VSS_E_HOLD_WRITES_TIMEOUT, 0x80042314, "could not hold writes in time")                        \
  X(VSS_E_UNEXPECTED_WRITER_ERROR, 0x80042315, "failure delivering events to writers")             \
  X(VSS_E_SNAPSHOT_SET_IN_PROGRESS, 0x80042316, "another snapshot creation is running")            \
  X(VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED, 0x80042317, "volume holds the maximum snapshots")   \
  X(VSS_E_WRITER_INFRASTRUCTURE, 0x80042318, "cannot talk to writers")                             \
  X(VSS_E_WRITER_NOT_RESPONDING, 0x80042319, "writer did not answer")                              \
  X(VSS_E_WRITER_ALREADY_SUBSCRIBED, 0x8004231A, "writer already subscribed")                      \
  X(VSS_E_UNSUPPORTED_CONTEXT, 0x8004231B, "provider does not support the context")                \
  X(VSS_E_VOLUME_IN_USE, 0x8004231D, "diff-area association in use")                               \
  X(VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED, 0x8004231E, "too many diff-area associations")    \
  X(VSS_E_INSUFFICIENT_STORAGE, 0x8004231F, "not enough storage for the shadow copy")              \
  X(VSS_E_NO_SNAPSHOTS_IMPORTED, 0x80042320, "no snapshots were imported")                         \
  X(VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED, 0x80042321, "some snapshots were not imported")             \
  X(VSS_E_MAXIMUM_NUMBER_OF_REMOTE_MACHINES_REACHED, 0x80042322, "remote machine limit reached")   \
  X(VSS_E_REMOTE_SERVER_UNAVAILABLE, 0x80042323, "remote server unavailable")                      \
  X(VSS_E_REMOTE_SERVER_UNSUPPORTED, 0x80042324, "remote VSS too old")                             \
  X(VSS_E_REVERT_IN_PROGRESS, 0x80042325, "revert already running")                                \
  X(VSS_E_REVERT_VOLUME_LOST, 0x80042326, "volume lost during revert")                             \
  X(VSS_E_REBOOT_REQUIRED, 0x80042327, "provider needs a reboot")                                  \
  X(VSS_E_TRANSACTION_FREEZE_TIMEOUT, 0x80042328, "transactions could not be frozen in time")      \
  X(VSS_E_TRANSACTION_THAW_TIMEOUT, 0x80042329, "transactions could not be thawed in time")        \
  X(VSS_E_UNSELECTED_VOLUME, 0x8004232A, "operation would overwrite an unselected volume")         \
  X(VSS_E_SNAPSHOT_NOT_IN_SET, 0x8004232B, "snapshot not in the set")                              \
  X(VSS_E_NESTED_VOLUME_LIMIT, 0x8004232C, "volume nested too deeply")                             \
  X(VSS_E_VOLUME_NOT_LOCAL, 0x8004232D, "volume not mounted locally")                              \
  X(VSS_E_CLUSTER_TIMEOUT, 0x8004232E, "cluster shared volume preparation timed out")              \
  X(VSS_E_NOT_SUPPORTED, 0x8004232F, "operation or value not supported")                           \
  X(VSS_E_WRITERERROR_PARTIAL_FAILURE, 0x80042336, "writer reports component-level errors")        \
  X(VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT, 0x800423F0, "snapshot lacks volumes the writer needs") \
  X(VSS_E_WRITERERROR_OUTOFRESOURCES, 0x800423F1, "writer ran out of resources")                   \
  X(VSS_E_WRITERERROR_TIMEOUT, 0x800423F2, "freeze-to-thaw window exceeded")                       \
  X(VSS_E_WRITERERROR_RETRYABLE, 0x800423F3, "transient writer error")                             \
  X(VSS_E_WRITERERROR_NONRETRYABLE, 0x800423F4, "permanent writer error")                          \
  X(VSS_E_WRITERERROR_RECOVERY_FAILED, 0x800423F5, "writer could not auto-recover the snapshot")   \
  X(VSS_E_BREAK_REVERT_ID_FAILED, 0x800423F6, "identities could not be reverted on break")         \
  X(VSS_E_LEGACY_PROVIDER, 0x800423F7, "hardware provider too old")                                \
  X(VSS_E_MISSING_DISK, 0x800423F8, "expected disk absent")                                        \
  X(VSS_E_MISSING_HIDDEN_VOLUME, 0x800423F9, "expected hidden volume absent")                      \
  X(VSS_E_MISSING_VOLUME, 0x800423FA, "expected volume absent")                                    \
  X(VSS_E_AUTORECOVERY_FAILED, 0x800423FB, "auto-recovery failed")                                 \
  X(VSS_E_DYNAMIC_DISK_ERROR, 0x800423FC, "dynamic disk error")                                    \
  X(VSS_E_NONTRANSPORTABLE_BCD, 0x800423FD, "document describes a non-transportable set")          \
  X(VSS_E_CANNOT_REVERT_DISKID, 0x800423FE, "disk identity could not be reverted")                 \
  X(VSS_E_RESYNC_IN_PROGRESS, 0x800423FF, "LUN resync already running")                            \
  X(VSS_E_CLUSTER_ERROR, 0x80042400, "cluster error")                                              \
  X(VSS_E_ASRERROR_DISK_ASSIGNMENT_FAILED, 0x80042401, "ASR: disk assignment failed")              \
  X(VSS_E_ASRERROR_DISK_RECREATION_FAILED, 0x80042402, "ASR: disk re-creation failed")             \
  X(VSS_E_ASRERROR_NO_ARCPATH, 0x80042403, "ASR: no ARC path")                                     \
  X(VSS_E_ASRERROR_MISSING_DYNDISK, 0x80042404, "ASR: missing dynamic disk")                       \
  X(VSS_E_ASRERROR_SHARED_CRIDISK, 0x80042405, "ASR: critical disk is shared")                     \
  X(VSS_E_ASRERROR_DATADISK_RDISK0, 0x80042406, "ASR: data disk is rdisk0")                        \
  X(VSS_E_ASRERROR_RDISK0_TOOSMALL, 0x80042407, "ASR: rdisk0 too small")                           \
  X(VSS_E_ASRERROR_CRITICAL_DISKS_TOO_SMALL, 0x80042408, "ASR: critical disks too small")          \
  X(VSS_E_WRITER_STATUS_NOT_AVAILABLE, 0x80042409, "writer status not available")                  \
  X(VSS_E_ASRERROR_DYNAMIC_VHD_NOT_SUPPORTED, 0x8004240A, "ASR: dynamic VHD not supported")        \
  X(VSS_E_CRITICAL_VOLUME_ON_INVALID_DISK, 0x80042411, "critical volume on an invalid disk")       \
  X(VSS_E_ASRERROR_RDISK_FOR_SYSTEM_DISK_NOT_FOUND, 0x80042412, "ASR: no disk for system disk")    \
  X(VSS_E_ASRERROR_NO_PHYSICAL_DISK_AVAILABLE, 0x80042413, "ASR: no physical disk available")      \
  X(VSS_E_ASRERROR_FIXED_PHYSICAL_DISK_AVAILABLE_AFTER_DISK_EXCLUSION, 0x80042414,                 \
    "ASR: fixed disk available only after exclusion")                                              \
  X(VSS_E_ASRERROR_CRITICAL_DISK_CANNOT_BE_EXCLUDED, 0x80042415, "ASR: critical disk excluded")    \
  X(VSS_E_ASRERROR_SYSTEM_PARTITION_HIDDEN, 0x80042416, "ASR: system partition hidden")            \
  X(VSS_E_FSS_TIMEOUT, 0x80042417, "file-share shadow copy timed out")

namespace hr {
#define VSSSIM_HRESULT_CONSTANT_(name, value, meaning) \
  inline constexpr HResult name{static_cast<std::uint32_t>(value)};
VSSSIM_HRESULT_TABLE(VSSSIM_HRESULT_CONSTANT_)
#undef VSSSIM_HRESULT_CONSTANT_
}  // namespace hr

// The SDK name of `hr`, or an empty view for a value not in the table.
std::string_view NameOf(HResult hr);
// The one-line meaning from the table, or an empty view.
std::string_view MeaningOf(HResult hr);
// The SDK name, or "0x%08X" for a value not in the table.
std::string ToString(HResult hr);
// ToString without allocating, for trace attributes written on every call: the name is a
// static string, the hex form is held in the object. `HResultText(hr).view()` lives to the
// end of the full expression.
class HResultText {
 public:
  explicit HResultText(HResult hr);
  std::string_view view() const { return name_.empty() ? std::string_view(hex_, 10) : name_; }

 private:
  std::string_view name_;
  char hex_[10] = {};
};
// Parses an SDK name (case-insensitive), a hex value ("0x80042301") or a decimal value
// (signed "-2147212543" or unsigned "2147754753"). Nullopt if it is none of those.
std::optional<HResult> ParseHResult(std::string_view text);

// Every row of the table, in table order, for tests and `vsssim rules`-style listings.
struct HResultEntry {
  std::string_view name;
  HResult value;
  std::string_view meaning;
};
const HResultEntry* HResultTableBegin();
const HResultEntry* HResultTableEnd();

}  // namespace vsssim

#endif  // VSSSIM_VSS_HRESULT_H_
