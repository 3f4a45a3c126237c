// ServeWriter: the writer-process session (docs/wire-protocol.md "A session").
#include "vsssim/remote/writer_client.h"

#include <cstdlib>
#include <exception>
#include <utility>

#include "sim/remote/client_host.h"
#include "sim/remote/client_session.h"
#include "sim/remote/component_exchange.h"
#include "sim/remote/wire.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::remote {

namespace {

using vss::WriterEvent;

net::Clock::time_point Forever() { return net::Clock::now() + std::chrono::hours(24 * 365); }

bool Failed(std::string* error, std::string what) {
  if (error != nullptr) *error = std::move(what);
  return false;
}

metadata::WriterIdentity MetadataIdentity(const writer::WriterIdentity& id) {
  metadata::WriterIdentity out;  // WMD-01: the service puts VSS's instance id in
  out.writer_id = id.class_id;
  out.writer_name = id.name;
  out.instance_name = id.instance_name;
  out.usage = id.usage;
  out.source_type = id.source;
  return out;
}

bool RunHandler(writer::Writer& w, WriterEvent event, writer::WriterComponents* components,
                metadata::CreateWriterMetadata* wmd, const Guid& shutdown_set) {
  switch (event) {
    case WriterEvent::kIdentify:
      return w.OnIdentify(*wmd);
    case WriterEvent::kPrepareForBackup:
      return w.OnPrepareBackup(components);
    case WriterEvent::kPrepareForSnapshot:
      return w.OnPrepareSnapshot();
    case WriterEvent::kFreeze:
      return w.OnFreeze();
    case WriterEvent::kThaw:
      return w.OnThaw();
    case WriterEvent::kPostSnapshot:
      return w.OnPostSnapshot(components);
    case WriterEvent::kAbort:
      return w.OnAbort();
    case WriterEvent::kBackupComplete:
      return w.OnBackupComplete(components);
    case WriterEvent::kBackupShutdown:
      return w.OnBackupShutdown(shutdown_set);
    case WriterEvent::kPreRestore:
      return w.OnPreRestore(components);
    case WriterEvent::kPostRestore:
      return w.OnPostRestore(components);
  }
  return false;
}

// One event: run the handler with a ClientHost attached, then reply. False: the session ends.
bool HandleEvent(Connection& c, writer::Writer& w, const Json& m, std::string* error) {
  std::int64_t id = 0;
  std::string name;
  std::string why;
  if (!GetInt(m, "id", &id) || !GetString(m, "event", &name)) {
    return Failed(error, "event without an id or a name");
  }
  const std::optional<WriterEvent> event = vss::ParseWriterEvent(name);
  if (!event) return Failed(error, "unknown event '" + name + "'");
  auto context_json = m.find("context");
  std::optional<EventContext> context = context_json == m.end()
                                            ? std::optional<EventContext>{}
                                            : ContextFromJson(*context_json, &why);
  if (!context) return Failed(error, "event with a bad context: " + why);
  ClientHost host(c, id, std::move(*context));
  metadata::FindingSink sink = [&host](std::string_view rule, std::string message) {
    host.Finding(rule, std::move(message));
  };
  std::optional<LocalComponents> components;
  std::string xml;
  if (GetString(m, "components", &xml)) {
    metadata::ReadResult<metadata::BackupComponents> bcd =
        metadata::ReadBackupComponentsXml(xml, "<event components>");
    if (!bcd.ok()) return Failed(error, "event with unreadable components");
    components.emplace(std::move(*bcd.document), *event, sink);
  }
  std::optional<metadata::CreateWriterMetadata> wmd;
  if (*event == WriterEvent::kIdentify) wmd.emplace(MetadataIdentity(w.identity()), sink);
  Guid shutdown_set;
  if (GetString(m, "snapshot_set_id", &xml)) shutdown_set = Guid::Parse(xml).value_or(kGuidNull);

  bool result = false;
  w.AttachHost(&host);
  try {
    result = RunHandler(w, *event, components ? &*components : nullptr, wmd ? &*wmd : nullptr,
                        shutdown_set);
  } catch (const std::exception& e) {  // WRT-RET-02, as the coordinator's Delivery reports it
    host.Finding("WRT-RET-02", std::string("exception escaped a handler: ") + e.what());
    result = false;
  } catch (...) {
    host.Finding("WRT-RET-02", "exception escaped a handler");
    result = false;
  }
  w.AttachHost(nullptr);
  host.End();
  if (host.broken()) return Failed(error, host.error());
  Json reply = {{"type", "reply"}, {"id", id}, {"result", result}};
  if (wmd) reply["metadata"] = metadata::WriteWriterMetadataXml(wmd->metadata());
  if (components) reply["components"] = components->ToXml();
  if (!c.Send(reply, Forever())) return Failed(error, "the service closed the connection");
  return true;
}

}  // namespace

int ServeWriterOn(net::Socket socket, writer::Writer& w, std::string_view token,
                  std::string* error) {
  Connection c(std::move(socket));
  const Json hello = {{"type", "hello"},
                      {"protocol", kProtocolVersion},
                      {"token", std::string(token)},
                      {"writer", IdentityToJson(w.identity())},
                      {"pid", net::ProcessId()}};
  if (!c.Send(hello, Forever())) return Failed(error, "could not send the hello"), 1;
  Connection::Incoming in = c.Read(Forever());
  std::string type;
  if (in.status == Connection::Status::kMessage) GetString(in.message, "type", &type);
  if (type == "refused") {
    std::string reason;
    GetString(in.message, "reason", &reason);
    return Failed(error, "the service refused the writer: " + reason), 1;
  }
  if (type != "welcome") return Failed(error, "no welcome from the service"), 1;
  for (;;) {
    in = c.Read(Forever());
    if (in.status == Connection::Status::kEof) {
      return Failed(error, "the service closed the connection without a shutdown"), 2;
    }
    if (in.status != Connection::Status::kMessage) {
      return Failed(error, "the service broke the protocol: " + in.error), 2;
    }
    GetString(in.message, "type", &type);
    if (type == "shutdown") return 0;
    if (type != "event") return Failed(error, "unexpected '" + type + "' from the service"), 2;
    if (!HandleEvent(c, w, in.message, error)) return 2;
  }
}

int ServeWriter(writer::Writer& w, const Address& address, std::string_view token,
                std::string* error) {
  std::string why;
  net::Socket s = net::Connect(address, &why);
  if (!s.valid()) return Failed(error, why), 1;
  return ServeWriterOn(std::move(s), w, token, error);
}

int ServeWriterFromEnvironment(writer::Writer& w, std::string* error) {
  const char* address_text = std::getenv("VSSSIM_ADDRESS");
  const char* token = std::getenv("VSSSIM_TOKEN");
  if (address_text == nullptr || token == nullptr) {
    return Failed(error, "VSSSIM_ADDRESS and VSSSIM_TOKEN must be set"), 1;
  }
  std::string why;
  std::optional<Address> address = ParseAddress(address_text, &why);
  if (!address) return Failed(error, "VSSSIM_ADDRESS: " + why), 1;
  return ServeWriter(w, *address, token, error);
}

}  // namespace vsssim::remote
