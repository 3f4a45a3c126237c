#include "sim/metadata/xml_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "sim/metadata/text_encoding.h"
#include "vsssim/vss/text.h"

namespace vsssim::metadata::internal {
namespace {

std::string Describe(tinyxml2::XMLError error) {
  using namespace tinyxml2;
  switch (error) {
    case XML_ERROR_EMPTY_DOCUMENT:
      return "empty document (no root element)";
    case XML_ERROR_PARSING_ELEMENT:
      return "malformed or unclosed element (truncated document?)";
    case XML_ERROR_PARSING_ATTRIBUTE:
      return "malformed attribute (missing quote, '=' or value?)";
    case XML_ERROR_MISMATCHED_ELEMENT:
      return "end tag does not match its start tag";
    case XML_ERROR_PARSING_TEXT:
      return "malformed text";
    case XML_ERROR_PARSING_CDATA:
      return "malformed CDATA section";
    case XML_ERROR_PARSING_COMMENT:
      return "malformed comment";
    case XML_ERROR_PARSING_DECLARATION:
      return "malformed XML declaration";
    case XML_ERROR_PARSING_UNKNOWN:
      return "malformed markup";
    case XML_ERROR_PARSING:
      return "the document ends before all its elements are closed (truncated?) or has "
             "malformed markup";
    case XML_ELEMENT_DEPTH_EXCEEDED:
      return "elements nested deeper than " + std::to_string(TINYXML2_MAX_ELEMENT_DEPTH) +
             " levels";
    default:
      return std::string("XML error ") + XMLDocument::ErrorIDToName(error);
  }
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

void ReadContext::Error(int line, std::string_view rule, std::string message) {
  diagnostics.push_back(
      Diagnostic{Severity::kError, file, line, std::string(rule), std::move(message)});
}

void ReadContext::Warning(int line, std::string_view rule, std::string message) {
  diagnostics.push_back(
      Diagnostic{Severity::kWarning, file, line, std::string(rule), std::move(message)});
}

// Every attribute value and text of `element` and below is text XML 1.0 allows, after the
// parser decoded character references; else an XML-02 error at the element's line.
static bool CheckDecodedText(const tinyxml2::XMLElement& element, ReadContext& ctx) {
  auto bad = [&](const char* value, const std::string& where) {
    if (value == nullptr) return false;
    std::optional<vss::TextProblem> p = vss::FindTextProblem(value);
    if (!p) return false;
    ctx.Error(element.GetLineNum(), "XML-02", p->what + " (character reference in " + where + ")");
    return true;
  };
  for (const tinyxml2::XMLAttribute* a = element.FirstAttribute(); a != nullptr; a = a->Next()) {
    if (bad(a->Value(), std::string("attribute ") + a->Name() + " of <" + element.Name() + ">")) {
      return false;
    }
  }
  for (const tinyxml2::XMLNode* n = element.FirstChild(); n != nullptr; n = n->NextSibling()) {
    if (const tinyxml2::XMLElement* child = n->ToElement()) {
      if (!CheckDecodedText(*child, ctx)) return false;
    } else if (n->ToText() != nullptr &&
               bad(n->Value(), std::string("the text of <") + element.Name() + ">")) {
      return false;
    }
  }
  return true;
}

bool ParseXml(std::string_view bytes, tinyxml2::XMLDocument& doc, ReadContext& ctx) {
  DecodeResult decoded = DecodeToUtf8(bytes, /*copy=*/false);
  if (!decoded.ok) {
    ctx.Error(decoded.error_line, "WMDX-12", decoded.error);
    return false;
  }
  const std::string_view text = decoded.encoding == TextEncoding::kUtf8
                                    ? bytes.substr(decoded.bom_size)
                                    : std::string_view(decoded.utf8);
  // XML 1.0 forbids NUL; tinyxml2 would stop at it silently.
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + nul, '\n'));
    ctx.Error(line, "XML-02", "NUL character in the document");
    return false;
  }
  // XML 1.0 Char: no other control characters, U+FFFE/U+FFFF or surrogates (vss/text.h).
  if (std::optional<vss::TextProblem> p = vss::FindTextProblem(text)) {
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + p->offset, '\n'));
    ctx.Error(line, "XML-02", p->what);
    return false;
  }
  tinyxml2::XMLError error = doc.Parse(text.data(), text.size());
  if (error != tinyxml2::XML_SUCCESS) {
    int line = doc.ErrorLineNum();
    std::string message = Describe(error);
    // tinyxml2 names the element it was reading: "...Line number=3: XMLElement name=B".
    std::string detail = doc.ErrorStr();
    if (std::size_t at = detail.find("name="); at != std::string::npos) {
      // tinyxml2 quotes the rest of the text from there, cut at a byte count: keep a short,
      // valid-UTF-8 name (found by wmd_fuzz: a cut multi-byte character made the message
      // invalid text, and the quote ran to the end of the document).
      std::string name = detail.substr(at + 5);
      const std::size_t end = name.find_first_of(" \t\r\n/>");
      if (end != std::string::npos) name.resize(end);
      if (name.size() > 64) {
        std::size_t cut = 64;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
        name = name.substr(0, cut) + "...";
      }
      message += " in <" + vss::ToValidText(name) + ">";
    }
    ctx.Error(line > 0 ? line : 1, "XML-02", message);
    return false;
  }
  if (doc.RootElement() == nullptr) {
    ctx.Error(1, "XML-02", "empty document (no root element)");
    return false;
  }
  if (const tinyxml2::XMLElement* second = doc.RootElement()->NextSiblingElement()) {
    ctx.Error(second->GetLineNum(), "XML-02",
              std::string("a second root element <") + second->Name() + "> after the first");
    return false;
  }
  // Character references are decoded by the parser: "&#xD800;" must not become text.
  return CheckDecodedText(*doc.RootElement(), ctx);
}

