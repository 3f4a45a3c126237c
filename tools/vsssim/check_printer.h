// CheckPrinter: the console output of one check run in a process of its own
// (conform_isolated.h): GoogleTest's per-test lines ([ RUN ], each failure or skip with its
// location, [ OK ] / [ FAILED ] / [ SKIPPED ]) without the per-process header and summary,
// so that many such processes read as one run; the supervising vsssim prints the summary.
//
// Thread safety: a GoogleTest listener; GoogleTest calls it from the thread running the tests.
#ifndef VSSSIM_TOOLS_VSSSIM_CHECK_PRINTER_H_
#define VSSSIM_TOOLS_VSSSIM_CHECK_PRINTER_H_

namespace vsssim::tools {

// Replaces GoogleTest's default console printer with the CheckPrinter.
void UseCheckPrinter();

}  // namespace vsssim::tools

#endif  // VSSSIM_TOOLS_VSSSIM_CHECK_PRINTER_H_
