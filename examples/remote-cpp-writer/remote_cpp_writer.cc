// A minimal C++ writer in its own process: an ordinary vsssim::writer::Writer, served to a
// vsssim service by the client library (vsssim/remote/writer_client.h). It declares one
// FILEGROUP component over C:\RemoteCpp\*, answers every event, and reports its handlers on
// stderr. Builds on Linux and for Windows with mingw-w64 (runs under wine64 over TCP).
//
//   vsssim serve ...                        # prints VSSSIM_ADDRESS and VSSSIM_TOKEN
//   VSSSIM_ADDRESS=tcp:127.0.0.1:PORT VSSSIM_TOKEN=... remote_cpp_writer [--veto-freeze]
//
// Exit status: 0 after the service's shutdown, 1 could not connect or refused, 2 the
// connection broke (ServeWriter's codes).
#include <cstdio>
#include <cstring>
#include <string>

#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/remote/writer_client.h"
#include "vsssim/writer/writer.h"

namespace {

using namespace vsssim;

writer::WriterIdentity Identity() {
  writer::WriterIdentity id;
  id.class_id = *Guid::Parse("7c3f1a52-9b1e-4d2a-8f60-5e2b9c0d4a11");
  id.name = "RemoteCppWriter";
  id.usage = vss::UsageType::VSS_UT_USERDATA;
  id.source = vss::SourceType::VSS_ST_OTHER;
  return id;
}

class RemoteCppWriter final : public writer::Writer {
 public:
  explicit RemoteCppWriter(bool veto_freeze) : Writer(Identity()), veto_freeze_(veto_freeze) {}

  bool OnIdentify(metadata::CreateWriterMetadata& wmd) override {
    Log("Identify");
    wmd.SetRestoreMethod(vss::RestoreMethod::VSS_RME_RESTORE_IF_CAN_REPLACE, "", "",
                         vss::WriterRestore::VSS_WRE_NEVER, false);
    wmd.AddComponent(vss::ComponentType::VSS_CT_FILEGROUP, "", "RemoteCppData", "Remote C++ data",
                     {}, false, false, true, false);
    wmd.AddFilesToFileGroup("", "RemoteCppData", "C:\\RemoteCpp", "*", true, "");
    return true;
  }
  bool OnPrepareSnapshot() override { return Log("PrepareForSnapshot"); }
  bool OnFreeze() override {
    Log("Freeze");
    if (!veto_freeze_) return true;
    SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);  // WRT-ERR-01: a documented code
    return false;
  }
  bool OnThaw() override { return Log("Thaw"); }
  bool OnAbort() override { return Log("Abort"); }
  bool OnBackupShutdown(const Guid&) override { return Log("BackupShutdown"); }

 private:
  static bool Log(const char* event) {
    std::fprintf(stderr, "remote_cpp_writer: %s\n", event);
    return true;
  }
  bool veto_freeze_;
};

}  // namespace

int main(int argc, char** argv) {
  const bool veto_freeze = argc > 1 && std::strcmp(argv[1], "--veto-freeze") == 0;
  RemoteCppWriter writer(veto_freeze);
  std::string error;
  const int status = remote::ServeWriterFromEnvironment(writer, &error);
  if (status != 0) std::fprintf(stderr, "remote_cpp_writer: %s\n", error.c_str());
  return status;
}
