#include "conformance/examples/example_writers.h"

#include <memory>
#include <string>

#include "conformance/examples/broken_writers.h"

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
  };
}

}  // namespace vsssim::examples
