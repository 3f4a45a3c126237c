#include "vsssim/vss/enum_table.h"

#include <cstdio>
#include <limits>

#include "sim/vss/text.h"

namespace vsssim::vss::internal {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  const char* kSpace = " \t\r\n";
  std::size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  unsigned base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    unsigned digit;
    if (c >= '0' && c <= '9') {
      digit = static_cast<unsigned>(c - '0');
    } else if (base == 16 && c >= 'a' && c <= 'f') {
      digit = static_cast<unsigned>(c - 'a' + 10);
    } else if (base == 16 && c >= 'A' && c <= 'F') {
      digit = static_cast<unsigned>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / base) return std::nullopt;
    value = value * base + digit;
  }
  // Everything VSS defines fits in 32 bits; larger numbers are input errors.
  if (negative) {
    if (value > 0x80000000ull) return std::nullopt;
    return -static_cast<std::int64_t>(value);
  }
  if (value > 0xFFFFFFFFull) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

std::optional<std::int64_t> FindByName(const EnumEntry* entries, std::size_t count,
                                       std::string_view prefix, std::string_view text) {
  text = Trim(text);
  for (std::size_t i = 0; i < count; ++i) {
    std::string_view name = entries[i].name;
    if (EqualsIgnoreCase(name, text)) return entries[i].value;
    if (name.size() > prefix.size() && EqualsIgnoreCase(name.substr(prefix.size()), text)) {
      return entries[i].value;
    }
  }
  return std::nullopt;
}

std::string_view FindName(const EnumEntry* entries, std::size_t count, std::int64_t value) {
  for (std::size_t i = 0; i < count; ++i) {
    if (entries[i].value == value) return entries[i].name;
  }
  return {};
}

std::string FormatHex(std::uint64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "0x%llX", static_cast<unsigned long long>(value));
  return buffer;
}

// Flags are listed in table order; composite entries (several bits) are used only when they
// match the whole value exactly, so 0xF prints as VSS_FSBT_ALL_BACKUP_REQUIRED but 0x3 as two
// single flags. Bits no entry names are appended in hex.
std::string FormatMask(const EnumEntry* entries, std::size_t count, std::uint64_t value) {
  std::string_view exact = FindName(entries, count, static_cast<std::int64_t>(value));
  if (!exact.empty()) return std::string(exact);
  std::string out;
  std::uint64_t rest = value;
  for (std::size_t i = 0; i < count; ++i) {
    auto bits = static_cast<std::uint64_t>(entries[i].value);
    bool single_bit = bits != 0 && (bits & (bits - 1)) == 0;
    if (single_bit && (rest & bits) == bits) {
      if (!out.empty()) out += '|';
      out += entries[i].name;
      rest &= ~bits;
    }
  }
  if (rest != 0 || out.empty()) {
    if (!out.empty()) out += '|';
    out += FormatHex(rest);
  }
  return out;
}

std::optional<std::uint64_t> ParseMask(const EnumEntry* entries, std::size_t count,
                                       std::string_view prefix, std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  std::uint64_t bits = 0;
  std::size_t pos = 0;
  const std::string_view kSeparators = "| \t\r\n,";
  while (pos < text.size()) {
    std::size_t end = text.find_first_of(kSeparators, pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    if (!word.empty()) {
      std::optional<std::int64_t> v = FindByName(entries, count, prefix, word);
      if (!v) v = ParseInteger(word);
      if (!v) return std::nullopt;
      bits |= static_cast<std::uint32_t>(*v);
    }
    pos = end + 1;
  }
  return bits;
}

}  // namespace vsssim::vss::internal
