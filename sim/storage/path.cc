#include "vsssim/storage/path.h"

#include <cctype>
#include <string>
#include <utility>

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

bool IsSeparator(char c) { return c == '\\' || c == '/'; }

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// Records why a parse failed (when asked); returns npos for the caller's convenience.
std::size_t Fail(std::string* why, std::string reason) {
  if (why != nullptr) *why = std::move(reason);
  return std::string_view::npos;
}

// A host name or a fully qualified domain name: labels of letters, digits, '-' and '_' joined
// by '.'. All-digit labels only would be an IP address, which AddToSnapshotSet's remarks rule
// out ("UNC share names with IP addresses must be normalized").
bool ValidServer(std::string_view server, std::string* why) {
  bool all_numeric = true;
  std::size_t start = 0;
  while (start <= server.size()) {
    std::size_t end = server.find('.', start);
    if (end == std::string_view::npos) end = server.size();
    std::string_view label = server.substr(start, end - start);
    if (label.empty() || label.size() > 63) {
      Fail(why, "the server \"" + std::string(server) + "\" is not a host name");
      return false;
    }
    for (char c : label) {
      const bool ok = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
      if (!ok) {
        Fail(why, "the server \"" + std::string(server) + "\" is not a host name");
        return false;
      }
      if (std::isdigit(static_cast<unsigned char>(c)) == 0) all_numeric = false;
    }
    start = end + 1;
  }
  if (all_numeric) {
    Fail(why, "the server \"" + std::string(server) +
                  "\" is an IP address; it must be a host name or a fully qualified domain name");
    return false;
  }
  return true;
}

// "\\?\Volume{GUID}" at the start of `path` (after the "\\?\" checked by the caller):
// the canonical root, GUID in lower case as Windows prints volume GUID names.
std::size_t ParseGuidRoot(std::string_view path, std::string* root, std::string* why) {
  constexpr std::string_view kPrefix = "Volume{";
  const std::size_t open = 4 + kPrefix.size();  // after "\\?\Volume{"
  if (path.size() < open || !SameFolded(path.substr(4, kPrefix.size()), kPrefix)) {
    return Fail(why, "after \\\\?\\ only a volume GUID name \\\\?\\Volume{GUID}\\ is accepted");
  }
  const std::size_t close = path.find('}', open);
  if (close == std::string_view::npos) return Fail(why, "the volume GUID name has no '}'");
  const std::string_view guid = path.substr(open, close - open);
  bool valid = guid.size() == 36;
  for (std::size_t i = 0; valid && i < guid.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    valid = dash ? guid[i] == '-' : IsHex(guid[i]);
  }
  if (!valid) {
    return Fail(
        why, "\"" + std::string(guid) + "\" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
  }
  *root = "\\\\?\\Volume{";
  for (char c : guid) *root += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  *root += '}';
  return close + 1;
}

// "\\server\share" at the start of `path` (after the two separators).
std::size_t ParseUncRoot(std::string_view path, std::string* root, std::string* why) {
  std::size_t server_end = path.find_first_of("\\/", 2);
  if (server_end == std::string_view::npos || server_end == 2) {
    return Fail(why, "a UNC share is \\\\server\\share\\");
  }
  std::string_view server = path.substr(2, server_end - 2);
  std::size_t share_end = path.find_first_of("\\/", server_end + 1);
  if (share_end == std::string_view::npos) share_end = path.size();
  std::string_view share = path.substr(server_end + 1, share_end - server_end - 1);
  if (share.empty()) return Fail(why, "a UNC share is \\\\server\\share\\ (the share is missing)");
  if (!ValidServer(server, why)) return std::string_view::npos;
  if (!ValidComponent(share)) {
    return Fail(why, "\"" + std::string(share) + "\" is not a valid share name");
  }
  *root = "\\\\" + std::string(server) + "\\" + std::string(share);
  return share_end;
}

// The root of `path` (canonical, into *root) and where the rest begins, or npos.
std::size_t ParseRoot(std::string_view path, std::string* root, std::string* why) {
  std::size_t end = std::string_view::npos;
  if (path.size() >= 2 && path[1] == ':' && std::isalpha(static_cast<unsigned char>(path[0]))) {
    *root = std::string{Fold(path[0]), ':'};
    end = 2;
  } else if (path.size() >= 2 && IsSeparator(path[0]) && IsSeparator(path[1])) {
    if (path.size() >= 4 && (path[2] == '?' || path[2] == '.') && IsSeparator(path[3])) {
      if (path[2] == '.') return Fail(why, "a device path (\\\\.\\) is not a volume");
      end = ParseGuidRoot(path, root, why);
    } else {
      end = ParseUncRoot(path, root, why);
    }
  } else {
    return Fail(why,
                "not an absolute path: it must start with a drive (C:\\), a volume GUID name "
                "(\\\\?\\Volume{GUID}\\) or a share (\\\\server\\share\\)");
  }
  if (end == std::string_view::npos) return end;
  if (end < path.size() && !IsSeparator(path[end])) {
    return Fail(why, end == 2 ? "a drive-relative path (\"C:dir\"); write \"C:\\dir\""
                              : "the root must be followed by \\");
  }
  return end;
}

}  // namespace

std::string FoldCase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = Fold(c);
  return out;
}

bool SameFolded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Fold(a[i]) != Fold(b[i])) return false;
  }
  return true;
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
  std::string root;
  if (ParseRoot(path, &root, nullptr) == std::string_view::npos) return std::nullopt;
  return root;
}

std::optional<ParsedPath> ParsePath(std::string_view path, std::string* why) {
  ParsedPath out;
  const std::size_t root_end = ParseRoot(path, &out.volume, why);
  if (root_end == std::string_view::npos) return std::nullopt;
  std::string_view rest = path.substr(root_end);
  std::size_t start = 0;
  while (start <= rest.size()) {
    std::size_t end = rest.find_first_of("\\/", start);
    if (end == std::string_view::npos) end = rest.size();
    std::string_view c = rest.substr(start, end - start);
    if (!c.empty()) {
      if (!ValidComponent(c)) {
        Fail(why, "\"" + std::string(c) + "\" is not a valid file or folder name");
        return std::nullopt;
      }
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
  if (!dir || !file || file->components.empty() || !SameFolded(dir->volume, file->volume)) {
    return false;
  }
  const std::size_t depth = dir->components.size();
  const std::size_t parent_depth = file->components.size() - 1;
  if (parent_depth < depth || (!spec.recursive && parent_depth != depth)) return false;
  for (std::size_t i = 0; i < depth; ++i) {
    if (FoldCase(dir->components[i]) != FoldCase(file->components[i])) return false;
  }
  return WildcardMatch(spec.filespec, file->components.back());
}

}  // namespace vsssim::storage
