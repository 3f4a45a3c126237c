// Malformed input: each case gives a located error, never a crash (run under ASan too).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "sim/metadata/testing/sample_documents.h"
#include "sim/metadata/text_encoding.h"
#include "vsssim/metadata/xml_codec.h"
#include "vsssim/runtime/random.h"
#include "vsssim/vss/text.h"

namespace vsssim::metadata {
namespace {

const std::string kGood = testing::SqlServerLikeWmd(2);

// The first error, or an empty diagnostic.
Diagnostic FirstError(const std::vector<Diagnostic>& ds) {
  for (const Diagnostic& d : ds) {
    if (d.severity == Severity::kError) return d;
  }
  return {};
}

void ExpectLocatedError(const std::string& doc, int line, const std::string& words) {
  auto r = ReadWriterMetadataXml(doc, "bad.xml");
  EXPECT_FALSE(r.ok());
  Diagnostic e = FirstError(r.diagnostics);
  EXPECT_EQ(e.line, line) << e.ToString();
  EXPECT_NE(e.ToString().find(words), std::string::npos) << e.ToString();
  EXPECT_EQ(e.ToString().rfind("bad.xml:", 0), 0u) << e.ToString();
}

// Checks a truncated document is an error at the line where it ends (XML-02).
TEST(Metadata_Malformed, TruncatedDocument_XML_02) {
  for (std::size_t end : {kGood.find("</FILE_GROUP>"), kGood.find("filespec="), kGood.size() - 2}) {
    std::string cut = kGood.substr(0, end);
    int last_line = 1 + static_cast<int>(std::count(cut.begin(), cut.end(), '\n'));
    auto r = ReadWriterMetadataXml(cut, "bad.xml");
    EXPECT_FALSE(r.ok());
    Diagnostic e = FirstError(r.diagnostics);
    EXPECT_EQ(e.rule_id, "XML-02");
    EXPECT_GE(e.line, 1);
    EXPECT_LE(e.line, last_line) << e.ToString();
  }
}

// Checks a BCD given as a WMD (wrong root) names both roots.
TEST(Metadata_Malformed, WrongRoot_XML_02) {
  ExpectLocatedError("\n<BACKUP_COMPONENTS/>", 2, "expected <WRITER_METADATA>");
  ExpectLocatedError("<WRITER_METADATA/><WRITER_METADATA/>", 1, "second root");
  ExpectLocatedError("", 1, "empty document");
}

// Checks that a character reference to a lone surrogate or a non-character, and a raw
// U+FFFE, are XML-02 errors at their line: XML 1.0 does not allow them, and letting them in
// would make every JSON/JUnit writer downstream produce broken output (issue #23 item 1).
TEST(Metadata_Malformed, CharactersXmlForbidsAreRefused_XML_02) {
  std::string doc = kGood;
  const std::size_t at = doc.find("friendlyName=\"") + 14;
  std::string surrogate = doc;
  surrogate.insert(at, "&#xD800;");
  ExpectLocatedError(surrogate, 2, "U+D800 (a lone surrogate)");
  std::string noncharacter = doc;
  noncharacter.insert(at, "&#xFFFF;");
  ExpectLocatedError(noncharacter, 2, "U+FFFF is not a character XML 1.0 allows");
  std::string raw = doc;
  raw.insert(at, "\xEF\xBF\xBE");
  ExpectLocatedError(raw, 2, "U+FFFE is not a character XML 1.0 allows");
}

// Checks that a syntax error in a document with long multi-byte element names gives a short
// message that is valid UTF-8 (found by wmd_fuzz: tinyxml2 quotes the rest of the text cut at
// a byte count, which split a character and ran to the end of the document).
TEST(Metadata_Malformed, SyntaxErrorMessageIsShortValidText_XML_02) {
  std::string name;
  for (int i = 0; i < 200; ++i) name += "\xE5\xBD\xA2";  // U+5F62, three bytes each
  for (const std::string& doc :
       {"<BACKUP" + name + " a=\"b\"></BACKUP_X>", "<WRITER_METADATA" + name + " a=\"b\""}) {
    for (const std::string& bytes : {doc, internal::EncodeUtf16LE(doc, true)}) {
      auto r = ReadWriterMetadataXml(bytes, "bad.xml");
      ASSERT_FALSE(r.ok());
      const std::string message = FirstError(r.diagnostics).ToString();
      EXPECT_TRUE(vss::IsValidUtf8(message)) << message;
      EXPECT_LT(message.size(), 400u) << message;
      EXPECT_EQ(message.rfind("bad.xml:1: XML-02: ", 0), 0u) << message;
    }
  }
}

// Checks a bad GUID is an error on its line, not GUID_NULL.
TEST(Metadata_Malformed, BadGuid_XML_02) {
  std::string doc = kGood;
  doc.replace(doc.find("a65faa63"), 8, "a65faa6Z");
  ExpectLocatedError(doc, 2, "is not a GUID");
}

// Checks a bad mask or boolean is an error on its line (WMDX-02).
TEST(Metadata_Malformed, BadMaskAndBoolean_WMDX_02) {
  std::string doc = kGood;
  doc.replace(doc.find("3855"), 4, "38x5");
  int line = 1 + static_cast<int>(std::count(doc.begin(), doc.begin() + doc.find("38x5"), '\n'));
  ExpectLocatedError(doc, line, "WMDX-02");
  doc = kGood;
  doc.replace(doc.find("backupSchema=\"881\""), 18, "backupSchema=\"-1\"");
  ExpectLocatedError(doc, 1, "not an unsigned decimal");
  doc = kGood;
  doc.replace(doc.find("selectable=\"yes\""), 16, "selectable=\"maybe\"");
  ExpectLocatedError(doc, 5, "expected yes or no");
  doc = kGood;
  doc.replace(doc.find("filespecBackupType=\"3855\""), 25, "filespecBackupType=\"99999999999\"");
  ExpectLocatedError(doc, 6, "WMDX-02");
}

// Checks text in a wrong encoding (Latin-1 bytes) is refused with its line (WMDX-12).
TEST(Metadata_Malformed, WrongEncoding_WMDX_12) {
  std::string doc = kGood;
  doc.replace(doc.find("SqlServerWriter"), 3, "S\xE9r");
  ExpectLocatedError(doc, 2, "invalid UTF-8");
}

// Checks nesting deeper than tinyxml2's limit is an error, not a stack overflow. 100 MB of
// nesting (~8.7 million levels) is checked the same way: tinyxml2 stops at the depth limit, so
// the cost is the decoding of the input, not the depth.
TEST(Metadata_Malformed, DeepNestingIsAnError_XML_02) {
  std::string doc = "<WRITER_METADATA>";
  const std::string open = "<BACKUP_LOCATIONS>";
  doc.reserve(100u << 20);
  while (doc.size() < (100u << 20)) doc += open;
  auto r = ReadWriterMetadataXml(doc, "deep.xml");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(FirstError(r.diagnostics).message.find("nested deeper"), std::string::npos)
      << FirstError(r.diagnostics).ToString();
}

// Checks required identity and attribute values (missing friendlyName, unknown usage).
TEST(Metadata_Malformed, MissingRequiredAndUnknownValues_XML_02) {
  std::string doc = kGood;
  doc.replace(doc.find("friendlyName="), 13, "friendlyNam_=");
  ExpectLocatedError(doc, 2, "required attribute friendlyName");
  doc = kGood;
  doc.replace(doc.find("USER_DATA"), 9, "USER_DATUM");
  ExpectLocatedError(doc, 2, "not a known value");
  ExpectLocatedError("<WRITER_METADATA>\n</WRITER_METADATA>", 1, "no IDENTIFICATION");
}

// Mutation fuzzing with a fixed seed (deterministic): truncations, byte flips, deleted quotes
// and angle brackets, inserted bytes, UTF-16 re-encodings. Every result must be a document or
// at least one error located on a line of the input; nothing may crash (ASan build).
TEST(Metadata_Malformed, SeededMutationsNeverCrashAndErrorsAreLocated) {
  runtime::Random random(20261123);
  const std::string bcd = testing::SqlServerLikeBcd(2);
  int errors = 0, valid = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string doc = i % 2 == 0 ? kGood : bcd;
    int edits = 1 + static_cast<int>(random.Range(0, 3));
    for (int e = 0; e < edits && !doc.empty(); ++e) {
      std::size_t at = random.Range(0, doc.size() - 1);
      switch (random.Range(0, 5)) {
        case 0:
          doc.resize(at);
          break;
        case 1:
          doc[at] = static_cast<char>(random.Range(0, 255));
          break;
        case 2: {
          std::size_t q = doc.find('"', at);
          if (q != std::string::npos) doc.erase(q, 1);
          break;
        }
        case 3: {
          std::size_t q = doc.find_first_of("<>", at);
          if (q != std::string::npos) doc.erase(q, 1);
          break;
        }
        case 4:
          doc.insert(at, 1, "<>&\"'=/\0"[random.Range(0, 7)]);
          break;
        default:
          doc = ToUtf16LE(doc).substr(0, 2 + 2 * at);
          break;
      }
    }
    const int lines = 1 + static_cast<int>(std::count(doc.begin(), doc.end(), '\n'));
    auto check = [&](const auto& r) {
      if (r.ok()) {
        ++valid;
        return;
      }
      ++errors;
      Diagnostic d = FirstError(r.diagnostics);
      ASSERT_EQ(d.severity, Severity::kError);
      ASSERT_GE(d.line, 1) << "mutation " << i << ": " << d.ToString();
      ASSERT_LE(d.line, lines) << "mutation " << i << ": " << d.ToString();
      ASSERT_FALSE(d.message.empty());
    };
    check(ReadWriterMetadataXml(doc, "fuzz.xml"));
    check(ReadBackupComponentsXml(doc, "fuzz.xml"));
  }
  EXPECT_GT(errors, 1000);  // the mutations do break documents
  RecordProperty("valid_results", valid);
}

}  // namespace
}  // namespace vsssim::metadata
