// MockWriter: a GoogleMock writer::Writer for users' own tests (and the project's), so that a
// test can say EXPECT_CALL(writer, OnFreeze()).InSequence(s) against the simulated coordinator.
//
// Every On* handler of vsssim/writer/writer.h is a MOCK_METHOD. Defaults (ON_CALL, set in the
// constructor; an EXPECT_CALL without an action uses them too):
//   OnIdentify      calls DeclareDefaultMetadata(metadata) and returns true
//   every other On* returns true (the handler succeeded)
// DeclareDefaultMetadata declares what a minimal well-behaved writer declares
// (WRT-IDENTIFY-05): restore method VSS_RME_RESTORE_IF_CAN_REPLACE (writer restore never,
// no reboot) and one selectable FILEGROUP component "<name>Data" (top level, selectable for
// restore) holding the file set C:\<name>\* (recursive) -- the same as writer::ScriptedWriter.
//
// Calls nobody expects are "uninteresting": GoogleMock prints a warning and runs the default.
// Use ::testing::NiceMock<MockWriter> to silence that, ::testing::StrictMock<MockWriter> to
// make them failures. The constructor argument is forwarded by both.
//
// Actions may call the CVssWriter API of the writer (SetWriterFailure, GetBackupType, Spend,
// Hang, ...), which MockWriter makes public, e.g.
//   EXPECT_CALL(w, OnFreeze()).WillOnce([&w] {
//     w.SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
//     return false;
//   });
//
// NOTE the namespace: inside `namespace vsssim { ... }` the name `testing` means this
// vsssim::testing, so spell GoogleTest's as ::testing (::testing::InSequence, ::testing::_).
//
// Thread safety: as writer::Writer (handlers run on the simulator thread).
// REQUIRES: the mock outlives the coordinator it is registered with.
#ifndef VSSSIM_TESTING_MOCK_WRITER_H_
#define VSSSIM_TESTING_MOCK_WRITER_H_

#include <gmock/gmock.h>

#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/writer/writer.h"
#include "vsssim/writer/writer_components.h"

namespace vsssim::testing {

class MockWriter : public writer::Writer {
 public:
  explicit MockWriter(writer::WriterIdentity identity);

  MOCK_METHOD(bool, OnIdentify, (metadata::CreateWriterMetadata & metadata), (override));
  MOCK_METHOD(bool, OnPrepareBackup, (writer::WriterComponents * components), (override));
  MOCK_METHOD(bool, OnPrepareSnapshot, (), (override));
  MOCK_METHOD(bool, OnFreeze, (), (override));
  MOCK_METHOD(bool, OnThaw, (), (override));
  MOCK_METHOD(bool, OnPostSnapshot, (writer::WriterComponents * components), (override));
  MOCK_METHOD(bool, OnAbort, (), (override));
  MOCK_METHOD(bool, OnBackupComplete, (writer::WriterComponents * components), (override));
  MOCK_METHOD(bool, OnBackupShutdown, (const Guid& snapshot_set_id), (override));
  MOCK_METHOD(bool, OnPreRestore, (writer::WriterComponents * components), (override));
  MOCK_METHOD(bool, OnPostRestore, (writer::WriterComponents * components), (override));

  // The default Identify answer (see the file comment). Public so that an action can extend
  // it: [&w](metadata::CreateWriterMetadata& m) { w.DeclareDefaultMetadata(m); ...; return true; }
  void DeclareDefaultMetadata(metadata::CreateWriterMetadata& metadata) const;
  // The default component's name, "<name>Data", and its file-set path, "C:\<name>".
  std::string component_name() const { return identity().name + "Data"; }
  std::string file_set_path() const { return "C:\\" + identity().name; }

  // The CVssWriter API, public so that actions can call it.
  using Writer::AreComponentsSelected;
  using Writer::GetBackupType;
  using Writer::GetContext;
  using Writer::GetCurrentSnapshotSetId;
  using Writer::GetCurrentVolumeArray;
  using Writer::GetCurrentVolumeCount;
  using Writer::GetRestoreType;
  using Writer::GetSessionId;
  using Writer::Hang;
  using Writer::IsBootableSystemStateBackedUp;
  using Writer::IsPartialFileSupportEnabled;
  using Writer::IsPathAffected;
  using Writer::IsWriterShuttingDown;
  using Writer::SetWriterFailure;
  using Writer::SetWriterFailureEx;
  using Writer::Spend;
};

}  // namespace vsssim::testing

#endif  // VSSSIM_TESTING_MOCK_WRITER_H_
