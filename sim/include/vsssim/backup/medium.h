// Medium: an in-memory backup medium — the "tape" a requester writes (issue #5, catalogue
// §2.10, §5). It holds backup sets; each set keeps the BCD and the WMDs of its backup (XML, as
// SaveAsXML produced them: REQ-RST-01 restores from the stored documents), the copied files,
// and a manifest of every file its components covered at backup time (copied or not), from
// which a later restore of the chain removes files deleted since the base backup
// (docs/backup-data.md, DATA-CHOICE-MANIFEST).
//
// Chains (BT-06): a FULL set stands alone; an INCREMENTAL or LOG set is based on the latest
// earlier FULL/INCREMENTAL/LOG set; a DIFFERENTIAL set on the latest earlier FULL set; COPY
// and OTHER sets are never bases (§1.2) and stand alone (DATA-CHOICE-CHAIN-BASE).
//
// Thread safety: plain values.
#ifndef VSSSIM_BACKUP_MEDIUM_H_
#define VSSSIM_BACKUP_MEDIUM_H_

#include <cstdint>
#include <string>
#include <vector>

#include "vsssim/metadata/file_semantics.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"

namespace vsssim::backup {

// Which component a file belongs to: the explicitly included (set-defining) component named
// in the BCD (MATCH-02) and the component whose file set holds the file (itself or a member).
struct ComponentRef {
  Guid writer_id;
  Guid instance_id;
  std::string logical_path;  // explicit component
  std::string name;
  std::string member_logical_path;  // component whose file set matched (== explicit when same)
  std::string member_name;

  friend bool operator==(const ComponentRef& a, const ComponentRef& b);
};

// One copied file.
struct FileRecord {
  ComponentRef component;
  metadata::FileSpec file_set;  // the WMD file set (default path; MATCH-01 triple)
  std::string path;             // default path, where a restore puts it back ("C:\db\a.mdf")
  std::string read_from;        // where the bytes were read (alternate path, ALT-01)
  bool from_snapshot = true;    // FSBT-04: shadow copy or live volume
  std::uint64_t size = 0;       // file size at backup time
  std::uint64_t last_modify_ticks = 0;  // FILETIME ticks of the virtual clock (DIFF-02)
  // A partial file (PART-06) holds only `ranges` (clipped to `size`): `bytes` holds the
  // ranges' bytes one after the other. Otherwise `bytes` is the whole file.
  bool is_partial = false;
  std::vector<metadata::ByteRange> ranges;
  std::string partial_metadata;  // AddPartialFile metadata (opaque)
  std::string bytes;
};

// A file the components covered at backup time (DATA-CHOICE-MANIFEST).
struct ManifestEntry {
  ComponentRef component;
  metadata::FileSpec file_set;
  std::string path;  // default path
  std::uint64_t size = 0;
  std::uint64_t last_modify_ticks = 0;
};

struct BackupSet {
  std::string label;                                           // unique on the medium
  vss::BackupType backup_type = vss::BackupType::VSS_BT_FULL;  // requested (SetBackupState)
  std::uint64_t snapshot_ticks = 0;  // FILETIME ticks of the shadow copies' creation
  std::string bcd_xml;               // SaveAsXML of the backup (REQ-RST-01)
  std::vector<std::string> wmd_xmls;
  std::vector<FileRecord> files;
  std::vector<ManifestEntry> manifest;
  // Files in the base set's manifest that are gone now (restoring this set deletes them).
  std::vector<ManifestEntry> removed;
  std::string base_label;  // "" for a set that stands alone

  const FileRecord* FindFile(const std::string& path) const;
  const ManifestEntry* FindManifest(const std::string& path) const;
};

class Medium {
 public:
  // Adds a set; a label already used gets "#2", "#3", ... appended. Returns the stored set.
  BackupSet& Add(BackupSet set);
  const BackupSet* Find(const std::string& label) const;
  const std::vector<BackupSet>& sets() const { return sets_; }
  bool empty() const { return sets_.empty(); }

  // The set a new backup of `type` is based on (latest qualifying set), or nullptr.
  const BackupSet* BaseFor(vss::BackupType type) const;
  // BT-06: the sets to restore, in order, to reach the state of `label`: the FULL set first,
  // `label` last. Empty when `label` is unknown or its chain is broken.
  std::vector<const BackupSet*> ChainTo(const std::string& label) const;

 private:
  std::vector<BackupSet> sets_;
};

// DIFF-02 time base: FILETIME ticks (100 ns) of a virtual time point, counted from the start
// of the run as the scenario writer does (docs/scenario-format.md).
std::uint64_t FileTimeTicks(std::int64_t nanoseconds_since_start);

}  // namespace vsssim::backup

#endif  // VSSSIM_BACKUP_MEDIUM_H_
