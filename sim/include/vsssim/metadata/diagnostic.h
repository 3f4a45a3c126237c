// Diagnostic: one problem found in a WMD or BCD — where (file, line), which rule (when the
// catalogue names one), what, and how bad. Readers and validators return lists of these;
// `vsssim check` prints them as "file:line: RULE-ID: message".
//
// Thread safety: plain values.
#ifndef VSSSIM_METADATA_DIAGNOSTIC_H_
#define VSSSIM_METADATA_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace vsssim::metadata {

enum class Severity {
  kWarning,  // the document is usable (e.g. no RESTORE_METHOD, WMDX-08)
  kError,    // the document is not usable (malformed XML, bad GUID, bad mask)
};

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;         // 1-based; 0 when not known
  std::string rule_id;  // e.g. "XML-02", "WMDX-02"; may be empty
  std::string message;

  // "file:line: RULE-ID: message" (the rule part is left out when empty; "warning: " is put
  // before the message of a warning).
  std::string ToString() const;
};

// True when any diagnostic is an error.
bool HasErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_DIAGNOSTIC_H_
