#include "database_writer.h"

#include <string>

namespace sample {

const VSS_ID kDatabaseWriterId = {
    0x6a1d7c10, 0x3c7e, 0x4c1f, {0x9a, 0x55, 0x0d, 0x8e, 0x2f, 0x3b, 0x4a, 0x01}};
const wchar_t kDatabaseWriterName[] = L"Sample Database Writer";

namespace {

// Frees a BSTR out-parameter when it goes out of scope (what CComBSTR does in the samples).
class Bstr {
 public:
  Bstr() = default;
  ~Bstr() { SysFreeString(value_); }
  Bstr(const Bstr&) = delete;
  Bstr& operator=(const Bstr&) = delete;
  BSTR* operator&() { return &value_; }  // NOLINT: the samples' CComBSTR idiom
  std::wstring str() const { return value_ == nullptr ? std::wstring() : std::wstring(value_); }

 private:
  BSTR value_ = nullptr;
};

}  // namespace

void Database::Write(const std::wstring& key, const std::wstring& value) {
  if (suspended_ || !online_) {
    pending_.emplace_back(key, value);
    return;
  }
  Apply(key, value);
}

void Database::ResumeWrites() {
  suspended_ = false;
  if (!online_) return;
  for (const auto& write : pending_) Apply(write.first, write.second);
  pending_.clear();
}

void Database::Apply(const std::wstring& key, const std::wstring& value) {
  log_.push_back(key + L"=" + value);
  pages_[key] = value;
  ++lsn_;
}

HRESULT DatabaseWriter::Start() {
  HRESULT hr = Initialize(kDatabaseWriterId, kDatabaseWriterName, VSS_UT_USERDATA,
                          VSS_ST_TRANSACTEDDB, VSS_APP_BACK_END, 60 * 1000);
  if (FAILED(hr)) return hr;
  return Subscribe();
}

Database* DatabaseWriter::Find(const std::wstring& name) const {
  for (Database* db : databases_) {
    if (db->name() == name) return db;
  }
  return nullptr;
}

template <class F>
bool DatabaseWriter::ForEachComponent(IVssWriterComponents* pComponents, F f) {
  if (pComponents == nullptr) return true;  // not a component-mode backup
  UINT count = 0;
  if (FAILED(pComponents->GetComponentCount(&count))) return false;
  for (UINT i = 0; i < count; ++i) {
    IVssComponent* component = nullptr;
    if (FAILED(pComponents->GetComponent(i, &component))) return false;
    Bstr name;
    bool ok = SUCCEEDED(component->GetComponentName(&name));
    Database* db = ok ? Find(name.str()) : nullptr;
    if (db != nullptr) ok = f(db, component);
    component->Release();
    if (!ok) return false;
  }
  return true;
}

bool DatabaseWriter::OnIdentify(IVssCreateWriterMetadata* pMetadata) {
  HRESULT hr = pMetadata->SetBackupSchema(VSS_BS_TIMESTAMPED | VSS_BS_DIFFERENTIAL);
  if (FAILED(hr)) return false;
  hr = pMetadata->SetRestoreMethod(VSS_RME_RESTORE_IF_CAN_REPLACE, nullptr, nullptr, VSS_WRE_ALWAYS,
                                   false);
  if (FAILED(hr)) return false;
  for (Database* db : databases_) {
    const std::wstring caption = L"Database " + db->name();
    // bRestoreMetadata and bNotifyOnBackupComplete are reserved: false (AddComponent's page);
    // selectable for backup; bSelectableForRestore left at its default (it means nothing for
    // a top-level component, SEL-08).
    hr = pMetadata->AddComponent(VSS_CT_DATABASE, nullptr, db->name().c_str(), caption.c_str(),
                                 nullptr, 0, false, false, true);
    if (FAILED(hr)) return false;
    const std::wstring data = db->name() + L".mdf";
    const std::wstring log = db->name() + L".ldf";
    hr = pMetadata->AddDatabaseFiles(nullptr, db->name().c_str(), db->DataDirectory().c_str(),
                                     data.c_str());
    if (FAILED(hr)) return false;
    hr = pMetadata->AddDatabaseLogFiles(nullptr, db->name().c_str(), db->DataDirectory().c_str(),
                                        log.c_str());
    if (FAILED(hr)) return false;
  }
  return true;
}

bool DatabaseWriter::OnPrepareBackup(IVssWriterComponents* pComponents) {
  backup_type_ = GetBackupType();
  selected_.clear();
  return ForEachComponent(pComponents, [this](Database* db, IVssComponent* component) {
    selected_.push_back(db);
    // The stamp says how far this backup goes; a later differential backup gets it back as
    // its previous stamp.
    const std::wstring stamp = L"lsn:" + std::to_wstring(db->log_sequence_number());
    return SUCCEEDED(component->SetBackupStamp(stamp.c_str()));
  });
}

bool DatabaseWriter::OnPrepareSnapshot() { return true; }

bool DatabaseWriter::OnFreeze() {
  // Component mode: only the selected databases; otherwise every database on the volumes.
  const std::vector<Database*>& frozen = AreComponentsSelected() ? selected_ : databases_;
  for (Database* db : frozen) db->SuspendWrites();
  return true;
}

bool DatabaseWriter::OnThaw() {
  for (Database* db : databases_) db->ResumeWrites();
  return true;
}

bool DatabaseWriter::OnPostSnapshot(IVssWriterComponents* /*pComponents*/) {
  LPCWSTR device = nullptr;
  if (SUCCEEDED(GetSnapshotDeviceName(L"C:\\", &device)) && device != nullptr) {
    snapshot_device_ = device;
  }
  return true;
}

bool DatabaseWriter::OnAbort() {
  for (Database* db : databases_) db->ResumeWrites();
  return true;
}

bool DatabaseWriter::OnBackupComplete(IVssWriterComponents* pComponents) {
  return ForEachComponent(pComponents, [](Database* db, IVssComponent* component) {
    Bstr stamp;
    if (component->GetBackupStamp(&stamp) == S_OK) db->set_last_backup_stamp(stamp.str());
    return true;
  });
}

bool DatabaseWriter::OnPreRestore(IVssWriterComponents* pComponents) {
  return ForEachComponent(pComponents, [](Database* db, IVssComponent*) {
    db->set_online(false);  // the restore replaces its files
    return true;
  });
}

bool DatabaseWriter::OnPostRestore(IVssWriterComponents* pComponents) {
  return ForEachComponent(pComponents, [](Database* db, IVssComponent*) {
    db->set_online(true);
    db->ResumeWrites();
    return true;
  });
}

}  // namespace sample
