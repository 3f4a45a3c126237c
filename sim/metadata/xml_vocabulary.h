// The value spellings of the real WMD/BCD XML (../shared/spec/CATALOGUE.md §6.2, §6.3):
// usage="USER_DATA", dataSource="TRANSACTION_DB", method="RESTORE_IF_CAN_BE_REPLACED",
// writerRestore="always", backupType="full", componentType="filegroup", ...
//
// Writing uses the first spelling of each value (the observed one where Windows output shows
// it, WMDX-04..07, BCDX-02; otherwise our choice, listed in docs/xml-format.md). Reading is
// case-insensitive and also accepts the listed aliases, the SDK name ("VSS_UT_USERDATA"),
// the SDK name without prefix and the number. Internal to sim/metadata.
//
// Thread safety: constant data and pure functions.
#ifndef VSSSIM_SIM_METADATA_XML_VOCABULARY_H_
#define VSSSIM_SIM_METADATA_XML_VOCABULARY_H_

#include <optional>
#include <string_view>

#include "vsssim/vss/enums.h"

namespace vsssim::metadata::internal {

// Spelling of each enum value in the XML; ToXml never fails (unknown values as a number
// are the caller's concern: the model only holds table values).
std::string_view ToXml(vss::UsageType v);
std::string_view ToXml(vss::SourceType v);
std::string_view ToXml(vss::RestoreMethod v);
std::string_view ToXml(vss::WriterRestore v);
std::string_view ToXml(vss::BackupType v);
std::string_view ToXml(vss::ComponentType v);
std::string_view ToXml(vss::RestoreTarget v);
std::string_view ToXml(vss::FileRestoreStatus v);
std::string_view ToXml(vss::RollForwardType v);
std::string_view ToXml(vss::RestoreType v);

// Reads a spelling; nullopt when it is none of the accepted forms.
template <class E>
std::optional<E> FromXml(std::string_view text);
template <>
std::optional<vss::UsageType> FromXml(std::string_view text);
template <>
std::optional<vss::SourceType> FromXml(std::string_view text);
template <>
std::optional<vss::RestoreMethod> FromXml(std::string_view text);
template <>
std::optional<vss::WriterRestore> FromXml(std::string_view text);
template <>
std::optional<vss::BackupType> FromXml(std::string_view text);
template <>
std::optional<vss::ComponentType> FromXml(std::string_view text);
template <>
std::optional<vss::RestoreTarget> FromXml(std::string_view text);
template <>
std::optional<vss::FileRestoreStatus> FromXml(std::string_view text);
template <>
std::optional<vss::RollForwardType> FromXml(std::string_view text);
template <>
std::optional<vss::RestoreType> FromXml(std::string_view text);

}  // namespace vsssim::metadata::internal

#endif  // VSSSIM_SIM_METADATA_XML_VOCABULARY_H_
