#include "sim/sdk/in_process_machine.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/sdk/service.h"
#include "vsssim/trace/text.h"
#include "vsssim/writer/scripted_writer.h"

namespace vsssim::sdk {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("vsssim-sdk-machine-" +
           std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" + name))
      .string();
}

std::string WriteFile(const std::string& name, const std::string& text) {
  const std::string path = TempPath(name);
  std::ofstream(path) << text;
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::uint32_t GatheredWriters(Service& service) {
  std::unique_ptr<coordinator::Requester> r = service.CreateRequester();
  EXPECT_TRUE(r->InitializeForBackup().Succeeded());
  coordinator::AsyncPtr async;
  EXPECT_TRUE(r->GatherWriterMetadata(&async).Succeeded());
  EXPECT_TRUE(async->Wait().Succeeded());
  std::uint32_t count = 0;
  EXPECT_TRUE(r->GetWriterMetadataCount(&count).Succeeded());
  r->Release();
  return count;
}

writer::WriterIdentity Identity(const char* name) {
  writer::WriterIdentity identity;
  identity.class_id = Guid::Parse("{a6b1c1f0-0000-4000-8000-00000000c0de}").value();
  identity.name = name;
  return identity;
}

// Checks that the default machine has volumes C: and D: and no writers, and that a writer
// that subscribed is asked to identify until it unsubscribes (WRT-INIT-02, WRT-INIT-03).
TEST(Sdk_Machine, DefaultMachineSubscribeAndUnsubscribe) {
  InProcessMachine machine;
  EXPECT_NE(machine.volumes().Find("C:"), nullptr);
  EXPECT_NE(machine.volumes().Find("D:"), nullptr);
  EXPECT_EQ(GatheredWriters(machine), 0u);
  writer::ScriptedWriter w(Identity("SdkMachineWriter"));
  machine.Subscribe(w);
  EXPECT_EQ(GatheredWriters(machine), 1u);
  machine.Unsubscribe(w);
  EXPECT_EQ(GatheredWriters(machine), 0u);
  machine.Subscribe(w);  // WRT-INIT-04: subscribes again
  EXPECT_EQ(GatheredWriters(machine), 1u);
}

// Checks that ScopedService makes CurrentService() the installed service, nested, and
// restores the previous one.
TEST(Sdk_Machine, ScopedServiceNests) {
  InProcessMachine outer;
  InProcessMachine inner;
  {
    ScopedService a(outer);
    EXPECT_EQ(&CurrentService(), &outer);
    {
      ScopedService b(inner);
      EXPECT_EQ(&CurrentService(), &inner);
    }
    EXPECT_EQ(&CurrentService(), &outer);
  }
  EXPECT_NE(&CurrentService(), &outer);
}

// Checks that a machine file gives the machine its volumes and writers (scripted writers from
// the scenario format), and that the trace file gets the trace and its digest.
TEST(Sdk_Machine, MachineFileGivesWritersAndTraceFileHasDigest) {
  const std::string file = WriteFile("machine.xml", R"(<scenario name="m" seed="5">
  <description>two writers on E:</description>
  <volume name="E:" size="64MiB"/>
  <writer name="FirstDB"/>
  <writer name="SecondDB"/>
</scenario>
)");
  MachineOptions options;
  options.machine_file = file;
  options.trace_path = TempPath("trace.txt");
  std::string error;
  std::string digest;
  {
    std::unique_ptr<InProcessMachine> machine = InProcessMachine::Create(options, &error);
    ASSERT_NE(machine, nullptr) << error;
    EXPECT_NE(machine->volumes().Find("E:"), nullptr);
    EXPECT_EQ(machine->volumes().Find("C:"), nullptr);
    EXPECT_EQ(GatheredWriters(*machine), 2u);
    digest = trace::Digest(machine->trace());
  }
  const std::string written = ReadFile(options.trace_path);
  EXPECT_NE(written.find("FirstDB"), std::string::npos);
  EXPECT_NE(written.find("digest " + digest + "\n"), std::string::npos) << written;
  std::remove(file.c_str());
  std::remove(options.trace_path.c_str());
}

// Checks that a machine file with requester steps, or one that does not load, is refused
// with "file:line: what is wrong".
TEST(Sdk_Machine, BadMachineFileIsRefusedWithItsLine) {
  const std::string steps = WriteFile("steps.xml", R"(<scenario name="m">
  <description>has a requester</description>
  <volume name="C:" size="64MiB"/>
  <requester>
    <call method="InitializeForBackup"/>
  </requester>
</scenario>
)");
  MachineOptions options;
  options.machine_file = steps;
  std::string error;
  EXPECT_EQ(InProcessMachine::Create(options, &error), nullptr);
  EXPECT_NE(error.find(steps + ":5: a machine file"), std::string::npos) << error;

  options.machine_file = TempPath("missing.xml");
  error.clear();
  EXPECT_EQ(InProcessMachine::Create(options, &error), nullptr);
  EXPECT_NE(error.find("missing.xml"), std::string::npos) << error;
  std::remove(steps.c_str());
}

}  // namespace
}  // namespace vsssim::sdk
