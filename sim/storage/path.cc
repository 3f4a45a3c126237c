#include "vsssim/storage/path.h"

#include <cctype>

namespace vsssim::storage {
namespace {

char Fold(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

bool ValidComponent(std::string_view c) {
  if (c == "." || c == "..") return false;
  for (char ch : c) {
    if (static_cast<unsigned char>(ch) < 0x20) return false;
    switch (ch) {
      case '<':
      case '>':
      case ':':
      case '"':
      case '|':
      case '?':
      case '*':
        return false;
      default:
        break;
    }
  }
  return true;
}

bool MatchFrom(std::string_view pattern, std::string_view name) {
  // Iterative glob with single backtracking point: O(|pattern| * |name|) worst case.
  std::size_t p = 0, n = 0, star = std::string_view::npos, mark = 0;
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || Fold(pattern[p]) == Fold(name[n]))) {
      ++p;
      ++n;
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
  return p == pattern.size();
}

}  // namespace

std::string FoldCase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = Fold(c);
  return out;
}

std::string ParsedPath::ToString() const {
  std::string out = volume + "\\";
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (i > 0) out += '\\';
    out += components[i];
  }
  return out;
}

std::string ParsedPath::Key() const {
  std::string out;
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (i > 0) out += '\\';
    out += FoldCase(components[i]);
  }
  return out;
}

std::optional<std::string> VolumeNameOf(std::string_view path) {
  if (path.size() < 2 || path[1] != ':' || !std::isalpha(static_cast<unsigned char>(path[0]))) {
    return std::nullopt;
  }
  return std::string{Fold(path[0]), ':'};
}

std::optional<ParsedPath> ParsePath(std::string_view path) {
  std::optional<std::string> volume = VolumeNameOf(path);
  if (!volume) return std::nullopt;
  ParsedPath out;
  out.volume = *volume;
  std::string_view rest = path.substr(2);
  if (!rest.empty() && rest[0] != '\\' && rest[0] != '/') return std::nullopt;  // "C:foo"
  std::size_t start = 0;
  while (start <= rest.size()) {
    std::size_t end = rest.find_first_of("\\/", start);
    if (end == std::string_view::npos) end = rest.size();
    std::string_view c = rest.substr(start, end - start);
    if (!c.empty()) {
      if (!ValidComponent(c)) return std::nullopt;
      out.components.emplace_back(c);
    }
    start = end + 1;
  }
  return out;
}

bool WildcardMatch(std::string_view filespec, std::string_view name) {
  if (filespec == "*.*" || filespec == "*") return true;
  return MatchFrom(filespec, name);
}

bool FileSetMatches(const FileSetSpec& spec, std::string_view file_path) {
  std::optional<ParsedPath> dir = ParsePath(spec.path);
  std::optional<ParsedPath> file = ParsePath(file_path);
  if (!dir || !file || file->components.empty() || dir->volume != file->volume) return false;
  const std::size_t depth = dir->components.size();
  const std::size_t parent_depth = file->components.size() - 1;
  if (parent_depth < depth || (!spec.recursive && parent_depth != depth)) return false;
  for (std::size_t i = 0; i < depth; ++i) {
    if (FoldCase(dir->components[i]) != FoldCase(file->components[i])) return false;
  }
  return WildcardMatch(spec.filespec, file->components.back());
}

}  // namespace vsssim::storage
