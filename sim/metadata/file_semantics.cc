#include "vsssim/metadata/file_semantics.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>

namespace vsssim::metadata {
namespace {

using vss::BackupType;

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string_view StripTrailingSlash(std::string_view p) {
  if (p.size() > 1 && p.back() == '\\') p.remove_suffix(1);
  return p;
}

// The backup-required bit for a type; COPY and OTHER as FULL (§1.4 [INF]).
std::uint32_t BackupBit(BackupType type) {
  switch (type) {
    case BackupType::VSS_BT_DIFFERENTIAL:
      return 0x2;
    case BackupType::VSS_BT_INCREMENTAL:
      return 0x4;
    case BackupType::VSS_BT_LOG:
      return 0x8;
    default:
      return 0x1;
  }
}

std::optional<std::uint64_t> ParseU64(std::string_view t) {
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  int base = 10;
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
    base = 16;
    t.remove_prefix(2);
  }
  if (t.empty()) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : t) {
    int d = std::isdigit(static_cast<unsigned char>(c))                  ? c - '0'
            : base == 16 && std::isxdigit(static_cast<unsigned char>(c)) ? Lower(c) - 'a' + 10
                                                                         : -1;
    if (d < 0 ||
        v > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) / base)
      return std::nullopt;
    v = v * base + static_cast<std::uint64_t>(d);
  }
  return v;
}

bool PatternsMayOverlap(std::string_view a, std::string_view b) {
  return WildcardMatch(a, b) || WildcardMatch(b, a);
}

// Can a file named by (path, filespec, recursive) also belong to `set`? Either tree may
// contain the other's directory.
bool MayOverlap(const FileSpec& set, std::string_view path, std::string_view filespec,
                bool recursive) {
  bool dir_hit = SamePath(path, set.path) || (set.recursive && PathAtOrBelow(path, set.path)) ||
                 (recursive && PathAtOrBelow(set.path, path));
  return dir_hit && PatternsMayOverlap(set.filespec, filespec);
}

}  // namespace

bool SchemaSupports(vss::BackupSchema schema, BackupType type) {
  using S = vss::BackupSchema;
  switch (type) {  // BT-02
    case BackupType::VSS_BT_FULL:
      return true;
    case BackupType::VSS_BT_INCREMENTAL:
      return vss::HasAll(schema, S::VSS_BS_INCREMENTAL);
    case BackupType::VSS_BT_DIFFERENTIAL:
      return vss::HasAll(schema, S::VSS_BS_DIFFERENTIAL);
    case BackupType::VSS_BT_LOG:
      return vss::HasAll(schema, S::VSS_BS_LOG);
    case BackupType::VSS_BT_COPY:
      return vss::HasAll(schema, S::VSS_BS_COPY);
    default:
      return false;
  }
}

BackupType EffectiveBackupType(vss::BackupSchema schema, BackupType requested) {
  return SchemaSupports(schema, requested) ? requested : BackupType::VSS_BT_FULL;  // BT-03
}

bool FileSetBackupRequired(vss::FileSpecBackupType mask, BackupType type) {
  return (static_cast<std::uint32_t>(mask) & BackupBit(type)) != 0;  // FSBT-02
}

bool FileSetSnapshotRequired(vss::FileSpecBackupType mask, BackupType type) {
  return (static_cast<std::uint32_t>(mask) & (BackupBit(type) << 8)) != 0;  // FSBT-04
}

std::string_view WithoutWin32Prefix(std::string_view path) {
  return path.substr(path.compare(0, 4, "\\\\?\\") == 0 ? 4 : 0);
}

std::string VolumeOf(std::string_view path) {
  if (path.size() >= 2 && path[1] == ':') {
    return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(path[0])))) +
           ":\\";
  }
  std::size_t start = 0;
  int elements = 1;
  if (path.substr(0, 2) == "\\\\") {
    start = 2;
    elements = 2;  // \\server\share\ or \\?\Volume{...}\ ...
  }
  std::size_t pos = start;
  for (int i = 0; i < elements; ++i) {
    std::size_t next = path.find('\\', pos);
    if (next == std::string_view::npos) return std::string(path) + "\\";
    pos = next + 1;
  }
  return std::string(path.substr(0, pos));
}

std::vector<std::string> VolumesNeedingSnapshot(
    const std::vector<const ComponentDescription*>& components, BackupType type) {
  std::vector<std::string> volumes;
  for (const ComponentDescription* c : components) {
    for (const auto* list : {&c->files, &c->database_files, &c->log_files}) {
      for (const FileSpec& f : *list) {
        if (!FileSetBackupRequired(f.backup_type_mask, type)) continue;
        if (!FileSetSnapshotRequired(f.backup_type_mask, type)) continue;
        volumes.push_back(VolumeOf(f.alternate_path.empty() ? f.path : f.alternate_path));
      }
    }
  }
  std::sort(volumes.begin(), volumes.end());
  volumes.erase(std::unique(volumes.begin(), volumes.end()), volumes.end());
  return volumes;
}

bool WildcardMatch(std::string_view pattern, std::string_view name) {
  // Iterative '*' backtracking; linear memory, no recursion.
  std::size_t p = 0, n = 0, star = std::string_view::npos, mark = 0;
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || Lower(pattern[p]) == Lower(name[n]))) {
      ++p, ++n;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  // Win32 quirk: "*.*" matches names without a dot as well.
  if (p < pattern.size() && pattern.substr(p) == ".*") return true;
  return p == pattern.size();
}

