// vsssim: the command-line front end of the VSS protocol simulator.
// Exit codes: 0 success, 1 a run failed its expectations, 2 bad input or usage.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "tools/vsssim/check_command.h"
#include "tools/vsssim/conform_command.h"
#include "tools/vsssim/demo_cases.h"
#include "tools/vsssim/demo_lifecycle.h"
#include "tools/vsssim/requester_conform_command.h"
#include "tools/vsssim/rules_command.h"
#include "tools/vsssim/run_command.h"
#include "tools/vsssim/serve_command.h"
#include "tools/vsssim/show_command.h"
#include "tools/vsssim/teach_command.h"
#include "vsssim/coordinator/windows_profile.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/scenario/choice.h"
#include "vsssim/scenario/values.h"
#include "vsssim/trace/text.h"
#include "vsssim/trace/trace.h"

namespace {

// --seed: a decimal number from 0 to 2^64-1, nothing else. CLI11 alone would read "-1" as
// 2^64-1, clamp 18446744073709551616 and take "" as 0 (issue #23).
const CLI::Validator kSeedValidator(
    [](const std::string& text) -> std::string {
      if (vsssim::scenario::ParseUnsigned(text, UINT64_MAX)) return {};
      return "'" + text + "' is not a seed (a number from 0 to 18446744073709551615)";
    },
    "SEED");

int RunDemo(std::uint64_t seed) {
  vsssim::runtime::Clock clock;
  vsssim::trace::Trace trace(clock);
  vsssim::tools::RunDemoLifecycle(clock, trace, seed);
  std::cout << "# vsssim demo: a built-in full backup with one writer (seed " << seed << ")\n"
            << vsssim::trace::RenderText(trace) << "# digest " << vsssim::trace::Digest(trace)
            << "\n";
  return 0;
}

}  // namespace

