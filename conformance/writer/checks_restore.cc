// The restore check: a FULL backup is taken (the writer's files are read from the shadow
// copy, the "backup medium"), the application runs on, and the files are restored through the
// documented sequence (§2.4: InitializeForRestore, SetSelectedForRestore, PreRestore, files
// back, SetFileRestoreStatus, PostRestore). The writer gets its restore events as its
// restore method asks (WRT-SEQ-02, WRT-SEQ-12), answers them without veto, and afterwards the
// restored data is there and the writer's application agrees with it (SIM-DATA-01).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "conformance/writer/checks.h"
#include "conformance/writer/scenarios.h"
#include "vsssim/metadata/xml_codec.h"
#include "vsssim/storage/shadow_copy.h"

namespace vsssim::conformance::checks {
namespace {

HResult WaitFor(HResult call, const coordinator::AsyncPtr& async) {
  if (call.Failed()) return call;
  return async->Wait();
}

// The writer's files in the shadow copies of `run`'s set, by path.
std::map<std::string, std::string> BackUpFiles(World& world, const BackupRun& run) {
  std::map<std::string, std::string> out;
  for (const storage::ShadowCopy* shadow :
       world.provider().ShadowCopiesOfSet(run.snapshot_set_id())) {
    const storage::FileView files = shadow->Files();
    for (const storage::FileSetSpec& spec : world.FileSets(World::Sets::kAll)) {
      for (const storage::FileInfo& f : files.Find(spec)) {
        std::string content;
        if (files.ReadFile(f.path, &content).Succeeded()) out[f.path] = content;
      }
    }
  }
  return out;
}

}  // namespace

void RestoreFromFullBackup(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "SIM-DATA-01";
  World world(writer);
  report.Watch(&world, "FULL backup, 100 ms of application time, restore of every component");
  std::map<std::string, std::string> medium;
  std::string bcd;
  {
    BackupRun backup(world, "backup");
    if (backup.RunRange(0, BackupRun::kBackupComplete).Failed()) {
      const std::string cause = RootCause(world);
      if (!cause.empty()) GTEST_SKIP() << cause;
      GTEST_SKIP() << "the backup fails: see FullBackup";
    }
    medium = BackUpFiles(world, backup);
    bcd = backup.bcd_xml();
    backup.Run(BackupRun::kBackupComplete);
    backup.Run(BackupRun::kRelease);
  }
  LetApplicationRun(world);

  metadata::ReadResult<metadata::BackupComponents> doc = metadata::ReadBackupComponentsXml(bcd);
  if (!doc.ok()) {
    report.Fail(kRule, "a readable Backup Components Document", "it does not read back");
    return;
  }
  const Guid wut = world.writer().identity().class_id;
  // REQ-RST-06: a writer that declared VSS_WRE_NEVER or VSS_RME_CUSTOM is restored without its
  // participation: none of its components is selected (its files go back all the same).
  const std::optional<metadata::RestoreMethodInfo>& declared = world.metadata().restore_method;
  const bool involve =
      !declared || (declared->writer_restore != vss::WriterRestore::VSS_WRE_NEVER &&
                    declared->method != vss::RestoreMethod::VSS_RME_CUSTOM);
  std::unique_ptr<coordinator::Requester> r = world.vss().CreateVssBackupComponents("restore");
  coordinator::AsyncPtr async;
  HResult result = r->InitializeForRestore(bcd);
  if (result.Succeeded()) result = WaitFor(r->GatherWriterMetadata(&async), async);
  std::vector<const metadata::ComponentState*> components;
  for (const metadata::WriterComponents& w : doc.document->writers) {
    if (w.writer_id != wut) continue;
    for (const metadata::ComponentState& c : w.components) {
      if (!involve) continue;
      components.push_back(&c);
      if (result.Succeeded()) {
        result = r->SetSelectedForRestore(wut, c.type, c.logical_path, c.name, true);
      }
    }
  }
  if (result.Succeeded()) result = WaitFor(r->PreRestore(&async), async);
  if (result.Succeeded()) {
    // REQ-RST-07: the requester reads the component state back after PreRestore (targets may
    // have changed); the suite restores every file to its original place either way.
    std::uint32_t count = 0;
    r->GetWriterComponentsCount(&count);
    for (std::uint32_t i = 0; i < count; ++i) {
      coordinator::WriterComponentsExt* state = nullptr;
      r->GetWriterComponents(i, &state);
    }
  }
  if (result.Failed()) {
    report.Fail("WRT-SEQ-02", "the restore up to PreRestore succeeds", ToString(result));
    return;
  }
  // The files go back while the writer is in its PreRestore..PostRestore window.
  for (const auto& [path, content] : medium) world.volumes().Find(path)->PutFile(path, content);
  for (const metadata::ComponentState* c : components) {
    r->SetFileRestoreStatus(wut, c->type, c->logical_path, c->name,
                            vss::FileRestoreStatus::VSS_RS_ALL);
  }
  result = WaitFor(r->PostRestore(&async), async);
  if (result.Failed()) {
    report.Fail("WRT-SEQ-02", "PostRestore succeeds", ToString(result));
  }
  const std::optional<metadata::RestoreMethodInfo>& method = world.metadata().restore_method;
  const bool wants_events = method && method->writer_restore != vss::WriterRestore::VSS_WRE_NEVER;
  const std::vector<std::string> events = SessionEvents(world, "restore");
  const bool got_events = std::count(events.begin(), events.end(), "PreRestore") == 1 &&
                          std::count(events.begin(), events.end(), "PostRestore") == 1;
  if (wants_events && !got_events) {  // WRT-SEQ-02 / WRT-SEQ-12: VSS's side, reported anyway
    report.Fail("WRT-SEQ-02", "PreRestore and PostRestore reach the writer",
                std::to_string(events.size()) + " restore events");
  }
  for (const Reply& reply : Replies(world)) {
    if ((reply.event == "PreRestore" || reply.event == "PostRestore") && !reply.returned) {
      report.Fail("WRT-SEQ-02", "On" + reply.event + " returns true for a good restore",
                  "it returned false", reply.entry);
    }
  }
  // SIM-DATA-01 (choice, docs/conformance-suite.md): PostRestore may roll forward (append)
  // but the restored bytes must be there.
  for (const auto& [path, content] : medium) {
    std::string live;
    world.volumes().Find(path)->ReadFile(path, &live);
    if (live.compare(0, content.size(), content) != 0) {
      report.Fail(kRule,
                  path + " holds the " + std::to_string(content.size()) +
                      " restored bytes after PostRestore",
                  std::to_string(live.size()) + " bytes that differ");
    }
  }
  const std::string problem = ProbeWriter(world.writer());
  if (!problem.empty()) {
    report.Fail(kRule, "after PostRestore the application runs on the restored files", problem);
  }
  r->Release();
}

}  // namespace vsssim::conformance::checks
