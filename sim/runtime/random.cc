#include "vsssim/runtime/random.h"

#include <cassert>
#include <cstring>

namespace vsssim::runtime {
namespace {

std::uint64_t SplitMix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// FNV-1a over the name, to derive stream seeds from names.
std::uint64_t HashName(std::string_view name) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : name) {
    h ^= c;
    h *= 0x100000001B3ull;
  }
  return h;
}

}  // namespace

Random::Random(std::uint64_t seed) : seed_(seed) {
  std::uint64_t x = seed;
  for (auto& word : state_) word = SplitMix64(x);
}

std::uint64_t Random::Next() {
  // xoshiro256** (Blackman and Vigna).
  std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
  std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = Rotl(state_[3], 45);
  return result;
}

std::uint64_t Random::Uniform(std::uint64_t bound) {
  assert(bound > 0);
  // Reject the top partial block so every residue is equally likely.
  std::uint64_t limit = UINT64_MAX - (UINT64_MAX % bound);
  std::uint64_t x;
  do {
    x = Next();
  } while (x >= limit);
  return x % bound;
}

std::int64_t Random::Range(std::int64_t low, std::int64_t high) {
  assert(low <= high);
  auto span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
  if (span == UINT64_MAX) return static_cast<std::int64_t>(Next());
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + Uniform(span + 1));
}

void Random::Fill(void* out, std::size_t size) {
  auto* bytes = static_cast<unsigned char*>(out);
  while (size >= 8) {
    std::uint64_t v = Next();
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(v >> (8 * i));
    bytes += 8;
    size -= 8;
  }
  if (size > 0) {
    std::uint64_t v = Next();
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<unsigned char>(v >> (8 * i));
  }
}

Guid Random::NextGuid() {
  std::uint64_t a = Next(), b = Next();
  Guid g;
  g.data1 = static_cast<std::uint32_t>(a >> 32);
  g.data2 = static_cast<std::uint16_t>(a >> 16);
  g.data3 = static_cast<std::uint16_t>((a & 0x0FFF) | 0x4000);  // version 4
  for (int i = 0; i < 8; ++i)
    g.data4[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(b >> (8 * i));
  g.data4[0] = static_cast<std::uint8_t>((g.data4[0] & 0x3F) | 0x80);  // RFC 4122 variant
  return g;
}

Random Random::Fork(std::string_view name) const {
  std::uint64_t x = seed_ ^ HashName(name);
  return Random(SplitMix64(x));
}

}  // namespace vsssim::runtime
