// A CVssWriter-derived writer (Microsoft's API, docs/sdk.md) through the writer conformance
// suite (docs/conformance.md), both ways the suite takes writers:
//
// 1. vsssim_add_writer_conformance_test(): write a factory that creates your writer and runs
//    its usual start-up (Initialize + Subscribe), and give the suite the adapter:
//
//      // my_writer_factory.h (vsssim's headers before your writer's: see below)
//      #include "vsssim/conformance/sdk_writer.h"
//      std::unique_ptr<CVssWriter> CreateMyWriter();   // new MyWriter, Initialize, Subscribe
//
//      vsssim_add_writer_conformance_test(my_writer_conformance
//        FACTORY vsssim::sdk::SdkWriterFactory<CreateMyWriter>
//        HEADER my_writer_factory.h SOURCES my_writer_factory.cc LIBS my_writer vsssim::sim)
//
// 2. `vsssim conform --writer-plugin`: one line in the plug-in's source,
//
//      #include "vsssim/conformance/writer_plugin.h"
//      #include "vsssim/conformance/sdk_writer.h"
//      #include "my_writer_factory.h"
//      VSSSIM_SDK_WRITER_PLUGIN(CreateMyWriter)
//
// What happens: while the factory runs, CVssWriter::Subscribe is captured instead of going to
// the process's in-process machine; the captured writer (the bridge between your CVssWriter
// and vsssim's writer model) is what the suite registers in each check's world, and it owns
// your CVssWriter (destroyed with it). Findings of the SDK layer itself (SIM-SDK-01) go to the
// process's default machine trace, not the check's.
//
// Include order: the Windows headers (<windows.h>, <vss.h>, ...) define S_OK, E_INVALIDARG
// and the VSS_E_* codes as macros, which clash with vsssim's constants of those names; include
// vsssim's headers first and your writer's (SDK) headers after them. This header itself
// includes neither.
//
// Thread safety: call from the suite's thread (one writer is captured at a time).
#ifndef VSSSIM_CONFORMANCE_SDK_WRITER_H_
#define VSSSIM_CONFORMANCE_SDK_WRITER_H_

#include <memory>

class CVssWriter;

namespace vsssim {
namespace writer {
class Writer;
}  // namespace writer
namespace conformance {
class WriterContext;
}  // namespace conformance

namespace sdk {

// Runs `make` with CVssWriter::Subscribe captured and returns the writer the suite registers,
// owning the CVssWriter `make` returned. A factory that returns null, or whose writer did not
// Initialize and Subscribe, is a bug in the test set-up: the message says so and the process
// exits with status 2.
// (A plain function pointer, so this header needs CVssWriter only declared; a lambda without
// captures converts to one.)
using SdkWriterMaker = std::unique_ptr<CVssWriter> (*)();
std::unique_ptr<writer::Writer> CaptureSdkWriter(SdkWriterMaker make);

// Frees a writer CaptureSdkWriter returned (the plug-in's vsssim_destroy_writer).
void DestroySdkWriter(writer::Writer* writer);

// The suite's WriterFactory for `Make` (a function creating and starting the CVssWriter).
template <std::unique_ptr<CVssWriter> (*Make)()>
std::unique_ptr<writer::Writer> SdkWriterFactory(conformance::WriterContext& /*context*/) {
  return CaptureSdkWriter(Make);
}

}  // namespace sdk
}  // namespace vsssim

// The plug-in entry points (vsssim/conformance/writer_plugin.h, included before) for the
// writer that `make` (a function returning std::unique_ptr<CVssWriter>) creates and starts.
#define VSSSIM_SDK_WRITER_PLUGIN(make)                                                         \
  VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()                                                  \
  extern "C" VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(                \
      vsssim::conformance::WriterContext* /*context*/) {                                       \
    return vsssim::sdk::CaptureSdkWriter(make).release();                                      \
  }                                                                                            \
  extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* writer) { \
    vsssim::sdk::DestroySdkWriter(writer);                                                     \
  }

#endif  // VSSSIM_CONFORMANCE_SDK_WRITER_H_
