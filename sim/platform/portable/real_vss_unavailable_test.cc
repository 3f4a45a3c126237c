#include <gtest/gtest.h>

#include "vsssim/platform/real_vss.h"

namespace vsssim::platform {
namespace {

// Checks that a non-Windows build says plainly that it cannot drive real VSS.
TEST(Platform_RealVss, UnavailableOffWindows) {
  EXPECT_FALSE(RealVssAvailable());
  std::unique_ptr<coordinator::Requester> requester;
  EXPECT_EQ(CreateRealVssRequester(&requester), hr::E_NOTIMPL);
  EXPECT_EQ(requester, nullptr);
  EXPECT_EQ(CreateRealVssRequester(nullptr), hr::E_INVALIDARG);
}

}  // namespace
}  // namespace vsssim::platform
