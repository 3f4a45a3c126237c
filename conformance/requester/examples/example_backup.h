// ExampleBackup: the example backup application (example_requesters.h), written as a backup
// application would be against the IVssBackupComponents-shaped requester API. `Bugs` switches
// on one real-world mistake at a time.
//
// Thread safety: none.
#ifndef VSSSIM_CONFORMANCE_REQUESTER_EXAMPLES_EXAMPLE_BACKUP_H_
#define VSSSIM_CONFORMANCE_REQUESTER_EXAMPLES_EXAMPLE_BACKUP_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "conformance/requester/examples/example_requesters.h"
#include "vsssim/coordinator/requester.h"

namespace vsssim::conformance::examples {

class ExampleBackup final : public BackupApplication {
 public:
  explicit ExampleBackup(Bugs bugs) : bugs_(bugs) {}
  HResult Backup(RequesterContext& context, std::string* bcd_xml) override;
  HResult Restore(RequesterContext& context, std::string_view bcd_xml) override;

 private:
  struct Component {
    Guid instance;
    Guid writer;
    vss::ComponentType type = vss::ComponentType::VSS_CT_UNDEFINED;
    std::string logical_path;
    std::string name;
  };
  using RequesterPtr = std::unique_ptr<coordinator::Requester>;

  // Waits for an asynchronous call: S_OK when it finished, else its failure (ASYNC-02/03).
  HResult Await(RequesterContext& context, HResult call, const coordinator::AsyncPtr& async);
  // REQ-STAT-01: GatherWriterStatus and GetWriterStatus; the class ids of failed writers.
  HResult GatherStatus(RequesterContext& context, coordinator::Requester& r,
                       std::vector<Guid>* failed);
  HResult SelectComponents(coordinator::Requester& r);
  // The components of the BCD (restore), as GetWriterComponents shows them now.
  static HResult ReadComponents(coordinator::Requester& r, std::vector<Component>* components);
  HResult StartSet(RequesterContext& context, coordinator::Requester& r);
  // The end of a failed backup: AbortBackup once StartSnapshotSet ran (REQ-ABORT-01/02), then
  // Release (REQ-LIFE-01).
  HResult Fail(RequesterPtr& r, HResult why, bool started);

  Bugs bugs_;
  std::vector<Component> components_;
};

}  // namespace vsssim::conformance::examples

#endif  // VSSSIM_CONFORMANCE_REQUESTER_EXAMPLES_EXAMPLE_BACKUP_H_
