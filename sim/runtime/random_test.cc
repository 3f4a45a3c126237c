#include "vsssim/runtime/random.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace vsssim::runtime {
namespace {

std::vector<std::uint64_t> Draw(Random r, int n) {
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(r.Next());
  return out;
}

TEST(Runtime_Random, SameSeedSameStream) {
  EXPECT_EQ(Draw(Random(42), 100), Draw(Random(42), 100));
  EXPECT_NE(Draw(Random(42), 100), Draw(Random(43), 100));
}

TEST(Runtime_Random, StreamIsPinnedAcrossPlatforms) {
  // The first values for seed 0 and 1, computed once; they must never change, or recorded
  // seeds stop reproducing their runs (SIM-DET-01).
  Random r0(0), r1(1);
  const std::uint64_t first0 = r0.Next(), first1 = r1.Next();
  // xoshiro256** seeded by SplitMix64 — reference values from the published algorithms.
  EXPECT_EQ(first0, 0x99EC5F36CB75F2B4ull);
  EXPECT_EQ(first1, 0xB3F2AF6D0FC710C5ull);
}

TEST(Runtime_Random, UniformStaysInRangeAndCoversIt) {
  Random r(7);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    std::uint64_t v = r.Uniform(6);
    ASSERT_LT(v, 6u);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 6u);
  for (int i = 0; i < 1000; ++i) {
    std::int64_t v = r.Range(-3, 3);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 3);
  }
}

TEST(Runtime_Random, ForkIsIndependentOfTheParentsPosition) {
  Random a(5), b(5);
  b.Next();
  b.Next();
  EXPECT_EQ(Draw(a.Fork("writers"), 10), Draw(b.Fork("writers"), 10));
  EXPECT_NE(Draw(a.Fork("writers"), 10), Draw(a.Fork("provider"), 10));
}

TEST(Runtime_Random, GuidsAreVersion4AndDistinct) {
  Random r(9);
  Guid a = r.NextGuid(), b = r.NextGuid();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.data3 >> 12, 4);
  EXPECT_EQ(a.data4[0] & 0xC0, 0x80);
}

TEST(Runtime_Random, FillWritesEveryByte) {
  Random r(3);
  std::vector<unsigned char> buffer(13, 0);
  r.Fill(buffer.data(), buffer.size());
  int zeros = 0;
  for (unsigned char c : buffer) zeros += c == 0;
  EXPECT_LT(zeros, 4);
  Random again(3);
  std::vector<unsigned char> second(13, 0);
  again.Fill(second.data(), second.size());
  EXPECT_EQ(buffer, second);
}

}  // namespace
}  // namespace vsssim::runtime
