#include "conformance/examples/tiny_store.h"

#include <chrono>

#include "vsssim/storage/volume.h"

namespace vsssim::examples {
namespace {

constexpr auto kClientInterval = std::chrono::milliseconds(10);

std::string LogRecord(std::uint64_t lsn) { return "txn " + std::to_string(lsn) + "\n"; }
std::string DataRow(std::uint64_t lsn) {
  return "k" + std::to_string(lsn) + "=v" + std::to_string(lsn) + "\n";
}

}  // namespace

TinyStore::TinyStore(conformance::WriterContext& context, std::string directory)
    : context_(context), directory_(std::move(directory)) {
  storage::Volume* volume = context_.volumes().Find(directory_);
  volume->PutFile(data_path(), "");
  volume->PutFile(log_path(), "");
  Apply(kInitialTransactions);
  timer_ = context_.ScheduleAfter(kClientInterval, [this] { Tick(); });
}

TinyStore::~TinyStore() {
  if (timer_ != 0) context_.Cancel(timer_);
}

void TinyStore::Tick() {
  timer_ = context_.ScheduleAfter(kClientInterval, [this] { Tick(); });
  Commit();
}

void TinyStore::Commit() {
  if (paused_) {
    ++held_;  // the client waits; nothing reaches the files
    return;
  }
  Apply(1);
}

void TinyStore::Resume() {
  if (!paused_) return;
  paused_ = false;
  const std::uint64_t held = held_;
  held_ = 0;
  Apply(held);
}

void TinyStore::Apply(std::uint64_t count) {
  if (count == 0) return;
  std::string log, data;
  for (std::uint64_t i = 0; i < count; ++i) {
    ++lsn_;
    log += LogRecord(lsn_);
    data += DataRow(lsn_);
  }
  storage::Volume* volume = context_.volumes().Find(directory_);
  volume->AppendFile(log_path(), log);
  volume->AppendFile(data_path(), data);
  expected_log_ += log;
  expected_data_size_ += data.size();
}

void TinyStore::TruncateLogUpTo(std::uint64_t lsn) {
  // Records are in LSN order: keep those after `lsn`.
  std::string kept;
  std::size_t pos = 0;
  while (pos < expected_log_.size()) {
    const std::size_t end = expected_log_.find('\n', pos) + 1;
    const std::string record = expected_log_.substr(pos, end - pos);
    if (std::stoull(record.substr(4)) > lsn) kept += record;
    pos = end;
  }
  expected_log_ = kept;
  context_.volumes().Find(directory_)->PutFile(log_path(), kept);
}

void TinyStore::Reload() {
  const storage::Volume* volume = context_.volumes().Find(directory_);
  std::string log, data;
  volume->ReadFile(log_path(), &log);
  volume->ReadFile(data_path(), &data);
  expected_log_ = log;
  expected_data_size_ = data.size();
  // The last row "k<lsn>=v<lsn>\n" holds the last committed LSN.
  lsn_ = 0;
  if (data.size() < 2) return;
  const std::string rows = data.substr(0, data.size() - 1);  // without the final '\n'
  const std::size_t newline = rows.rfind('\n');
  const std::size_t row = newline == std::string::npos ? 0 : newline + 1;
  if (rows[row] == 'k') lsn_ = std::stoull(rows.substr(row + 1));
}

std::string TinyStore::Verify() const {
  const storage::Volume* volume = context_.volumes().Find(directory_);
  std::string log, data;
  if (volume->ReadFile(log_path(), &log).Failed()) return log_path() + " is missing";
  if (volume->ReadFile(data_path(), &data).Failed()) return data_path() + " is missing";
  if (log != expected_log_) {
    return log_path() + " has " + std::to_string(log.size()) + " bytes, the model " +
           std::to_string(expected_log_.size());
  }
  if (data.size() != expected_data_size_) {
    return data_path() + " has " + std::to_string(data.size()) + " bytes, the model " +
           std::to_string(expected_data_size_);
  }
  return {};
}

}  // namespace vsssim::examples
