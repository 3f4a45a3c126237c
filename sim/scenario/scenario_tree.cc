#include "sim/scenario/scenario_tree.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include <tinyxml2.h>
#include <boost/property_tree/json_parser.hpp>

#include "sim/scenario/schema.h"
#include "vsssim/vss/text.h"

namespace vsssim::scenario::internal {
namespace {

using boost::property_tree::ptree;

Diagnostic Located(const std::string& file, int line, std::string message) {
  Diagnostic d;
  d.where.file = file;
  d.where.line = line > 0 ? line : 1;
  d.where.path = "";
  d.message = std::move(message);
  return d;
}

// The line of the first NUL byte, or 0 when there is none: tinyxml2 would silently stop there.
int LineOfNul(std::string_view text) {
  int line = 1;
  for (char c : text) {
    if (c == '\0') return line;
    if (c == '\n') ++line;
  }
  return 0;
}

// Scenario text must be text a VSS document may carry (vsssim/vss/text.h): valid UTF-8 of the
// characters XML 1.0 allows. The raw file first (a bad byte, with its line)...
std::optional<Diagnostic> CheckRawText(std::string_view text, const std::string& file) {
  std::optional<vss::TextProblem> problem = vss::FindTextProblem(text);
  if (!problem) return std::nullopt;
  const int line =
      1 + static_cast<int>(std::count(text.begin(), text.begin() + problem->offset, '\n'));
  return Located(file, line, problem->what + " (save the file as UTF-8)");
}

// ... then every name and value after the parser decoded it, which catches character
// references such as "&#xD800;" or "\uD800" (line of the element or attribute).
std::optional<Diagnostic> CheckDecodedText(const ptree& node, const std::string& file, int line) {
  auto it = node.find(kLineKey);
  if (it != node.not_found()) line = std::atoi(it->second.data().c_str());
  if (std::optional<vss::TextProblem> p = vss::FindTextProblem(node.data())) {
    return Located(file, line, p->what + " (in a value)");
  }
  for (const auto& [key, child] : node) {
    if (std::optional<vss::TextProblem> p = vss::FindTextProblem(key)) {
      return Located(file, line, p->what + " (in a name)");
    }
    if (std::optional<Diagnostic> d = CheckDecodedText(child, file, line)) return d;
  }
  return std::nullopt;
}

std::string ChildPath(const std::string& parent, const std::string& name, int index) {
  return parent + "." + name + "[" + std::to_string(index) + "]";
}

// ---------------------------------------------------------------------------- XML

struct XmlBuilder {
  const std::string& file;
  std::optional<Diagnostic> error;

  void Fail(int line, std::string message) {
    if (!error) error = Located(file, line, std::move(message));
  }

