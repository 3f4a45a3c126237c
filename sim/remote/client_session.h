// The writer-process session over an already connected socket (ServeWriter's body), for tests
// that connect the two sides with a socket pair.
//
// Thread safety: runs the writer's handlers on the calling thread.
#ifndef VSSSIM_SIM_REMOTE_CLIENT_SESSION_H_
#define VSSSIM_SIM_REMOTE_CLIENT_SESSION_H_

#include <string>
#include <string_view>

#include "sim/remote/socket.h"
#include "vsssim/writer/writer.h"

namespace vsssim::remote {

int ServeWriterOn(net::Socket socket, writer::Writer& writer, std::string_view token,
                  std::string* error);

}  // namespace vsssim::remote

#endif  // VSSSIM_SIM_REMOTE_CLIENT_SESSION_H_
