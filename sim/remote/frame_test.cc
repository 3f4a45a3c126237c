// Checks the frame layer (docs/wire-protocol.md "Frames") and message parsing.
#include "sim/remote/frame.h"

#include <gtest/gtest.h>

#include "sim/remote/wire.h"

namespace vsssim::remote {
namespace {

// Checks that frames fed a byte at a time come out whole and in order.
TEST(Remote_Frame, ReassemblesSplitFrames) {
  const std::string stream = EncodeFrame("{\"a\":1}") + EncodeFrame("xyz");
  FrameReader r;
  std::vector<std::string> bodies;
  for (char c : stream) {
    r.Feed(&c, 1);
    while (auto body = r.Next()) bodies.push_back(*body);
  }
  ASSERT_EQ(bodies.size(), 2u);
  EXPECT_EQ(bodies[0], "{\"a\":1}");
  EXPECT_EQ(bodies[1], "xyz");
  EXPECT_EQ(r.pending(), 0u);
}

// Checks that a length of 0 or above 16 MiB fails before any body byte is awaited.
TEST(Remote_Frame, RefusesBadLengthsAtTheHeader) {
  FrameReader zero;
  zero.Feed("\0\0\0\0", 4);
  EXPECT_FALSE(zero.Next());
  EXPECT_TRUE(zero.failed());
  FrameReader big;
  const std::uint32_t n = kMaxFrameBytes + 1;
  const char header[4] = {static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                          static_cast<char>(n >> 8), static_cast<char>(n)};
  big.Feed(header, 4);
  EXPECT_FALSE(big.Next());
  EXPECT_TRUE(big.failed());
  EXPECT_NE(big.error().find("limit"), std::string::npos);
  EXPECT_EQ(big.pending(), 0u);  // nothing kept
}

// Checks that only JSON objects with a known string type are messages.
TEST(Remote_Frame, ParseMessageAcceptsOnlyKnownTypes) {
  std::string error;
  EXPECT_TRUE(ParseMessage(R"({"type":"reply","id":1,"result":true})", &error));
  EXPECT_FALSE(ParseMessage("not json", &error));
  EXPECT_NE(error.find("not JSON"), std::string::npos);
  EXPECT_FALSE(ParseMessage("[1,2]", &error));
  EXPECT_NE(error.find("not an object"), std::string::npos);
  EXPECT_FALSE(ParseMessage(R"({"id":1})", &error));
  EXPECT_FALSE(ParseMessage(R"({"type":"bogus"})", &error));
  EXPECT_NE(error.find("unknown message type 'bogus'"), std::string::npos);
}

// Checks that HRESULT strings round-trip and the context survives JSON.
TEST(Remote_Frame, HResultAndContextRoundTrip) {
  EXPECT_EQ(HResultHex(hr::VSS_E_WRITERERROR_RETRYABLE), "0x800423F3");
  EXPECT_EQ(ParseHResultText("0x800423F3"), hr::VSS_E_WRITERERROR_RETRYABLE);
  EventContext c;
  c.backup_type = vss::BackupType::VSS_BT_INCREMENTAL;
  c.volumes = {"C:\\", "D:\\"};
  c.components_selected = true;
  c.snapshot_set_id = Guid::Parse("8b9d3f0e-0000-0000-0000-000000000001");
  std::string error;
  std::optional<EventContext> back = ContextFromJson(ContextToJson(c), &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->backup_type, c.backup_type);
  EXPECT_EQ(back->volumes, c.volumes);
  EXPECT_TRUE(back->components_selected);
  EXPECT_EQ(back->snapshot_set_id, c.snapshot_set_id);
}

}  // namespace
}  // namespace vsssim::remote
