// Checks every HRESULT of ../shared/spec/CATALOGUE.md §1.10 against the vocabulary.
#include "vsssim/vss/hresult.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace vsssim {
namespace {

std::map<std::string, std::uint32_t> CatalogueHResults() {
  std::ifstream in(VSSSIM_SPEC_DIR "/CATALOGUE.md");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::map<std::string, std::uint32_t> out;
  std::istringstream lines(text);
  std::string line;
  bool in_section = false;
  const std::regex row(R"(^\| (0x[0-9A-F]{8}) \| ((?:VSS_[SE]_|S_)[A-Z_0-9]+) \|)");
  const std::regex generic(R"(\b(E_[A-Z]+) (0x[0-9A-F]{8}))");
  const std::regex asr(R"(([A-Z_0-9]+) ([0-9A-F]{2})\b)");
  while (std::getline(lines, line)) {
    if (line.rfind("### ", 0) == 0) in_section = line.rfind("### 1.10 ", 0) == 0;
    if (!in_section) continue;
    std::smatch m;
    if (std::regex_search(line, m, row)) {
      out[m[2]] = static_cast<std::uint32_t>(std::stoul(m[1], nullptr, 16));
    } else if (line.find("VSS_E_ASRERROR_*") != std::string::npos) {
      // "(DISK_ASSIGNMENT_FAILED 01, ...)": low byte of 0x800424xx.
      std::string list = line.substr(line.find('('));
      for (std::sregex_iterator it(list.begin(), list.end(), asr), end; it != end; ++it) {
        out["VSS_E_ASRERROR_" + (*it)[1].str()] =
            0x80042400u + static_cast<std::uint32_t>(std::stoul((*it)[2], nullptr, 16));
      }
    } else {
      for (std::sregex_iterator it(line.begin(), line.end(), generic), end; it != end; ++it) {
        out[(*it)[1]] = static_cast<std::uint32_t>(std::stoul((*it)[2], nullptr, 16));
      }
    }
  }
  return out;
}

TEST(Vocabulary_HResults, EveryCatalogueCodeIsDeclaredWithItsSdkValue) {
  auto expected = CatalogueHResults();
  if (expected.empty()) GTEST_SKIP() << "catalogue not found at " VSSSIM_SPEC_DIR;
  ASSERT_GT(expected.size(), 80u);
  for (const auto& [name, value] : expected) {
    auto parsed = ParseHResult(name);
    ASSERT_TRUE(parsed.has_value()) << name << " is not declared";
    EXPECT_EQ(parsed->value, value) << name;
  }
  // And the table holds nothing the catalogue does not list.
  std::size_t table_size = static_cast<std::size_t>(HResultTableEnd() - HResultTableBegin());
  EXPECT_EQ(table_size, expected.size());
}

TEST(Vocabulary_HResults, NamedConstantsHaveSdkValues) {
  EXPECT_EQ(hr::VSS_E_BAD_STATE.value, 0x80042301u);
  EXPECT_EQ(hr::VSS_E_WRITERERROR_RETRYABLE.value, 0x800423F3u);
  EXPECT_EQ(hr::VSS_E_WRITERERROR_TIMEOUT.value, 0x800423F2u);
  EXPECT_EQ(hr::VSS_S_ASYNC_PENDING.value, 0x00042309u);
  EXPECT_EQ(hr::E_INVALIDARG.value, 0x80070057u);
  EXPECT_EQ(hr::E_UNEXPECTED.value, 0x8000FFFFu);
  EXPECT_EQ(hr::S_FALSE.value, 1u);
  EXPECT_TRUE(hr::S_FALSE.Succeeded());
  EXPECT_TRUE(hr::VSS_S_ASYNC_FINISHED.Succeeded());
  EXPECT_TRUE(hr::VSS_E_BAD_STATE.Failed());
}

TEST(Vocabulary_HResults, ParsesNamesHexAndDecimal) {
  EXPECT_EQ(ParseHResult("VSS_E_BAD_STATE"), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(ParseHResult("vss_e_bad_state"), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(ParseHResult("0x80042301"), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(ParseHResult("2147754753"), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(ParseHResult("-2147212543"), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(ParseHResult("0"), hr::S_OK);
  EXPECT_FALSE(ParseHResult("VSS_E_NO_SUCH_THING").has_value());
  EXPECT_FALSE(ParseHResult("0x1FFFFFFFF").has_value());
  EXPECT_FALSE(ParseHResult("12abc").has_value());
}

TEST(Vocabulary_HResults, PrintsNamesOrHex) {
  EXPECT_EQ(ToString(hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS), "VSS_E_SNAPSHOT_SET_IN_PROGRESS");
  EXPECT_EQ(ToString(HResult{0x80041234}), "0x80041234");
  EXPECT_FALSE(MeaningOf(hr::VSS_E_BAD_STATE).empty());
  EXPECT_TRUE(MeaningOf(HResult{0x80041234}).empty());
  for (const HResultEntry* e = HResultTableBegin(); e != HResultTableEnd(); ++e) {
    EXPECT_EQ(ParseHResult(ToString(e->value)), e->value) << e->name;
  }
}

// Checks that the allocation-free HResultText prints exactly what ToString prints.
TEST(Vocabulary_HResults, TextWithoutAllocationMatchesToString) {
  for (const HResultEntry* e = HResultTableBegin(); e != HResultTableEnd(); ++e) {
    EXPECT_EQ(HResultText(e->value).view(), ToString(e->value));
  }
  for (std::uint32_t v : {0x00000000u, 0x80041234u, 0xFFFFFFFFu, 0x0000ABCDu}) {
    EXPECT_EQ(HResultText(HResult{v}).view(), ToString(HResult{v})) << v;
  }
}

}  // namespace
}  // namespace vsssim
