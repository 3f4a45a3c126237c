// E: the StepRunner's assertions between calls — <check-state>, <bcd> — and expect-status=
// (step.h, docs/scenario-format.md).
#include "sim/scenario/step_runner.h"
#include "vsssim/metadata/xml_codec.h"
#include "vsssim/vss/enum_table.h"

namespace vsssim::scenario {
namespace {

std::string Opt(const std::optional<std::string>& v) {
  return v ? "\"" + *v + "\"" : std::string("none");
}

}  // namespace

void StepRunner::RunCheck(const Step& step) {
  if (step.kind == StepKind::kCheckState) return CheckState(step);
  CheckBcd(step);
}

// The writer's state and failure as requester as='s session holds them now, without a call
// (GatherWriterStatus would change what it checks: REQ-STAT-01..04, WRT-STATE-*).
void StepRunner::CheckState(const Step& step) {
  const coordinator::Requester& r = world_.requester(step.requester);
  const writer::Writer& w = world_.writer(step.writer);
  const vss::WriterState state = world_.vss().WriterStateIn(r, w);
  const HResult failure = world_.vss().WriterFailureIn(r, w);
  const std::string what = "<check-state writer=" + step.writer + " as=" + step.requester + ">";
  if (step.expect_state && *step.expect_state != state) {
    Fail(step, what + " state", std::string(vss::NameOf(*step.expect_state)),
         std::string(vss::NameOf(state)) + " failure " + ToString(failure));
  }
  if (step.expect_failure && *step.expect_failure != failure) {
    Fail(step, what + " failure", ToString(*step.expect_failure),
         ToString(failure) + " (state " + std::string(vss::NameOf(state)) + ")");
  }
}

// A component of a Backup Components Document, read with the metadata readers (XML-03, §6.3):
// the requester's BCD now (SaveAsXML, REQ-CALL-*) or a document an earlier SaveAsXML saved.
void StepRunner::CheckBcd(const Step& step) {
  const BcdCheck& b = *step.bcd;
  std::string what = "<bcd writer=" + b.writer + " component=" +
                     (b.logical_path.empty() ? b.component : b.logical_path + "\\" + b.component);
  std::string xml;
  if (!b.document.empty()) {
    what += " document=" + b.document + ">";
    xml = saved_documents_[b.document];
  } else {
    what += " as=" + step.requester + ">";
    const HResult saved = world_.requester(step.requester).SaveAsXML(&xml);
    if (saved.Failed()) {
      Fail(step, what, "the requester's BCD (SaveAsXML)", "SaveAsXML returned " + ToString(saved));
      return;
    }
  }
  auto read = metadata::ReadBackupComponentsXml(xml, b.document.empty() ? "SaveAsXML" : b.document);
  if (!read.ok()) {
    Fail(step, what, "a readable Backup Components Document",
         read.diagnostics.empty() ? std::string("unreadable") : read.diagnostics.front().message);
    return;
  }
  const Guid class_id = world_.writer(b.writer).identity().class_id;
  const metadata::ComponentState* c = nullptr;
  bool writer_found = false;
  for (const metadata::WriterComponents& w : read.document->writers) {
    if (w.writer_id != class_id) continue;
    writer_found = true;
    if ((c = w.FindComponent(b.logical_path, b.component)) != nullptr) break;
  }
  if (c == nullptr) {  // BCDX-01: only explicitly included components are in the document
    Fail(step, what, "the component in the document",
         writer_found ? "the writer has no such component there" : "no entry for the writer");
    return;
  }
  auto text = [&](const char* attribute, const std::optional<std::string>& want,
                  const std::optional<std::string>& got) {
    if (want && got != want) Fail(step, what + " " + attribute, Opt(want), Opt(got));
  };
  text("backup-stamp", b.backup_stamp, c->backup_stamp);               // STAMP-01
  text("previous-stamp", b.previous_stamp, c->previous_backup_stamp);  // STAMP-02
  text("backup-metadata", b.backup_metadata, c->backup_metadata);      // WRT-CALL-03
  text("backup-options", b.backup_options, c->backup_options);
  if (b.succeeded && c->backup_succeeded != b.succeeded) {  // WRT-BC-01
    Fail(step, what + " succeeded", *b.succeeded ? "yes" : "no",
         c->backup_succeeded ? (*c->backup_succeeded ? "yes" : "no") : "not set");
  }
  // IVssComponentEx2::SetFailure (WRT-CALL-15, WRT-ERR-02).
  const std::optional<metadata::ComponentFailure>& f = c->failure;
  if (b.no_failure && f) {
    Fail(step, what + " failure", "none", ToString(f->hr) + " \"" + f->message + "\"");
  }
  if (b.failure || b.application_error || b.message) {
    if (!f) {
      Fail(step, what + " failure", b.failure ? ToString(*b.failure) : "a component failure",
           "none");
      return;
    }
    if (b.failure && f->hr != *b.failure) {
      Fail(step, what + " failure", ToString(*b.failure), ToString(f->hr));
    }
    if (b.application_error && f->application_hr != *b.application_error) {
      Fail(step, what + " application-error", ToString(*b.application_error),
           ToString(f->application_hr));
    }
    if (b.message && f->message != *b.message) {
      Fail(step, what + " message", "\"" + *b.message + "\"", "\"" + f->message + "\"");
    }
  }
}

void StepRunner::CheckStatus(const Step& step, const std::string& what, const Outcome& o) {
  if (!o.async_status) {
    Fail(step, what + " expect-status", step.expect_status->ToString(),
         "no async operation (the call returned " + ToString(o.result) + ")");
    return;
  }
  if (!step.expect_status->Matches(*o.async_status)) {
    Fail(step, what + " expect-status", step.expect_status->ToString(),
         ToString(*o.async_status) + " (Wait returned " + ToString(o.result) + ")");
  }
}

}  // namespace vsssim::scenario
