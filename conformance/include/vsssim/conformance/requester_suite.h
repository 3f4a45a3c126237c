// The requester conformance suite: checks a backup application (a requester) against the
// catalogue's §2 (REQ-*, ASYNC-*, LIM-12) by running it against a fresh simulated machine per
// check whose probe writers veto, fail with each documented code, hang past the timeouts,
// vanish, and take virtual time, next to a competing backup that holds the snapshot-creation
// slot. docs/conformance-requester.md lists every check with its rule.
//
// Usage (in a test main, before RUN_ALL_TESTS):
//   class MyBackup : public vsssim::conformance::BackupApplication { ... };
//   vsssim::conformance::RegisterRequesterSuite(
//       {"MyBackup", [] { return std::make_unique<MyBackup>(); }});
// Test names are RequesterConformance/<name>.<Check>; each test records
// RecordProperty("rule", "<RULE-ID>"). A check that cannot judge (e.g. the restore check when
// the application's backup failed) is skipped with the reason, never passed.
//
// Determinism: time is virtual. The application waits only through Async::Wait or
// RequesterContext::Sleep; neither takes wall time. Thread safety: everything runs on the test
// thread; the application must not call the requester API from another thread.
#ifndef VSSSIM_CONFORMANCE_REQUESTER_SUITE_H_
#define VSSSIM_CONFORMANCE_REQUESTER_SUITE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/coordinator/requester.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::conformance {

// What the backup application under test may use. Owned by the suite; valid during one call
// of an entry point.
class RequesterContext {
 public:
  virtual ~RequesterContext() = default;
  // REQ-LIFE-01: a new IVssBackupComponents instance on the simulated machine. The caller
  // owns it and must Release() it on every path; destroying it without Release counts as the
  // process dying (REQ-LIFE-04), which the suite reports.
  virtual std::unique_ptr<coordinator::Requester> CreateVssBackupComponents() = 0;
  // The volumes to put in the snapshot set, as AddToSnapshotSet takes them ("C:\").
  virtual std::vector<std::string> VolumesToBackUp() const = 0;
  // The machine's live volumes (to copy files from snapshots or back when restoring).
  virtual storage::VolumeManager& volumes() = 0;
  virtual const runtime::Clock& clock() const = 0;
  // Waits `duration` of virtual time while VSS and the writers go on working: use it between
  // retries and between polls of Async::QueryStatus. A loop that polls or retries without
  // waiting never sees time pass; the suite stops it after kMaxCalls calls.
  virtual void Sleep(runtime::Duration duration) = 0;
  static constexpr int kMaxCalls = 20000;
};

// The backup application under test: one object per check.
class BackupApplication {
 public:
  virtual ~BackupApplication() = default;
  // One complete backup of VolumesToBackUp() with every writer's components. Returns S_OK
  // when the application considers the backup good, a failure code otherwise. On success
  // `*bcd_xml` is the Backup Components Document it saved with SaveAsXML (REQ-LIFE-05,
  // REQ-ORDER-17). REQUIRES: bcd_xml != nullptr.
  virtual HResult Backup(RequesterContext& context, std::string* bcd_xml) = 0;
  // Restores every component of the backup whose saved BCD is `bcd_xml` (REQ-RST-*).
  virtual HResult Restore(RequesterContext& context, std::string_view bcd_xml) = 0;
};

using RequesterFactory = std::function<std::unique_ptr<BackupApplication>()>;

struct RequesterUnderTest {
  std::string name;         // [A-Za-z0-9_]+ ; tests are RequesterConformance/<name>.<Check>
  RequesterFactory create;  // called once per check
};

// Registers every check of the suite for `requester` with GoogleTest. Call before
// RUN_ALL_TESTS.
void RegisterRequesterSuite(RequesterUnderTest requester);

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_REQUESTER_SUITE_H_
