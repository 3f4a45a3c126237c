// The Windows profiles (windows_profile.h) and the version-dependent rules they switch, driven
// through the coordinator (CATALOGUE.md REQ-ORDER-18, CTX-XP-01, REQ-RST-12).
#include "vsssim/coordinator/windows_profile.h"

#include <gtest/gtest.h>

#include "sim/coordinator/test_harness.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;

Choices Under(WindowsProfile profile) {
  Choices choices;
  choices.windows = profile;
  return choices;
}

// Checks that every profile's name parses back to it (any case) and nothing else parses.
TEST(Coordinator_WindowsProfile, NamesRoundTrip) {
  for (const WindowsProfileInfo& p : kWindowsProfiles) {
    EXPECT_EQ(ParseWindowsProfile(p.name), p.profile) << p.name;
    EXPECT_EQ(NameOf(p.profile), p.name);
  }
  EXPECT_EQ(ParseWindowsProfile("2008SP2"), WindowsProfile::kServer2008Sp2);
  EXPECT_EQ(ParseWindowsProfile("CURRENT"), WindowsProfile::kCurrent);
  EXPECT_FALSE(ParseWindowsProfile("2008"));
  EXPECT_FALSE(ParseWindowsProfile("2008sp2 "));
  EXPECT_FALSE(ParseWindowsProfile(""));
  EXPECT_EQ(Choices{}.windows, WindowsProfile::kCurrent);  // default: current Windows
}

// Checks the table: REQ-ORDER-18 holds on 2008 SP2 and older only, CTX-XP-01 on XP only,
// REQ-RST-12 and the missing CLIENT_ACCESSIBLE_WRITERS on 2003 and older; nothing under the
// default profile.
TEST(Coordinator_WindowsProfile, RulesHoldOnTheReleasesTheirPagesName) {
  using P = WindowsProfile;
  using R = VersionRule;
  EXPECT_TRUE(Applies(R::kStatusAfterBackupComplete, P::kXp));
  EXPECT_TRUE(Applies(R::kStatusAfterBackupComplete, P::kServer2003));
  EXPECT_TRUE(Applies(R::kStatusAfterBackupComplete, P::kServer2008Sp2));
  EXPECT_FALSE(Applies(R::kStatusAfterBackupComplete, P::kCurrent));
  EXPECT_TRUE(Applies(R::kSetContextNotImplemented, P::kXp));
  EXPECT_FALSE(Applies(R::kSetContextNotImplemented, P::kServer2003));
  EXPECT_TRUE(Applies(R::kNoClientAccessibleWriters, P::kServer2003));
  EXPECT_FALSE(Applies(R::kNoClientAccessibleWriters, P::kServer2008Sp2));
  EXPECT_TRUE(Applies(R::kOneRestoreInstancePerClass, P::kServer2003));
  EXPECT_FALSE(Applies(R::kOneRestoreInstancePerClass, P::kServer2008Sp2));
  for (const VersionRuleInfo& r : kVersionRules) {
    EXPECT_FALSE(Applies(r.rule, kDefaultWindowsProfile)) << r.id;
    EXPECT_EQ(&InfoOf(r.rule), &r);
  }
}

// Checks REQ-ORDER-18: Release right after BackupComplete is a finding under 2008sp2 and
// older, and none under the default profile ("only necessary on Windows Server 2008 with SP2
// and earlier", Determining Writer Status).
TEST(Coordinator_WindowsProfile, REQ_ORDER_18_OnlyOnOldReleases) {
  for (WindowsProfile profile :
       {WindowsProfile::kCurrent, WindowsProfile::kServer2008Sp2, WindowsProfile::kServer2003}) {
    Harness h(Under(profile));
    h.AddWriter("A");
    BackupDriver d(h, "r1");
    ASSERT_EQ(d.RunRange(0, BackupDriver::kStatusAfterComplete), hr::S_OK);
    ASSERT_EQ(d.Run(BackupDriver::kRelease), hr::S_OK);
    EXPECT_EQ(h.HasFinding("REQ-ORDER-18"), profile != WindowsProfile::kCurrent) << NameOf(profile);
  }
}

// Checks CTX-XP-01: on XP SetContext returns E_NOTIMPL, even for VSS_CTX_BACKUP, and the
// backup goes on in the default context; other profiles accept it.
TEST(Coordinator_WindowsProfile, CTX_XP_01_SetContextNotImplemented) {
  Harness xp(Under(WindowsProfile::kXp));
  std::unique_ptr<Requester> r = xp.vss.CreateVssBackupComponents("r1");
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  EXPECT_EQ(r->SetContext(0), hr::E_NOTIMPL);
  EXPECT_TRUE(xp.HasFinding("CTX-XP-01"));
  Harness server(Under(WindowsProfile::kServer2003));
  std::unique_ptr<Requester> s = server.vss.CreateVssBackupComponents("r1");
  ASSERT_EQ(s->InitializeForBackup(), hr::S_OK);
  EXPECT_EQ(s->SetContext(0), hr::S_OK);
}

// Checks that VSS_CTX_CLIENT_ACCESSIBLE_WRITERS (0xD) is refused with Choices::invalid_context
// on Windows Server 2003 ("not supported by Windows Server 2003 and Windows XP",
// VSS_SNAPSHOT_CONTEXT) and accepted from 2008 SP2 on.
TEST(Coordinator_WindowsProfile, ClientAccessibleWritersNotOn2003) {
  for (WindowsProfile profile : {WindowsProfile::kServer2003, WindowsProfile::kServer2008Sp2}) {
    Harness h(Under(profile));
    std::unique_ptr<Requester> r = h.vss.CreateVssBackupComponents("r1");
    ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
    EXPECT_EQ(r->SetContext(0xD),
              profile == WindowsProfile::kServer2003 ? hr::E_INVALIDARG : hr::S_OK)
        << NameOf(profile);
  }
}

}  // namespace
}  // namespace vsssim::coordinator
