// Where the metadata layer reports protocol misuse: a callback taking the rule ID of
// ../shared/spec/CATALOGUE.md (e.g. "WRT-CALL-03", "WMD-04") and a one-line message. The
// coordinator turns each call into a trace entry of kind kFinding; tests collect them.
//
// CONTRACT: consumed by sim/writer and sim/coordinator. An empty sink drops findings.
//
// Thread safety: a plain callable, called on the caller's thread.
#ifndef VSSSIM_METADATA_FINDING_SINK_H_
#define VSSSIM_METADATA_FINDING_SINK_H_

#include <functional>
#include <string>
#include <string_view>

namespace vsssim::metadata {

using FindingSink = std::function<void(std::string_view rule_id, std::string message)>;

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_FINDING_SINK_H_
