// Quoting shared by the trace renderers: a value inside double quotes, with '"', '\\', '\n',
// '\r' and '\t' escaped C-style and other control characters written with
// `control_format` ("\\x%02x" for the text rendering, "\\u%04x" for JSON). Internal to sim/trace.
#ifndef VSSSIM_SIM_TRACE_ESCAPE_H_
#define VSSSIM_SIM_TRACE_ESCAPE_H_

#include <string>
#include <string_view>

namespace vsssim::trace::internal {

void AppendQuoted(std::string& out, std::string_view value, const char* control_format);

}  // namespace vsssim::trace::internal

#endif  // VSSSIM_SIM_TRACE_ESCAPE_H_
