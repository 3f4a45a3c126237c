#include "tools/vsssim/serve_command.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>
#include <utility>

#include <nlohmann/json.hpp>

#include "sim/remote/frame.h"
#include "sim/remote/socket.h"
#include "tools/vsssim/run_command.h"
#include "vsssim/remote/address.h"
#include "vsssim/remote/remote_writer.h"
#include "vsssim/runtime/time.h"
#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/loader.h"

namespace vsssim::tools {
namespace {

using Json = nlohmann::json;
namespace net = remote::net;

// The requester channel: the wire protocol's frames (remote::EncodeFrame, FrameReader) with
// its own messages ("run", "result", "refused"), which the writer protocol does not know.
class Channel {
 public:
  explicit Channel(net::Socket socket) : socket_(std::move(socket)) {}
  bool Send(const Json& message, net::Clock::time_point deadline) {
    const std::string frame =
        remote::EncodeFrame(message.dump(-1, ' ', false, Json::error_handler_t::replace));
    return net::SendAll(socket_, frame.data(), frame.size(), deadline);
  }
  // The next object message; nullopt at EOF, on garbage or at the deadline.
  std::optional<Json> Read(net::Clock::time_point deadline) {
    char buffer[64 * 1024];
    for (;;) {
      if (std::optional<std::string> body = reader_.Next()) {
        Json m = Json::parse(*body, nullptr, /*allow_exceptions=*/false);
        if (m.is_discarded() || !m.is_object()) return std::nullopt;
        return m;
      }
      if (reader_.failed() || net::WaitReadable(socket_, deadline) != net::Wait::kReady) {
        return std::nullopt;
      }
      const long n = net::Receive(socket_, buffer, sizeof buffer);
      if (n == -2) continue;
      if (n <= 0) return std::nullopt;
      reader_.Feed(buffer, static_cast<std::size_t>(n));
    }
  }