std::string SerializeElement(const tinyxml2::XMLElement& element) {
  tinyxml2::XMLPrinter printer(nullptr, /*compact=*/true);
  element.Accept(&printer);
  return std::string(printer.CStr(), static_cast<std::size_t>(printer.CStrSize() - 1));
}

const char* ElementReader::Find(const char* attr) {
  const char* value = element_.Attribute(attr);
  for (std::size_t i = 0; i < known_count_; ++i) {
    if (std::strcmp(known_[i], attr) == 0) return value;  // already counted
  }
  if (known_count_ < known_.size()) known_[known_count_++] = attr;
  found_ += value != nullptr ? 1 : 0;
  return value;
}

void ElementReader::Missing(const char* attr) {
  ctx_.Error(line(), "XML-02",
             std::string(name()) + ": required attribute " + attr + " is missing");
}

std::string ElementReader::String(const char* attr, bool required) {
  const char* text = Find(attr);
  if (text == nullptr) {
    if (required) Missing(attr);
    return {};
  }
  return text;
}

std::optional<std::string> ElementReader::OptionalString(const char* attr) {
  const char* text = Find(attr);
  if (text == nullptr) return std::nullopt;
  return std::string(text);
}

bool ElementReader::Bool(const char* attr, bool default_value, bool required) {
  const char* text = Find(attr);
  if (text == nullptr) {
    if (required) Missing(attr);
    return default_value;
  }
  if (EqualsIgnoreCase(text, "yes") || EqualsIgnoreCase(text, "true")) return true;
  if (EqualsIgnoreCase(text, "no") || EqualsIgnoreCase(text, "false")) return false;
  ctx_.Error(line(), "WMDX-02",
             std::string(name()) + ": attribute " + attr + "=\"" + text +
                 "\" is not a boolean (expected yes or no)");
  return default_value;
}

Guid ElementReader::GuidValue(const char* attr, bool required) {
  const char* text = Find(attr);
  if (text == nullptr) {
    if (required) Missing(attr);
    return Guid{};
  }
  if (auto g = Guid::Parse(text)) return *g;
  ctx_.Error(line(), "XML-02",
             std::string(name()) + ": attribute " + attr + "=\"" + text + "\" is not a GUID");
  return Guid{};
}

std::uint64_t ElementReader::Number(const char* attr, std::uint64_t default_value,
                                    std::uint64_t max_value) {
  const char* text = Find(attr);
  if (text == nullptr) return default_value;
  std::string_view t(text);
  int base = 10;
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
    base = 16;
    t.remove_prefix(2);
  }
  std::uint64_t value = 0;
  bool ok = !t.empty();
  for (char c : t) {
    int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : base == 16 && std::isxdigit(static_cast<unsigned char>(c))
                    ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                    : -1;
    if (digit < 0 || value > (max_value - static_cast<std::uint64_t>(digit)) / base) {
      ok = false;
      break;
    }
    value = value * base + static_cast<std::uint64_t>(digit);
  }
  if (!ok) {
    ctx_.Error(line(), "WMDX-02",
               std::string(name()) + ": attribute " + attr + "=\"" + text +
                   "\" is not an unsigned decimal number up to " + std::to_string(max_value));
    return default_value;
  }
  return value;
}

void ElementReader::Ignore(std::initializer_list<const char*> attrs) {
  for (const char* a : attrs) Find(a);
}

std::vector<std::pair<std::string, std::string>> ElementReader::UnknownAttributes() const {
  std::vector<std::pair<std::string, std::string>> unknown;
  int total = 0;
  for (const tinyxml2::XMLAttribute* a = element_.FirstAttribute(); a; a = a->Next()) ++total;
  if (total == found_) return unknown;  // the common case: every attribute was read
  const auto known_end = known_.begin() + static_cast<std::ptrdiff_t>(known_count_);
  for (const tinyxml2::XMLAttribute* a = element_.FirstAttribute(); a != nullptr; a = a->Next()) {
    auto is_name = [&](const char* k) { return std::strcmp(k, a->Name()) == 0; };
    if (std::find_if(known_.begin(), known_end, is_name) == known_end) {
      unknown.emplace_back(a->Name(), a->Value());
    }
  }
  return unknown;
}

std::string EncodeBase64(const std::vector<std::uint8_t>& bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t n = bytes[i] << 16;
    if (i + 1 < bytes.size()) n |= bytes[i + 1] << 8;
    if (i + 2 < bytes.size()) n |= bytes[i + 2];
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kBase64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kBase64[n & 63] : '=';
  }
  return out;
}

std::optional<std::vector<std::uint8_t>> DecodeBase64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i < text.size(); i += 4) {
    std::uint32_t n = 0;
    int pad = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      char c = text[i + k];
      const char* p = c == '\0' ? nullptr : std::strchr(kBase64, c);
      if (c == '=' && i + 4 == text.size() && k >= 2) {
        ++pad;
        n <<= 6;
        continue;
      }
      if (p == nullptr || pad > 0) return std::nullopt;
      n = (n << 6) | static_cast<std::uint32_t>(p - kBase64);
    }
    out.push_back(static_cast<std::uint8_t>(n >> 16));
    if (pad < 2) out.push_back(static_cast<std::uint8_t>(n >> 8));
    if (pad < 1) out.push_back(static_cast<std::uint8_t>(n));
  }
  return out;
}

}  // namespace vsssim::metadata::internal
