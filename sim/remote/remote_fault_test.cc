// Checks what a writer process's faults do, as VSS sees them (docs/wire-protocol.md "Faults"):
// an end mid-event (a closed socket, a real kill -9), no reply within the real-time guard, and
// garbage of every kind each end the event like a handler that never returns (WRT-TIME-05,
// Choices::remote_fault_is_hang), leave a trace entry naming the writer, disconnect it, and
// never crash or hang the service. Guards are short; nothing sleeps.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <future>

#include "sim/coordinator/test_harness.h"
#include "sim/remote/client_session.h"
#include "sim/remote/testing/fixed_host.h"
#include "sim/remote/testing/remote_pair.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/remote/remote_writer.h"

namespace vsssim::remote {
namespace {

using coordinator::WriterStatus;
using coordinator::testing::BackupDriver;
using coordinator::testing::ClassId;
using coordinator::testing::Harness;
using testing::RemotePair;
using testing::TestHello;
using vss::WriterEvent;
using writer::ScriptedWriter;

net::Clock::time_point Soon() { return net::Clock::now() + std::chrono::seconds(10); }

// A bad client: hello, then for the first event sends `raw` (bytes as they are), then waits
// for the service to close.
std::function<void(Connection&)> SendsOnFirstEvent(std::string raw) {
  return [raw](Connection& c) {
    c.Send(TestHello("A"), Soon());
    c.Read(Soon());  // welcome
    c.Read(Soon());  // the event
    net::SendAll(c.socket(), raw.data(), raw.size(), Soon());
    c.Read(Soon());  // until the service closes
  };
}
std::string Frame(const Json& message) { return EncodeFrame(Serialize(message)); }

struct Outcome {
  bool result = false;
  int hangs = 0;
  bool connected = true;
  std::string reason;
  std::string trace;
  std::vector<const trace::Entry*> findings;
};
// Delivers Freeze (or Identify) to a bad client; returns what the service made of it.
Outcome Deliver(std::function<void(Connection&)> client, RemoteOptions options = {},
                bool identify = false) {
  runtime::Clock clock;
  trace::Trace trace(clock);
  RemotePair pair(std::move(client), options);
  Outcome out;
  if (pair.remote() == nullptr) return out;
  RemoteWriter& w = *pair.remote();
  w.AttachTrace(&trace);
  testing::FixedEventHost host;
  host.components_selected = false;
  w.AttachHost(&host);
  if (identify) {
    metadata::CreateWriterMetadata wmd(metadata::WriterIdentity{});
    out.result = w.OnIdentify(wmd);
  } else {
    out.result = w.OnFreeze();
  }
  out.hangs = host.hangs;
  out.connected = w.connected();
  out.reason = w.disconnect_reason();
  // A later event is answered at once, the same way, without the socket.
  EXPECT_EQ(w.OnThaw(), options.fault_is_hang);
  EXPECT_EQ(host.hangs, out.hangs + (options.fault_is_hang ? 1 : 0));
  w.AttachHost(nullptr);
  out.trace = trace::RenderText(trace);
  for (const trace::Entry& e : trace.entries()) {
    if (e.kind == trace::EntryKind::kFinding) out.findings.push_back(&e);
  }
  return out;
}

void ExpectProtocolError(const Outcome& o, const std::string& what) {
  EXPECT_TRUE(o.result);  // a hang is "never returned", not a veto
  EXPECT_EQ(o.hangs, 1);
  EXPECT_FALSE(o.connected);
  EXPECT_NE(o.reason.find("protocol error in Freeze"), std::string::npos) << o.reason;
  EXPECT_NE(o.trace.find("SIM-WIRE-01"), std::string::npos) << o.trace;
  EXPECT_NE(o.trace.find("writer:A"), std::string::npos) << o.trace;
  EXPECT_NE(o.trace.find(what), std::string::npos) << what << "\n" << o.trace;
}

// Checks that a length of 0 is a protocol error naming the writer.
TEST(Remote_Fault, ZeroLengthFrameIsAProtocolError) {
  ExpectProtocolError(Deliver(SendsOnFirstEvent(std::string(4, '\0'))), "frame of length 0");
}

// Checks that a frame over the 16 MiB limit is refused at its header (nothing is allocated).
TEST(Remote_Fault, OversizedFrameIsAProtocolError) {
  ExpectProtocolError(Deliver(SendsOnFirstEvent(std::string("\x01\x00\x00\x01", 4))),
                      "limit 16 MiB");
}

// Checks that bytes that are not JSON, or JSON that is not an object, are protocol errors.
TEST(Remote_Fault, NonJsonAndNonObjectsAreProtocolErrors) {
  ExpectProtocolError(Deliver(SendsOnFirstEvent(EncodeFrame("}{"))), "not JSON");
  ExpectProtocolError(Deliver(SendsOnFirstEvent(EncodeFrame("[1]"))), "not an object");
}

// Checks that an unknown message type is a protocol error.
TEST(Remote_Fault, UnknownTypeIsAProtocolError) {
  ExpectProtocolError(Deliver(SendsOnFirstEvent(Frame({{"type", "gossip"}, {"id", 1}}))),
                      "unknown message type");
}

// Checks that out-of-order messages are protocol errors: a reply to another event, a
// message the writer never sends (welcome), a reply without result.
TEST(Remote_Fault, OutOfOrderRepliesAreProtocolErrors) {
  ExpectProtocolError(
      Deliver(SendsOnFirstEvent(Frame({{"type", "reply"}, {"id", 2}, {"result", true}}))),
      "with id 2 during event 1");
  ExpectProtocolError(Deliver(SendsOnFirstEvent(Frame({{"type", "welcome"}, {"id", 1}}))),
                      "during an event");
  ExpectProtocolError(Deliver(SendsOnFirstEvent(Frame({{"type", "reply"}, {"id", 1}}))),
                      "reply without a bool result");
}

// Checks that calls with an unknown method or bad arguments are protocol errors.
TEST(Remote_Fault, BadCallsAreProtocolErrors) {
  ExpectProtocolError(
      Deliver(SendsOnFirstEvent(Frame({{"type", "call"}, {"id", 1}, {"method", "Format"}}))),
      "unknown method");
  ExpectProtocolError(Deliver(SendsOnFirstEvent(
                          Frame({{"type", "call"}, {"id", 1}, {"method", "Spend"}, {"ms", -5}}))),
                      "Spend without a valid");
  ExpectProtocolError(
      Deliver(SendsOnFirstEvent(
          Frame({{"type", "call"}, {"id", 1}, {"method", "SetWriterFailure"}, {"hr", "bogus"}}))),
      "without a valid \"hr\"");
}

// Checks that more than 4096 calls and findings in one event is a protocol error.
TEST(Remote_Fault, TooManyFindingsIsAProtocolError) {
  std::string raw;
  const std::string one =
      Frame({{"type", "finding"}, {"id", 1}, {"rule", "WRT-CALL-04"}, {"message", "x"}});
  for (int i = 0; i < 4097; ++i) raw += one;
  const Outcome o = Deliver(SendsOnFirstEvent(raw));
  ExpectProtocolError(o, "more than 4096");
}

// Checks that Identify's reply needs readable Writer Metadata.
TEST(Remote_Fault, IdentifyWithoutReadableMetadataIsAProtocolError) {
  const Outcome none =
      Deliver(SendsOnFirstEvent(Frame({{"type", "reply"}, {"id", 1}, {"result", true}})), {}, true);
  EXPECT_EQ(none.hangs, 1);
  EXPECT_NE(none.trace.find("Identify reply without metadata"), std::string::npos) << none.trace;
  const Outcome bad =
      Deliver(SendsOnFirstEvent(
                  Frame({{"type", "reply"}, {"id", 1}, {"result", true}, {"metadata", "<nope"}})),
              {}, true);
  EXPECT_EQ(bad.hangs, 1);
  EXPECT_NE(bad.trace.find("unreadable metadata"), std::string::npos) << bad.trace;
}

// Checks that a connection closed mid-event is "process ended" (a note, no finding).
TEST(Remote_Fault, ClosedMidEventIsProcessEnded) {
  const Outcome o = Deliver([](Connection& c) {
    c.Send(TestHello("A"), Soon());
    c.Read(Soon());
    c.Read(Soon());
    c.Close();
  });
  EXPECT_TRUE(o.result);
  EXPECT_EQ(o.hangs, 1);
  EXPECT_FALSE(o.connected);
  EXPECT_NE(o.reason.find("process ended in Freeze"), std::string::npos) << o.reason;
  EXPECT_NE(o.trace.find("process ended"), std::string::npos) << o.trace;
  EXPECT_TRUE(o.findings.empty());
}

// Checks that no reply within the guard is the documented timeout, traced as a guard expiry
// with the guard's configured (not measured) length.
TEST(Remote_Fault, NoReplyWithinTheGuardIsAHang) {
  RemoteOptions options;
  options.guard = std::chrono::milliseconds(30);
  const Outcome o = Deliver(
      [](Connection& c) {
        c.Send(TestHello("A"), Soon());
        c.Read(Soon());
        c.Read(Soon());  // the event; then silence until the service closes
        c.Read(Soon());
      },
      options);
  EXPECT_TRUE(o.result);
  EXPECT_EQ(o.hangs, 1);
  EXPECT_FALSE(o.connected);
  EXPECT_NE(o.reason.find("guard fired in Freeze"), std::string::npos) << o.reason;
  EXPECT_NE(o.trace.find("guard fired after 30 ms"), std::string::npos) << o.trace;
}

// Checks Choices::remote_fault_is_hang = false: the fault is a veto at once (no hang).
TEST(Remote_Fault, FaultAsVetoWhenTheChoiceSaysSo) {
  coordinator::Choices choices;
  choices.remote_fault_is_hang = false;
  const Outcome o = Deliver(SendsOnFirstEvent(EncodeFrame("}{")), RemoteOptionsFor(choices));
  EXPECT_FALSE(o.result);
  EXPECT_EQ(o.hangs, 0);
  EXPECT_FALSE(o.connected);
}

writer::WriterIdentity IdentityA() {
  writer::WriterIdentity id;
  id.class_id = ClassId(1);
  id.name = "A";
  return id;
}

// Status of writer `name` after a DoSnapshotSet that failed.
WriterStatus StatusOf(BackupDriver& d, const std::string& name) {
  coordinator::AsyncPtr async;
  EXPECT_EQ(d.requester().GatherWriterStatus(&async), hr::S_OK);
  async->Wait();
  std::uint32_t count = 0;
  d.requester().GetWriterStatusCount(&count);
  for (std::uint32_t i = 0; i < count; ++i) {
    WriterStatus s;
    d.requester().GetWriterStatus(i, &s);
    if (s.writer_name == name) return s;
  }
  return {};
}

// Checks a real kill -9 of the writer process inside OnFreeze: DoSnapshotSet fails like for
// a writer that does not respond, status shows FAILED_AT_FREEZE with
// VSS_E_WRITER_NOT_RESPONDING (WRT-TIME-05, WRT-STATE-13), and a new writer process then
// serves a whole backup in the same service.
TEST(Remote_Fault, KilledMidFreezeIsNotRespondingAndTheServiceGoesOn) {
  net::Socket service;
  net::Socket client;
  ASSERT_TRUE(net::SocketPair(&service, &client));
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // the writer process
    service.Close();
    ScriptedWriter w(IdentityA());
    ScriptedWriter::Behavior die;
    die.action = [](ScriptedWriter&) { raise(SIGKILL); };
    w.On(WriterEvent::kFreeze, die);
    std::string error;
    _exit(ServeWriterOn(std::move(client), w, testing::kTestToken, &error));
  }
  client.Close();
  Harness h;
  std::string refusal;
  std::unique_ptr<RemoteWriter> remote = AcceptHello(
      std::make_unique<Connection>(std::move(service)), testing::kTestToken, {}, &refusal);
  ASSERT_NE(remote, nullptr) << refusal;
  remote->AttachTrace(&h.trace);
  std::string hook_reason;
  remote->SetDisconnectHook([&](const std::string& reason) { hook_reason = reason; });
  h.vss.RegisterWriter(*remote);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  EXPECT_FALSE(remote->connected());
  EXPECT_NE(hook_reason.find("process ended in Freeze"), std::string::npos) << hook_reason;
  const WriterStatus s = StatusOf(d, "A");
  EXPECT_EQ(s.state, vss::WriterState::VSS_WS_FAILED_AT_FREEZE);
  EXPECT_EQ(s.failure, hr::VSS_E_WRITER_NOT_RESPONDING);
  EXPECT_EQ(h.EventsTo("writer:A").back(), "Freeze");  // nothing more reaches it
  d.Run(BackupDriver::kRelease);

  // The next session: a new writer process connects and a backup succeeds.
  ScriptedWriter b_writer([] {
    writer::WriterIdentity id;
    id.class_id = ClassId(2);
    id.name = "B";
    return id;
  }());
  RemotePair b(b_writer);
  ASSERT_NE(b.remote(), nullptr);
  h.vss.RegisterWriter(*b.remote());
  BackupDriver d2(h, "r2");
  EXPECT_EQ(d2.RunAll(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:B", "r2").back(), "BackupShutdown");
}

}  // namespace
}  // namespace vsssim::remote
