// FileTable: the metadata of the files on one volume at one point in time — names, sizes,
// last-modify times and the device blocks holding each file's bytes, in key order.
//
// A Volume shares its current table with the snapshots taken since its last metadata change
// and clones it on the next change (copy-on-write at table level), so a snapshot's table costs
// O(1) to take; file contents live in the BlockDevice and are snapshotted there.
//
// Thread safety: none. Private to sim/storage.
#ifndef VSSSIM_SIM_STORAGE_FILE_TABLE_H_
#define VSSSIM_SIM_STORAGE_FILE_TABLE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "vsssim/runtime/time.h"

namespace vsssim::storage {

struct FileNode {
  std::string display;  // path below the root as created: "Data\db.mdf"
  bool directory = false;
  std::uint64_t size = 0;
  runtime::TimePoint last_modified;
  // Device blocks, in file order. An entry with kPatternBit set reads as the file's pattern
  // (pattern.h, from pattern_seed, at the file's own offsets), not as its device block (the
  // entry without the bit), which holds nothing yet: a declared file costs no block memory until
  // it is written. Block numbers stay below kPatternBit (a volume has at most 2^31 blocks).
  std::vector<std::uint32_t> blocks;
  std::uint64_t pattern_seed = 0;
};

inline constexpr std::uint32_t kPatternBit = 0x80000000u;
inline std::uint32_t DeviceBlockOf(std::uint32_t entry) { return entry & ~kPatternBit; }

struct FileTable {
  std::map<std::string, FileNode> nodes;  // key: ParsedPath::Key() ("DATA\DB.MDF")
};

}  // namespace vsssim::storage

#endif  // VSSSIM_SIM_STORAGE_FILE_TABLE_H_