  // Converts `element` (at nesting `depth`, 1 for the root) into `out`.
  void Convert(const tinyxml2::XMLElement& element, const std::string& path, int depth,
               ptree* out) {
    if (depth > kMaxDepth) {
      Fail(element.GetLineNum(), "elements nested deeper than " + std::to_string(kMaxDepth));
      return;
    }
    out->push_back({kLineKey, ptree(std::to_string(element.GetLineNum()))});
    out->push_back({kPathKey, ptree(path)});
    if (element.FirstAttribute() != nullptr) {
      ptree& attributes = out->push_back({kAttrKey, ptree()})->second;
      for (const tinyxml2::XMLAttribute* a = element.FirstAttribute(); a != nullptr;
           a = a->Next()) {
        ptree& attribute = attributes.push_back({a->Name(), ptree(a->Value())})->second;
        attribute.push_back({kLineKey, ptree(std::to_string(a->GetLineNum()))});
      }
    }
    std::string text;
    std::map<std::string, int> seen;
    for (const tinyxml2::XMLNode* n = element.FirstChild(); n != nullptr; n = n->NextSibling()) {
      if (const tinyxml2::XMLElement* child = n->ToElement()) {
        std::string name = child->Name();
        int index = seen[name]++;
        ptree& converted = out->push_back({name, ptree()})->second;
        Convert(*child, ChildPath(path, name, index), depth + 1, &converted);
      } else if (const tinyxml2::XMLText* t = n->ToText()) {
        text += t->Value();
      } else if (n->ToComment() == nullptr) {
        Fail(n->GetLineNum(), "unexpected markup inside <" + std::string(element.Name()) + ">");
      }
    }
    out->data() = text;
  }
};

std::string XmlErrorMessage(const tinyxml2::XMLDocument& doc) {
  std::string detail = doc.ErrorStr() != nullptr ? doc.ErrorStr() : "";
  // tinyxml2 prefixes "Error=NAME ErrorID=N (0xN) Line number=N"; keep what follows.
  std::size_t colon = detail.find(": ", detail.find("Line number="));
  std::string message = "XML syntax error (";
  message += doc.ErrorName();
  message += ")";
  if (detail.find("Line number=") != std::string::npos && colon != std::string::npos) {
    message += ": " + detail.substr(colon + 2);
  }
  return message;
}

// ---------------------------------------------------------------------------- JSON

// Rejects nesting that would make Boost's recursive JSON parser run out of stack.
std::optional<Diagnostic> CheckJsonDepth(std::string_view text, const std::string& file) {
  int depth = 0;
  int line = 1;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '{' || c == '[') {
      if (++depth > 2 * kMaxDepth + 2) {
        return Located(file, line,
                       "JSON nested deeper than " + std::to_string(kMaxDepth) + " elements");
      }
    }
    if (c == '}' || c == ']') --depth;
  }
  return std::nullopt;
}

bool IsArray(const ptree& node) {
  if (node.empty()) return false;
  for (const auto& child : node) {
    if (!child.first.empty()) return false;
  }
  return true;
}

struct JsonNormaliser {
  const std::string& file;
  std::optional<Diagnostic> error;

  void Fail(const std::string& path, std::string message) {
    if (error) return;
    Diagnostic d;
    d.where.file = file;
    d.where.path = path;
    d.message = std::move(message);
    error = std::move(d);
  }

  // Adds child element `name` with JSON content `value` to `parent` (element `parent_name`).
  void AddChild(const std::string& parent_path, const std::string& name, const ptree& value,
                int depth, std::map<std::string, int>* seen, ptree* parent) {
    std::string path = ChildPath(parent_path, name, (*seen)[name]++);
    ptree& child = parent->push_back({name, ptree()})->second;
    Convert(value, name, path, depth, &child);
  }

  // Converts the JSON content `src` of element `name` into `out`.
  void Convert(const ptree& src, const std::string& name, const std::string& path, int depth,
               ptree* out) {
    out->push_back({kPathKey, ptree(path)});
    if (depth > kMaxDepth) {
      Fail(path, "elements nested deeper than " + std::to_string(kMaxDepth));
      return;
    }
    if (src.empty()) {
      out->data() = src.data();
      return;
    }
    if (IsArray(src)) {
      Fail(path, "a list is not an element: write the element as an object");
      return;
    }
    const ElementSpec* spec = FindElement(name);
    std::map<std::string, int> seen;
    for (const auto& [key, value] : src) {
      if (error) return;
      if (key == "#text") {
        if (!value.empty()) return Fail(path, "\"#text\" must be a string");
        out->data() = value.data();
      } else if (key == "#children") {
        if (!IsArray(value)) return Fail(path, "\"#children\" must be a list of objects");
        for (const auto& item : value) {
          if (item.second.size() != 1 || IsArray(item.second)) {
            return Fail(path, "each item of \"#children\" must be an object with one member");
          }
          const auto& [child_name, content] = item.second.front();
          AddChild(path, child_name, content, depth + 1, &seen, out);
        }
      } else if (key.empty() || key[0] == '<' || key[0] == '#') {
        return Fail(path, "unknown member \"" + key + "\"");
      } else if (IsArray(value)) {
        for (const auto& item : value) {
          if (item.second.empty() && spec != nullptr && !IsChild(*spec, key)) {
            return Fail(path, "attribute \"" + key + "\" cannot be a list");
          }
          AddChild(path, key, item.second, depth + 1, &seen, out);
        }
      } else if (!value.empty()) {
        AddChild(path, key, value, depth + 1, &seen, out);
      } else if (spec != nullptr && IsChild(*spec, key) && !IsAttribute(*spec, key)) {
        AddChild(path, key, value, depth + 1, &seen, out);
      } else {
        auto it = out->find(kAttrKey);
        ptree& attributes =
            it == out->not_found() ? out->push_front({kAttrKey, ptree()})->second : it->second;
        attributes.push_back({key, ptree(value.data())});
      }
    }
  }
};

}  // namespace

