// Compiles SDK-shaped code against vsssim's Linux headers the way writer and requester sources
// use them, and checks the values the headers give against the simulator's own tables.
#include <gtest/gtest.h>

#include <cstdint>
#include <type_traits>

#include "vsssim/vss/enums.h"
#include "vsssim/vss/hresult.h"

// The SDK headers last: their HRESULT macros would clash with vsssim::hr's names.
// clang-format off
#include <windows.h>
#include <objbase.h>
#include <unknwn.h>
#include <vss.h>
#include <vsserror.h>
#include <vswriter.h>
#include <wtypes.h>
// clang-format on

namespace {

// A writer as SDK samples declare one (never constructed here: only the declarations are
// under test).
class SampleWriter : public CVssWriter {
 public:
  HRESULT STDMETHODCALLTYPE Init() {
    static const VSS_ID kId = {
        0x12345678, 0x1234, 0x5678, {0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0}};
    HRESULT hr = Initialize(kId, L"Sample Writer", VSS_UT_USERDATA, VSS_ST_TRANSACTEDDB,
                            VSS_APP_FRONT_END, 60000);
    if (FAILED(hr)) return hr;
    return Subscribe();
  }
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* pMetadata) override {
    pMetadata->SetBackupSchema(VSS_BS_DIFFERENTIAL | VSS_BS_INCREMENTAL | VSS_BS_TIMESTAMPED);
    pMetadata->AddComponent(VSS_CT_DATABASE, nullptr, L"db", L"Database", nullptr, 0, false, true,
                            true);
    pMetadata->AddDatabaseFiles(nullptr, L"db", L"C:\\db", L"*.mdf");
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return GetBackupType() == VSS_BT_FULL; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents* pComponents) override {
    UINT count = 0;
    if (FAILED(pComponents->GetComponentCount(&count))) return false;
    for (UINT i = 0; i < count; ++i) {
      IVssComponent* component = nullptr;
      if (FAILED(pComponents->GetComponent(i, &component))) return false;
      IVssComponentEx2* ex2 = nullptr;
      if (SUCCEEDED(
              component->QueryInterface(IID_IVssComponentEx2, reinterpret_cast<void**>(&ex2)))) {
        ex2->Release();
      }
      component->SetBackupStamp(L"stamp");
      component->Release();
    }
    return true;
  }
};

// Checks that the backup schema flags combine with `|` into a DWORD, as SDK code writes them.
TEST(Sdk_Headers, BackupSchemaFlagsCombine) {
  const DWORD schema = VSS_BS_DIFFERENTIAL | VSS_BS_INCREMENTAL;
  EXPECT_EQ(schema, 0x3u);
  const DWORD mask = VSS_FSBT_ALL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED;
  EXPECT_EQ(mask, 0xF0Fu);
  const DWORD events = VSS_SM_BACKUP_EVENTS_FLAG | VSS_SM_RESTORE_EVENTS_FLAG;
  EXPECT_EQ(events, static_cast<DWORD>(vsssim::vss::kDefaultSubscribeMask));
}

// Checks every enumeration value of the Linux headers against the simulator's table of the
// SDK's values (sim/include/vsssim/vss/enums.h): each table row names the header's enumerator.
TEST(Sdk_Headers, EnumValuesMatchTheSimulatorTables) {
  int rows = 0;
#define VSSSIM_EXPECT_ROW(name, value)                                                   \
  EXPECT_EQ(static_cast<std::int64_t>(name), static_cast<std::int64_t>(value)) << #name; \
  ++rows;
  VSSSIM_WRITER_STATE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_BACKUP_TYPE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_BACKUP_SCHEMA_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_FILE_SPEC_BACKUP_TYPE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_VOLUME_SNAPSHOT_ATTRIBUTES_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_SNAPSHOT_CONTEXT_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_RESTORE_METHOD_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_RESTORE_TARGET_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_COMPONENT_TYPE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_USAGE_TYPE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_SOURCE_TYPE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_WRITER_RESTORE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_RESTORE_TYPE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_FILE_RESTORE_STATUS_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_COMPONENT_FLAGS_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_ROLLFORWARD_TYPE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_APPLICATION_LEVEL_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_ALTERNATE_WRITER_STATE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_SUBSCRIBE_MASK_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_OBJECT_TYPE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_SNAPSHOT_STATE_TABLE(VSSSIM_EXPECT_ROW)
  VSSSIM_PROVIDER_TYPE_TABLE(VSSSIM_EXPECT_ROW)
#undef VSSSIM_EXPECT_ROW
  EXPECT_GT(rows, 150);
}

// Checks every HRESULT of the simulator's table (sim/include/vsssim/vss/hresult.h) against the
// macro of the same name in <vsserror.h> / <windows.h>.
TEST(Sdk_Headers, HResultValuesMatchTheSimulatorTable) {
  int rows = 0;
#define VSSSIM_EXPECT_ROW(name, value, meaning)                                            \
  EXPECT_EQ(static_cast<std::uint32_t>(name), static_cast<std::uint32_t>(value)) << #name; \
  ++rows;
  VSSSIM_HRESULT_TABLE(VSSSIM_EXPECT_ROW)
#undef VSSSIM_EXPECT_ROW
  EXPECT_GT(rows, 80);
  EXPECT_TRUE(FAILED(VSS_E_WRITERERROR_RETRYABLE));
  EXPECT_TRUE(SUCCEEDED(VSS_S_ASYNC_PENDING));
  EXPECT_TRUE(SUCCEEDED(S_FALSE));
}

// Checks the Windows base types have the sizes Windows gives them, whatever LP64 says.
TEST(Sdk_Headers, BaseTypesHaveWindowsSizes) {
  static_assert(sizeof(HRESULT) == 4 && std::is_signed<HRESULT>::value, "HRESULT");
  static_assert(sizeof(LONG) == 4 && sizeof(ULONG) == 4 && sizeof(DWORD) == 4, "32-bit");
  static_assert(sizeof(GUID) == 16 && sizeof(VSS_ID) == 16, "GUID");
  static_assert(std::is_same<WCHAR, wchar_t>::value, "WCHAR");
  static_assert(sizeof(VSS_TIMESTAMP) == 8, "VSS_TIMESTAMP");
  EXPECT_TRUE(IsEqualGUID(GUID_NULL, GUID{}));
  EXPECT_TRUE(IID_IVssComponentEx2 != IID_IVssComponentEx);
}

}  // namespace
