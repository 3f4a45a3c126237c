// IVssWriterComponents: the components of the Backup Components Document that belong to the
// writer instance handling the current event (CATALOGUE.md §3.6). Handlers that receive it
// (OnPrepareBackup, OnPostSnapshot, OnBackupComplete, OnPreRestore, OnPostRestore) get a null
// pointer when the requester is not in component mode (SEL-01).
//
// The coordinator implements it over the session's metadata::BackupComponents; each
// metadata::Component it hands out knows the current event and reports misplaced calls
// (§3.6 handler-placement matrix) as findings.
//
// Thread safety: only inside the handler, on the handler's thread.
#ifndef VSSSIM_WRITER_WRITER_COMPONENTS_H_
#define VSSSIM_WRITER_WRITER_COMPONENTS_H_

#include <cstdint>

#include "vsssim/vss/hresult.h"

namespace vsssim::metadata {
class Component;
}  // namespace vsssim::metadata

namespace vsssim::writer {

class WriterComponents {
 public:
  virtual ~WriterComponents() = default;
  // IVssWriterComponents::GetComponentCount.
  virtual std::uint32_t GetComponentCount() const = 0;
  // IVssWriterComponents::GetComponent; VSS_E_OBJECT_NOT_FOUND for an index out of range.
  virtual HResult GetComponent(std::uint32_t index, metadata::Component** component) = 0;
};

}  // namespace vsssim::writer

#endif  // VSSSIM_WRITER_WRITER_COMPONENTS_H_