TreeResult ReadXmlTree(std::string_view text, const std::string& file) {
  TreeResult result;
  if (int line = LineOfNul(text)) {
    result.error = Located(file, line, "the file contains a NUL byte");
    return result;
  }
  if ((result.error = CheckRawText(text, file))) return result;
  tinyxml2::XMLDocument doc(/*processEntities=*/true, tinyxml2::PRESERVE_WHITESPACE);
  if (doc.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) {
    result.error = Located(file, doc.ErrorLineNum(), XmlErrorMessage(doc));
    return result;
  }
  XmlBuilder builder{file, std::nullopt};
  const tinyxml2::XMLElement* root = nullptr;
  for (const tinyxml2::XMLNode* n = doc.FirstChild(); n != nullptr; n = n->NextSibling()) {
    if (const tinyxml2::XMLElement* e = n->ToElement()) {
      if (root != nullptr) {
        builder.Fail(e->GetLineNum(),
                     "a second root element <" + std::string(e->Name()) + "> (a file holds one)");
        break;
      }
      root = e;
    } else if (n->ToUnknown() != nullptr) {
      builder.Fail(n->GetLineNum(), "DOCTYPE and other <! > markup are not allowed");
    } else if (n->ToText() != nullptr) {
      builder.Fail(n->GetLineNum(), "text outside the root element");
    }
  }
  if (root == nullptr && !builder.error) builder.Fail(1, "no root element");
  if (!builder.error) {
    ptree& converted = result.tree.push_back({root->Name(), ptree()})->second;
    builder.Convert(*root, root->Name(), 1, &converted);
  }
  result.error = std::move(builder.error);
  if (!result.error) result.error = CheckDecodedText(result.tree, file, 1);
  return result;
}

TreeResult ReadJsonTree(std::string_view text, const std::string& file) {
  TreeResult result;
  if (int line = LineOfNul(text)) {
    result.error = Located(file, line, "the file contains a NUL byte");
    return result;
  }
  if ((result.error = CheckRawText(text, file))) return result;
  if ((result.error = CheckJsonDepth(text, file))) return result;
  ptree json;
  try {
    std::istringstream in{std::string(text)};
    boost::property_tree::json_parser::read_json(in, json);
  } catch (const boost::property_tree::json_parser_error& e) {
    result.error = Located(file, static_cast<int>(e.line()), "JSON syntax error: " + e.message());
    return result;
  } catch (const std::exception& e) {
    result.error = Located(file, 1, std::string("JSON syntax error: ") + e.what());
    return result;
  }
  if (json.size() != 1 || IsArray(json)) {
    result.error = Located(file, 1,
                           "a JSON scenario is an object with one member, the root "
                           "element (e.g. {\"scenario\": {...}})");
    return result;
  }
  const auto& [name, content] = json.front();
  JsonNormaliser normaliser{file, std::nullopt};
  ptree& converted = result.tree.push_back({name, ptree()})->second;
  normaliser.Convert(content, name, name, 1, &converted);
  result.error = std::move(normaliser.error);
  if (!result.error) result.error = CheckDecodedText(result.tree, file, 1);
  return result;
}

}  // namespace vsssim::scenario::internal
