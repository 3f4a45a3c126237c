// The requester plug-in ABI: what a shared library exports so that
//   vsssim conform --requester-plugin libmybackup.so [--junit report.xml]
// runs the requester conformance suite (requester_suite.h) on its backup application.
//
//   #include "vsssim/conformance/requester_plugin.h"
//   VSSSIM_REQUESTER_PLUGIN_ABI_VERSION_FUNCTION()
//   extern "C" VSSSIM_PLUGIN_EXPORT vsssim::conformance::BackupApplication*
//   vsssim_create_requester(void) { return new MyBackup(); }
//   extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_requester(
//       vsssim::conformance::BackupApplication* application) { delete application; }
//
// Contract: as writer_plugin.h — vsssim refuses another ABI version (exit 2); create is
// called once per check on the suite's thread and never returns null; destroy frees what
// create made; C++ objects cross the boundary, so build with the same compiler and vsssim
// headers and link vsssim statically (target vsssim::requester_plugin).
#ifndef VSSSIM_CONFORMANCE_REQUESTER_PLUGIN_H_
#define VSSSIM_CONFORMANCE_REQUESTER_PLUGIN_H_

#include "vsssim/conformance/requester_suite.h"

#define VSSSIM_REQUESTER_PLUGIN_ABI_VERSION 1

#ifndef VSSSIM_PLUGIN_EXPORT
#if defined(_WIN32) || defined(__CYGWIN__)
#define VSSSIM_PLUGIN_EXPORT __declspec(dllexport)
#else
#define VSSSIM_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif
#endif

extern "C" {

// Returns VSSSIM_REQUESTER_PLUGIN_ABI_VERSION of the headers the plug-in was built with.
VSSSIM_PLUGIN_EXPORT int vsssim_requester_plugin_abi_version(void);
// Returns a new backup application for one check.
VSSSIM_PLUGIN_EXPORT vsssim::conformance::BackupApplication* vsssim_create_requester(void);
// Frees an application returned by vsssim_create_requester.
VSSSIM_PLUGIN_EXPORT void vsssim_destroy_requester(
    vsssim::conformance::BackupApplication* application);

}  // extern "C"

#define VSSSIM_REQUESTER_PLUGIN_ABI_VERSION_FUNCTION()                            \
  extern "C" VSSSIM_PLUGIN_EXPORT int vsssim_requester_plugin_abi_version(void) { \
    return VSSSIM_REQUESTER_PLUGIN_ABI_VERSION;                                   \
  }

namespace vsssim::conformance::requester_plugin_abi {
using AbiVersionFunction = int (*)();
using CreateFunction = BackupApplication* (*)();
using DestroyFunction = void (*)(BackupApplication*);
inline constexpr const char kAbiVersionSymbol[] = "vsssim_requester_plugin_abi_version";
inline constexpr const char kCreateSymbol[] = "vsssim_create_requester";
inline constexpr const char kDestroySymbol[] = "vsssim_destroy_requester";
}  // namespace vsssim::conformance::requester_plugin_abi

#endif  // VSSSIM_CONFORMANCE_REQUESTER_PLUGIN_H_
