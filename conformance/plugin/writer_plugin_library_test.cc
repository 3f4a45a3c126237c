// Tests of the writer plug-in loader against small plug-ins built from testing/*.cc; their
// paths come from the build (VSSSIM_TEST_PLUGIN_* definitions).
#include "conformance/plugin/writer_plugin_library.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "conformance/plugin/shared_library.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/storage/volume_manager.h"

namespace vsssim::conformance {
namespace {

// The volume the test plug-in's writer keeps its file on.
class FakeContext : public WriterContext {
 public:
  FakeContext() { volumes_.CreateVolume(storage::VolumeOptions{}); }
  storage::VolumeManager& volumes() override { return volumes_; }
  const runtime::Clock& clock() const override { return clock_; }

 private:
  runtime::Clock clock_;
  storage::VolumeManager volumes_{clock_};
};

std::string LoadError(const std::string& path) {
  WriterPluginLibrary::LoadResult result = WriterPluginLibrary::Load(path);
  EXPECT_EQ(result.library, nullptr);
  return result.error;
}

// Checks that a path with no file behind it is reported as such, before any system loader.
TEST(Plugin_Load, MissingFileIsNoSuchFile) {
  EXPECT_EQ(LoadError(VSSSIM_TEST_PLUGIN_DIR "/no-such-plugin.so"), "no such file");
}

// Checks that a file that is no shared library gives the system loader's reason.
TEST(Plugin_Load, FileThatIsNoLibraryCannotLoad) {
  EXPECT_EQ(LoadError(VSSSIM_TEST_NOT_A_LIBRARY).rfind("cannot load the library: ", 0), 0u);
}

// Checks that a library without the ABI version function is not taken for a plug-in.
TEST(Plugin_Load, LibraryWithoutAbiVersionIsNotAPlugin) {
  EXPECT_EQ(LoadError(VSSSIM_TEST_PLUGIN_NOT_A_PLUGIN),
            "not a vsssim writer plug-in: it does not export vsssim_writer_plugin_abi_version "
            "(see vsssim/conformance/writer_plugin.h)");
}

// Checks that a plug-in of another ABI version is refused with both versions named.
TEST(Plugin_Load, OtherAbiVersionIsRefused) {
  EXPECT_EQ(LoadError(VSSSIM_TEST_PLUGIN_WRONG_ABI),
            "plug-in ABI version 99, this vsssim supports 1 (rebuild the plug-in against this "
            "vsssim's headers)");
}

// Checks that a missing factory function is named in the error.
TEST(Plugin_Load, MissingCreateFunctionIsNamed) {
  EXPECT_NE(LoadError(VSSSIM_TEST_PLUGIN_NO_CREATE).find("does not export vsssim_create_writer"),
            std::string::npos);
}

// Checks that the factory creates the plug-in's writer behind the proxy and that destroying
// the proxy hands the writer back to vsssim_destroy_writer.
TEST(Plugin_Factory, CreatesAndDestroysThroughThePlugin) {
  WriterPluginLibrary::LoadResult loaded = WriterPluginLibrary::Load(VSSSIM_TEST_PLUGIN_GOOD);
  ASSERT_NE(loaded.library, nullptr) << loaded.error;
  EXPECT_EQ(loaded.library->abi_version(), 1);
  std::string error;
  std::unique_ptr<SharedLibrary> same = SharedLibrary::Open(VSSSIM_TEST_PLUGIN_GOOD, &error);
  ASSERT_NE(same, nullptr) << error;
  auto live = reinterpret_cast<int (*)()>(same->Find("vsssim_test_live_writers"));
  ASSERT_NE(live, nullptr);

  FakeContext context;
  WriterFactory factory = loaded.library->Factory();
  loaded.library.reset();  // the factory keeps the library loaded
  std::unique_ptr<writer::Writer> writer = factory(context);
  ASSERT_NE(writer, nullptr);
  EXPECT_EQ(writer->identity().name, "MinimalPluginWriter");
  EXPECT_TRUE(writer->OnFreeze());
  EXPECT_EQ(live(), 1);
  writer.reset();
  EXPECT_EQ(live(), 0);
}

// Checks that the proxy names the plug-in writer's WriterProbe (WriterProbeSource) when the
// plug-in exports vsssim_writer_probe, so the suite's SIM-ABORT-01 look works through
// `vsssim conform` too — and that a plug-in without the export has none (the good plug-in's
// writer is no probe).
TEST(Plugin_Factory, ProxyNamesTheExportedProbe) {
  WriterPluginLibrary::LoadResult loaded = WriterPluginLibrary::Load(VSSSIM_TEST_PLUGIN_PROBE);
  ASSERT_NE(loaded.library, nullptr) << loaded.error;
  EXPECT_TRUE(loaded.library->exports_probe());
  FakeContext context;
  std::unique_ptr<writer::Writer> writer = loaded.library->Factory()(context);
  const WriterProbe* probe = FindWriterProbe(*writer);
  ASSERT_NE(probe, nullptr);
  EXPECT_FALSE(probe->IsFrozen());
  writer->OnFreeze();
  writer->OnAbort();
  EXPECT_TRUE(probe->IsFrozen());

  WriterPluginLibrary::LoadResult good = WriterPluginLibrary::Load(VSSSIM_TEST_PLUGIN_GOOD);
  ASSERT_NE(good.library, nullptr) << good.error;
  EXPECT_FALSE(good.library->exports_probe());
  EXPECT_EQ(FindWriterProbe(*good.library->Factory()(context)), nullptr);
}

}  // namespace
}  // namespace vsssim::conformance
