// The writer-process side of the wire protocol (docs/wire-protocol.md): runs any
// vsssim::writer::Writer — a plug-in included — as a writer process connected to the vsssim
// service, unchanged. Builds on Linux and on Windows (mingw-w64, winsock; TCP only there).
//
// During a handler the writer's getters answer from the event's context; IsPathAffected,
// SetWriterFailure(Ex), Spend and Hang are calls to the service. Components are the real BCD
// XML, read into local metadata::Component objects whose findings (misplaced calls) are
// forwarded as `finding`, as are CreateWriterMetadata's in OnIdentify. SetWriterFailure(Ex)
// or GetSessionId from a thread other than the handler's is a WRT-THREAD-01 finding sent for
// the writer (the call is not recorded), as the in-process coordinator does.
//
// Thread safety: ServeWriter runs the handlers on its calling thread.
#ifndef VSSSIM_REMOTE_WRITER_CLIENT_H_
#define VSSSIM_REMOTE_WRITER_CLIENT_H_

#include <string>
#include <string_view>

#include "vsssim/remote/address.h"
#include "vsssim/writer/writer.h"

namespace vsssim::remote {

// Connects, says hello with the writer's identity and `token`, and serves events until the
// service sends shutdown (returns 0) or something goes wrong (non-zero, *error says what:
// 1 = could not connect or was refused, 2 = the service closed the connection or broke the
// protocol).
int ServeWriter(writer::Writer& writer, const Address& address, std::string_view token,
                std::string* error);
// The same with the address and token from VSSSIM_ADDRESS and VSSSIM_TOKEN.
int ServeWriterFromEnvironment(writer::Writer& writer, std::string* error);

}  // namespace vsssim::remote

#endif  // VSSSIM_REMOTE_WRITER_CLIENT_H_
