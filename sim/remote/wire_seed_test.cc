// Checks the fuzz seeds of fuzz/wire_fuzz (fixtures/wire/, made by make_seeds.py) through the
// same replay the fuzzer drives: the good session is served to its end with every message
// applied, and each faulty one ends as docs/wire-protocol.md "Faults" says.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "sim/remote/testing/replay.h"

namespace vsssim::remote {
namespace {

std::string Seed(const std::string& name) {
  std::ifstream in(std::string(VSSSIM_WIRE_SEEDS) + "/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  EXPECT_FALSE(s.str().empty()) << name;
  return s.str();
}

// Checks that the good session is served to the end: the WMD is read, calls are answered,
// the veto and the Hang arrive, and the writer stays connected.
TEST(Remote_WireSeeds, GoodSessionIsServedToTheEnd) {
  const testing::ReplayResult r = testing::Replay(Seed("good-session.bin"));
  ASSERT_TRUE(r.accepted) << r.refusal;
  EXPECT_EQ(r.results, (std::vector<bool>{true, true, false, true}));
  EXPECT_EQ(r.wmd_components, 1u);
  EXPECT_EQ(r.hangs, 1);  // BackupShutdown's Hang call
  EXPECT_TRUE(r.connected) << r.disconnect_reason;
  EXPECT_NE(r.trace.find("WRT-CALL-04"), std::string::npos) << r.trace;  // the forwarded finding
}

// Checks that the faulty seeds are refused or disconnected with the reason the page gives.
TEST(Remote_WireSeeds, FaultySeedsEndAsDocumented) {
  EXPECT_EQ(testing::Replay(Seed("bad-token.bin")).refusal, "bad token");
  const testing::ReplayResult ended = testing::Replay(Seed("hello-only.bin"));
  EXPECT_NE(ended.disconnect_reason.find("process ended in Identify"), std::string::npos);
  const testing::ReplayResult garbage = testing::Replay(Seed("garbage-after-hello.bin"));
  EXPECT_NE(garbage.disconnect_reason.find("not JSON"), std::string::npos);
  const testing::ReplayResult zero = testing::Replay(Seed("zero-length.bin"));
  EXPECT_NE(zero.disconnect_reason.find("frame of length 0"), std::string::npos);
  const testing::ReplayResult wrong = testing::Replay(Seed("wrong-id.bin"));
  EXPECT_NE(wrong.trace.find("with id 9 during event 1"), std::string::npos) << wrong.trace;
  for (const auto* r : {&ended, &garbage, &zero, &wrong}) {
    EXPECT_FALSE(r->connected);
    EXPECT_EQ(r->hangs, 4);  // the faulted event and every later one
  }
}

}  // namespace
}  // namespace vsssim::remote
