#include "sim/metadata/xml_vocabulary.h"

#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace vsssim::metadata::internal {
namespace {

struct Spelling {
  std::int64_t value;
  std::string_view xml;  // first spelling per value is the one written
};

// WMDX-04 (observed: BOOTABLE_SYSTEM_STATE, SYSTEM_SERVICE, USER_DATA).
constexpr Spelling kUsage[] = {{0, "UNDEFINED"},
                               {1, "BOOTABLE_SYSTEM_STATE"},
                               {2, "SYSTEM_SERVICE"},
                               {3, "USER_DATA"},
                               {4, "OTHER"}};
// WMDX-05 (observed: OTHER, TRANSACTION_DB).
constexpr Spelling kSource[] = {
    {0, "UNDEFINED"}, {1, "TRANSACTION_DB"}, {2, "NONTRANSACTION_DB"}, {3, "OTHER"}};
// WMDX-06 (observed: RESTORE_IF_CAN_BE_REPLACED, REPLACE_AT_REBOOT,
// REPLACE_AT_REBOOT_IF_CANNOT_REPLACE); the Test Writer docs also use RESTORE_IF_CAN_REPLACE.
constexpr Spelling kMethod[] = {{0, "UNDEFINED"},
                                {1, "RESTORE_IF_NOT_THERE"},
                                {2, "RESTORE_IF_CAN_BE_REPLACED"},
                                {2, "RESTORE_IF_CAN_REPLACE"},
                                {3, "STOP_RESTORE_START"},
                                {4, "RESTORE_TO_ALTERNATE_LOCATION"},
                                {5, "REPLACE_AT_REBOOT"},
                                {5, "RESTORE_AT_REBOOT"},
                                {6, "REPLACE_AT_REBOOT_IF_CANNOT_REPLACE"},
                                {6, "RESTORE_AT_REBOOT_IF_CANNOT_REPLACE"},
                                {7, "CUSTOM"},
                                {8, "RESTORE_STOP_START"}};
// WMDX-07 (observed: never, always).
constexpr Spelling kWriterRestore[] = {
    {0, "undefined"}, {1, "never"}, {2, "ifReplaceFails"}, {3, "always"}};
// BCDX-02 (observed: full).
constexpr Spelling kBackupType[] = {{0, "undefined"},    {1, "full"}, {2, "incremental"},
                                    {3, "differential"}, {4, "log"},  {5, "copy"},
                                    {6, "other"}};
// BCDX-02 (observed: filegroup).
constexpr Spelling kComponentType[] = {{0, "undefined"}, {1, "database"}, {2, "filegroup"}};
// BCDX-06: not attested; our names.
constexpr Spelling kRestoreTarget[] = {
    {0, "undefined"}, {1, "original"}, {2, "alternate"}, {3, "directed"}, {4, "originalLocation"}};
constexpr Spelling kFileRestoreStatus[] = {
    {0, "undefined"}, {1, "none"}, {2, "all"}, {3, "failed"}};
constexpr Spelling kRollForward[] = {{0, "undefined"}, {1, "none"}, {2, "all"}, {3, "partial"}};
constexpr Spelling kRestoreType[] = {{0, "undefined"}, {1, "byCopy"}, {2, "import"}, {3, "other"}};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

template <std::size_t N>
std::string_view Write(const Spelling (&table)[N], std::int64_t value) {
  for (const Spelling& s : table) {
    if (s.value == value) return s.xml;
  }
  return table[0].xml;  // unreachable for table values
}

template <class E, std::size_t N>
std::optional<E> Read(const Spelling (&table)[N], std::string_view text) {
  for (const Spelling& s : table) {
    if (EqualsIgnoreCase(s.xml, text)) return static_cast<E>(s.value);
  }
  return vss::Parse<E>(text);  // SDK name, name without prefix, number
}

}  // namespace

std::string_view ToXml(vss::UsageType v) { return Write(kUsage, static_cast<int>(v)); }
std::string_view ToXml(vss::SourceType v) { return Write(kSource, static_cast<int>(v)); }
std::string_view ToXml(vss::RestoreMethod v) { return Write(kMethod, static_cast<int>(v)); }
std::string_view ToXml(vss::WriterRestore v) { return Write(kWriterRestore, static_cast<int>(v)); }
std::string_view ToXml(vss::BackupType v) { return Write(kBackupType, static_cast<int>(v)); }
std::string_view ToXml(vss::ComponentType v) { return Write(kComponentType, static_cast<int>(v)); }
std::string_view ToXml(vss::RestoreTarget v) { return Write(kRestoreTarget, static_cast<int>(v)); }
std::string_view ToXml(vss::FileRestoreStatus v) {
  return Write(kFileRestoreStatus, static_cast<int>(v));
}
std::string_view ToXml(vss::RollForwardType v) { return Write(kRollForward, static_cast<int>(v)); }
std::string_view ToXml(vss::RestoreType v) { return Write(kRestoreType, static_cast<int>(v)); }

template <>
std::optional<vss::UsageType> FromXml(std::string_view t) {
  return Read<vss::UsageType>(kUsage, t);
}
template <>
std::optional<vss::SourceType> FromXml(std::string_view t) {
  return Read<vss::SourceType>(kSource, t);
}
template <>
std::optional<vss::RestoreMethod> FromXml(std::string_view t) {
  return Read<vss::RestoreMethod>(kMethod, t);
}
template <>
std::optional<vss::WriterRestore> FromXml(std::string_view t) {
  return Read<vss::WriterRestore>(kWriterRestore, t);
}
template <>
std::optional<vss::BackupType> FromXml(std::string_view t) {
  return Read<vss::BackupType>(kBackupType, t);
}
template <>
std::optional<vss::ComponentType> FromXml(std::string_view t) {
  return Read<vss::ComponentType>(kComponentType, t);
}
template <>
std::optional<vss::RestoreTarget> FromXml(std::string_view t) {
  return Read<vss::RestoreTarget>(kRestoreTarget, t);
}
template <>
std::optional<vss::FileRestoreStatus> FromXml(std::string_view t) {
  return Read<vss::FileRestoreStatus>(kFileRestoreStatus, t);
}
template <>
std::optional<vss::RollForwardType> FromXml(std::string_view t) {
  return Read<vss::RollForwardType>(kRollForward, t);
}
template <>
std::optional<vss::RestoreType> FromXml(std::string_view t) {
  return Read<vss::RestoreType>(kRestoreType, t);
}

}  // namespace vsssim::metadata::internal
