#include "vsssim/runtime/callback.h"

#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <memory>
#include <utility>

namespace vsssim::runtime {
namespace {

// Checks that a small capture runs and is destroyed exactly once across moves.
TEST(Runtime_Callback, SmallCapturesRunAndAreDestroyedOnce) {
  auto token = std::make_shared<int>(0);
  {
    Callback a = [token] { ++*token; };
    EXPECT_EQ(token.use_count(), 2);
    Callback b = std::move(a);
    EXPECT_FALSE(static_cast<bool>(a));  // NOLINT(bugprone-use-after-move): moved-from is empty
    ASSERT_TRUE(static_cast<bool>(b));
    b();
    b();
    EXPECT_EQ(*token, 2);
    EXPECT_EQ(token.use_count(), 2);
  }
  EXPECT_EQ(token.use_count(), 1);
}

// Checks that a capture larger than the inline room is kept on the heap and still behaves.
TEST(Runtime_Callback, LargeCapturesWork) {
  std::array<int, 64> big{};
  big[63] = 7;
  int out = 0;
  auto token = std::make_shared<int>(0);
  Callback a = [big, &out, token] { out = big[63]; };
  Callback b;
  b = std::move(a);
  b();
  EXPECT_EQ(out, 7);
  b.Reset();
  EXPECT_EQ(token.use_count(), 1);
  EXPECT_FALSE(static_cast<bool>(b));
}

// Checks that a std::function converts (lvalue copy) and that the copy is independent.
TEST(Runtime_Callback, HoldsAStdFunctionCopy) {
  int n = 0;
  std::function<void()> f = [&n] { ++n; };
  Callback c = f;
  c();
  f();
  EXPECT_EQ(n, 2);
}

}  // namespace
}  // namespace vsssim::runtime
