// WindowsProfile: which Windows release the simulated VSS behaves as. A few documented rules
// hold only on old releases (REQ-ORDER-18 "only necessary on Windows Server 2008 with SP2 and
// earlier", CTX-XP-01, REQ-RST-12, ...); the simulator models one release at a time and this
// header is the ONE place that says which of those rules apply under which profile.
//
// Profiles are ordered oldest first; every version-dependent rule Microsoft documents so far
// holds "on release R and earlier", so a rule names the newest profile it applies to.
// Default: kCurrent (Windows Server 2008 R2 / Windows 7 and every later release).
// Chosen per run: Choices::windows, `vsssim run --windows NAME`, `<scenario windows="NAME">`.
//
// Header-only (the scenario loader parses profile names without linking the coordinator).
// Thread safety: pure functions over constant tables.
#ifndef VSSSIM_COORDINATOR_WINDOWS_PROFILE_H_
#define VSSSIM_COORDINATOR_WINDOWS_PROFILE_H_

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vsssim::coordinator {

enum class WindowsProfile : std::uint8_t {
  kXp,             // "xp": Windows XP
  kServer2003,     // "2003": Windows Server 2003
  kServer2008Sp2,  // "2008sp2": Windows Server 2008 with SP2, Windows Vista
  kCurrent,        // "current": Windows Server 2008 R2, Windows 7 and later (default)
};

// The behaviours that depend on the profile. Each has one row in kVersionRules.
enum class VersionRule : std::uint8_t {
  // REQ-ORDER-18: GatherWriterStatus must follow BackupComplete (else a finding at Release).
  kStatusAfterBackupComplete,
  // CTX-XP-01 / REQ-CALL-03: only VSS_CTX_BACKUP exists; SetContext returns E_NOTIMPL.
  kSetContextNotImplemented,
  // VSS_CTX_CLIENT_ACCESSIBLE_WRITERS does not exist (catalogue silent; enum page).
  kNoClientAccessibleWriters,
  // REQ-RST-12: of several instances of one writer class with a writer-restore other than
  // VSS_WRE_NEVER, one only receives restore events.
  kOneRestoreInstancePerClass,
};

struct VersionRuleInfo {
  VersionRule rule;
  std::string_view id;      // catalogue rule ID; "" where the catalogue is silent
  WindowsProfile newest;    // applies under this profile and every older one
  std::string_view text;    // one line
  std::string_view source;  // the Microsoft page that states it
};

struct WindowsProfileInfo {
  WindowsProfile profile;
  std::string_view name;         // as written on the command line and in scenarios
  std::string_view description;  // the releases it stands for
};

// Every profile, oldest first.
inline constexpr WindowsProfileInfo kWindowsProfiles[] = {
    {WindowsProfile::kXp, "xp", "Windows XP"},
    {WindowsProfile::kServer2003, "2003", "Windows Server 2003"},
    {WindowsProfile::kServer2008Sp2, "2008sp2",
     "Windows Server 2008 with SP2 and Windows Vista (the last releases before 2008 R2)"},
    {WindowsProfile::kCurrent, "current",
     "Windows Server 2008 R2 / Windows 7 and every later release, up to today's Windows Server"},
};

inline constexpr WindowsProfile kDefaultWindowsProfile = WindowsProfile::kCurrent;

// Every version-dependent behaviour the simulator models.
inline constexpr VersionRuleInfo kVersionRules[] = {
    {VersionRule::kStatusAfterBackupComplete, "REQ-ORDER-18", WindowsProfile::kServer2008Sp2,
     "GatherWriterStatus after BackupComplete is required (finding at Release without it)",
     "https://learn.microsoft.com/en-us/windows/win32/vss/determining-writer-status"},
    {VersionRule::kSetContextNotImplemented, "CTX-XP-01", WindowsProfile::kXp,
     "only VSS_CTX_BACKUP exists: SetContext returns E_NOTIMPL",
     "https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/"
     "nf-vsbackup-ivssbackupcomponents-setcontext"},
    {VersionRule::kNoClientAccessibleWriters, "", WindowsProfile::kServer2003,
     "VSS_CTX_CLIENT_ACCESSIBLE_WRITERS is not supported: SetContext refuses it "
     "(Choices::invalid_context)",
     "https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_snapshot_context"},
    {VersionRule::kOneRestoreInstancePerClass, "REQ-RST-12", WindowsProfile::kServer2003,
     "several instances of a writer class with writer-restore other than NEVER: only the "
     "first to answer Identify receives restore events",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "restrictions-in-the-current-release-of-vss"},
};

// The table row of `profile` / `rule` (every enumerator has one).
constexpr const WindowsProfileInfo& InfoOf(WindowsProfile profile) {
  for (const WindowsProfileInfo& info : kWindowsProfiles) {
    if (info.profile == profile) return info;
  }
  return kWindowsProfiles[0];  // unreachable: see the static_asserts below
}
constexpr const VersionRuleInfo& InfoOf(VersionRule rule) {
  for (const VersionRuleInfo& info : kVersionRules) {
    if (info.rule == rule) return info;
  }
  return kVersionRules[0];  // unreachable
}

// Every enumerator has its row (checked here, at compile time).
static_assert(InfoOf(WindowsProfile::kXp).profile == WindowsProfile::kXp &&
              InfoOf(WindowsProfile::kServer2003).profile == WindowsProfile::kServer2003 &&
              InfoOf(WindowsProfile::kServer2008Sp2).profile == WindowsProfile::kServer2008Sp2 &&
              InfoOf(WindowsProfile::kCurrent).profile == WindowsProfile::kCurrent);
static_assert(InfoOf(VersionRule::kStatusAfterBackupComplete).rule ==
                  VersionRule::kStatusAfterBackupComplete &&
              InfoOf(VersionRule::kSetContextNotImplemented).rule ==
                  VersionRule::kSetContextNotImplemented &&
              InfoOf(VersionRule::kNoClientAccessibleWriters).rule ==
                  VersionRule::kNoClientAccessibleWriters &&
              InfoOf(VersionRule::kOneRestoreInstancePerClass).rule ==
                  VersionRule::kOneRestoreInstancePerClass);

// Whether `rule` holds under `profile`.
constexpr bool Applies(VersionRule rule, WindowsProfile profile) {
  return static_cast<std::uint8_t>(profile) <= static_cast<std::uint8_t>(InfoOf(rule).newest);
}

// "current", "2008sp2", "2003", "xp".
constexpr std::string_view NameOf(WindowsProfile profile) { return InfoOf(profile).name; }

// "xp, 2003, 2008sp2, current": every name, oldest first, for messages.
inline std::string WindowsProfileNames() {
  std::string names;
  for (const WindowsProfileInfo& info : kWindowsProfiles) {
    names += (names.empty() ? "" : ", ") + std::string(info.name);
  }
  return names;
}

// The name as NameOf gives it, any case; nullopt for anything else.
inline std::optional<WindowsProfile> ParseWindowsProfile(std::string_view text) {
  for (const WindowsProfileInfo& info : kWindowsProfiles) {
    if (info.name.size() != text.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < text.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(text[i])) == info.name[i];
    }
    if (same) return info.profile;
  }
  return std::nullopt;
}

}  // namespace vsssim::coordinator

#endif  // VSSSIM_COORDINATOR_WINDOWS_PROFILE_H_
