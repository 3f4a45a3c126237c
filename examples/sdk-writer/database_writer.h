// A database writer in the style of Microsoft's VSS writer samples, written only against the
// documented API (vss.h, vswriter.h): no vsssim names, no Win32 calls, so the same source
// builds with the Windows SDK, with mingw-w64's headers, and on Linux against vsssim's
// stand-ins (docs/sdk.md).
//
// The application is a tiny in-memory database engine (Database): each database has data pages
// and a transaction log. Its writer:
//   Identify        one database component per database, with its data and log files;
//                   backup schema: timestamped (backup stamps) and differential.
//   PrepareBackup   remembers the backup type and which databases are selected, and sets
//                   each component's backup stamp to the database's log sequence number.
//   Freeze / Thaw   stop and resume the application's writes (writes arriving while frozen
//                   wait and are applied at Thaw: nothing reaches the files meanwhile).
//   PostSnapshot    notes the snapshot set (and the shadow copy device of the database volume).
//   BackupComplete  reads each component's backup stamp and, when the backup succeeded,
//                   records it as the database's last backup.
//   PreRestore      takes the selected databases offline; PostRestore brings them back.
//   Abort           resumes writes, as Thaw.
//
// Thread safety: the application and the writer's handlers run on one thread (as the samples'
// writer does with its application's lock, simplified).
#ifndef EXAMPLES_SDK_WRITER_DATABASE_WRITER_H_
#define EXAMPLES_SDK_WRITER_DATABASE_WRITER_H_

// clang-format off
#include <windows.h>
#include <vss.h>
#include <vswriter.h>
// clang-format on

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sample {

// The application: a database held in memory. Writes go to the log first, then to the pages.
class Database {
 public:
  explicit Database(std::wstring name) : name_(std::move(name)) {}

  const std::wstring& name() const { return name_; }
  // C:\Databases\<name>.mdf and C:\Databases\<name>.ldf.
  std::wstring DataDirectory() const { return L"C:\\Databases"; }

  // Applies a write now, or queues it while writes are suspended (frozen, or offline).
  void Write(const std::wstring& key, const std::wstring& value);
  void SuspendWrites() { suspended_ = true; }
  void ResumeWrites();
  bool writes_suspended() const { return suspended_; }

  unsigned long long log_sequence_number() const { return lsn_; }
  std::size_t pending_writes() const { return pending_.size(); }
  const std::wstring& last_backup_stamp() const { return last_backup_stamp_; }
  void set_last_backup_stamp(std::wstring stamp) { last_backup_stamp_ = std::move(stamp); }
  bool online() const { return online_; }
  void set_online(bool online) { online_ = online; }

 private:
  void Apply(const std::wstring& key, const std::wstring& value);

  std::wstring name_;
  std::map<std::wstring, std::wstring> pages_;
  std::vector<std::wstring> log_;
  std::vector<std::pair<std::wstring, std::wstring>> pending_;
  unsigned long long lsn_ = 0;
  bool suspended_ = false;
  bool online_ = true;
  std::wstring last_backup_stamp_;
};

class DatabaseWriter : public CVssWriter {
 public:
  explicit DatabaseWriter(std::vector<Database*> databases) : databases_(std::move(databases)) {}
  ~DatabaseWriter() override { Unsubscribe(); }

  // Initialize and Subscribe, as a writer application does at start.
  HRESULT STDMETHODCALLTYPE Start();

  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata* pMetadata) override;
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents* pComponents) override;
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override;
  bool STDMETHODCALLTYPE OnFreeze() override;
  bool STDMETHODCALLTYPE OnThaw() override;
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents* pComponents) override;
  bool STDMETHODCALLTYPE OnAbort() override;
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents* pComponents) override;
  bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents* pComponents) override;
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents* pComponents) override;

  VSS_BACKUP_TYPE last_backup_type() const { return backup_type_; }
  const std::wstring& snapshot_device() const { return snapshot_device_; }

 protected:
  Database* Find(const std::wstring& name) const;
  // Calls `f(database, component)` for each component of the writer in the document.
  template <class F>
  bool ForEachComponent(IVssWriterComponents* pComponents, F f);

  std::vector<Database*> databases_;
  std::vector<Database*> selected_;
  VSS_BACKUP_TYPE backup_type_ = VSS_BT_UNDEFINED;
  std::wstring snapshot_device_;
};

// {6a1d7c10-3c7e-4c1f-9a55-0d8e2f3b4a01}: this writer's class id.
extern const VSS_ID kDatabaseWriterId;
// The name the writer registers with VSS.
extern const wchar_t kDatabaseWriterName[];

}  // namespace sample

#endif  // EXAMPLES_SDK_WRITER_DATABASE_WRITER_H_