bool SamePath(std::string_view a, std::string_view b) {
  a = StripTrailingSlash(a);
  b = StripTrailingSlash(b);
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

bool PathAtOrBelow(std::string_view path, std::string_view base) {
  base = StripTrailingSlash(base);
  path = StripTrailingSlash(path);
  if (path.size() < base.size() || !SamePath(path.substr(0, base.size()), base)) return false;
  return path.size() == base.size() || path[base.size()] == '\\';
}

bool FileSpecMatches(const FileSpec& spec, std::string_view full_path) {
  std::size_t slash = full_path.rfind('\\');
  if (slash == std::string_view::npos) return false;
  std::string_view dir = full_path.substr(0, slash);
  std::string_view name = full_path.substr(slash + 1);
  bool dir_ok = spec.recursive ? PathAtOrBelow(dir, spec.path) : SamePath(dir, spec.path);
  return dir_ok && WildcardMatch(spec.filespec, name);
}

const FileSpec* FindFileSet(const WriterMetadata& wmd, std::string_view path,
                            std::string_view filespec, bool recursive,
                            const ComponentDescription** owner) {
  for (const ComponentDescription& c : wmd.components) {
    for (const auto* list : {&c.files, &c.database_files, &c.log_files}) {
      for (const FileSpec& f : *list) {
        // MATCH-01: exact triple; paths the Windows way, filespec case-insensitive.
        if (f.recursive == recursive && SamePath(f.path, path) && SamePath(f.filespec, filespec)) {
          if (owner != nullptr) *owner = &c;
          return &f;
        }
      }
    }
  }
  return nullptr;
}

std::optional<std::vector<ByteRange>> ParseRanges(std::string_view text) {
  std::vector<ByteRange> ranges;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    std::size_t colon = item.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto offset = ParseU64(item.substr(0, colon));
    auto length = ParseU64(item.substr(colon + 1));
    if (!offset || !length) return std::nullopt;
    ranges.push_back({*offset, *length});
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
    if (text.empty()) return std::nullopt;  // trailing comma
  }
  if (ranges.empty()) return std::nullopt;
  return ranges;
}

std::optional<std::string> RangesFilePath(std::string_view text) {
  if (text.size() > 5 && SamePath(text.substr(0, 5), "File=")) {
    return std::string(text.substr(5));  // PART-03, CONF-09: both forms accepted
  }
  // A plain ranges-file path must look like a path (PART-03: "the full path of a file").
  if (text.empty() || ParseRanges(text) || text.find('\\') == std::string_view::npos) {
    return std::nullopt;
  }
  return std::string(text);
}

RuleProblem CheckDirectedTarget(const DirectedTarget& t) {
  auto src = ParseRanges(t.source_ranges);
  auto dst = ParseRanges(t.destination_ranges);
  if (!src || !dst) {
    return {"DT-02", "directed target ranges are not \"offset:length,...\" lists"};
  }
  if (src->size() != dst->size()) {
    return {"DT-02", "directed target has " + std::to_string(src->size()) + " source ranges and " +
                         std::to_string(dst->size()) + " destination ranges"};
  }
  for (std::size_t i = 0; i < src->size(); ++i) {
    if ((*src)[i].length != (*dst)[i].length) {
      return {"DT-02", "directed target range " + std::to_string(i) + " lengths differ"};
    }
  }
  return {};
}

RuleProblem CheckDifferencedFile(const WriterMetadata& wmd, const ComponentDescription& component,
                                 const DifferencedFile& file) {
  const ComponentDescription* owner = nullptr;
  const FileSpec* exact = FindFileSet(wmd, file.path, file.filespec, file.recursive, &owner);
  if (exact != nullptr && owner != &component) {
    return {"DIFF-03", "differenced file set " + file.path + "\\" + file.filespec +
                           " belongs to component " + owner->FullPath()};
  }
  if (exact == nullptr) {
    bool below = false;  // new files: at or below a path of the component
    for (const auto* list : {&component.files, &component.database_files, &component.log_files}) {
      for (const FileSpec& f : *list) below = below || PathAtOrBelow(file.path, f.path);
    }
    if (!below) {
      return {"DIFF-03", "differenced files " + file.path + "\\" + file.filespec +
                             " are neither a file set of " + component.FullPath() +
                             " nor below one of its paths"};
    }
  }
  for (const ComponentDescription& other : wmd.components) {
    if (&other == &component) continue;
    for (const auto* list : {&other.files, &other.database_files, &other.log_files}) {
      for (const FileSpec& f : *list) {
        if (MayOverlap(f, file.path, file.filespec, file.recursive)) {
          return {"DIFF-03", "differenced files " + file.path + "\\" + file.filespec +
                                 " overlap a file set of component " + other.FullPath()};
        }
      }
    }
  }
  return {};
}

RuleProblem CheckDifferencedVsPartial(const ComponentState& state) {
  for (const DifferencedFile& d : state.differenced_files) {
    FileSpec spec;
    spec.path = d.path;
    spec.filespec = d.filespec;
    spec.recursive = d.recursive;
    for (const PartialFile& p : state.partial_files) {
      std::string full = std::string(StripTrailingSlash(p.path)) + "\\" + p.filename;
      if (FileSpecMatches(spec, full)) {
        return {"DIFF-04", full + " is both a differenced and a partial file"};
      }
    }
  }
  return {};
}

}  // namespace vsssim::metadata