int RunVsssim(int argc, char** argv) {
  CLI::App app{
      "vsssim - a Windows Volume Shadow Copy (VSS) protocol simulator and conformance "
      "harness"};
  app.set_version_flag("--version", std::string("vsssim ") + VSSSIM_VERSION);
  app.footer(
      "\nNew to VSS? Watch a backup, then a veto (README: \"How a VSS backup proceeds\"):\n"
      "  vsssim demo --case happy                    the whole lifecycle, step by step\n"
      "  vsssim demo --case veto                     a writer vetoes the shadow copy\n"
      "  vsssim demo --case veto --trace html > veto.html   the same as one page to open\n"
      "  vsssim demo --list                          every case\n"
      "  vsssim teach --case veto                    step through it: n next, b back, q quit\n"
      "  vsssim rules WRT-SEQ-06                     what a rule says, its Microsoft page, where "
      "it is enforced\n"
      "Test your own:\n"
      "  vsssim run my-scenario.xml --trace mermaid  run a scenario (docs/scenario-format.md)\n"
      "  vsssim check saved-bcd.xml                  validate a WMD or BCD\n"
      "  vsssim conform --writer-plugin ./libmywriter.so   a writer against every rule\n"
      "Run `vsssim COMMAND --help` for a command's options.");
  app.require_subcommand(1);
  // File arguments may be POSIX paths ("/work/x.xml", e.g. under Wine); CLI11's Windows builds
  // would read a leading '/' as an option. Set before the subcommands, which inherit it.
  app.allow_windows_style_options(false);

  std::uint64_t seed = 1;
  std::string demo_case;
  std::string demo_trace = "text";
  bool demo_list = false;
  CLI::App* demo = app.add_subcommand(
      "demo",
      "Watch a backup: a built-in lifecycle, or with --case one bundled scenario that shows one "
      "thing (happy, veto, requester-death, identify-mid-freeze, freeze-timeout, torn-snapshot, "
      "restore)");
  CLI::Option* demo_seed =
      demo->add_option("--seed", seed, "Seed for the run (the same seed gives the same trace)")
          ->check(kSeedValidator);
  demo->add_option("--case", demo_case, "The case to watch (see --list)");
  demo->add_option("--trace", demo_trace,
                   "How to show it: text (default), mermaid (a diagram GitHub renders), html (one "
                   "self-contained page on stdout: `> veto.html`, then open it)")
      ->check(CLI::IsMember({"text", "mermaid", "html"}));
  demo->add_flag("--list", demo_list, "List the cases and what each shows");

  std::string document;
  CLI::App* check = app.add_subcommand(
      "check",
      "Validate a Writer Metadata or Backup Components document (exit 0 valid, 1 findings, "
      "2 unreadable)");
  check->add_option("FILE", document, "The saved WMD or BCD (UTF-8 or UTF-16)")->required();
  bool json = false;
  CLI::App* show = app.add_subcommand(
      "show", "Show a Writer Metadata or Backup Components document like vshadow -wm");
  show->add_option("FILE", document, "The saved WMD or BCD (UTF-8 or UTF-16)")->required();
  show->add_flag("--json", json, "Print the complete model as JSON");

  vsssim::tools::RunCommandOptions run_options;
  std::uint64_t run_seed = 0;
  CLI::App* run = app.add_subcommand(
      "run", "Run scenario files and judge them (exit 0 all pass, 1 any failure, 2 bad input)");
  run->add_option("FILE", run_options.files, "Scenario files (XML or JSON)")->required();
  run->add_option("--trace", run_options.trace_format,
                  "Write each run's trace: text, jsonl, mermaid, or html (one self-contained page "
                  "with swimlanes, writer states and findings)")
      ->check(CLI::IsMember({"text", "jsonl", "mermaid", "html"}));
  run->add_option("--out", run_options.out_dir, "Directory for the traces (default: stdout)")
      ->check(CLI::ExistingDirectory);
  CLI::Option* seed_option =
      run->add_option("--seed", run_seed, "Override the scenarios' seed")->check(kSeedValidator);
  run->add_flag("--json", run_options.json, "Print a machine-readable result");
  run->add_option("--junit", run_options.junit_file, "Write a JUnit XML report to FILE");
  std::string windows;
  const std::string profile_names = vsssim::coordinator::WindowsProfileNames();
  CLI::Option* windows_option =
      run->add_option("--windows", windows,
                      "Windows release the simulated VSS behaves as (" + profile_names +
                          "; default current); overrides <scenario windows>. `vsssim rules` "
                          "lists what each changes")
          ->check(CLI::Validator(
              [profile_names](std::string& text) -> std::string {
                if (vsssim::coordinator::ParseWindowsProfile(text)) return "";
                return "\"" + text + "\" is not a Windows profile (" + profile_names + ")";
              },
              "PROFILE"));
  std::vector<std::string> choice_texts;  // --choice NAME=VALUE (vsssim/scenario/choice.h)
  run->add_option("--choice", choice_texts,
                  "Set a named choice of coordinator::Choices, NAME=VALUE (repeatable); "
                  "overrides the scenario's <choice>. `vsssim rules` lists them")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            const auto eq = text.find('=');
            const std::string name = text.substr(0, eq);
            const std::string kind = vsssim::scenario::DescribeChoice(name);
            if (eq == std::string::npos || kind.empty()) {
              return "\"" + text + "\" is not NAME=VALUE with NAME a choice `vsssim rules` lists";
            }
            vsssim::coordinator::Choices scratch;
            if (!vsssim::scenario::ApplyChoice(name, text.substr(eq + 1), &scratch)) {
              return "\"" + text.substr(eq + 1) + "\" is not " + kind + " (choice " + name + ")";
            }
            return "";
          },
          "NAME=VALUE"));
  run->add_option("--engine", run_options.engine,
                  "sim: the simulator (default); windows-vss: the requester steps on this "
                  "machine's real VSS (Windows builds only, docs/windows.md)")
      ->check(CLI::IsMember({"sim", "windows-vss"}));
  run->add_option("--writer-guard", run_options.writer_guard,
                  "Real time a writer process (<writer exec=...>) has per event before it "
                  "counts as not responding, e.g. '5s' (default 30s)");
  std::string connect_address;
  std::string connect_token_file;
  CLI::Option* connect_option = run->add_option(
      "--connect", connect_address,
      "Run the scenarios on a `vsssim serve` service: its requesters address (unix:/PATH.run or "
      "tcp:127.0.0.1:PORT); its subscribed writers are the scenarios' exec= writers of the same "
      "name (docs/serve.md)");
  run->add_option("--token-file", connect_token_file,
                  "With --connect: the file `vsssim serve --token-file` wrote (default: "
                  "VSSSIM_TOKEN)");
  vsssim::tools::ServeOptions serve_options;
  CLI::App* serve = app.add_subcommand(
      "serve",
      "Run the VSS service until SIGINT/SIGTERM: writer processes subscribe at --listen, "
      "`vsssim run --connect` runs scenarios on them (docs/serve.md)");
  serve
      ->add_option("--listen", serve_options.listen,
                   "Where writers connect: unix:/PATH or tcp:127.0.0.1:PORT (0: a free port)")
      ->required();
  serve->add_option("--token-file", serve_options.token_file,
                    "Also write the token writers and requesters must give to this file (mode "
                    "0600)");
  serve->add_option("--writer-guard", serve_options.writer_guard,
                    "Real time a writer has per event before it counts as not responding, "
                    "e.g. '5s' (default 30s)");
  vsssim::tools::TeachOptions teach_options;
  CLI::App* teach = app.add_subcommand(
      "teach",
      "Step through a backup one event at a time: what happens, who receives it, the states, "
      "the rule (keys n/b/q)");
  teach->add_option("FILE", teach_options.file, "A scenario file (default: the demo case)");
  teach->add_option("--case", teach_options.demo_case,
                    "A bundled case (vsssim demo --list; default happy)");
  teach->add_flag("--all", teach_options.all,
                  "Also show bookkeeping calls (metadata and status walks)");
  bool rules_json = false;
  std::vector<std::string> rule_ids;
  CLI::App* rules = app.add_subcommand(
      "rules",
      "List every rule the simulator checks (ID, level, text, source), or explain the rules "
      "named: whole text, sources, where the simulator enforces it, scenarios that show it");
  rules->add_flag("--json", rules_json, "Print as JSON");
  rules->add_option("RULE-ID", rule_ids,
                    "Explain these rules (e.g. `vsssim rules WRT-SEQ-06 LIM-12`); exit 2 when "
                    "one is unknown");
  vsssim::tools::ConformCommandOptions conform_options;
  CLI::App* conform = app.add_subcommand(
      "conform",
      "Run the writer conformance suite on a writer plug-in (exit 0 all pass, 1 a rule broken, "
      "2 bad input)");
  std::string requester_plugin;
  CLI::Option* writer_plugin_option = conform->add_option(
      "--writer-plugin", conform_options.plugin,
      "Shared library exporting vsssim_create_writer (vsssim/conformance/writer_plugin.h)");
  conform
      ->add_option("--requester-plugin", requester_plugin,
                   "Instead: run the requester conformance suite on a shared library exporting "
                   "vsssim_create_requester (vsssim/conformance/requester_plugin.h)")
      ->excludes(writer_plugin_option);
  conform
      ->add_option("--writer-exec", conform_options.writer_exec,
                   "Instead: run the writer conformance suite on a writer process started by "
                   "this shell command, a fresh process for each check (docs/serve.md)")
      ->excludes(writer_plugin_option);
  conform->add_option("--writer-guard", conform_options.writer_guard,
                      "With --writer-exec: real time a writer process has per event before it "
                      "counts as not responding, e.g. '5s' (default 30s)");
  conform->add_option("--junit", conform_options.junit_file,
                      "Write a JUnit XML report to FILE (one test case per check variant, "
                      "each failure typed with its rule ID)");
  conform->add_option("--name", conform_options.name,
                      "Writer name in the test names (default: from the file name)");
  conform->add_option("--filter", conform_options.filter,
                      "Run only the checks matching this GoogleTest filter, e.g. '*Abort*'");
  conform->add_flag("--in-process", conform_options.in_process,
                    "Run the plug-in inside this process (a plug-in that crashes or exits ends "
                    "vsssim) instead of each check in a process of its own (not on Windows, "
                    "where plug-ins always run in-process)");
  conform->add_option("--check-timeout", conform_options.check_timeout,
                      "Real time a check may take in its own process before it counts as hung "
                      "and is killed, e.g. '30s' (default 10m)");
  conform->add_option("--warmup", conform_options.warmup,
                      "Virtual time the writer's application runs before the first requester "
                      "step of each check, e.g. '2s' (default 2s)");
  conform->add_option("--between-steps", conform_options.between_steps,
                      "Virtual time the writer's application runs before each further "
                      "requester step, e.g. '100ms' (default 100ms)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  if (demo->parsed()) {
    if (demo_list) {
      for (const vsssim::tools::DemoCase& c : vsssim::tools::DemoCases()) {
        std::cout << c.name << "  (" << c.file << ")\n";
      }
      return 0;
    }
    if (!demo_case.empty()) {
      std::optional<std::uint64_t> case_seed;
      if (demo_seed->count() > 0) case_seed = seed;
      return vsssim::tools::RunDemoCase(demo_case, demo_trace, case_seed, std::cout, std::cerr);
    }
    if (demo_trace != "text") {
      std::cerr << "demo: --trace needs --case (the built-in lifecycle prints text)\n";
      return 2;
    }
    return RunDemo(seed);
  }
  if (check->parsed()) return vsssim::tools::RunCheck(document, std::cout);
  if (serve->parsed()) return vsssim::tools::RunServe(serve_options, std::cout, std::cerr);
  if (run->parsed() && connect_option->count() > 0) {
    if (run_options.json || !run_options.junit_file.empty() || !run_options.out_dir.empty() ||
        windows_option->count() > 0 || !choice_texts.empty() || run_options.engine != "sim" ||
        (!run_options.trace_format.empty() && run_options.trace_format != "text")) {
      std::cerr << "run --connect: takes --seed, --trace text and --token-file only\n";
      return 2;
    }
    vsssim::tools::ConnectOptions connect;
    connect.address = connect_address;
    connect.token_file = connect_token_file;
    connect.files = run_options.files;
    if (seed_option->count() > 0) connect.seed = run_seed;
    connect.trace = run_options.trace_format == "text";
    return vsssim::tools::RunConnect(connect, std::cout, std::cerr);
  }
  if (run->parsed() && !connect_token_file.empty()) {
    std::cerr << "run: --token-file goes with --connect\n";
    return 2;
  }
  if (run->parsed()) {
    if (seed_option->count() > 0) run_options.seed = run_seed;
    if (windows_option->count() > 0) {
      run_options.windows = vsssim::coordinator::ParseWindowsProfile(windows);
    }
    for (const std::string& c : choice_texts) {
      const auto eq = c.find('=');
      run_options.choices.emplace_back(c.substr(0, eq), c.substr(eq + 1));
    }
    return vsssim::tools::RunScenarios(run_options, std::cout, std::cerr);
  }
  if (teach->parsed()) {
    if (!teach_options.file.empty() && !teach_options.demo_case.empty()) {
      std::cerr << "teach: give a FILE or --case, not both\n";
      return 2;
    }
    return vsssim::tools::RunTeach(teach_options, std::cin, std::cout, std::cerr);
  }
  if (rules->parsed()) {
    if (!rule_ids.empty()) {
      return vsssim::tools::RunRuleDetails(rule_ids, rules_json, std::cout, std::cerr);
    }
    return vsssim::tools::RunRules(rules_json, std::cout);
  }
