// The sample database writer (database_writer.h) in the simulator: a backup and a restore
// driven by the coordinator's requester, checking what the writer's application sees.
#include <gtest/gtest.h>

#include <string>

#include "sim/sdk/in_process_machine.h"
#include "sim/sdk/service.h"
#include "sim/sdk/writer/test_driver.h"

#include "database_writer.h"  // last: the SDK headers' macros

namespace {

using vsssim::sdk::InProcessMachine;
using vsssim::sdk::ScopedService;
using vsssim::sdk::TestDriver;

// The sample writer, with the application writing while it is frozen.
class WritesWhileFrozen : public sample::DatabaseWriter {
 public:
  explicit WritesWhileFrozen(sample::Database* db) : DatabaseWriter({db}), db_(db) {}
  bool STDMETHODCALLTYPE OnFreeze() override {
    const bool ok = DatabaseWriter::OnFreeze();
    lsn_at_freeze = db_->log_sequence_number();
    db_->Write(L"order:2", L"1 table");  // a client transaction arrives during the freeze
    lsn_after_write = db_->log_sequence_number();
    pending_while_frozen = db_->pending_writes();
    return ok;
  }
  unsigned long long lsn_at_freeze = 0, lsn_after_write = 0;
  std::size_t pending_while_frozen = 0;

 private:
  sample::Database* db_;
};

// Checks that Freeze holds the application's writes until Thaw (nothing reaches the database
// while frozen; the held write is applied after), that BackupComplete records the backup stamp
// PrepareBackup set, and that PreRestore/PostRestore take the database offline and back.
TEST(Examples_SdkWriter, FreezeHoldsWritesAndStampsReachBackupComplete) {
  InProcessMachine machine;
  ScopedService scope(machine);
  sample::Database orders(L"Orders");
  orders.Write(L"order:1", L"2 chairs");
  WritesWhileFrozen writer(&orders);
  ASSERT_EQ(writer.Start(), S_OK);
  TestDriver driver(machine, "Sample Database Writer");
  ASSERT_TRUE(driver.Backup());
  EXPECT_EQ(writer.lsn_after_write, writer.lsn_at_freeze);
  EXPECT_EQ(writer.pending_while_frozen, 1u);
  EXPECT_EQ(orders.pending_writes(), 0u);
  EXPECT_EQ(orders.log_sequence_number(), writer.lsn_at_freeze + 1);
  EXPECT_EQ(orders.last_backup_stamp(), L"lsn:1");
  EXPECT_EQ(writer.last_backup_type(), VSS_BT_FULL);
  EXPECT_NE(writer.snapshot_device().find(L"ShadowCopy"), std::wstring::npos);
  EXPECT_EQ(driver.components.size(), 1u);
  ASSERT_TRUE(driver.Restore());
  EXPECT_TRUE(orders.online());
}

}  // namespace
