// The writer plug-in ABI: what a shared library exports so that
//   vsssim conform --writer-plugin libmywriter.so [--junit report.xml]
// can run the writer conformance suite (writer_suite.h) on its writer without rebuilding vsssim.
//
// A plug-in defines the three functions below, each once, with C linkage (and optionally a
// fourth, vsssim_writer_probe):
//
//   #include "vsssim/conformance/writer_plugin.h"
//   VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()  // or define vsssim_writer_plugin_abi_version
//   extern "C" VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(
//       vsssim::conformance::WriterContext* context) {
//     return new MyWriter(*context);
//   }
//   extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* w) {
//     delete w;
//   }
//   VSSSIM_WRITER_PLUGIN_PROBE_FUNCTION()  // optional, recommended: see below
//
// Contract:
// - vsssim_writer_plugin_abi_version returns VSSSIM_WRITER_PLUGIN_ABI_VERSION (1); vsssim
//   refuses a library that returns anything else (exit 2).
// - vsssim_create_writer is called once per check, on the suite's thread, with a context valid
//   until the matching vsssim_destroy_writer. It returns a new writer, never null.
// - vsssim_destroy_writer frees a writer that vsssim_create_writer returned (so the library's
//   own allocator frees what it allocated).
// - Optional (same ABI version 1; a library without it loads as before):
//   vsssim_writer_probe(writer) returns the conformance::WriterProbe of a writer that
//   vsssim_create_writer returned, or null. The dynamic_cast it needs happens inside the
//   plug-in, where the writer's type information lives; VSSSIM_WRITER_PLUGIN_PROBE_FUNCTION()
//   defines it. Without the export vsssim tries the same dynamic_cast itself, which can fail
//   across the library boundary (e.g. a plug-in built with -fvisibility=hidden); the checks that
//   look through the probe (SIM-ABORT-01, WRT-ABORT-02) then use their probe-free look or are
//   reported as skipped, never as passed.
// - C++ objects cross this boundary (writer::Writer, WriterContext, storage::VolumeManager):
//   build the plug-in with the same compiler and the same vsssim headers as the vsssim binary
//   that loads it, and link the vsssim libraries statically into the plug-in (the installed
//   static libraries are position-independent). Exceptions thrown by a handler are reported by
//   the suite as WRT-RET-02, not propagated.
//
// Thread safety: vsssim calls the functions from one thread.
#ifndef VSSSIM_CONFORMANCE_WRITER_PLUGIN_H_
#define VSSSIM_CONFORMANCE_WRITER_PLUGIN_H_

#include "vsssim/conformance/writer_suite.h"
#include "vsssim/writer/writer.h"

// The version of this ABI; bumped whenever the three signatures or their contract change.
#define VSSSIM_WRITER_PLUGIN_ABI_VERSION 1

// Marks a plug-in entry point as exported from the shared library (the plug-in may build with
// -fvisibility=hidden; the entry points stay visible).
#if defined(_WIN32) || defined(__CYGWIN__)
#define VSSSIM_PLUGIN_EXPORT __declspec(dllexport)
#else
#define VSSSIM_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

extern "C" {

// Returns VSSSIM_WRITER_PLUGIN_ABI_VERSION of the headers the plug-in was built with.
VSSSIM_PLUGIN_EXPORT int vsssim_writer_plugin_abi_version(void);

// Returns a new writer for one check. REQUIRES: context != nullptr.
VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(
    vsssim::conformance::WriterContext* context);

// Frees a writer returned by vsssim_create_writer. REQUIRES: writer came from this library.
VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* writer);

// Optional: the WriterProbe of `writer` (returned by vsssim_create_writer), or null.
VSSSIM_PLUGIN_EXPORT vsssim::conformance::WriterProbe* vsssim_writer_probe(
    vsssim::writer::Writer* writer);

}  // extern "C"

// Defines vsssim_writer_plugin_abi_version() returning the version of these headers; use it
// once in the plug-in so the version is never typed by hand.
#define VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()                            \
  extern "C" VSSSIM_PLUGIN_EXPORT int vsssim_writer_plugin_abi_version(void) { \
    return VSSSIM_WRITER_PLUGIN_ABI_VERSION;                                   \
  }

// Defines vsssim_writer_probe() as a dynamic_cast of the plug-in's writer to WriterProbe (null
// when the writer does not derive from it); use it once in the plug-in.
#define VSSSIM_WRITER_PLUGIN_PROBE_FUNCTION()                                            \
  extern "C" VSSSIM_PLUGIN_EXPORT vsssim::conformance::WriterProbe* vsssim_writer_probe( \
      vsssim::writer::Writer* writer) {                                                  \
    return dynamic_cast<vsssim::conformance::WriterProbe*>(writer);                      \
  }

// The entry points' types, as the loader (conformance/plugin) resolves them.
namespace vsssim::conformance::plugin_abi {
using AbiVersionFunction = int (*)();
using CreateWriterFunction = writer::Writer* (*)(WriterContext*);
using DestroyWriterFunction = void (*)(writer::Writer*);
using WriterProbeFunction = WriterProbe* (*)(writer::Writer*);
inline constexpr const char kAbiVersionSymbol[] = "vsssim_writer_plugin_abi_version";
inline constexpr const char kCreateWriterSymbol[] = "vsssim_create_writer";
inline constexpr const char kDestroyWriterSymbol[] = "vsssim_destroy_writer";
inline constexpr const char kWriterProbeSymbol[] = "vsssim_writer_probe";  // optional
}  // namespace vsssim::conformance::plugin_abi

#endif  // VSSSIM_CONFORMANCE_WRITER_PLUGIN_H_
