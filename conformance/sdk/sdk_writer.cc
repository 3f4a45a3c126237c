// vsssim/conformance/sdk_writer.h: a CVssWriter for the writer conformance suite.
#include "vsssim/conformance/sdk_writer.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <utility>

#include "sim/sdk/service.h"
#include "vsssim/writer/writer.h"

#include "sim/sdk/writer/writer_bridge.h"  // last (sdk_api.h)

namespace vsssim::sdk {

std::unique_ptr<writer::Writer> CaptureSdkWriter(SdkWriterMaker make) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  WriterBridge* captured = nullptr;
  WriterBridge::SetSubscribeHook([&captured](WriterBridge& bridge) {
    captured = &bridge;
    return true;
  });
  std::unique_ptr<CVssWriter> writer = make();
  WriterBridge::SetSubscribeHook(nullptr);
  if (writer == nullptr || captured == nullptr) {
    std::fprintf(stderr,
                 "vsssim: the CVssWriter factory %s (it must create the writer and call its "
                 "Initialize and Subscribe)\n",
                 writer == nullptr ? "returned no writer" : "did not Subscribe a writer");
    std::exit(2);
  }
  return captured->Adopt(std::move(writer));
}

void DestroySdkWriter(writer::Writer* writer) { delete writer; }

}  // namespace vsssim::sdk
