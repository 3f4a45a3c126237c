#include "vsssim/backup/data_image.h"

#include <algorithm>

#include "vsssim/metadata/file_semantics.h"
#include "vsssim/storage/path.h"

namespace vsssim::backup {
namespace {

std::string FirstDifference(const std::string& a, const std::string& b) {
  std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return "differs at byte " + std::to_string(i) + " (size " + std::to_string(a.size()) +
         " expected, " + std::to_string(b.size()) + " found)";
}

}  // namespace

DataImage CaptureImage(const std::vector<storage::FileView>& views) {
  DataImage image;
  for (const storage::FileView& view : views) {
    for (const storage::FileInfo& info : view.AllFiles()) {
      std::string bytes;
      if (view.ReadFile(info.path, &bytes).Succeeded()) {
        image.files[storage::FoldCase(info.path)] = {info.path, std::move(bytes)};
      }
    }
  }
  return image;
}

DataImage CaptureImage(const std::vector<const storage::ShadowCopy*>& shadow_copies) {
  std::vector<storage::FileView> views;
  for (const storage::ShadowCopy* s : shadow_copies) {
    if (s != nullptr) views.push_back(s->Files());
  }
  return CaptureImage(views);
}

std::vector<DataDifference> CompareWithLive(const DataImage& expected,
                                            const storage::VolumeManager& live,
                                            std::string_view directory, bool extra_files_differ) {
  std::vector<DataDifference> out;
  for (const auto& [key, file] : expected.files) {
    const auto& [path, bytes] = file;
    if (!metadata::PathAtOrBelow(path, directory)) continue;
    const storage::Volume* v = live.Find(path);
    std::string found;
    if (v == nullptr || v->ReadFile(path, &found).Failed()) {
      out.push_back({path, "missing"});
    } else if (found != bytes) {
      out.push_back({path, FirstDifference(bytes, found)});
    }
  }
  if (extra_files_differ) {
    const storage::Volume* v = live.Find(directory);
    if (v != nullptr) {
      for (const storage::FileInfo& info : v->Live().AllFiles()) {
        if (metadata::PathAtOrBelow(info.path, directory) &&
            expected.files.count(storage::FoldCase(info.path)) == 0) {
          out.push_back({info.path, "extra"});
        }
      }
    }
  }
  return out;
}

std::string Describe(const std::vector<DataDifference>& differences) {
  std::string text;
  for (const DataDifference& d : differences) text += d.path + ": " + d.what + "\n";
  return text;
}

}  // namespace vsssim::backup
