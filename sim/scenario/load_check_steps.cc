// E: assertions between requester steps — <check-state>, <bcd> — and expect-status= of async
// <call>s and <wait> (step.h). No API call is parsed here; the runner's checks are in
// step_checks.cc.
#include <utility>

#include "sim/scenario/load.h"

namespace vsssim::scenario::internal {
namespace {

const ElementSpec& Spec(std::string_view name) { return *FindElement(name); }

void ReadAs(const Element& e, Step* step) {
  if (auto as = e.Attr("as")) {
    if (as->empty()) e.AttrError("as", "must name a requester");
    step->requester = *as;
  }
}

void ReadCheckState(const Element& e, Step* step) {
  step->kind = StepKind::kCheckState;
  e.CheckShape(Spec("check-state"));
  step->writer = e.RequiredName("writer");
  ReadAs(e, step);
  vss::WriterState state{};
  if (e.Read("state", vss::Parse<vss::WriterState>, "a VSS_WRITER_STATE", &state,
             EnumNames<vss::WriterState>()) &&
      e.Has("state")) {
    step->expect_state = state;
  }
  HResult failure;
  if (e.Read("failure", ParseHResult, "an HRESULT", &failure) && e.Has("failure")) {
    step->expect_failure = failure;
  }
}

void ReadBcd(const Element& e, Step* step) {
  step->kind = StepKind::kBcd;
  e.CheckShape(Spec("bcd"));
  BcdCheck b;
  b.writer = e.RequiredName("writer");
  b.component = e.RequiredName("component");
  b.logical_path = e.Attr("logical-path").value_or("");
  if (auto document = e.Attr("document")) {
    if (document->empty()) e.AttrError("document", "must name a SaveAsXML save-as= document");
    if (e.Has("as")) e.Error("<bcd> reads document= or requester as='s BCD, not both");
    b.document = *document;
    step->requester.clear();  // a saved document belongs to no requester now
  } else {
    ReadAs(e, step);
  }
  b.backup_stamp = e.Attr("backup-stamp");
  b.previous_stamp = e.Attr("previous-stamp");
  b.backup_metadata = e.Attr("backup-metadata");
  b.backup_options = e.Attr("backup-options");
  b.message = e.Attr("message");
  bool succeeded = false;
  if (e.Read(
          "succeeded", [](const std::string& t) { return ParseBool(t); }, "yes or no",
          &succeeded) &&
      e.Has("succeeded")) {
    b.succeeded = succeeded;
  }
  if (e.Attr("failure") == std::optional<std::string>("none")) {
    b.no_failure = true;
    for (std::string_view attribute : {"application-error", "message"}) {
      if (e.Has(attribute)) e.AttrError(attribute, "contradicts failure=\"none\"");
    }
  } else {
    HResult failure;
    if (e.Read("failure", ParseHResult, "an HRESULT or none", &failure) && e.Has("failure")) {
      b.failure = failure;
    }
  }
  HResult application;
  if (e.Read("application-error", ParseHResult, "an HRESULT", &application) &&
      e.Has("application-error")) {
    b.application_error = application;
  }
  step->bcd = std::move(b);
}

}  // namespace

void ReadCheckStep(const Element& e, Step* step) {
  if (e.name() == "check-state") return ReadCheckState(e, step);
  ReadBcd(e, step);
}

void ReadExpectStatus(const Element& e, Step* step) {
  ExpectedResult status;
  if (e.Read("expect-status", ParseExpectedResult,
             "an expected result (an HRESULT name or 0xHEX, success, failure)", &status,
             {"VSS_S_ASYNC_FINISHED", "VSS_S_ASYNC_PENDING", "VSS_S_ASYNC_CANCELLED"}) &&
      e.Has("expect-status")) {
    step->expect_status = status;
  }
}

}  // namespace vsssim::scenario::internal
