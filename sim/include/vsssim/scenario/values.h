// The value syntaxes of scenario files, shared by the loader, the interpreter and the CLI:
// sizes ("256MiB"), booleans ("yes"), writer-facing enum spellings (the SDK names and the
// spellings the Writer Metadata Document uses: USER_DATA, TRANSACTION_DB, ...), volume names
// and expected results. Every parser returns nullopt for text it does not accept; none
// throws.
//
// Thread safety: pure functions.
#ifndef VSSSIM_SCENARIO_VALUES_H_
#define VSSSIM_SCENARIO_VALUES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/scenario/step.h"
#include "vsssim/vss/enums.h"

namespace vsssim::scenario {

// "4096", "4096B", "4KiB", "256MiB", "2GiB", "1TiB" (binary units only; "4KB" is rejected as
// ambiguous). Nullopt on overflow of 64 bits.
std::optional<std::uint64_t> ParseSize(std::string_view text);

// yes|no|true|false|1|0 (case-insensitive).
std::optional<bool> ParseBool(std::string_view text);

// A decimal number without sign, at most `max`.
std::optional<std::uint64_t> ParseUnsigned(std::string_view text, std::uint64_t max);

// usage= : VSS_UT_USERDATA, USERDATA, 3, and the WMD spellings USER_DATA,
// BOOTABLE_SYSTEM_STATE, SYSTEM_SERVICE, OTHER, UNDEFINED.
std::optional<vss::UsageType> ParseUsage(std::string_view text);
// source= : VSS_ST_TRANSACTEDDB, TRANSACTEDDB, 1, and TRANSACTION_DB, NONTRANSACTION_DB, ...
std::optional<vss::SourceType> ParseSource(std::string_view text);
// type= of a component: database, filegroup, and the SDK names.
std::optional<vss::ComponentType> ParseComponentType(std::string_view text);
// method= of <restore-method>: the SDK names and the WMD spellings (RESTORE_IF_CAN_BE_REPLACED,
// REPLACE_AT_REBOOT, REPLACE_AT_REBOOT_IF_CANNOT_REPLACE).
std::optional<vss::RestoreMethod> ParseRestoreMethod(std::string_view text);
// SetContext's argument: one VSS_SNAPSHOT_CONTEXT, optionally joined by '|' with
// VSS_VOLSNAP_ATTR_ flags (CTX-GEN-02), or a number.
std::optional<std::uint32_t> ParseContext(std::string_view text);

// A volume name in canonical form (storage/volume_name.h): "c:" -> "C:\",
// "\\?\volume{GUID}" -> "\\?\Volume{guid}\", "c:\mnt\data" -> "C:\mnt\data\",
// "\\srv\share" -> "\\srv\share\". Nullopt for anything else; `why` says what is wrong.
std::optional<std::string> CanonicalVolume(std::string_view text, std::string* why = nullptr);
// The four forms, for messages.
inline constexpr std::string_view kVolumeForms =
    "a volume name (a drive \"C:\", \"\\\\?\\Volume{GUID}\\\", a mount folder \"C:\\mnt\\data\\\" "
    "or a share \"\\\\server\\share\\\")";

// expect= : an HRESULT name or number, "success" or "failure".
std::optional<ExpectedResult> ParseExpectedResult(std::string_view text);

// `path` as named in scenario file `file` (bcd-file=, host-dir=): relative to that file's
// folder unless it is absolute ("/x"; on Windows also "C:\x" or "\x").
std::string RelativeToFile(std::string_view file, std::string_view path);

// Items of a ','-separated list, trimmed; empty items are an error (nullopt).
std::optional<std::vector<std::string>> SplitList(std::string_view text);

// The closest of `candidates` to `word` when it is close enough to be a likely typo, else "".
std::string_view Suggest(std::string_view word, const std::vector<std::string_view>& candidates);

// `text` in double quotes, shortened to about 60 characters, control characters escaped:
// safe to put in a one-line message whatever the input.
std::string Quote(std::string_view text);

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_VALUES_H_