#if defined(_WIN32)
  if (conform->parsed() && !conform_options.check_timeout.empty()) {
    std::cerr << "conform: --check-timeout: this vsssim was built for Windows, which runs "
                 "plug-ins in-process (no check runs in a process of its own)\n";
    return 2;
  }
#endif
  if (conform->parsed() && !requester_plugin.empty()) {
    return vsssim::tools::RunRequesterConform(
        {requester_plugin, conform_options.junit_file, conform_options.name, conform_options.filter,
         conform_options.in_process, conform_options.check_timeout},
        std::cerr);
  }
  if (conform->parsed() && !conform_options.writer_exec.empty()) {
    if (!requester_plugin.empty()) {
      std::cerr << "conform: --writer-exec and --requester-plugin exclude each other\n";
      return 2;
    }
    if (conform_options.in_process || !conform_options.check_timeout.empty()) {
      std::cerr << "conform: --in-process and --check-timeout go with --writer-plugin or "
                   "--requester-plugin (--writer-exec runs the writer in a process already)\n";
      return 2;
    }
    return vsssim::tools::RunConformExec(conform_options, std::cerr);
  }
  if (conform->parsed() && !conform_options.writer_guard.empty()) {
    std::cerr << "conform: --writer-guard goes with --writer-exec\n";
    return 2;
  }
  if (conform->parsed() && conform_options.plugin.empty()) {
    std::cerr << "conform: give --writer-plugin LIB, --writer-exec CMD or --requester-plugin LIB\n";
    return 2;
  }
  if (conform->parsed()) return vsssim::tools::RunConform(conform_options, std::cerr);
  if (show->parsed()) return vsssim::tools::RunShow(document, json, std::cout, std::cerr);
  return 2;
}

int main(int argc, char** argv) {
  const int rc = RunVsssim(argc, argv);
  // A report that could not be written (stdout on a full disk, /dev/full) is not a success.
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "vsssim: cannot write to standard output\n";
    return rc == 0 ? 2 : rc;
  }
  return rc;
}
