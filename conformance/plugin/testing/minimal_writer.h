// Writers for the plug-in loader's tests (conformance/plugin/*_test.cc, `vsssim conform` CLI
// tests): the smallest writer the loader can create, count and destroy, and a variant that
// throws from OnThaw (WRT-RET-02) so that the suite fails.
//
// Thread safety: single-threaded, like every writer under the simulator.
#ifndef VSSSIM_CONFORMANCE_PLUGIN_TESTING_MINIMAL_WRITER_H_
#define VSSSIM_CONFORMANCE_PLUGIN_TESTING_MINIMAL_WRITER_H_

#include <stdexcept>

#include "vsssim/conformance/writer_suite.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/storage/volume.h"
#include "vsssim/writer/writer.h"

namespace vsssim::conformance::testing {

inline writer::WriterIdentity MinimalIdentity() {
  writer::WriterIdentity identity;
  identity.class_id = *Guid::Parse("6c2bf5a4-6f0b-4d6e-9a56-0d7d2c1c0a11");
  identity.name = "MinimalPluginWriter";
  return identity;
}

class MinimalWriter : public writer::Writer {
 public:
  // With a context, keeps one file C:\Minimal\data.txt and declares it in OnIdentify, so the
  // suite's backups involve it (and reach OnThaw).
  explicit MinimalWriter(WriterContext* context, bool throw_in_thaw = false)
      : writer::Writer(MinimalIdentity()), throw_in_thaw_(throw_in_thaw) {
    if (context == nullptr) return;
    storage::Volume* c = context->volumes().Find("C:");
    c->CreateDirectory("C:\\Minimal");
    c->PutFile("C:\\Minimal\\data.txt", "data\n");
  }
  bool OnIdentify(metadata::CreateWriterMetadata& wmd) override {
    wmd.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                         vss::WriterRestore::VSS_WRE_NEVER, false);
    wmd.AddComponent(vss::ComponentType::VSS_CT_FILEGROUP, "", "Minimal", "", {}, false, false,
                     true, false);
    wmd.AddFilesToFileGroup("", "Minimal", "C:\\Minimal", "*", false, "");
    return true;
  }
  bool OnPrepareSnapshot() override { return true; }
  bool OnFreeze() override { return true; }
  bool OnThaw() override {
    // Deliberately broken variant: WRT-RET-02 says no exception may escape a handler.
    if (throw_in_thaw_) throw std::runtime_error("MinimalWriter throws from OnThaw");
    return true;
  }
  bool OnAbort() override { return true; }

 private:
  bool throw_in_thaw_;
};

}  // namespace vsssim::conformance::testing

#endif  // VSSSIM_CONFORMANCE_PLUGIN_TESTING_MINIMAL_WRITER_H_
