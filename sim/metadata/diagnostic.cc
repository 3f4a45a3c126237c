#include "vsssim/metadata/diagnostic.h"

namespace vsssim::metadata {

std::string Diagnostic::ToString() const {
  std::string text = file.empty() ? std::string("<memory>") : file;
  text += ':';
  text += std::to_string(line);
  text += ": ";
  if (!rule_id.empty()) text += rule_id + ": ";
  if (severity == Severity::kWarning) text += "warning: ";
  return text + message;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

}  // namespace vsssim::metadata
