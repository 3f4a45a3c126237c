// The writer conformance suite: every check of docs/conformance-suite.md, written once against
// writer::Writer and registered with GoogleTest for any number of writers given at run time.
//
// Usage (in a test main, before RUN_ALL_TESTS):
//   vsssim::conformance::RegisterWriterSuite(
//       {"MyWriter", [](vsssim::conformance::WriterContext& ctx) {
//          return std::make_unique<MyWriter>(ctx.volumes(), ctx.clock());
//        }});
// WriterUnderTest::options sets the application time (docs/conformance.md). Test names are
// WriterConformance/<name>.<Check>; each test records
// RecordProperty("rule", "<RULE-ID>") so the rule appears in the JUnit XML, and on failure
// prints the rule ID, what was expected, what happened and a replayable trace excerpt.
//
// Thread safety: call RegisterWriterSuite from the main thread before RUN_ALL_TESTS. Each test
// builds a fresh simulated world (clock, volumes, coordinator) and calls `create` for it.
#ifndef VSSSIM_CONFORMANCE_WRITER_SUITE_H_
#define VSSSIM_CONFORMANCE_WRITER_SUITE_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "vsssim/runtime/clock.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/writer/writer.h"

namespace vsssim::conformance {

// What a writer under test may touch: the live simulated volumes (to create and change its
// own files) and the virtual clock. Owned by the suite; valid for the writer's lifetime.
class WriterContext {
 public:
  virtual ~WriterContext() = default;
  virtual storage::VolumeManager& volumes() = 0;  // live volumes ("C:", "D:" exist, 64 MiB)
  virtual const runtime::Clock& clock() const = 0;

  // Additions (suite): the writer's application may run background work on the virtual clock
  // (client transactions, lazy flushes) — what Freeze must stop (SIM-QUIESCE-01). The suite's
  // context forwards to the world's clock; these defaults run nothing.
  virtual runtime::TimerId ScheduleAfter(runtime::Duration /*delay*/,
                                         std::function<void()> /*work*/) {
    return 0;
  }
  virtual bool Cancel(runtime::TimerId /*id*/) { return false; }
};

// Optional: a writer under test that also derives from WriterProbe lets the suite look inside
// its application for SIM-ABORT-01 ("no file left frozen or half-written once OnAbort
// returns"). Without it the suite judges only what the trace and the volumes show.
class WriterProbe {
 public:
  virtual ~WriterProbe() = default;
  // True while the writer holds its application's writes (between its Freeze and Thaw/Abort).
  virtual bool IsFrozen() const = 0;
  // Empty when the live files agree with the application's own model; else what differs.
  virtual std::string CheckConsistency() const = 0;
};

// Optional: a writer that stands in for another one (the plug-in proxy, the suite's wall-time
// wrapper) names the probe of the writer it forwards to, so no check loses its look inside.
class WriterProbeSource {
 public:
  virtual ~WriterProbeSource() = default;
  // The forwarded-to writer's probe; null when it has none.
  virtual const WriterProbe* probe() const = 0;
};

// The probe of `writer`: the writer itself, or what a WriterProbeSource names (followed
// through any number of proxies); null when there is none.
inline const WriterProbe* FindWriterProbe(const writer::Writer& writer) {
  if (const auto* probe = dynamic_cast<const WriterProbe*>(&writer)) return probe;
  if (const auto* source = dynamic_cast<const WriterProbeSource*>(&writer)) return source->probe();
  return nullptr;
}

// How much of the writer's application runs in virtual time around the suite's requester
// (docs/conformance.md, "Application time"). Every World of every check does the same, so runs
// stay deterministic: the application's clients write data (through WriterContext::ScheduleAfter)
// before the first requester call and between any two.
struct WriterSuiteOptions {
  // Virtual time the application runs once the writer is created, before the first step.
  runtime::Duration warmup = std::chrono::seconds(2);
  // Virtual time the application runs before each further requester step.
  runtime::Duration between_steps = std::chrono::milliseconds(100);
  // C: and D: are host-directory volumes (docs/storage.md): each world makes them fresh in
  // the temporary directory and removes them with the world. A writer in its own process
  // (`vsssim conform --writer-exec`) does its file I/O there, VSSSIM_VOLUMES says where
  // (storage::HostVolumesEnvironment of WriterContext::volumes()).
  bool host_volumes = false;
};

using WriterFactory = std::function<std::unique_ptr<writer::Writer>(WriterContext&)>;

struct WriterUnderTest {
  std::string name;      // [A-Za-z0-9_]+ ; test names are WriterConformance/<name>.<Check>
  WriterFactory create;  // called once per test (fresh world per test)
  WriterSuiteOptions options = {};
};

// Registers every check of the suite for `writer` with GoogleTest (testing::RegisterTest).
// Call before RUN_ALL_TESTS. Each test records RecordProperty("rule", "<RULE-ID>").
void RegisterWriterSuite(WriterUnderTest writer);

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_WRITER_SUITE_H_
