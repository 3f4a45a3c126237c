// vsssim-writer-host: runs one writer out of process against a vsssim service over the wire
// protocol (docs/wire-protocol.md) — a writer plug-in (vsssim/conformance/writer_plugin.h,
// loaded as `vsssim conform --writer-plugin` loads it) or a built-in scripted writer
// (writer/scripted_writer.h) whose per-event behaviour the options give. The writer runs
// unchanged through ServeWriter; the address and token come from --address/--token or from
// VSSSIM_ADDRESS/VSSSIM_TOKEN (what `vsssim serve` and `<writer exec=>` set).
//
// Exit status: 0 after the service's shutdown; 1 could not connect or refused; 2 bad usage,
// a plug-in that does not load, or the service closed or broke the protocol.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "host_writer.h"
#include "vsssim/remote/writer_client.h"

namespace {

int Fail(const std::string& what) {
  std::fprintf(stderr, "vsssim-writer-host: %s\n", what.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace vsssim;
  CLI::App app{
      "Runs a vsssim writer in its own process, connected to a vsssim service "
      "(docs/wire-protocol.md): a writer plug-in (--plugin) or a built-in scripted writer "
      "(--scripted NAME). The address and token default to VSSSIM_ADDRESS and VSSSIM_TOKEN.\n"
      "Exit status: 0 after the service's shutdown, 1 could not connect or was refused, 2 bad "
      "usage or the connection broke.",
      "vsssim-writer-host"};
  std::string address_text;
  std::string token;
  std::string plugin;
  host::ScriptOptions script;
  app.add_option("--address", address_text,
                 "unix:/path or tcp:127.0.0.1:PORT (default: $VSSSIM_ADDRESS)");
  app.add_option("--token", token, "the service's per-run token (default: $VSSSIM_TOKEN)");
  auto* plugin_option =
      app.add_option("--plugin", plugin, "a writer plug-in (shared library) to serve");
  auto* scripted_option =
      app.add_option("--scripted", script.name, "serve a built-in scripted writer of this name")
          ->excludes(plugin_option);
  plugin_option->excludes(scripted_option);
  app.add_option("--class-id", script.class_id, "the scripted writer's class id (a GUID)");
  app.add_option("--level", script.level,
                 "VSS_APP_FRONT_END (default), VSS_APP_BACK_END or VSS_APP_SYSTEM");
  app.add_option("--veto", script.veto, "EVENT: SetWriterFailure(RETRYABLE) and return false");
  app.add_option("--fail", script.fail, "EVENT=HRESULT: SetWriterFailure(HRESULT), return false");
  app.add_option("--hang", script.hang, "EVENT: call Hang() (never returns, on the virtual clock)");
  app.add_option("--spend", script.spend, "EVENT=MS: take MS milliseconds of virtual time");
  app.add_option("--exit-in", script.exit_in,
                 "EVENT: end the process (exit status 70) inside that handler, without a reply");
  CLI11_PARSE(app, argc, argv);
  if (plugin.empty() && script.name.empty()) return Fail("give --plugin PATH or --scripted NAME");

  std::string error;
  host::HostedWriter hosted =
      plugin.empty() ? host::MakeScripted(script, &error) : host::LoadPlugin(plugin, &error);
  if (hosted.writer == nullptr) return Fail(error);
  int status = 0;
  if (address_text.empty() && token.empty()) {
    status = remote::ServeWriterFromEnvironment(*hosted.writer, &error);
  } else {
    if (address_text.empty())
      address_text = std::getenv("VSSSIM_ADDRESS") ? std::getenv("VSSSIM_ADDRESS") : "";
    if (token.empty()) token = std::getenv("VSSSIM_TOKEN") ? std::getenv("VSSSIM_TOKEN") : "";
    std::optional<remote::Address> address = remote::ParseAddress(address_text, &error);
    if (!address) return Fail("--address: " + error);
    status = remote::ServeWriter(*hosted.writer, *address, token, &error);
  }
  if (status != 0) std::fprintf(stderr, "vsssim-writer-host: %s\n", error.c_str());
  return status;
}
