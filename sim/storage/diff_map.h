// DiffMap: one snapshot's diff-area index, block number -> pool slot holding the block's
// content as it was when the snapshot was taken.
//
// An open-addressing hash table with Robin Hood probing over 8-byte entries. It grows by 1.5x
// when 7/8 full, so it is always more than 7/12 full after its first growth: at most
// 8 / (7/12) < 14 bytes of index per copied block (the <= 16 bytes target of the storage
// issue). Capacities are arbitrary; a home position is (hash * capacity) >> 32.
//
// Thread safety: none. Private to sim/storage.
#ifndef VSSSIM_SIM_STORAGE_DIFF_MAP_H_
#define VSSSIM_SIM_STORAGE_DIFF_MAP_H_

#include <cassert>
#include <cstdint>
#include <memory>
#include <utility>

namespace vsssim::storage {

class DiffMap {
 public:
  static constexpr std::uint32_t kEmptyKey = 0xFFFFFFFFu;
  struct Entry {
    std::uint32_t block;
    std::uint32_t slot;
  };

  DiffMap() = default;
  DiffMap(DiffMap&&) = default;
  DiffMap& operator=(DiffMap&&) = default;

  std::uint32_t size() const { return size_; }
  std::uint32_t capacity() const { return capacity_; }
  std::uint64_t bookkeeping_bytes() const { return std::uint64_t{capacity_} * sizeof(Entry); }

  // The slot stored for `block`, or `missing`.
  std::uint32_t Find(std::uint32_t block, std::uint32_t missing) const {
    if (size_ == 0) return missing;
    std::uint32_t pos = Home(block, capacity_);
    for (std::uint32_t dist = 0;; ++dist) {
      const Entry& e = entries_[pos];
      if (e.block == block) return e.slot;
      if (e.block == kEmptyKey || Distance(e.block, pos) < dist) return missing;
      if (++pos == capacity_) pos = 0;
    }
  }

  // REQUIRES: `block` is not in the map and is not kEmptyKey.
  void Insert(std::uint32_t block, std::uint32_t slot) {
    assert(block != kEmptyKey);
    if (std::uint64_t{size_ + 1} * 8 > std::uint64_t{capacity_} * 7) Grow();
    Place(Entry{block, slot});
    ++size_;
  }

  // Calls fn(block, slot) for every entry, in table order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (std::uint32_t i = 0; i < capacity_; ++i) {
      if (entries_[i].block != kEmptyKey) fn(entries_[i].block, entries_[i].slot);
    }
  }

 private:
  static std::uint32_t Home(std::uint32_t block, std::uint32_t capacity) {
    std::uint32_t h = block * 0x9E3779B1u;
    return static_cast<std::uint32_t>((std::uint64_t{h} * capacity) >> 32);
  }
  std::uint32_t Distance(std::uint32_t block, std::uint32_t pos) const {
    std::uint32_t home = Home(block, capacity_);
    return pos >= home ? pos - home : pos + capacity_ - home;
  }

  void Place(Entry e) {
    std::uint32_t pos = Home(e.block, capacity_);
    for (std::uint32_t dist = 0;; ++dist) {
      Entry& here = entries_[pos];
      if (here.block == kEmptyKey) {
        here = e;
        return;
      }
      std::uint32_t here_dist = Distance(here.block, pos);
      if (here_dist < dist) {  // Robin Hood: the richer entry moves on.
        std::swap(here, e);
        dist = here_dist;
      }
      if (++pos == capacity_) pos = 0;
    }
  }

  void Grow() {
    std::uint32_t new_capacity = capacity_ < 16 ? 16 : capacity_ + capacity_ / 2;
    std::unique_ptr<Entry[]> old = std::move(entries_);
    std::uint32_t old_capacity = capacity_;
    entries_.reset(new Entry[new_capacity]);
    for (std::uint32_t i = 0; i < new_capacity; ++i) entries_[i].block = kEmptyKey;
    capacity_ = new_capacity;
    for (std::uint32_t i = 0; i < old_capacity; ++i) {
      if (old[i].block != kEmptyKey) Place(old[i]);
    }
  }

  std::unique_ptr<Entry[]> entries_;
  std::uint32_t capacity_ = 0;
  std::uint32_t size_ = 0;
};

}  // namespace vsssim::storage

#endif  // VSSSIM_SIM_STORAGE_DIFF_MAP_H_
