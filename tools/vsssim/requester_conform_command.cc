#include "tools/vsssim/requester_conform_command.h"

#if VSSSIM_HAVE_REQUESTER_SUITE
#include "conformance/requester/requester_plugin_library.h"
#endif

#include <iostream>
#include <utility>

// WriterNameFromPath, IsValidSuiteName, RunRegisteredSuite: the writer route's, shared.
#include "tools/vsssim/conform_command.h"
#include "tools/vsssim/conform_isolated.h"

namespace vsssim::tools {

int RunRequesterConform(const RequesterConformOptions& options, std::ostream& err) {
  if (!options.name.empty() && !IsValidSuiteName(options.name)) {
    err << "--name " << options.name << ": use only letters, digits and '_'\n";
    return 2;
  }
#if !VSSSIM_HAVE_REQUESTER_SUITE
  err << options.plugin << ": this vsssim was built without the requester conformance suite "
      << "(configure with -DVSSSIM_BUILD_TESTS=ON)\n";
  return 2;
#else
#if !defined(_WIN32)
  if (!options.in_process) {
    // Each check in a process of its own (conform_isolated.h).
    IsolatedSuite suite;
    if (!PrepareIsolatedSuite("--requester-plugin", options.plugin, options.name, options.filter,
                              options.junit_file, options.check_timeout, &suite, err)) {
      return 2;
    }
    // A requester whose process ends mid-backup leaves VSS to release its instance and send
    // BackupShutdown (REQ-LIFE-04); a backup application must end its backups itself.
    suite.rule = "REQ-LIFE-04";
    suite.expected =
        "the backup application to finish each backup and release its instance itself (when "
        "its process ends or hangs, VSS releases the instance and sends BackupShutdown)";
    suite.role = "requester";
    return RunIsolatedSuite(suite, std::cout, err);
  }
#endif
  conformance::RequesterPluginLibrary::LoadResult loaded =
      conformance::RequesterPluginLibrary::Load(options.plugin);
  if (!loaded.library) {
    err << options.plugin << ": " << loaded.error << "\n";
    return 2;
  }
  conformance::RequesterUnderTest requester;
  requester.name = options.name.empty() ? WriterNameFromPath(options.plugin) : options.name;
  requester.create = loaded.library->Factory();
  conformance::RegisterRequesterSuite(std::move(requester));
  return RunRegisteredSuite(options.junit_file, options.filter, err);
#endif
}

}  // namespace vsssim::tools
