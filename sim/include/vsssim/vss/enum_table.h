// The mechanism behind every VSS enumeration in vsssim: one table per enum, read by
// everything that prints or parses an enum value (scenario files, traces, reports, XML).
//
// An enum is declared once, as an X-macro table, with VSSSIM_DECLARE_ENUM (see enums.h).
// Names are the exact Windows SDK spellings; values are the SDK values.
//
// Parsing accepts, case-insensitively: the full SDK name ("VSS_WS_STABLE"), the name without
// the enum's prefix ("STABLE"), a decimal number ("1", "-1") and a hex number ("0x1").
// Bit masks additionally accept several names joined by '|', ',' or white space.
//
// Thread safety: everything here is constexpr data and pure functions.
#ifndef VSSSIM_VSS_ENUM_TABLE_H_
#define VSSSIM_VSS_ENUM_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace vsssim::vss {

// One row of an enumeration table.
struct EnumEntry {
  std::string_view name;
  std::int64_t value;
};

enum class EnumKind {
  kValue,  // each value is one of the listed names
  kMask,   // a value is a bitwise OR of listed flags
};

// Specialised for each enum by VSSSIM_DECLARE_ENUM. Members:
//   static constexpr std::string_view kSdkName;   e.g. "VSS_WRITER_STATE"
//   static constexpr std::string_view kPrefix;    e.g. "VSS_WS_"
//   static constexpr EnumKind kKind;
//   static constexpr EnumEntry kEntries[];
template <class E>
struct EnumInfo;

namespace internal {
std::optional<std::int64_t> ParseInteger(std::string_view text);
std::optional<std::int64_t> FindByName(const EnumEntry* entries, std::size_t count,
                                       std::string_view prefix, std::string_view text);
std::string_view FindName(const EnumEntry* entries, std::size_t count, std::int64_t value);
std::string FormatHex(std::uint64_t value);
std::string FormatMask(const EnumEntry* entries, std::size_t count, std::uint64_t value);
std::optional<std::uint64_t> ParseMask(const EnumEntry* entries, std::size_t count,
                                       std::string_view prefix, std::string_view text);
}  // namespace internal

// The SDK name of `value`, or an empty view when the value is not in the table.
template <class E>
std::string_view NameOf(E value) {
  using Info = EnumInfo<E>;
  return internal::FindName(Info::kEntries, std::size(Info::kEntries),
                            static_cast<std::int64_t>(value));
}

// A stable text form: the SDK name; for masks the flags joined by '|'; otherwise the number.
template <class E>
std::string ToString(E value) {
  using Info = EnumInfo<E>;
  if constexpr (Info::kKind == EnumKind::kMask) {
    return internal::FormatMask(
        Info::kEntries, std::size(Info::kEntries),
        static_cast<std::uint64_t>(
            static_cast<std::make_unsigned_t<std::underlying_type_t<E>>>(value)));
  } else {
    std::string_view name = NameOf(value);
    if (!name.empty()) return std::string(name);
    return std::to_string(static_cast<std::int64_t>(value));
  }
}

// Parses a name or number. For value enums a number must be one of the listed values;
// for masks any combination of listed flags (or any number) is accepted.
template <class E>
std::optional<E> Parse(std::string_view text) {
  using Info = EnumInfo<E>;
  using U = std::underlying_type_t<E>;
  if constexpr (Info::kKind == EnumKind::kMask) {
    auto bits = internal::ParseMask(Info::kEntries, std::size(Info::kEntries), Info::kPrefix, text);
    if (!bits) return std::nullopt;
    return static_cast<E>(static_cast<U>(*bits));
  } else {
    auto v = internal::FindByName(Info::kEntries, std::size(Info::kEntries), Info::kPrefix, text);
    if (!v) {
      v = internal::ParseInteger(text);
      if (!v || internal::FindName(Info::kEntries, std::size(Info::kEntries), *v).empty()) {
        return std::nullopt;
      }
    }
    return static_cast<E>(static_cast<U>(*v));
  }
}

}  // namespace vsssim::vss

#define VSSSIM_ENUMERATOR_(name, value) name = (value),
#define VSSSIM_ENUM_ENTRY_(name, value) ::vsssim::vss::EnumEntry{#name, (value)},

// Declares `enum class Type : Underlying` from TABLE(X) rows X(NAME, VALUE) and its EnumInfo.
#define VSSSIM_DECLARE_ENUM(Type, Underlying, sdk_name, prefix, kind, TABLE) \
  enum class Type : Underlying { TABLE(VSSSIM_ENUMERATOR_) };                \
  template <>                                                                \
  struct EnumInfo<Type> {                                                    \
    static constexpr std::string_view kSdkName = sdk_name;                   \
    static constexpr std::string_view kPrefix = prefix;                      \
    static constexpr EnumKind kKind = EnumKind::kind;                        \
    static constexpr EnumEntry kEntries[] = {TABLE(VSSSIM_ENUM_ENTRY_)};     \
  }

#endif  // VSSSIM_VSS_ENUM_TABLE_H_
