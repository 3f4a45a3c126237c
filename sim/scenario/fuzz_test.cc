// A seeded random-mutation test over the valid example files: truncations, byte flips,
// attribute deletions, duplicated and swapped lines. Every mutant must either load or fail
// with a located error ("file:line: " or "file: path: "); nothing may crash, hang or throw.
// Deterministic: the seed is fixed, so a failure reproduces with the printed mutant number.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vsssim/runtime/random.h"
#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

constexpr std::uint64_t kSeed = 20261123;
constexpr int kMutantsPerFile = 300;

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Mutate(std::string text, runtime::Random& random) {
  if (text.empty()) return text;
  int edits = static_cast<int>(random.Range(1, 3));
  for (int i = 0; i < edits && !text.empty(); ++i) {
    std::size_t at = static_cast<std::size_t>(random.Uniform(text.size()));
    switch (random.Uniform(6)) {
      case 0:  // truncation
        text.resize(at);
        break;
      case 1:  // byte flip
        text[at] = static_cast<char>(text[at] ^ static_cast<char>(1u << random.Uniform(8)));
        break;
      case 2: {  // attribute deletion: from a space before '=' to the closing quote
        std::size_t eq = text.find("=\"", at);
        if (eq == std::string::npos) break;
        std::size_t start = text.rfind(' ', eq);
        std::size_t end = text.find('"', eq + 2);
        if (start == std::string::npos || end == std::string::npos || start < at / 2) break;
        text.erase(start, end + 1 - start);
        break;
      }
      case 3: {  // random byte inserted
        text.insert(at, 1, static_cast<char>(random.Uniform(256)));
        break;
      }
      case 4: {  // a line duplicated
        std::size_t begin = text.rfind('\n', at);
        begin = begin == std::string::npos ? 0 : begin + 1;
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) break;
        text.insert(end + 1, text.substr(begin, end + 1 - begin));
        break;
      }
      default: {  // a span deleted
        std::size_t length = static_cast<std::size_t>(random.Uniform(40)) + 1;
        text.erase(at, length);
        break;
      }
    }
  }
  return text;
}

// Checks that random mutants of every example load or fail with a located error.
TEST(Scenario_Fuzz, MutantsLoadOrFailWithALocation) {
  runtime::Random random(kSeed);
  const std::string dir = std::string(VSSSIM_FIXTURES_DIR);
  std::vector<std::filesystem::path> files;
  for (const char* sub : {"/examples", "/writers"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir + sub)) {
      std::string extension = entry.path().extension().string();
      if (extension == ".xml" || extension == ".json") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  int failed = 0;
  int loaded = 0;
  for (const auto& path : files) {
    std::string original = ReadAll(path);
    bool json = path.extension() == ".json";
    // The mutant keeps the example's directory so that its includes still resolve.
    std::string name = (path.parent_path() / (json ? "mutant.json" : "mutant.xml")).string();
    const std::regex with_line(
        "^" + std::regex_replace(name, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
        ":[1-9][0-9]*: \\S[^]*");
    for (int i = 0; i < kMutantsPerFile; ++i) {
      std::string mutant = Mutate(original, random);
      LoadResult r = LoadScenarioText(mutant, name);
      if (r.ok()) {
        ++loaded;
        continue;
      }
      ++failed;
      for (const Diagnostic& d : r.errors) {
        std::string text = d.ToString();
        // Errors inside an included library name that library instead.
        if (text.find("writers") != std::string::npos) continue;
        // "file:line: message", or for JSON "file: element.path: message".
        bool located = std::regex_match(text, with_line) ||
                       (json && d.where.line == 0 && !d.where.path.empty() &&
                        text.rfind(name + ": " + d.where.path + ": ", 0) == 0);
        ASSERT_TRUE(located) << path << " mutant " << i << ": " << text << "\n--- mutant ---\n"
                             << mutant;
      }
    }
  }
  RecordProperty("loaded", loaded);
  RecordProperty("failed", failed);
  EXPECT_GT(failed, 0);
  EXPECT_GT(loaded, 0);  // some mutations are harmless (inside descriptions, comments)
}

}  // namespace
}  // namespace vsssim::scenario
