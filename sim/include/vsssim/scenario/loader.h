// The scenario loader: reads a scenario file (XML, or the same tree as JSON; see
// docs/scenario-format.md) into the scenario model (scenario.h), validating everything that
// can be checked without running it.
//
// Both formats are read into a Boost.Property_Tree of one shape (sim/scenario/scenario_tree.h); XML
// goes through tinyxml2 so that every element keeps its line. Errors are located:
//   "file:line: message"        (XML)
//   "file: element.path: message"   (JSON, where no line is known per element)
// and a syntax error is located too. Loading never crashes, never hangs and never silently
// defaults a value that is present but does not parse.
//
// Includes (<include file="..."/>) are resolved relative to the including file through
// LoadOptions::read_file, so tests can serve files from memory.
//
// Thread safety: the functions are reentrant; LoadOptions::read_file is called on the calling
// thread only.
#ifndef VSSSIM_SCENARIO_LOADER_H_
#define VSSSIM_SCENARIO_LOADER_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/scenario/scenario.h"
#include "vsssim/scenario/source_location.h"

namespace vsssim::scenario {

enum class Format {
  kAuto,  // by extension: ".json" is JSON, anything else XML
  kXml,
  kJson,
};

struct LoadOptions {
  // Reads a whole file; nullopt when it cannot be read. Default: the file system.
  std::function<std::optional<std::string>(const std::string& path)> read_file;
  // Why `path` (absolute) cannot be the directory of a <volume host-dir>: "does not exist",
  // "is not a directory", "cannot be read: ..."; empty when it can. Default: the file system.
  std::function<std::string(const std::string& path)> check_directory;
  // Largest file accepted (bigger files are an error before parsing).
  std::size_t max_file_bytes = 16u << 20;
  // Stop after this many errors (the first error is always the most precise).
  std::size_t max_errors = 20;
};

struct LoadResult {
  std::optional<Scenario> scenario;  // set exactly when errors is empty
  std::vector<Diagnostic> errors;

  bool ok() const { return errors.empty(); }
  // Every error, one "file:line: message" per line.
  std::string ErrorText() const;
};

// Loads the file at `path`. REQUIRES: nothing; a missing file is an error result.
LoadResult LoadScenarioFile(const std::string& path, const LoadOptions& options = {});

// Loads `text` as if it were the file `file_name` (used in messages and to resolve includes).
LoadResult LoadScenarioText(std::string_view text, const std::string& file_name,
                            Format format = Format::kAuto, const LoadOptions& options = {});

}  // namespace vsssim::scenario

#endif  // VSSSIM_SCENARIO_LOADER_H_
