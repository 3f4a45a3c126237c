#include "sim/coordinator/delivery.h"

#include <cctype>
#include <exception>
#include <utility>

#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/writer/failure_codes.h"

namespace vsssim::coordinator {
namespace {

using vss::WriterEvent;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Delivery::Delivery(trace::Trace& trace, const Choices& choices, std::string_view actor,
                   vss::WriterEvent event, const DeliveryView& view, trace::AttributeArg extra)
    : trace_(trace), choices_(choices), actor_(actor), event_(event), view_(view), extra_(extra) {}

DeliveryOutcome Delivery::Run(writer::Writer& writer, writer::WriterComponents* components,
                              metadata::CreateWriterMetadata* wmd, const Guid& shutdown_set_id) {
  handler_thread_ = std::this_thread::get_id();  // WRT-THREAD-01: the handler's thread
  writer.AttachHost(this);
  try {
    switch (event_) {
      case WriterEvent::kIdentify:
        outcome_.returned = writer.OnIdentify(*wmd);
        break;
      case WriterEvent::kPrepareForBackup:
        outcome_.returned = writer.OnPrepareBackup(components);
        break;
      case WriterEvent::kPrepareForSnapshot:
        outcome_.returned = writer.OnPrepareSnapshot();
        break;
      case WriterEvent::kFreeze:
        outcome_.returned = writer.OnFreeze();
        break;
      case WriterEvent::kThaw:
        outcome_.returned = writer.OnThaw();
        break;
      case WriterEvent::kPostSnapshot:
        outcome_.returned = writer.OnPostSnapshot(components);
        break;
      case WriterEvent::kAbort:
        outcome_.returned = writer.OnAbort();
        break;
      case WriterEvent::kBackupComplete:
        outcome_.returned = writer.OnBackupComplete(components);
        break;
      case WriterEvent::kBackupShutdown:
        outcome_.returned = writer.OnBackupShutdown(shutdown_set_id);
        break;
      case WriterEvent::kPreRestore:
        outcome_.returned = writer.OnPreRestore(components);
        break;
      case WriterEvent::kPostRestore:
        outcome_.returned = writer.OnPostRestore(components);
        break;
    }
  } catch (const std::exception& e) {
    outcome_.threw = true;
    Finding("WRT-RET-02", "exception escaped a handler", {{"what", e.what()}});
  } catch (...) {
    outcome_.threw = true;
    Finding("WRT-RET-02", "exception escaped a handler");
  }
  writer.AttachHost(nullptr);
  if (outcome_.threw) outcome_.returned = false;
  return std::move(outcome_);  // the delivery is over: no copy of the message
}

Guid Delivery::GetCurrentSnapshotSetId() const {
  if (event_ == WriterEvent::kBackupShutdown) {  // WRT-SHUT-03: use the parameter instead
    Finding("WRT-SHUT-03", "GetCurrentSnapshotSetId called in OnBackupShutdown");
  }
  return view_.snapshot_set_id;
}

bool Delivery::IsPathAffected(std::string_view path) const {
  // CVssWriter::IsPathAffected: is the path on a volume of the set? A path lies on the volume
  // whose name is its longest prefix, so under a mount folder it is on the mounted volume, not
  // on the volume that holds the folder (storage/volume_name.h).
  if (view_.machine != nullptr) {
    if (const storage::Volume* on = view_.machine->Find(path)) {
      for (const std::string& volume : view_.volumes) {
        if (view_.machine->FindByName(volume) == on) return true;
      }
      return false;
    }
  }
  // A path on no volume the coordinator knows: compared as text with the set's volumes.
  const std::string p = Lower(path);
  for (const std::string& volume : view_.volumes) {
    std::string v = Lower(volume);
    if (!v.empty() && v.back() != '\\') v += '\\';
    if (p.compare(0, v.size(), v) == 0 || p + "\\" == v) return true;
  }
  return false;
}

bool Delivery::OnHandlerThread(std::string_view method) const {
  if (std::this_thread::get_id() == handler_thread_) return true;
  Finding("WRT-THREAD-01", std::string(method) + " called from another thread");
  return false;
}

Guid Delivery::GetSessionId() {
  if (!OnHandlerThread("GetSessionId")) return kGuidNull;
  return view_.session_id;
}

HResult Delivery::SetWriterFailure(HResult hr) {
  return RecordFailure(hr, /*ex=*/false, "SetWriterFailure");
}

HResult Delivery::SetWriterFailureEx(HResult hr_writer, HResult hr_application,
                                     std::string_view message) {
  HResult result = RecordFailure(hr_writer, /*ex=*/true, "SetWriterFailureEx");
  if (result == hr::S_OK) {
    outcome_.application_failure = hr_application;
    outcome_.message = std::string(message);
  }
  return result;
}

HResult Delivery::RecordFailure(HResult hr, bool ex, std::string_view method) {
  if (!OnHandlerThread(method)) return hr::E_UNEXPECTED;  // WRT-THREAD-01: not recorded
  if (event_ == WriterEvent::kIdentify) {                 // WRT-IDENTIFY-03: ignored
    Finding("WRT-IDENTIFY-03", std::string(method) + " called in OnIdentify",
            {{"hr", ToString(hr)}});
    return hr::S_OK;
  }
  const bool documented =
      ex ? writer::IsDocumentedWriterFailureEx(hr) : writer::IsDocumentedWriterFailure(hr);
  if (!documented) {
    Finding(ex ? "WRT-ERR-02" : "WRT-ERR-01",
            std::string(method) + " with a code outside the documented list",
            {{"hr", ToString(hr)}});
    if (!choices_.keep_undocumented_failure_codes) return hr::E_INVALIDARG;
  }
  outcome_.failure = hr;
  return hr::S_OK;
}

void Delivery::Finding(std::string_view rule, std::string title,
                       std::vector<trace::Attribute> attributes) const {
  attributes.push_back({"event", std::string(NameOf(event_))});
  attributes.push_back({std::string(extra_.key.view()), std::string(extra_.value.view())});
  trace_.Append(trace::EntryKind::kFinding, actor_, "vss", std::move(title), std::move(attributes),
                std::string(rule));
}

}  // namespace vsssim::coordinator
