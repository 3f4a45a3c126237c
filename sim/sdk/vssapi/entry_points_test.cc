// IsVolumeSnapshotted, ShouldBlockRevert and GetProviderMgmtInterface (entry_points.cc) over an
// in-process machine, through Microsoft's API.
#include <gtest/gtest.h>

#include "sim/sdk/in_process_machine.h"
#include "sim/sdk/service.h"
#include "vsssim/trace/trace.h"
// The SDK's headers last (sim/sdk/common/sdk_api.h says why).
// clang-format off
#include <windows.h>
#include <vss.h>
#include <vsserror.h>
#include <vswriter.h>
#include <vsbackup.h>
// clang-format on

namespace {

HRESULT WaitFor(IVssAsync* async) {
  HRESULT hr = async->Wait(INFINITE);
  async->Release();
  return hr;
}

bool Snapshotted(const wchar_t* volume) {
  BOOL present = TRUE;
  LONG capability = -1;
  EXPECT_EQ(IsVolumeSnapshotted(const_cast<VSS_PWSZ>(volume), &present, &capability), S_OK);
  EXPECT_EQ(capability, 0);  // the simulated provider disables no volume operation
  return present != FALSE;
}

std::size_t Findings(const vsssim::trace::Trace& trace, const char* rule) {
  std::size_t n = 0;
  for (const vsssim::trace::Entry& e : trace.entries()) {
    if (e.kind == vsssim::trace::EntryKind::kFinding && e.rule == rule) ++n;
  }
  return n;
}

// Checks that IsVolumeSnapshotted says TRUE for a volume while a shadow copy of it exists and
// FALSE otherwise (learn.microsoft.com, "IsVolumeSnapshotted function"), with
// VSS_E_OBJECT_NOT_FOUND for a volume the machine does not have and E_INVALIDARG for NULL.
TEST(Sdk_EntryPoints, IsVolumeSnapshottedFollowsTheShadowCopies) {
  vsssim::sdk::InProcessMachine machine;
  vsssim::sdk::ScopedService scope(machine);
  EXPECT_FALSE(Snapshotted(L"C:\\"));

  IVssBackupComponents* backup = nullptr;
  ASSERT_EQ(CreateVssBackupComponents(&backup), S_OK);
  ASSERT_EQ(backup->InitializeForBackup(nullptr), S_OK);
  ASSERT_EQ(backup->SetBackupState(false, false, VSS_BT_FULL, false), S_OK);
  IVssAsync* async = nullptr;
  ASSERT_EQ(backup->GatherWriterMetadata(&async), S_OK);
  ASSERT_EQ(WaitFor(async), S_OK);
  VSS_ID set_id, snapshot_id;
  ASSERT_EQ(backup->StartSnapshotSet(&set_id), S_OK);
  ASSERT_EQ(backup->AddToSnapshotSet(const_cast<VSS_PWSZ>(L"C:\\"), GUID_NULL, &snapshot_id), S_OK);
  ASSERT_EQ(backup->PrepareForBackup(&async), S_OK);
  ASSERT_EQ(WaitFor(async), S_OK);
  ASSERT_EQ(backup->DoSnapshotSet(&async), S_OK);
  ASSERT_EQ(WaitFor(async), S_OK);

  EXPECT_TRUE(Snapshotted(L"C:\\"));
  EXPECT_TRUE(Snapshotted(L"c:"));  // any spelling of the volume
  EXPECT_FALSE(Snapshotted(L"D:\\"));
  BOOL present = FALSE;
  LONG capability = 0;
  EXPECT_EQ(IsVolumeSnapshotted(const_cast<VSS_PWSZ>(L"Q:\\"), &present, &capability),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(IsVolumeSnapshotted(nullptr, &present, &capability), E_INVALIDARG);
  EXPECT_EQ(IsVolumeSnapshotted(const_cast<VSS_PWSZ>(L"C:\\"), nullptr, &capability), E_INVALIDARG);
  EXPECT_GE(Findings(machine.trace(), "SIM-SDK-01"), 2u);

  // A backup's shadow copies are released with the IVssBackupComponents (auto-release).
  ASSERT_EQ(backup->BackupComplete(&async), S_OK);
  ASSERT_EQ(WaitFor(async), S_OK);
  EXPECT_EQ(backup->Release(), 0u);
  EXPECT_FALSE(Snapshotted(L"C:\\"));
}

// Checks ShouldBlockRevert (no simulated writer blocks reverts) and that
// GetProviderMgmtInterface is not pretended: E_NOTIMPL, a null interface and a finding.
TEST(Sdk_EntryPoints, ShouldBlockRevertAndNoProviderManagement) {
  vsssim::sdk::InProcessMachine machine;
  vsssim::sdk::ScopedService scope(machine);
  bool block = true;
  EXPECT_EQ(ShouldBlockRevert(L"C:\\", &block), S_OK);
  EXPECT_FALSE(block);
  EXPECT_EQ(ShouldBlockRevert(L"C:\\", nullptr), E_INVALIDARG);
  IUnknown* unknown = reinterpret_cast<IUnknown*>(&block);
  EXPECT_EQ(GetProviderMgmtInterface(GUID_NULL, GUID_NULL, &unknown), E_NOTIMPL);
  EXPECT_EQ(unknown, nullptr);
  EXPECT_EQ(GetProviderMgmtInterface(GUID_NULL, GUID_NULL, nullptr), E_POINTER);
  EXPECT_GE(Findings(machine.trace(), "SIM-SDK-01"), 2u);
}

}  // namespace
