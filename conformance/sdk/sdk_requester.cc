// MakeSdkBackupApplication (vsssim/conformance/sdk_requester.h): the suite's RequesterContext
// as the SDK's current service for the length of each entry point.
#include "vsssim/conformance/sdk_requester.h"

#include <cstdio>
#include <string>
#include <utility>

#include "sim/sdk/common/wide_string.h"
#include "sim/sdk/service.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/trace/text.h"
#include "vsssim/trace/trace.h"

namespace vsssim::conformance {
namespace {

// The check's machine as an sdk::Service.
class ContextService final : public sdk::Service {
 public:
  explicit ContextService(RequesterContext& context)
      // Only the const parts of the clock are used here (Now, NextDue, PendingCount, and the
      // trace's time stamps); time passes through Sleep, i.e. the suite.
      : context_(context),
        clock_(const_cast<runtime::Clock&>(context.clock())),
        trace_(context.clock()) {}

  std::unique_ptr<coordinator::Requester> CreateRequester() override {
    return context_.CreateVssBackupComponents();  // REQ-LIFE-01
  }
  // A backup application does not host writers; the suite's probe writers are its own.
  void Subscribe(writer::Writer& /*writer*/) override {}
  void Unsubscribe(writer::Writer& /*writer*/) override {}
  runtime::Clock& clock() override { return clock_; }
  trace::Trace& trace() override { return trace_; }
  void Sleep(runtime::Duration duration) override { context_.Sleep(duration); }

  // Prints the SDK layer's findings, if any, to stderr.
  void ReportFindings(const char* entry_point) const {
    for (const trace::Entry& e : trace_.entries()) {
      if (e.kind != trace::EntryKind::kFinding) continue;
      std::fprintf(stderr, "vsssim sdk finding in %s: %s\n", entry_point,
                   trace::RenderTextLine(e).c_str());
    }
  }

 private:
  RequesterContext& context_;
  runtime::Clock& clock_;
  trace::Trace trace_;
};

class SdkBackupApplication final : public BackupApplication {
 public:
  explicit SdkBackupApplication(SdkBackupFunctions functions) : functions_(std::move(functions)) {}

  HResult Backup(RequesterContext& context, std::string* bcd_xml) override {
    ContextService service(context);
    std::wstring bcd;
    std::int32_t result = 0;
    {
      sdk::ScopedService scope(service);
      std::vector<std::wstring> volumes;
      for (const std::string& volume : context.VolumesToBackUp()) {
        volumes.push_back(sdk::ToWide(volume));
      }
      result = functions_.backup(volumes, &bcd);
    }
    service.ReportFindings("backup");
    *bcd_xml = sdk::ToUtf8(bcd);
    return HResult{static_cast<std::uint32_t>(result)};
  }

  HResult Restore(RequesterContext& context, std::string_view bcd_xml) override {
    ContextService service(context);
    std::int32_t result = 0;
    {
      sdk::ScopedService scope(service);
      result = functions_.restore(sdk::ToWide(bcd_xml));
    }
    service.ReportFindings("restore");
    return HResult{static_cast<std::uint32_t>(result)};
  }

 private:
  SdkBackupFunctions functions_;
};

}  // namespace

std::unique_ptr<BackupApplication> MakeSdkBackupApplication(SdkBackupFunctions functions) {
  return std::make_unique<SdkBackupApplication>(std::move(functions));
}

}  // namespace vsssim::conformance
