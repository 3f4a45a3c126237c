// BackupRun: one requester of a World walking the canonical backup sequence of CATALOGUE.md
// §2.2 one step at a time (so a check can stop, inject, abort or kill at any step). It selects
// every top-level or selectable component of every writer, passes previous backup stamps
// (STAMP-02) to the writer under test, snapshots the volumes its file sets need (FSBT-04) and
// keeps the Backup Components Document it saved. It keeps the requester rules itself
// (REQ-ORDER-15: no SetBackupSucceeded/BackupComplete after a failed PrepareForBackup or
// DoSnapshotSet, those steps answer VSS_E_BAD_STATE without calling; REQ-ABORT-02: Release
// after PrepareForBackup without BackupComplete calls AbortBackup first), so no finding in a
// run is the suite requester's.
//
// Thread safety: none.
#ifndef VSSSIM_CONFORMANCE_WRITER_BACKUP_RUN_H_
#define VSSSIM_CONFORMANCE_WRITER_BACKUP_RUN_H_

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "conformance/writer/world.h"
#include "vsssim/coordinator/requester.h"

namespace vsssim::conformance {

// (logical path, component name) -> backup stamp.
using Stamps = std::map<std::pair<std::string, std::string>, std::string>;

struct BackupPlan {
  vss::BackupType type = vss::BackupType::VSS_BT_FULL;
  Stamps previous_stamps;            // SetPreviousBackupStamp for the writer under test
  std::vector<std::string> volumes;  // empty: the volumes the selected file sets need
};

class BackupRun {
 public:
  enum Step {
    kInitialize,
    kSetBackupState,
    kGatherWriterMetadata,
    kAddComponents,
    kStartSnapshotSet,
    kAddToSnapshotSet,
    kPrepareForBackup,
    kDoSnapshotSet,
    kSetBackupSucceeded,
    kSaveAsXml,
    kBackupComplete,
    kRelease,
    kStepCount,
  };
  static const char* StepName(int step);

  BackupRun(World& world, std::string requester, BackupPlan plan = {});

  // Runs one step: the call's HRESULT, or the asynchronous operation's result. Before every
  // step but the first the writer's application runs for WriterSuiteOptions::between_steps.
  // Throws WriterBlocked when the writer has blocked past a real timeout (world.h).
  HResult Run(Step step);
  // Runs steps [from, to), stopping at the first failure; returns the last result.
  HResult RunRange(int from, int to);
  HResult RunAll() { return RunRange(0, kStepCount); }

  coordinator::Requester& requester() { return *requester_; }
  const std::string& name() const { return name_; }
  const std::string& bcd_xml() const { return bcd_xml_; }
  const Guid& snapshot_set_id() const { return set_id_; }
  // The stamps the writer under test set in the saved BCD (STAMP-01).
  Stamps SavedStamps() const;
  // How many components of the writer under test were selected.
  int selected_count() const { return selected_of_writer_; }
  // Whether GatherWriterMetadata listed the writer under test (its Identify succeeded).
  bool identified() const { return identified_; }

 private:
  void CaptureMetadata();
  HResult AddComponents();
  HResult AddVolumes();

  struct Selected {
    Guid instance;
    Guid writer;
    metadata::ComponentDescription component;
  };

  World& world_;
  std::string name_;
  BackupPlan plan_;
  std::unique_ptr<coordinator::Requester> requester_;
  std::vector<Selected> selected_;
  int selected_of_writer_ = 0;
  int steps_run_ = 0;
  bool prepared_ = false;         // PrepareForBackup was called
  bool sequence_failed_ = false;  // PrepareForBackup or DoSnapshotSet failed (REQ-ORDER-15)
  bool completed_ = false;        // BackupComplete succeeded
  bool identified_ = false;
  Guid set_id_;
  std::string bcd_xml_;
};

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_WRITER_BACKUP_RUN_H_