 private:
  net::Socket socket_;
  remote::FrameReader reader_;
};

volatile std::sig_atomic_t g_stop = 0;
extern "C" void OnStopSignal(int /*signal*/) { g_stop = 1; }

constexpr std::chrono::milliseconds kPoll{50};       // between looks at both endpoints
constexpr std::chrono::seconds kRequestTimeout{10};  // to read a request, send a result
constexpr std::chrono::hours kRunTimeout{24};        // the client waits for a run this long

std::optional<std::chrono::milliseconds> ParseGuard(const std::string& text, std::ostream& err) {
  if (text.empty()) return std::chrono::milliseconds(30000);
  std::optional<runtime::Duration> d = runtime::ParseDuration(text);
  if (!d || d->count() <= 0) {
    err << "--writer-guard " << text << ": not a positive duration (e.g. '30s', '500ms')\n";
    return std::nullopt;
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(*d);
}

// The writers subscribed to the service, for one run.
class Subscribed {
 public:
  std::vector<std::unique_ptr<remote::RemoteWriter>>& writers() { return writers_; }
  scenario::ConnectedWriters ForRun() {
    scenario::ConnectedWriters c;
    c.find = [this](std::string_view name, trace::Trace& trace) -> writer::Writer* {
      for (auto& w : writers_) {
        if (w->connected() && w->identity().name == name) {
          w->AttachTrace(&trace);
          return w.get();
        }
      }
      return nullptr;
    };
    c.gone_reason = [this](const writer::Writer& gone) -> std::string {
      for (auto& w : writers_) {
        if (w.get() == &gone) return w->CheckAlive() ? "" : w->disconnect_reason();
      }
      return "";
    };
    return c;
  }
  void DetachTraces() {
    for (auto& w : writers_) w->AttachTrace(nullptr);
  }
  // Drops the writers whose connection ended (WRT-INIT-03: they unsubscribed).
  void DropGone(std::ostream& err) {
    for (auto it = writers_.begin(); it != writers_.end();) {
      if ((*it)->CheckAlive()) {
        ++it;
        continue;
      }
      err << "vsssim serve: writer " << (*it)->identity().name
          << " unsubscribed: " << (*it)->disconnect_reason() << "\n";
      it = writers_.erase(it);
    }
  }

 private:
  std::vector<std::unique_ptr<remote::RemoteWriter>> writers_;
};

void ServeRequest(net::Socket socket, const std::string& token, Subscribed& subscribed,
                  std::chrono::milliseconds guard, std::ostream& err) {
  Channel c(std::move(socket));
  auto refuse = [&](const std::string& reason) {
    err << "vsssim serve: refused a requester: " << reason << "\n";
    c.Send({{"type", "refused"}, {"reason", reason}}, net::Clock::now() + kRequestTimeout);
  };
  std::optional<Json> in = c.Read(net::Clock::now() + kRequestTimeout);
  if (!in || !(*in)["type"].is_string() || (*in)["type"] != "run" || !(*in)["file"].is_string()) {
    refuse("not a run request");
    return;
  }
  const Json& m = *in;
  if (!m.contains("token") || !m["token"].is_string() ||
      !remote::TokensEqual(m["token"].get<std::string>(), token)) {
    refuse("wrong token");
    return;
  }
  const std::string file = m["file"].get<std::string>();
  std::ostringstream output;
  int exit_code = 2;
  scenario::LoadResult loaded = scenario::LoadScenarioFile(file);
  if (!loaded.ok()) {
    output << loaded.ErrorText();
  } else {
    subscribed.DropGone(err);
    scenario::ConnectedWriters connected = subscribed.ForRun();
    scenario::RunOptions options;
    options.connected = &connected;
    options.writer_guard = guard;
    if (m.contains("seed") && m["seed"].is_number_unsigned()) {
      options.seed = m["seed"].get<std::uint64_t>();
    }
    scenario::RunResult result = scenario::RunScenario(*loaded.scenario, options);
    subscribed.DetachTraces();
    output << RenderTextReport(result);
    if (m.value("trace", false)) output << RenderTrace(result, "text");
    exit_code = result.passed() ? 0 : 1;
    err << "vsssim serve: ran " << file << ": " << (exit_code == 0 ? "pass" : "fail") << "\n";
  }
  c.Send({{"type", "result"}, {"exit", exit_code}, {"output", output.str()}},
         net::Clock::now() + kRequestTimeout);
}

bool WriteTokenFile(const std::string& path, const std::string& token, std::ostream& err) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << token << "\n";
  f.close();
  if (!f) {
    err << "--token-file " << path << ": cannot write\n";
    return false;
  }
  std::error_code ec;
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  return true;
}

}  // namespace

int RunServe(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  std::string error;
  std::optional<remote::Address> where = remote::ParseAddress(options.listen, &error);
  if (!where) {
    err << "--listen " << options.listen << ": " << error << "\n";
    return 2;
  }
  std::optional<std::chrono::milliseconds> guard = ParseGuard(options.writer_guard, err);
  if (!guard) return 2;
  remote::RemoteOptions remote_options;
  remote_options.guard = *guard;
  const std::string token = remote::NewToken();
  std::unique_ptr<remote::WriterListener> listener =
      remote::WriterListener::Listen(*where, token, remote_options, &error);
  if (listener == nullptr) {
    err << "--listen " << options.listen << ": " << error << "\n";
    return 2;
  }
  remote::Address control_address = listener->address();
  if (control_address.kind == remote::Address::Kind::kUnix) {
    control_address.path += ".run";
  } else {
    control_address.port = 0;  // another free port
  }
  net::Socket control = net::Listen(&control_address, &error);
  if (!control.valid()) {
    err << "cannot listen for requesters on " << remote::ToString(control_address) << ": " << error
        << "\n";
    return 2;
  }
  if (!options.token_file.empty() && !WriteTokenFile(options.token_file, token, err)) return 2;
  out << "writers " << remote::ToString(listener->address()) << "\n"
      << "token " << token << "\n"
      << "requesters " << remote::ToString(control_address) << "\n";
  out.flush();
  g_stop = 0;
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  Subscribed subscribed;
  while (g_stop == 0) {
    std::vector<std::string> refusals;
    std::unique_ptr<remote::RemoteWriter> w = listener->Accept(kPoll, &refusals);
    for (const std::string& r : refusals) err << "vsssim serve: refused a writer: " << r << "\n";
    if (w != nullptr) {
      err << "vsssim serve: writer " << w->identity().name << " subscribed\n";
      subscribed.writers().push_back(std::move(w));
    }
    subscribed.DropGone(err);
    if (net::WaitReadable(control, net::Clock::now() + kPoll) == net::Wait::kReady) {
      net::Socket s = net::Accept(control);
      if (s.valid()) ServeRequest(std::move(s), token, subscribed, *guard, err);
    }
  }
  for (auto& writer : subscribed.writers()) writer->Shutdown();
  control.Close();
  if (control_address.kind == remote::Address::Kind::kUnix) {
    std::remove(control_address.path.c_str());
  }
  err << "vsssim serve: stopped\n";
  return 0;
}

int RunConnect(const ConnectOptions& options, std::ostream& out, std::ostream& err) {
  std::string error;
  std::optional<remote::Address> where = remote::ParseAddress(options.address, &error);
  if (!where) {
    err << "--connect " << options.address << ": " << error << "\n";
    return 2;
  }
  std::string token;
  if (!options.token_file.empty()) {
    std::ifstream f(options.token_file);
    if (!(f >> token)) {
      err << "--token-file " << options.token_file << ": cannot read a token\n";
      return 2;
    }
  } else if (const char* env = std::getenv("VSSSIM_TOKEN")) {
    token = env;
  }
  if (token.empty()) {
    err << "--connect: give --token-file FILE or VSSSIM_TOKEN (what `vsssim serve` printed)\n";
    return 2;
  }
  int worst = 0;
  for (const std::string& file : options.files) {
    std::error_code ec;
    const std::string path = std::filesystem::absolute(file, ec).string();
    net::Socket s = net::Connect(*where, &error);
    if (!s.valid()) {
      err << "--connect " << options.address << ": cannot connect: " << error << "\n";
      return 2;
    }
    Channel c(std::move(s));
    Json request = {{"type", "run"}, {"token", token}, {"file", path}, {"trace", options.trace}};
    if (options.seed) request["seed"] = *options.seed;
    c.Send(request, net::Clock::now() + kRequestTimeout);
    std::optional<Json> in = c.Read(net::Clock::now() + kRunTimeout);
    if (!in) {
      err << "--connect " << options.address << ": the service gave no result for " << file << "\n";
      return 2;
    }
    if (in->value("type", "") == "refused") {
      err << "--connect " << options.address << ": refused: " << in->value("reason", "") << "\n";
      return 2;
    }
    out << in->value("output", "");
    worst = std::max(worst, in->value("exit", 2));
  }
  return worst;
}

}  // namespace vsssim::tools
