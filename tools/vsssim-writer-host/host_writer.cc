#include "host_writer.h"

#include <cstdlib>
#include <exception>
#include <optional>
#include <utility>

#include "conformance/plugin/writer_plugin_library.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/vss/enum_table.h"
#include "vsssim/vss/writer_event.h"
#include "vsssim/writer/scripted_writer.h"

namespace vsssim::host {

namespace {

using writer::ScriptedWriter;

// "EVENT" or "EVENT=VALUE".
bool Split(const std::string& text, vss::WriterEvent* event, std::string* value,
           std::string* error) {
  const std::size_t eq = text.find('=');
  const std::string name = text.substr(0, eq);
  std::optional<vss::WriterEvent> e = vss::ParseWriterEvent(name);
  if (!e) {
    *error = "unknown event '" + name + "' (Identify, PrepareForBackup, Freeze, Thaw, ...)";
    return false;
  }
  *event = *e;
  *value = eq == std::string::npos ? "" : text.substr(eq + 1);
  return true;
}

// The plug-in ABI's WriterContext: this process's own volumes ("C:" and "D:") and clock.
class LocalContext final : public conformance::WriterContext {
 public:
  LocalContext() {
    storage::VolumeOptions c;
    volumes_.CreateVolume(c);
    storage::VolumeOptions d;
    d.name = "D:";
    volumes_.CreateVolume(d);
  }
  storage::VolumeManager& volumes() override { return volumes_; }
  const runtime::Clock& clock() const override { return clock_; }

 private:
  runtime::Clock clock_;
  storage::VolumeManager volumes_{clock_};
};

}  // namespace

HostedWriter MakeScripted(const ScriptOptions& o, std::string* error) {
  writer::WriterIdentity id;
  id.name = o.name;
  std::optional<Guid> class_id = Guid::Parse(o.class_id);
  if (!class_id) return *error = "--class-id: not a GUID: " + o.class_id, HostedWriter{};
  id.class_id = *class_id;
  std::optional<vss::ApplicationLevel> level = vss::Parse<vss::ApplicationLevel>(o.level);
  if (!level) return *error = "--level: unknown level " + o.level, HostedWriter{};
  id.level = *level;
  auto w = std::make_unique<ScriptedWriter>(id);
  std::map<vss::WriterEvent, ScriptedWriter::Behavior> script;
  vss::WriterEvent event{};
  std::string value;
  for (const std::string& s : o.veto) {
    if (!Split(s, &event, &value, error)) return {};
    script[event].failure = hr::VSS_E_WRITERERROR_RETRYABLE;
    script[event].returns = false;
  }
  for (const std::string& s : o.fail) {
    if (!Split(s, &event, &value, error)) return {};
    std::optional<HResult> code = ParseHResult(value);
    if (!code) return *error = "--fail " + s + ": not an HRESULT", HostedWriter{};
    script[event].failure = *code;
    script[event].returns = false;
  }
  for (const std::string& s : o.hang) {
    if (!Split(s, &event, &value, error)) return {};
    script[event].hang = true;
  }
  for (const std::string& s : o.spend) {
    if (!Split(s, &event, &value, error)) return {};
    char* end = nullptr;
    const long long ms = std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || ms < 0) {
      return *error = "--spend " + s + ": not EVENT=MS", HostedWriter{};
    }
    script[event].delay = std::chrono::milliseconds(ms);
  }
  for (const std::string& s : o.exit_in) {
    if (!Split(s, &event, &value, error)) return {};
    script[event].action = [](ScriptedWriter&) { std::_Exit(70); };  // no reply, no cleanup
  }
  for (auto& [e, behavior] : script) w->On(e, std::move(behavior));
  HostedWriter out;
  out.writer = std::move(w);
  return out;
}

HostedWriter LoadPlugin(const std::string& path, std::string* error) {
  conformance::WriterPluginLibrary::LoadResult loaded =
      conformance::WriterPluginLibrary::Load(path);
  if (loaded.library == nullptr) return *error = path + ": " + loaded.error, HostedWriter{};
  auto context = std::make_shared<LocalContext>();
  HostedWriter out;
  try {
    out.writer = loaded.library->Factory()(*context);
  } catch (const std::exception& e) {
    *error = path + ": " + e.what();
    return {};
  }
  // The writer holds the library; the context must outlive the writer too.
  out.keep_alive = context;
  return out;
}

}  // namespace vsssim::host
