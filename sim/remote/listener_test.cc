// Checks WriterListener: both transports, the token check and the recorded refusals
// (docs/wire-protocol.md "Transport", "welcome / refused", "Security").
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include "sim/remote/testing/remote_pair.h"
#include "vsssim/remote/remote_writer.h"
#include "vsssim/remote/writer_client.h"
#include "vsssim/writer/scripted_writer.h"

namespace vsssim::remote {
namespace {

using testing::kTestToken;

writer::WriterIdentity Identity(const char* name) {
  writer::WriterIdentity id;
  id.class_id = *Guid::Parse("5c000001-1234-0000-0000-000000000000");
  id.name = name;
  return id;
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/vsssim-remote-XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { rmdir(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Accepts one writer on `where` from a client thread using `token`; returns the writer (null
// if refused), the refusals and the client's result.
struct Attempt {
  std::unique_ptr<RemoteWriter> writer;
  std::vector<std::string> refusals;
  int client = -1;
  std::string client_error;
};
Attempt TryConnect(WriterListener& listener, std::string token) {
  Attempt a;
  writer::ScriptedWriter w(Identity("A"));
  const Address where = listener.address();
  std::thread client([&] { a.client = ServeWriter(w, where, token, &a.client_error); });
  // The refused client ends at once; a short poll timeout then returns from Accept.
  a.writer = listener.Accept(std::chrono::milliseconds(100), &a.refusals);
  if (a.writer != nullptr) a.writer->Shutdown();
  client.join();
  return a;
}

// Checks that a writer with the right token is accepted over TCP loopback, port 0 = picked.
TEST(Remote_Listener, AcceptsTheTokenOverTcp) {
  std::string error;
  auto listener = WriterListener::Listen(*ParseAddress("tcp:127.0.0.1:0", nullptr),
                                         std::string(kTestToken), {}, &error);
  ASSERT_NE(listener, nullptr) << error;
  EXPECT_NE(listener->address().port, 0);
  EXPECT_GE(listener->fd(), 0);
  EXPECT_EQ(listener->token(), kTestToken);
  Attempt a = TryConnect(*listener, std::string(kTestToken));
  ASSERT_NE(a.writer, nullptr);
  EXPECT_TRUE(a.refusals.empty());
  EXPECT_EQ(a.writer->identity().name, "A");
  EXPECT_EQ(a.writer->actor(), "writer:A");
  EXPECT_GT(a.writer->pid(), 0);
  EXPECT_EQ(a.client, 0) << a.client_error;  // shutdown = exit 0
}

// Checks that a wrong or missing token is refused, recorded, and told to the client.
TEST(Remote_Listener, RefusesAWrongTokenAndRecordsIt) {
  TempDir dir;
  std::string error;
  auto listener = WriterListener::Listen(*ParseAddress("unix:" + dir.path() + "/s", nullptr),
                                         std::string(kTestToken), {}, &error);
  ASSERT_NE(listener, nullptr) << error;
  struct stat st {};
  ASSERT_EQ(stat((dir.path() + "/s").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  for (const std::string& token : {std::string(32, 'f'), std::string()}) {
    Attempt a = TryConnect(*listener, token);
    EXPECT_EQ(a.writer, nullptr);
    ASSERT_EQ(a.refusals.size(), 1u);
    EXPECT_NE(a.refusals[0].find("bad token"), std::string::npos) << a.refusals[0];
    EXPECT_EQ(a.client, 1);
    EXPECT_NE(a.client_error.find("refused"), std::string::npos) << a.client_error;
  }
  // The listener still serves after refusals.
  Attempt good = TryConnect(*listener, std::string(kTestToken));
  EXPECT_NE(good.writer, nullptr);
  listener.reset();
  EXPECT_NE(stat((dir.path() + "/s").c_str(), &st), 0);  // the socket file is removed
}

// Checks that a connection without a hello is refused after hello_timeout.
TEST(Remote_Listener, RefusesASilentConnectionAfterTheHelloTimeout) {
  RemoteOptions options;
  options.hello_timeout = std::chrono::milliseconds(20);
  std::string refusal;
  testing::RemotePair pair(
      [](Connection& c) { c.Read(net::Clock::now() + std::chrono::seconds(5)); }, options,
      &refusal);
  EXPECT_EQ(pair.remote(), nullptr);
  EXPECT_NE(refusal.find("no hello within 20 ms"), std::string::npos) << refusal;
}

// Checks that a hello with another protocol version or a bad identity is refused.
TEST(Remote_Listener, RefusesMalformedHellos) {
  Json v2 = testing::TestHello("A");
  v2["protocol"] = 2;
  Json noname = testing::TestHello("A");
  noname["writer"].erase("name");
  for (const Json& hello : {v2, noname, Json{{"type", "event"}}}) {
    std::string refusal;
    testing::RemotePair pair(
        [hello](Connection& c) {
          c.Send(hello, net::Clock::now() + std::chrono::seconds(5));
          c.Read(net::Clock::now() + std::chrono::seconds(5));
        },
        {}, &refusal);
    EXPECT_EQ(pair.remote(), nullptr);
    EXPECT_FALSE(refusal.empty());
  }
}

}  // namespace
}  // namespace vsssim::remote
