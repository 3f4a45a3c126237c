#include "vsssim/scenario/values.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <utility>

#include "vsssim/storage/volume_name.h"

namespace vsssim::scenario {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

struct Alias {
  std::string_view text;
  std::int64_t value;
};

// The enum table first; then the aliases (the Writer Metadata Document spellings, WMDX-04..06).
template <class E, std::size_t N>
std::optional<E> ParseWithAliases(std::string_view text, const Alias (&aliases)[N]) {
  text = Trim(text);
  if (auto v = vss::Parse<E>(text)) return v;
  for (const Alias& a : aliases) {
    if (EqualsIgnoreCase(a.text, text)) return static_cast<E>(a.value);
  }
  return std::nullopt;
}

// WMDX-04 (observed BOOTABLE_SYSTEM_STATE, SYSTEM_SERVICE, USER_DATA).
constexpr Alias kUsageAliases[] = {
    {"BOOTABLE_SYSTEM_STATE", 1}, {"SYSTEM_SERVICE", 2}, {"USER_DATA", 3}};
// WMDX-05 (observed OTHER, TRANSACTION_DB).
constexpr Alias kSourceAliases[] = {{"TRANSACTION_DB", 1}, {"NONTRANSACTION_DB", 2}};
constexpr Alias kComponentTypeAliases[] = {{"database", 1}, {"filegroup", 2}};
// WMDX-06 (observed RESTORE_IF_CAN_BE_REPLACED, REPLACE_AT_REBOOT,
// REPLACE_AT_REBOOT_IF_CANNOT_REPLACE).
constexpr Alias kRestoreMethodAliases[] = {{"RESTORE_IF_CAN_BE_REPLACED", 2},
                                           {"REPLACE_AT_REBOOT", 5},
                                           {"REPLACE_AT_REBOOT_IF_CANNOT_REPLACE", 6}};

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::uint64_t> ParseUnsigned(std::string_view text, std::uint64_t max) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    unsigned digit = static_cast<unsigned>(c - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  if (value > max) return std::nullopt;
  return value;
}

std::optional<std::uint64_t> ParseSize(std::string_view text) {
  text = Trim(text);
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  auto number = ParseUnsigned(text.substr(0, digits), std::numeric_limits<std::uint64_t>::max());
  if (!number) return std::nullopt;
  std::string_view unit = text.substr(digits);
  static constexpr struct {
    std::string_view name;
    int shift;
  } kUnits[] = {{"", 0}, {"B", 0}, {"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"TiB", 40}};
  for (const auto& u : kUnits) {
    if (u.name == unit) {
      if (*number > (std::numeric_limits<std::uint64_t>::max() >> u.shift)) return std::nullopt;
      return *number << u.shift;
    }
  }
  return std::nullopt;
}

std::optional<bool> ParseBool(std::string_view text) {
  text = Trim(text);
  for (std::string_view yes : {"yes", "true", "1"}) {
    if (EqualsIgnoreCase(text, yes)) return true;
  }
  for (std::string_view no : {"no", "false", "0"}) {
    if (EqualsIgnoreCase(text, no)) return false;
  }
  return std::nullopt;
}

std::optional<vss::UsageType> ParseUsage(std::string_view text) {
  return ParseWithAliases<vss::UsageType>(text, kUsageAliases);
}
std::optional<vss::SourceType> ParseSource(std::string_view text) {
  return ParseWithAliases<vss::SourceType>(text, kSourceAliases);
}
std::optional<vss::ComponentType> ParseComponentType(std::string_view text) {
  return ParseWithAliases<vss::ComponentType>(text, kComponentTypeAliases);
}
std::optional<vss::RestoreMethod> ParseRestoreMethod(std::string_view text) {
  return ParseWithAliases<vss::RestoreMethod>(text, kRestoreMethodAliases);
}

std::optional<std::uint32_t> ParseContext(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  std::uint32_t value = 0;
  bool have_context = false;
  for (bool more = true; more;) {
    std::size_t bar = text.find('|');
    std::string_view item = Trim(text.substr(0, bar));
    more = bar != std::string_view::npos;
    if (more) text.remove_prefix(bar + 1);
    if (item.empty()) return std::nullopt;
    if (auto context = vss::Parse<vss::SnapshotContext>(item)) {
      if (have_context) return std::nullopt;  // one base context (CTX-GEN-02)
      have_context = true;
      value |= static_cast<std::uint32_t>(*context);
    } else if (auto attribute = vss::Parse<vss::VolumeSnapshotAttributes>(item)) {
      value |= static_cast<std::uint32_t>(*attribute);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

std::optional<std::string> CanonicalVolume(std::string_view text, std::string* why) {
  std::optional<storage::VolumeName> name = storage::ParseVolumeName(Trim(text), why);
  if (!name) return std::nullopt;
  return std::move(name->text);
}

std::optional<ExpectedResult> ParseExpectedResult(std::string_view text) {
  text = Trim(text);
  ExpectedResult r;
  if (EqualsIgnoreCase(text, "success")) {
    r.kind = ExpectedResult::Kind::kSuccess;
  } else if (EqualsIgnoreCase(text, "failure")) {
    r.kind = ExpectedResult::Kind::kFailure;
  } else if (auto code = ParseHResult(text)) {
    r.code = *code;
  } else {
    return std::nullopt;
  }
  return r;
}

std::string RelativeToFile(std::string_view file, std::string_view path) {
  std::size_t slash = file.find_last_of("/\\");
  // An absolute path stays as it is: "/x" anywhere, and on Windows also "C:\x", "\x" and
  // "\\server\x" (std::filesystem knows which paths are absolute on the host).
  const std::filesystem::path as_path{std::string(path)};
  if (path.empty() || path[0] == '/' || as_path.is_absolute() || as_path.has_root_directory() ||
      slash == std::string_view::npos) {
    return std::string(path);
  }
  return std::string(file.substr(0, slash + 1)) + std::string(path);
}

std::optional<std::vector<std::string>> SplitList(std::string_view text) {
  std::vector<std::string> items;
  while (true) {
    std::size_t comma = text.find(',');
    std::string_view item = Trim(text.substr(0, comma));
    if (item.empty()) return std::nullopt;
    items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

std::string_view Suggest(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.size() > 64) return {};
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (std::string_view c : candidates) {
    std::size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string Quote(std::string_view text) {
  constexpr std::size_t kMax = 60;
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size() && i < kMax; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (text.size() > kMax) out += "...";
  out += '"';
  if (text.size() > kMax) out += " (" + std::to_string(text.size()) + " characters)";
  return out;
}

}  // namespace vsssim::scenario
