#include "sim/sdk/remote_writer_service.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <utility>

#include "vsssim/trace/text.h"

namespace vsssim::sdk {

RemoteWriterService::RemoteWriterService(remote::Address address, std::string token,
                                         std::string trace_path)
    : address_(std::move(address)),
      token_(std::move(token)),
      trace_path_(std::move(trace_path)),
      trace_(clock_) {}

RemoteWriterService::~RemoteWriterService() {
  // Writers still subscribed at the end of the program leave as their process ends.
  std::map<const writer::Writer*, std::unique_ptr<remote::WriterThread>> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    threads.swap(threads_);
  }
}

void RemoteWriterService::Subscribe(writer::Writer& writer) {
  Unsubscribe(writer);  // a second Subscribe reconnects (WRT-INIT-04: a new instance)
  const writer::Writer* key = &writer;
  auto thread = std::make_unique<remote::WriterThread>(
      writer, address_, token_,
      [this, key](int result, const std::string& error) { Ended(key, result, error); });
  std::lock_guard<std::mutex> lock(mutex_);
  threads_[key] = std::move(thread);
}

void RemoteWriterService::Unsubscribe(writer::Writer& writer) {
  std::unique_ptr<remote::WriterThread> thread;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = threads_.find(&writer);
    if (it == threads_.end()) return;
    thread = std::move(it->second);
    threads_.erase(it);
  }
  thread.reset();  // closes the connection and joins, outside mutex_ (Ended takes it)
}

void RemoteWriterService::Ended(const writer::Writer* writer, int result,
                                const std::string& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = threads_.find(writer);
  if (it == threads_.end()) return;
  if (result != 0) {
    std::fprintf(stderr, "vsssim: writer %s: %s\n", writer->identity().name.c_str(), error.c_str());
    if (worst_result_ == 0 || result > worst_result_) worst_result_ = result;
  }
  // This thread cannot join itself: keep its object until the process exits.
  it->second.release();  // NOLINT(bugprone-unused-return-value): see above
  threads_.erase(it);
  if (!threads_.empty()) return;
  // Every writer's session ended: the process ends, as vsssim's writer processes do. Static
  // destructors are skipped (the program's main thread is still running its own code).
  if (!trace_path_.empty()) {
    std::ofstream out(trace_path_, std::ios::binary | std::ios::trunc);
    out << trace::RenderText(trace_) << "digest " << trace::Digest(trace_) << "\n";
  }
  std::fflush(nullptr);
  std::_Exit(worst_result_);
}

}  // namespace vsssim::sdk
