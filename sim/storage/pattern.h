// FillPattern: a seeded, endless pseudo-random byte pattern that any range of can be computed
// without the bytes before it — the content of a declared file that was never written and of a
// generated write (Volume::PutPatternFile, Volume::WritePattern), so neither has to be held in
// memory before it reaches a block.
//
// Byte i is byte (i % 8) (little-endian) of the 64-bit word SplitMix64(seed + (i / 8 + 1) *
// golden gamma): SplitMix64's own stream, which is counter-based. Fixed here (no <random>), so
// the same seed gives the same bytes everywhere (SIM-DET-01).
//
// Thread safety: a pure function. Private to sim/storage.
#ifndef VSSSIM_SIM_STORAGE_PATTERN_H_
#define VSSSIM_SIM_STORAGE_PATTERN_H_

#include <cstddef>
#include <cstdint>

namespace vsssim::storage {

inline std::uint64_t PatternWord(std::uint64_t seed, std::uint64_t word) {
  std::uint64_t z = seed + (word + 1) * 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Writes bytes [position, position + size) of the pattern of `seed` to `out`.
inline void FillPattern(std::uint64_t seed, std::uint64_t position, void* out, std::size_t size) {
  auto* bytes = static_cast<unsigned char*>(out);
  std::uint64_t word = position / 8;
  std::size_t i = 0;
  for (unsigned b = static_cast<unsigned>(position % 8); b % 8 != 0 && i < size; ++b) {
    bytes[i++] = static_cast<unsigned char>(PatternWord(seed, word) >> (8 * b));  // head
  }
  if (position % 8 != 0) ++word;
  for (; size - i >= 8; i += 8) {  // whole words, byte order fixed (little-endian)
    const std::uint64_t v = PatternWord(seed, word++);
    for (unsigned b = 0; b < 8; ++b) bytes[i + b] = static_cast<unsigned char>(v >> (8 * b));
  }
  if (i < size) {
    const std::uint64_t v = PatternWord(seed, word);
    for (unsigned b = 0; i < size; ++b) bytes[i++] = static_cast<unsigned char>(v >> (8 * b));
  }
}

}  // namespace vsssim::storage

#endif  // VSSSIM_SIM_STORAGE_PATTERN_H_
