// Which text a VSS document may carry, and how to make any string such text. Writer and
// Backup Components Documents are XML 1.0 (WMDX-12: UTF-8 or UTF-16), so their text is valid
// Unicode in the characters XML 1.0 allows (its Char production: tab, LF, CR, U+0020-U+D7FF,
// U+E000-U+FFFD, U+10000-U+10FFFF; no surrogates, no U+FFFE/U+FFFF, no other control
// characters). vsssim holds every string as UTF-8 and applies the same rule to scenario
// files, so that everything it writes (JSON, JSONL traces, JUnit XML) stays well-formed.
// The Unicode work is done by Debian's utfcpp.
//
// Thread safety: pure functions.
#ifndef VSSSIM_VSS_TEXT_H_
#define VSSSIM_VSS_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vsssim::vss {

struct TextProblem {
  std::size_t offset = 0;  // byte offset of the first bad sequence in the string
  std::string what;        // "invalid UTF-8 byte 0xC3", "U+D800 (a surrogate) is not ..."
};

// The first place where `text` is not valid UTF-8 or holds a character XML 1.0 does not
// allow; nullopt when the whole string is fine.
std::optional<TextProblem> FindTextProblem(std::string_view text);
inline bool IsValidText(std::string_view text) { return !FindTextProblem(text).has_value(); }

// `text` with every invalid UTF-8 sequence and every character XML 1.0 does not allow
// replaced by U+FFFD. Returns `text` unchanged when it is valid (the common case, one scan).
std::string ToValidText(std::string_view text);

// UTF-8 only (control characters allowed, as JSON escapes them): is `text` valid UTF-8, and
// `text` with each invalid sequence replaced by U+FFFD.
bool IsValidUtf8(std::string_view text);
std::string ToValidUtf8(std::string_view text);

}  // namespace vsssim::vss

#endif  // VSSSIM_VSS_TEXT_H_
