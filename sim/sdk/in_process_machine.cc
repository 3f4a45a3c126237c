#include "sim/sdk/in_process_machine.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>

#include "vsssim/trace/text.h"

namespace vsssim::sdk {
namespace {

// 1 GiB: large enough for the examples' files; the volumes are sparse, so unused space costs
// nothing.
constexpr std::uint64_t kVolumeBytes = 1ull << 30;

}  // namespace

InProcessMachine::InProcessMachine(MachineOptions options)
    : options_(std::move(options)),
      trace_(clock_),
      volumes_(clock_),
      provider_(volumes_, clock_, &trace_) {
  for (const char* name : {"C:", "D:"}) {
    storage::VolumeOptions volume;
    volume.name = name;
    volume.size_bytes = kVolumeBytes;
    volumes_.CreateVolume(volume);
  }
  vss_ = std::make_unique<coordinator::Coordinator>(clock_, trace_, provider_,
                                                    coordinator::Choices{}, options_.seed);
  vss_->AttachStorage(volumes_);
  // WRT-INIT-03: a writer that called Unsubscribe has left, as a writer process that ended.
  vss_->SetWriterGoneProbe([this](const writer::Writer& writer) -> std::string {
    return unsubscribed_.count(&writer) != 0 ? "CVssWriter::Unsubscribe" : "";
  });
}

InProcessMachine::~InProcessMachine() {
  std::string error;
  WriteTrace(&error);  // best effort at exit; a failure was reported by whoever asked first
}

std::unique_ptr<coordinator::Requester> InProcessMachine::CreateRequester() {
  return vss_->CreateVssBackupComponents("r" + std::to_string(++requesters_));
}

void InProcessMachine::Subscribe(writer::Writer& writer) {
  unsubscribed_.erase(&writer);
  vss_->RegisterWriter(writer);
}

void InProcessMachine::Unsubscribe(writer::Writer& writer) {
  unsubscribed_.insert(&writer);
  vss_->CheckWriterProcess(writer);
}

Guid InProcessMachine::WriterInstanceId(const writer::Writer& writer) {
  const coordinator::RegisteredWriter* registration = vss_->Registration(writer);
  return registration != nullptr ? registration->instance_id : Guid{};
}

std::string InProcessMachine::SnapshotDeviceName(const Guid& snapshot_set_id,
                                                 std::string_view volume) {
  // "C:", "C:\" and "c:\" name the same volume.
  const auto same = [](std::string_view a, std::string_view b) {
    while (!a.empty() && a.back() == '\\') a.remove_suffix(1);
    while (!b.empty() && b.back() == '\\') b.remove_suffix(1);
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(a[i])) !=
          std::tolower(static_cast<unsigned char>(b[i]))) {
        return false;
      }
    }
    return true;
  };
  for (const storage::SnapshotProperties& s : provider_.Query()) {
    if (s.snapshot_set_id == snapshot_set_id && same(s.original_volume, volume)) {
      return s.device_object;
    }
  }
  return {};
}

bool InProcessMachine::WriteTrace(std::string* error) const {
  if (options_.trace_path.empty()) return true;
  std::ofstream out(options_.trace_path, std::ios::binary | std::ios::trunc);
  out << trace::RenderText(trace_) << "digest " << trace::Digest(trace_) << "\n";
  out.close();
  if (!out) {
    *error = options_.trace_path + ": cannot write the trace";
    return false;
  }
  return true;
}

bool MachineOptionsFromEnvironment(MachineOptions* options, std::string* error) {
  if (const char* seed = std::getenv("VSSSIM_SEED"); seed != nullptr && *seed != '\0') {
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(seed, &end, 10);
    if (errno != 0 || *end != '\0' || *seed == '-') {
      *error = std::string("VSSSIM_SEED: '") + seed + "' is not a decimal number";
      return false;
    }
    options->seed = value;
  }
  if (const char* path = std::getenv("VSSSIM_TRACE"); path != nullptr) options->trace_path = path;
  return true;
}

}  // namespace vsssim::sdk
