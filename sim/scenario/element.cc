#include "sim/scenario/element.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "sim/scenario/scenario_tree.h"

namespace vsssim::scenario::internal {

using boost::property_tree::ptree;

void Errors::Add(const SourceLocation& where, std::string message) {
  if (full()) return;
  list_.push_back(Diagnostic{where, std::move(message)});
}

Element::Element(const ptree& node, std::string name, std::string file, Errors* errors)
    : node_(&node), name_(std::move(name)), file_(std::move(file)), errors_(errors) {}

namespace {

// The line stored under "<line>" (digits only, written by the XML reader), or 0.
int LineOf(const ptree& node) {
  auto it = node.find(kLineKey);
  if (it == node.not_found()) return 0;
  int line = 0;
  for (char c : it->second.data()) {
    if (c < '0' || c > '9' || line > 100000000) return 0;
    line = line * 10 + (c - '0');
  }
  return line;
}

}  // namespace

SourceLocation Element::where() const {
  SourceLocation loc;
  loc.file = file_;
  loc.line = LineOf(*node_);
  auto path = node_->find(kPathKey);
  loc.path = path == node_->not_found() ? name_ : path->second.data();
  return loc;
}

SourceLocation Element::where(std::string_view attribute) const {
  SourceLocation loc = where();
  auto attributes = node_->find(kAttrKey);
  if (attributes == node_->not_found()) return loc;
  for (const auto& [name, value] : attributes->second) {
    if (name == attribute) {
      int line = LineOf(value);
      if (line > 0) loc.line = line;
      break;
    }
  }
  return loc;
}

std::optional<std::string> Element::Attr(std::string_view name) const {
  auto attributes = node_->find(kAttrKey);
  if (attributes == node_->not_found()) return std::nullopt;
  for (const auto& [key, value] : attributes->second) {
    if (key == name) return value.data();
  }
  return std::nullopt;
}

std::vector<std::string> Element::AttributeNames() const {
  std::vector<std::string> names;
  auto attributes = node_->find(kAttrKey);
  if (attributes == node_->not_found()) return names;
  for (const auto& entry : attributes->second) names.push_back(entry.first);
  return names;
}

std::vector<Element> Element::Children() const {
  std::vector<Element> children;
  for (const auto& [key, value] : *node_) {
    if (key == kAttrKey || key == kLineKey || key == kPathKey) continue;
    children.emplace_back(value, key, file_, errors_);
  }
  return children;
}

std::string Element::Text() const {
  std::string_view s = node_->data();
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

void Element::Error(std::string message) const {
  errors_->Add(where(), "<" + name_ + ">: " + std::move(message));
}

void Element::AttrError(std::string_view attribute, std::string message) const {
  errors_->Add(where(attribute),
               "<" + name_ + "> attribute " + std::string(attribute) + ": " + std::move(message));
}

void Element::BadValue(std::string_view attribute, std::string_view text, std::string_view expected,
                       const std::vector<std::string_view>& candidates) const {
  std::string message = Quote(text) + " is not " + std::string(expected);
  std::string_view hint = Suggest(text, candidates);
  if (!hint.empty()) message += "; did you mean \"" + std::string(hint) + "\"?";
  AttrError(attribute, std::move(message));
}

std::string Element::RequiredName(std::string_view attribute) const {
  std::optional<std::string> text = Attr(attribute);
  if (!text) return "";
  if (text->empty()) AttrError(attribute, "must not be empty");
  return *text;
}

bool Element::CheckShape(const ElementSpec& spec,
                         const std::vector<std::string_view>& extra) const {
  std::size_t before = errors_->count();
  std::vector<std::string_view> allowed = spec.required;
  allowed.insert(allowed.end(), spec.optional.begin(), spec.optional.end());
  allowed.insert(allowed.end(), extra.begin(), extra.end());
  std::set<std::string> seen;
  for (const std::string& name : AttributeNames()) {
    if (!seen.insert(name).second) {
      AttrError(name, "given twice");
    } else if (!spec.method_attributes &&
               std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string message = "unknown attribute " + Quote(name);
      std::vector<std::string_view> candidates = allowed;
      candidates.insert(candidates.end(), spec.children.begin(), spec.children.end());
      std::string_view hint = Suggest(name, candidates);
      // In JSON a misspelt child element arrives as an attribute: hint the element then.
      if (!hint.empty() && std::find(allowed.begin(), allowed.end(), hint) == allowed.end()) {
        message += "; did you mean the element <" + std::string(hint) + ">?";
      } else if (!hint.empty()) {
        message += "; did you mean " + std::string(hint) + "?";
      }
      errors_->Add(where(name), "<" + name_ + ">: " + message);
    }
  }
  for (std::string_view required : spec.required) {
    if (!Attr(required)) Error("missing required attribute " + std::string(required));
  }
  for (const Element& child : Children()) {
    if (IsChild(spec, child.name())) continue;
    std::string message = "<" + child.name() + "> is not allowed inside <" + name_ + ">";
    std::string_view hint = Suggest(child.name(), spec.children);
    if (!hint.empty()) message += "; did you mean <" + std::string(hint) + ">?";
    if (spec.children.empty()) message = "<" + name_ + "> has no child elements";
    errors_->Add(child.where(), std::move(message));
  }
  if (!spec.text && !Text().empty()) Error("holds no text (found " + Quote(Text()) + ")");
  return errors_->count() == before;
}

bool Element::CheckAtMostOne(std::string_view child) const {
  int count = 0;
  for (const Element& c : Children()) {
    if (c.name() == child && ++count == 2) {
      errors_->Add(c.where(), "<" + std::string(child) + "> given twice inside <" + name_ + ">");
      return false;
    }
  }
  return true;
}

}  // namespace vsssim::scenario::internal
