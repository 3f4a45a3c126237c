// <volume name="C:" host-dir="DIR"/>: a volume whose files are a real directory's
// (storage/host_directory.h, docs/scenario-format.md "volume"). A relative DIR is relative to
// the scenario file's folder; the directory must exist and be readable when the scenario is
// loaded (file:line error otherwise, exit 2).
#include <filesystem>
#include <system_error>
#include <utility>

#include "sim/scenario/load.h"
#include "vsssim/scenario/values.h"

namespace vsssim::scenario::internal {

namespace fs = std::filesystem;

void ReadHostDirVolume(const Element& e, Volume v, Scenario* scenario) {
  // The directory's files are the volume: it has no simulated size or blocks to set.
  for (const char* attribute : {"size", "block-size"}) {
    if (e.Has(attribute)) {
      e.AttrError(attribute,
                  "a volume on a host directory (host-dir) holds the directory's "
                  "files and has no " +
                      std::string(attribute));
    }
  }
  const std::string text = *e.Attr("host-dir");
  v.host_dir_where = e.where("host-dir");
  if (text.empty()) {
    e.AttrError("host-dir", "must name a directory");
  } else {
    std::error_code error;
    fs::path dir = fs::absolute(fs::path(RelativeToFile(e.file(), text)), error);
    if (error) dir = fs::path(RelativeToFile(e.file(), text));
    dir = dir.lexically_normal();
    if (dir.filename().empty() && dir.has_parent_path() && dir != dir.root_path()) {
      dir = dir.parent_path();  // "/abs/DIR/" -> "/abs/DIR"
    }
    v.host_dir = dir.string();
  }
  scenario->volumes.push_back(std::move(v));
}

namespace {

std::string DirectoryProblem(const std::string& path) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (!fs::exists(status)) return "does not exist";
  if (!fs::is_directory(status)) return "is not a directory";
  fs::directory_iterator listing(path, error);
  if (error) return "cannot be read: " + error.message();
  return "";
}

}  // namespace

void CheckHostDirectories(const Scenario& scenario, const LoadOptions& options, Errors* errors) {
  for (const Volume& v : scenario.volumes) {
    if (v.host_dir.empty()) continue;
    const std::string problem = options.check_directory ? options.check_directory(v.host_dir)
                                                        : DirectoryProblem(v.host_dir);
    if (!problem.empty()) {
      errors->Add(v.host_dir_where,
                  "<volume> attribute host-dir: " + Quote(v.host_dir) + " " + problem);
    }
  }
}

}  // namespace vsssim::scenario::internal
