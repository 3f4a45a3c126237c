#include "conformance/examples/journal.h"

#include <string>

#include "vsssim/storage/volume.h"

namespace vsssim::examples {
namespace {

std::string Entry(std::uint64_t n) { return "e" + std::to_string(n) + "\n"; }

}  // namespace

Journal::Journal(conformance::WriterContext& context, std::string directory)
    : context_(context), directory_(std::move(directory)) {
  storage::Volume* volume = context_.volumes().Find(directory_);
  volume->CreateDirectory(directory_);
  volume->PutFile(journal_path(), "");
  volume->PutFile(checkpoint_path(), "");
  timer_ = context_.ScheduleAfter(kFirstEntry, [this] { Tick(); });
}

Journal::~Journal() {
  if (timer_ != 0) context_.Cancel(timer_);
}

void Journal::Tick() {
  timer_ = context_.ScheduleAfter(kInterval, [this] { Tick(); });
  if (held_) {
    ++pending_;  // the client waits
    return;
  }
  Append(1);
}

void Journal::Release() {
  if (!held_) return;
  held_ = false;
  const std::uint64_t pending = pending_;
  pending_ = 0;
  Append(pending);
}

void Journal::Append(std::uint64_t count) {
  if (count == 0) return;
  std::string text;
  for (std::uint64_t i = 0; i < count; ++i) text += Entry(++written_);
  context_.volumes().Find(directory_)->AppendFile(journal_path(), text);
  expected_journal_ += text;
}

void Journal::Checkpoint(std::uint64_t upto) {
  std::string kept;
  std::size_t pos = 0;
  while (pos < expected_journal_.size()) {
    const std::size_t end = expected_journal_.find('\n', pos) + 1;
    const std::string entry = expected_journal_.substr(pos, end - pos);
    if (std::stoull(entry.substr(1)) > upto) kept += entry;
    pos = end;
  }
  expected_journal_ = kept;
  expected_checkpoint_ = std::to_string(upto) + "\n";
  storage::Volume* volume = context_.volumes().Find(directory_);
  volume->PutFile(checkpoint_path(), expected_checkpoint_);
  volume->PutFile(journal_path(), kept);
}

void Journal::Reload() {
  const storage::Volume* volume = context_.volumes().Find(directory_);
  volume->ReadFile(journal_path(), &expected_journal_);
  volume->ReadFile(checkpoint_path(), &expected_checkpoint_);
  written_ = expected_checkpoint_.empty() ? 0 : std::stoull(expected_checkpoint_);
  // The last journal entry "e<n>\n" is the newest.
  if (expected_journal_.size() > 2) {
    const std::size_t start = expected_journal_.rfind('\n', expected_journal_.size() - 2);
    const std::size_t entry = start == std::string::npos ? 0 : start + 1;
    written_ = std::stoull(expected_journal_.substr(entry + 1));
  }
}

std::string Journal::Verify() const {
  const storage::Volume* volume = context_.volumes().Find(directory_);
  std::string journal, checkpoint;
  if (volume->ReadFile(journal_path(), &journal).Failed()) return journal_path() + " is missing";
  if (volume->ReadFile(checkpoint_path(), &checkpoint).Failed()) {
    return checkpoint_path() + " is missing";
  }
  if (journal != expected_journal_) {
    return journal_path() + " has " + std::to_string(journal.size()) + " bytes, the model " +
           std::to_string(expected_journal_.size());
  }
  if (checkpoint != expected_checkpoint_) return checkpoint_path() + " differs from the model";
  return {};
}

}  // namespace vsssim::examples
