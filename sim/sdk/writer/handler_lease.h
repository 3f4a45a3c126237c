// How long the objects VSS hands a writer's handler stay usable: IVssCreateWriterMetadata,
// IVssWriterComponents and the IVssComponent objects reached through them are views of the
// coordinator's state for one event; the documentation gives them to the handler only. The
// bridge makes one lease per handler call and ends it when the handler returns; an object used
// after that answers VSS_E_BAD_STATE with a SIM-SDK-01 finding instead of touching freed state.
//
// Thread safety: set and read on the handler's thread.
#ifndef VSSSIM_SDK_WRITER_HANDLER_LEASE_H_
#define VSSSIM_SDK_WRITER_HANDLER_LEASE_H_

#include <memory>
#include <string>

namespace vsssim::sdk {

struct HandlerLease {
  bool alive = true;
  std::string actor;    // "writer:NAME", for findings
  std::string handler;  // "OnPostSnapshot", for findings
};
using LeasePtr = std::shared_ptr<HandlerLease>;

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_WRITER_HANDLER_LEASE_H_
