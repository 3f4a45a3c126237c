// ExamineWriterMetadata: the requester's read-only view of one writer's WMD, shaped like
// IVssExamineWriterMetadata(Ex/Ex2), with WMComponent (IVssWMComponent), WMFiledesc
// (IVssWMFiledesc) and WMDependency (IVssWMDependency). What GetWriterMetadata returns.
//
// CONTRACT: consumed by sim/coordinator (GetWriterMetadata(Ex) hands these out) and by
// requester code. Names are stable. Indices are 0-based; an index out of range returns
// E_INVALIDARG (choice; the SDK pages say "invalid argument" for bad parameters).
//
// LoadFromXML follows XML-02: S_OK when loaded, S_FALSE when the text is not a valid WMD
// (the previous content is kept; load_diagnostics() says why, with line numbers).
//
// Thread safety: none; copies are independent.
#ifndef VSSSIM_METADATA_EXAMINE_WRITER_METADATA_H_
#define VSSSIM_METADATA_EXAMINE_WRITER_METADATA_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vsssim/metadata/diagnostic.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::metadata {

// IVssWMFiledesc over one FileSpec (or an alternate location mapping, whose destination is
// reported as the alternate location).
class WMFiledesc {
 public:
  WMFiledesc() = default;
  explicit WMFiledesc(FileSpec spec) : spec_(std::move(spec)) {}
  HResult GetPath(std::string* path) const;
  HResult GetFilespec(std::string* filespec) const;
  HResult GetRecursive(bool* recursive) const;
  // S_FALSE with an empty string when there is none.
  HResult GetAlternateLocation(std::string* alternate_location) const;
  HResult GetBackupTypeMask(vss::FileSpecBackupType* mask) const;
  const FileSpec& spec() const { return spec_; }

 private:
  FileSpec spec_;
};

// IVssWMDependency.
class WMDependency {
 public:
  WMDependency() = default;
  explicit WMDependency(ComponentDependency dependency) : dependency_(std::move(dependency)) {}
  HResult GetWriterId(Guid* writer_id) const;
  HResult GetLogicalPath(std::string* logical_path) const;
  HResult GetComponentName(std::string* component_name) const;

 private:
  ComponentDependency dependency_;
};

// VSS_COMPONENTINFO.
struct ComponentInfo {
  vss::ComponentType type = vss::ComponentType::VSS_CT_UNDEFINED;
  std::string logical_path;
  std::string component_name;
  std::string caption;
  std::vector<std::uint8_t> icon;
  bool restore_metadata = false;           // reserved by Microsoft: always false
  bool notify_on_backup_complete = false;  // reserved by Microsoft: always false
  bool selectable = false;
  bool selectable_for_restore = false;
  vss::ComponentFlags component_flags = vss::ComponentFlags{0};
  std::uint32_t file_count = 0;
  std::uint32_t database_count = 0;
  std::uint32_t log_file_count = 0;
  std::uint32_t dependency_count = 0;
};

// IVssWMComponent over one component of the document. It shares the (never changed) document
// of the ExamineWriterMetadata that handed it out, so getting one copies nothing; it stays
// valid after that object goes or loads another document.
class WMComponent {
 public:
  WMComponent() = default;
  explicit WMComponent(ComponentDescription component);
  HResult GetComponentInfo(ComponentInfo* info) const;
  HResult GetFile(std::uint32_t index, WMFiledesc* file) const;
  HResult GetDatabaseFile(std::uint32_t index, WMFiledesc* file) const;
  HResult GetDatabaseLogFile(std::uint32_t index, WMFiledesc* file) const;
  HResult GetDependency(std::uint32_t index, WMDependency* dependency) const;
  const ComponentDescription& description() const;

 private:
  friend class ExamineWriterMetadata;
  explicit WMComponent(std::shared_ptr<const ComponentDescription> component)
      : component_(std::move(component)) {}

  std::shared_ptr<const ComponentDescription> component_;  // null: an empty component
};

class ExamineWriterMetadata {
 public:
  ExamineWriterMetadata() = default;
  explicit ExamineWriterMetadata(WriterMetadata metadata);
  // Moves the document out; *this is left with a moved-from document (for an owner that is
  // about to go away). A copy when the document is shared (with a copy of *this or a
  // WMComponent).
  WriterMetadata TakeMetadata();

  // GetIdentity: instance id, writer class id, writer name, usage, source type.
  HResult GetIdentity(Guid* instance_id, Guid* writer_id, std::string* writer_name,
                      vss::UsageType* usage, vss::SourceType* source) const;
  // GetIdentityEx adds the instance name; GetVersion the major/minor version (Ex2).
  HResult GetIdentityEx(Guid* instance_id, Guid* writer_id, std::string* writer_name,
                        std::string* instance_name, vss::UsageType* usage,
                        vss::SourceType* source) const;
  HResult GetVersion(std::uint32_t* major, std::uint32_t* minor) const;
  // Include files are reserved (WMD-11): the count is always 0.
  HResult GetFileCounts(std::uint32_t* include_files, std::uint32_t* exclude_files,
                        std::uint32_t* components) const;
  HResult GetIncludeFile(std::uint32_t index, WMFiledesc* file) const;  // always E_INVALIDARG
  HResult GetExcludeFile(std::uint32_t index, WMFiledesc* file) const;
  HResult GetExcludeFromSnapshotCount(std::uint32_t* count) const;
  HResult GetExcludeFromSnapshotFile(std::uint32_t index, WMFiledesc* file) const;
  HResult GetComponent(std::uint32_t index, WMComponent* component) const;
  // S_FALSE with defaults when the document has no RESTORE_METHOD (WMDX-08).
  HResult GetRestoreMethod(vss::RestoreMethod* method, std::string* service,
                           std::string* user_procedure, vss::WriterRestore* writer_restore,
                           bool* reboot_required, std::uint32_t* mappings) const;
  HResult GetAlternateLocationMapping(std::uint32_t index, WMFiledesc* mapping) const;
  HResult GetBackupSchema(vss::BackupSchema* schema) const;

  // XML-02: S_OK or S_FALSE (invalid; content unchanged). `file_name` labels diagnostics.
  HResult LoadFromXML(std::string_view xml, std::string_view file_name = "<memory>");
  HResult SaveAsXML(std::string* xml) const;

  const WriterMetadata& metadata() const;
  // Errors and warnings of the last LoadFromXML.
  const std::vector<Diagnostic>& load_diagnostics() const { return load_diagnostics_; }

 private:
  // The document, shared with copies of *this and with the WMComponents handed out, so it is
  // never changed while shared: LoadFromXML replaces it then, TakeMetadata copies it. Held by
  // pointer so that moving a whole ExamineWriterMetadata is cheap. Null: an empty document.
  std::shared_ptr<WriterMetadata> metadata_;
  std::vector<Diagnostic> load_diagnostics_;
};

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_EXAMINE_WRITER_METADATA_H_
