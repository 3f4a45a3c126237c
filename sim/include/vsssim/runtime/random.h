// The simulator's only source of randomness: a seeded generator passed explicitly.
//
// The algorithm (SplitMix64 for seeding and forking, xoshiro256** for the stream) and every
// derived distribution are implemented here, not taken from <random>, so the same seed gives
// the same numbers with every standard library and on every platform (SIM-DET-01).
//
// Thread safety: none; give each thread (if ever) its own Fork().
#ifndef VSSSIM_RUNTIME_RANDOM_H_
#define VSSSIM_RUNTIME_RANDOM_H_

#include <array>
#include <cstdint>
#include <string_view>

#include "vsssim/vss/guid.h"

namespace vsssim::runtime {

class Random {
 public:
  explicit Random(std::uint64_t seed);

  std::uint64_t seed() const { return seed_; }

  // Uniform 64-bit value.
  std::uint64_t Next();
  // Uniform in [0, bound). REQUIRES: bound > 0. Unbiased (rejection sampling).
  std::uint64_t Uniform(std::uint64_t bound);
  // Uniform in [low, high]. REQUIRES: low <= high.
  std::int64_t Range(std::int64_t low, std::int64_t high);
  // True with probability numerator/denominator. REQUIRES: denominator > 0.
  bool OneIn(std::uint64_t denominator) { return Uniform(denominator) == 0; }
  bool Chance(std::uint64_t numerator, std::uint64_t denominator) {
    return Uniform(denominator) < numerator;
  }
  // Fills `size` bytes at `out`.
  void Fill(void* out, std::size_t size);
  // A version-4-shaped GUID drawn from this stream.
  Guid NextGuid();

  // An independent stream derived from this generator's seed and `name`, leaving this stream
  // untouched: adding a consumer of randomness in one part of the simulator does not shift the
  // numbers another part sees.
  Random Fork(std::string_view name) const;

 private:
  std::uint64_t seed_;
  std::array<std::uint64_t, 4> state_;
};

}  // namespace vsssim::runtime

#endif  // VSSSIM_RUNTIME_RANDOM_H_
