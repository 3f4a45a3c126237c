// CreateWriterMetadata: the object a writer fills in OnIdentify, shaped like
// IVssCreateWriterMetadata(Ex) (../shared/spec/CATALOGUE.md §3.11, WMD-01..12). Each call
// returns the documented HRESULT; a call that breaks a SHOULD rule succeeds and reports a
// finding with the rule ID.
//
// CONTRACT: consumed by sim/writer (the writer's OnIdentify gets one) and sim/coordinator
// (which takes metadata() or SaveAsXML() as the writer's WMD). Names are stable.
//
// Undocumented error codes are named choices listed in docs/xml-format.md ("Builder
// errors"): E_INVALIDARG for bad arguments, VSS_E_OBJECT_NOT_FOUND for a file set or
// component that does not exist.
//
// Thread safety: none; one writer thread fills it.
#ifndef VSSSIM_METADATA_CREATE_WRITER_METADATA_H_
#define VSSSIM_METADATA_CREATE_WRITER_METADATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vsssim/metadata/finding_sink.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::metadata {

class CreateWriterMetadata {
 public:
  // `identity` comes from the writer's Initialize(Ex) plus the VSS-made instance id (WMD-01).
  explicit CreateWriterMetadata(WriterIdentity identity, FindingSink findings = {});

  // WMD-02. E_INVALIDARG for VSS_RME_UNDEFINED / VSS_WRE_UNDEFINED or a missing service name
  // with STOP_RESTORE_START / RESTORE_STOP_START. A second call replaces the method and keeps
  // the mappings (choice; undocumented).
  HResult SetRestoreMethod(vss::RestoreMethod method, std::string_view service,
                           std::string_view user_procedure, vss::WriterRestore writer_restore,
                           bool reboot_required);

  // WMD-03. VSS_E_OBJECT_NOT_FOUND before SetRestoreMethod, or when (path, filespec,
  // recursive) is not a file set of any component (MATCH-01).
  HResult AddAlternateLocationMapping(std::string_view path, std::string_view filespec,
                                      bool recursive, std::string_view destination);

  // WMD-04. E_INVALIDARG: empty name, '\' in name, VSS_CT_UNDEFINED, unknown flag bits.
  // VSS_E_OBJECT_ALREADY_EXISTS: (logical path, name) already added (SEL-09).
  // `restore_metadata` (bRestoreMetadata) and `notify_on_backup_complete`
  // (bNotifyOnBackupComplete) are RESERVED: "reserved for future use and should always be set
  // to false" (A:vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent). They are
  // recorded in the WMD as given and change no behaviour.
  HResult AddComponent(vss::ComponentType type, std::string_view logical_path,
                       std::string_view name, std::string_view caption,
                       const std::vector<std::uint8_t>& icon, bool restore_metadata /*reserved*/,
                       bool notify_on_backup_complete /*reserved*/, bool selectable,
                       bool selectable_for_restore,
                       vss::ComponentFlags flags = vss::ComponentFlags{0});

  // WMD-05/06. VSS_E_OBJECT_NOT_FOUND: no such component; E_INVALIDARG: wrong component type,
  // empty path/filespec, wildcard in path, '\' in filespec, unknown mask bits.
  HResult AddFilesToFileGroup(std::string_view logical_path, std::string_view group_name,
                              std::string_view path, std::string_view filespec, bool recursive,
                              std::string_view alternate_location,
                              vss::FileSpecBackupType mask = vss::kDefaultFileSpecBackupType);
  HResult AddDatabaseFiles(std::string_view logical_path, std::string_view database_name,
                           std::string_view path, std::string_view filespec,
                           vss::FileSpecBackupType mask = vss::kDefaultFileSpecBackupType);
  HResult AddDatabaseLogFiles(std::string_view logical_path, std::string_view database_name,
                              std::string_view path, std::string_view filespec,
                              vss::FileSpecBackupType mask = vss::kDefaultFileSpecBackupType);

  // WMD-07 / WMD-08.
  HResult AddExcludeFiles(std::string_view path, std::string_view filespec, bool recursive);
  HResult AddExcludeFilesFromSnapshot(std::string_view path, std::string_view filespec,
                                      bool recursive);

  // WMD-11: reserved, always E_NOTIMPL.
  HResult AddIncludeFiles(std::string_view path, std::string_view filespec, bool recursive,
                          std::string_view alternate_location);

  // WMD-09. VSS_E_OBJECT_NOT_FOUND: the "for" component does not exist. E_INVALIDARG: empty
  // target name, or a dependency on this writer's own class id.
  HResult AddComponentDependency(std::string_view for_logical_path, std::string_view for_name,
                                 const Guid& on_writer_id, std::string_view on_logical_path,
                                 std::string_view on_name);

  // WMD-10. E_INVALIDARG: unknown bits, EXCLUSIVE without both INCREMENTAL and DIFFERENTIAL,
  // TIMESTAMPED or LAST_MODIFY without INCREMENTAL or DIFFERENTIAL.
  HResult SetBackupSchema(vss::BackupSchema schema);

  // XML-02. Writes the document in the real format (§6.2). Before writing, reports the
  // whole-document rules (WRT-IDENTIFY-05 no restore method, WMD-10 LOG without log files)
  // as findings. Always S_OK.
  HResult SaveAsXML(std::string* xml) const;

  const WriterMetadata& metadata() const { return *metadata_; }
  // Takes a whole document built elsewhere — a writer in another process sends its WMD as XML
  // (docs/wire-protocol.md "reply") — keeping the identity VSS gave this builder (WMD-01).
  void AdoptDocument(WriterMetadata document) {
    document.identity = std::move(metadata_->identity);
    metadata_.emplace(std::move(document));
  }
  // Where this builder reports findings (a remote writer's forwarded findings go there too).
  const FindingSink& findings() const { return findings_; }
  // Moves the document out (no copy); the builder holds an empty document afterwards.
  WriterMetadata TakeMetadata() {
    WriterMetadata taken(std::move(*metadata_));
    metadata_.emplace();  // a fresh document, not a move-assigned one (cheaper)
    return taken;
  }

 private:
  HResult AddFileSet(vss::ComponentType required_type, std::string_view method,
                     std::string_view logical_path, std::string_view component_name,
                     std::string_view path, std::string_view filespec, bool recursive,
                     std::string_view alternate_location, vss::FileSpecBackupType mask, int list);
  void Report(std::string_view rule_id, std::string message) const;

  // Always engaged; optional so that TakeMetadata can make a fresh document in place.
  std::optional<WriterMetadata> metadata_{std::in_place};
  FindingSink findings_;
};

}  // namespace vsssim::metadata

#endif  // VSSSIM_METADATA_CREATE_WRITER_METADATA_H_
