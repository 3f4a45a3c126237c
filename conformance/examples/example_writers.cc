#include "conformance/examples/example_writers.h"

#include <memory>
#include <string>

#include "conformance/examples/broken_writers.h"
#include "conformance/examples/journal_broken_writers.h"
#include "conformance/examples/journal_writer.h"
#include "conformance/examples/without_probe.h"

namespace vsssim::examples {
namespace {

template <class W>
conformance::WriterUnderTest Make(const std::string& name) {
  return {name, [name](conformance::WriterContext& context) -> std::unique_ptr<writer::Writer> {
            return std::make_unique<W>(context, name);
          }};
}

}  // namespace

std::vector<conformance::WriterUnderTest> ExampleWriters() {
  return {
      Make<TinyStoreWriter>("TinyStore"),
      Make<ChangesStateInIdentify>("ChangesStateInIdentify"),
      Make<TruncatesLogInShutdown>("TruncatesLogInShutdown"),
      Make<WritesDuringFreeze>("WritesDuringFreeze"),
      Make<ThrowsFromThaw>("ThrowsFromThaw"),
      Make<ReportsFromWorkerThread>("ReportsFromWorkerThread"),
      Make<VetoesWithUndocumentedCode>("VetoesWithUndocumentedCode"),
      Make<NonDeterministicIdentify>("NonDeterministicIdentify"),
      Make<AbortLeavesFrozen>("AbortLeavesFrozen"),
      Make<JournalWriter>("JournalWriter"),
      Make<JournalNeverThawsOnAbort>("JournalNeverThawsOnAbort"),
      Make<JournalTruncatesInShutdown>("JournalTruncatesInShutdown"),
      Make<JournalChangesStateInIdentify>("JournalChangesStateInIdentify"),
      Make<JournalKeepsLockAfterShutdown>("JournalKeepsLockAfterShutdown"),
      Make<JournalVetoesAfterAbort>("JournalVetoesAfterAbort"),
      Make<JournalFreezeFalseWithoutFailure>("JournalFreezeFalseWithoutFailure"),
      Make<JournalBlocksInFreeze>("JournalBlocksInFreeze"),
      // The same bug seen without a WriterProbe: the probe-free look must catch it.
      Make<WithoutProbe<JournalNeverThawsOnAbort>>("JournalNeverThawsWithoutProbe"),
  };
}

}  // namespace vsssim::examples
