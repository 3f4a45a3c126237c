// Checks the address syntax and the token (docs/wire-protocol.md "Transport", "Security").
#include "vsssim/remote/address.h"

#include <gtest/gtest.h>

namespace vsssim::remote {
namespace {

// Checks that unix: and tcp:127.0.0.1:PORT parse and print back the same.
TEST(Remote_Address, ParsesAndPrintsBothTransports) {
  std::string error;
  std::optional<Address> u = ParseAddress("unix:/tmp/x/vsssim.sock", &error);
  ASSERT_TRUE(u) << error;
  EXPECT_EQ(u->kind, Address::Kind::kUnix);
  EXPECT_EQ(u->path, "/tmp/x/vsssim.sock");
  EXPECT_EQ(ToString(*u), "unix:/tmp/x/vsssim.sock");
  std::optional<Address> t = ParseAddress("tcp:127.0.0.1:4711", &error);
  ASSERT_TRUE(t) << error;
  EXPECT_EQ(t->kind, Address::Kind::kTcp);
  EXPECT_EQ(t->port, 4711);
  EXPECT_EQ(ToString(*t), "tcp:127.0.0.1:4711");
}

// Checks that only the loopback address is accepted for TCP ("Security": local endpoints).
TEST(Remote_Address, RefusesNonLoopbackHosts) {
  for (const char* text : {"tcp:0.0.0.0:1", "tcp:10.0.0.1:80", "tcp:localhost:80", "tcp:[::1]:80",
                           "tcp:127.0.0.2:80"}) {
    std::string error;
    EXPECT_FALSE(ParseAddress(text, &error)) << text;
    EXPECT_NE(error.find("loopback"), std::string::npos) << text << ": " << error;
  }
}

// Checks that malformed addresses are refused with a reason.
TEST(Remote_Address, RefusesMalformedAddresses) {
  for (const char* text : {"", "unix:", "tcp:127.0.0.1", "tcp:127.0.0.1:", "tcp:127.0.0.1:65536",
                           "tcp:127.0.0.1:12a", "http://127.0.0.1:80"}) {
    std::string error;
    EXPECT_FALSE(ParseAddress(text, &error)) << text;
    EXPECT_FALSE(error.empty()) << text;
  }
  EXPECT_FALSE(ParseAddress("unix:/" + std::string(200, 'a'), nullptr));
}

// Checks that tokens are 32 hex characters and differ between calls (OS random source).
TEST(Remote_Address, TokensAreRandomHex) {
  const std::string a = NewToken();
  const std::string b = NewToken();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
  EXPECT_TRUE(TokensEqual(a, a));
  EXPECT_FALSE(TokensEqual(a, b));
  EXPECT_FALSE(TokensEqual(a, a.substr(1)));
}

}  // namespace
}  // namespace vsssim::remote
