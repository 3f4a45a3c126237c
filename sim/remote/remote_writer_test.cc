// Checks that a writer served out of process through the wire protocol behaves, for VSS and in
// the trace, exactly like the same writer linked in (docs/wire-protocol.md: "A remote writer
// is one more writer behind the writer interface").
#include "vsssim/remote/remote_writer.h"

#include <gtest/gtest.h>

#include "sim/coordinator/test_harness.h"
#include "sim/remote/testing/remote_pair.h"
#include "vsssim/metadata/component.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/trace/text.h"
#include "vsssim/writer/writer_components.h"

namespace vsssim::remote {
namespace {

using coordinator::testing::BackupDriver;
using coordinator::testing::ClassId;
using coordinator::testing::Harness;
using vss::WriterEvent;
using writer::ScriptedWriter;

writer::WriterIdentity Identity(const std::string& name, int n) {
  writer::WriterIdentity id;
  id.class_id = ClassId(n);
  id.name = name;
  return id;
}

// Runs the canonical backup with `script` applied to a writer "A", in process or out of
// process; returns the trace text and the result of the run.
struct BackupRun {
  std::string trace;
  std::string digest;
  HResult result;
  std::vector<WriterEvent> received;
};
BackupRun Backup(bool remote, const std::function<void(ScriptedWriter&)>& script) {
  Harness h;
  ScriptedWriter w(Identity("A", 1));
  script(w);
  BackupRun out;
  std::unique_ptr<testing::RemotePair> pair;
  if (remote) {
    pair = std::make_unique<testing::RemotePair>(w);
    if (pair->remote() == nullptr) return out;
    pair->remote()->AttachTrace(&h.trace);
    h.vss.RegisterWriter(*pair->remote());
  } else {
    h.vss.RegisterWriter(w);
  }
  BackupDriver d(h, "r1");
  out.result = d.RunAll();
  if (pair != nullptr) pair->Finish();
  out.trace = trace::RenderText(h.trace);
  out.digest = trace::Digest(h.trace);
  out.received = w.received();
  return out;
}

// Returns the out-of-process run after checking it against the in-process one.
BackupRun CompareInAndOut(const std::function<void(ScriptedWriter&)>& script) {
  BackupRun in = Backup(false, script);
  BackupRun out = Backup(true, script);
  EXPECT_EQ(in.result, out.result);
  EXPECT_EQ(in.received, out.received);
  EXPECT_EQ(in.trace, out.trace);
  EXPECT_EQ(in.digest, out.digest);
  return out;
}

// Checks that a clean backup gives the same events, result and trace digest out of process.
TEST(Remote_Writer, CleanBackupTraceEqualsInProcess) {
  CompareInAndOut([](ScriptedWriter&) {});
}

// Checks that SetWriterFailure + veto in Freeze (a call during an event) gives the same trace.
TEST(Remote_Writer, VetoWithFailureTraceEqualsInProcess) {
  const BackupRun out = CompareInAndOut([](ScriptedWriter& w) {
    ScriptedWriter::Behavior b;
    b.failure = hr::VSS_E_WRITERERROR_RETRYABLE;
    b.returns = false;
    w.On(WriterEvent::kFreeze, b);
  });
  EXPECT_EQ(out.result, hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  EXPECT_NE(out.trace.find("VSS_E_WRITERERROR_RETRYABLE"), std::string::npos) << out.trace;
}

// Checks that Spend (virtual time), Hang, getters and IsPathAffected cross the wire unchanged.
TEST(Remote_Writer, SpendHangAndGettersTraceEqualsInProcess) {
  CompareInAndOut([](ScriptedWriter& w) {
    ScriptedWriter::Behavior slow;
    slow.delay = std::chrono::seconds(3);
    slow.action = [](ScriptedWriter& s) {
      if (!s.IsPathAffected("C:\\A\\x.db")) s.SetWriterFailure(hr::E_FAIL);
      if (s.GetBackupType() != vss::BackupType::VSS_BT_FULL) s.SetWriterFailure(hr::E_FAIL);
      if (s.GetCurrentVolumeArray().size() != 1) s.SetWriterFailure(hr::E_FAIL);
    };
    w.On(WriterEvent::kPrepareForSnapshot, slow);
    ScriptedWriter::Behavior hang;
    hang.hang = true;
    w.On(WriterEvent::kThaw, hang);
  });
}

// Checks that component changes (backup metadata in PrepareForBackup, a misplaced stamp in
// Freeze-less PostSnapshot) come back through the real setters: same trace, same findings.
TEST(Remote_Writer, ComponentChangesTraceEqualsInProcess) {
  const BackupRun out = CompareInAndOut([](ScriptedWriter& w) {
    ScriptedWriter::Behavior meta;
    meta.action = [](ScriptedWriter& s) {
      writer::WriterComponents* c = s.current_components();
      metadata::Component* first = nullptr;
      if (c != nullptr && c->GetComponent(0, &first) == hr::S_OK) {
        first->SetBackupMetadata("lsn=42");
      }
    };
    w.On(WriterEvent::kPrepareForBackup, meta);
    ScriptedWriter::Behavior late;
    late.action = [](ScriptedWriter& s) {
      writer::WriterComponents* c = s.current_components();
      metadata::Component* first = nullptr;
      if (c != nullptr && c->GetComponent(0, &first) == hr::S_OK) {
        first->SetBackupMetadata("too late");  // WRT-CALL-03: PrepareForBackup only
      }
    };
    w.On(WriterEvent::kBackupComplete, late);
  });
  EXPECT_NE(out.trace.find("WRT-CALL-03"), std::string::npos) << out.trace;
}

// Checks that a deterministic remote writer gives the same digest on every run.
TEST(Remote_Writer, SIM_DET_01_SameDigestEveryRun) {
  const auto script = [](ScriptedWriter& w) {
    ScriptedWriter::Behavior b;
    b.delay = std::chrono::milliseconds(250);
    w.On(WriterEvent::kFreeze, b);
  };
  const BackupRun first = Backup(true, script);
  ASSERT_EQ(first.result, hr::S_OK);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Backup(true, script).digest, first.digest);
}

}  // namespace
}  // namespace vsssim::remote
