// The cost of a host-directory volume's snapshot image (storage/host_directory.h,
// CloneHostTree): the tree of Arg MiB (files of 4 MiB) cloned by reflink where the file
// system has them, and by byte copy, in one run so the two compare. Counters: `s_per_GiB` is
// the time to image 1 GiB of file data, `reflinked` the share of files that were reflinked
// (0 on ext4 or tmpfs: there both rows are byte copies). Real time, not CPU time: the copy
// waits on the disk.
//
// The tree lives in the temporary directory (TMPDIR): put TMPDIR on XFS (mkfs.xfs -m
// reflink=1) or Btrfs for the reflink row to mean anything. VSSSIM_HOST_BENCH_MIB adds one
// more size (e.g. 1024) to the CI-sized ones. Figures go into closing notes; nothing asserts
// them.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "vsssim/storage/host_directory.h"

#if defined(_WIN32)
#include <process.h>
#else
#include <unistd.h>
#endif

namespace vsssim::storage {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kFileBytes = 4u << 20;

long ProcessId() {
#if defined(_WIN32)
  return static_cast<long>(_getpid());
#else
  return static_cast<long>(::getpid());
#endif
}

// A tree of `mib` MiB in files of 4 MiB (pseudo-random bytes, so no file system can
// deduplicate or compress them away), removed at destruction.
class Tree {
 public:
  explicit Tree(std::uint64_t mib)
      : root_(fs::temp_directory_path() /
              ("vsssim-host-bench-" + std::to_string(ProcessId()) + "-" + std::to_string(mib))) {
    fs::remove_all(root_);
    fs::create_directories(root_ / "volume" / "Data");
    std::vector<char> bytes(kFileBytes);
    std::uint32_t x = 2463534242u;
    const std::uint64_t files = mib * (1u << 20) / kFileBytes;
    for (std::uint64_t f = 0; f < files; ++f) {
      for (char& c : bytes) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x);
      }
      std::ofstream(root_ / "volume" / "Data" / ("f" + std::to_string(f) + ".dat"),
                    std::ios::binary)
          .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
#if !defined(_WIN32)
    ::sync();  // the tree on disk: FICLONE would otherwise first write back the fresh pages
#endif
  }
  ~Tree() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;

  std::string volume() const { return (root_ / "volume").string(); }
  std::string image() const { return (root_ / "image").string(); }

 private:
  fs::path root_;
};

void Clone(benchmark::State& state, HostCloneMode mode) {
  const std::uint64_t mib = static_cast<std::uint64_t>(state.range(0));
  Tree tree(mib);
  HostCloneStats stats;
  for (auto _ : state) {
    stats = HostCloneStats{};
    std::string error;
    if (!CloneHostTree(tree.volume(), tree.image(), mode, &stats, &error)) {
      state.SkipWithError(error.c_str());
      break;
    }
    state.PauseTiming();
    fs::remove_all(tree.image());
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stats.bytes));
  const double gib = static_cast<double>(stats.bytes) / (1u << 30);
  state.counters["s_per_GiB"] = benchmark::Counter(
      gib, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["reflinked"] = stats.files == 0 ? 0.0
                                                 : static_cast<double>(stats.reflinked_files) /
                                                       static_cast<double>(stats.files);
}

void BM_HostImageReflinkOrCopy(benchmark::State& state) {
  Clone(state, HostCloneMode::kReflinkOrCopy);
}
void BM_HostImageCopy(benchmark::State& state) { Clone(state, HostCloneMode::kCopyOnly); }

// 16 and 64 MiB: what CI affords; VSSSIM_HOST_BENCH_MIB adds a bigger tree.
void Sizes(benchmark::internal::Benchmark* b) {
  b->ArgName("MiB")->Arg(16)->Arg(64);
  if (const char* extra = std::getenv("VSSSIM_HOST_BENCH_MIB")) {
    const long mib = std::strtol(extra, nullptr, 10);
    if (mib > 0) b->Arg(mib);
  }
  b->Unit(benchmark::kMillisecond)->UseRealTime();  // I/O: the wall time is the cost
}

BENCHMARK(BM_HostImageReflinkOrCopy)->Apply(Sizes);
BENCHMARK(BM_HostImageCopy)->Apply(Sizes);

}  // namespace
}  // namespace vsssim::storage
