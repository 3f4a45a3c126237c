// A located view of one element of the scenario tree (scenario_tree.h) and the error list the
// loader fills. Element checks an element's shape against the schema (unknown or duplicate
// attributes and children, missing required attributes, with "did you mean" hints) and reads
// typed attributes, reporting a present-but-unparseable value as an error — never a default.
//
// Internal to sim/scenario. Thread safety: none needed (one loader call at a time).
#ifndef VSSSIM_SIM_SCENARIO_ELEMENT_H_
#define VSSSIM_SIM_SCENARIO_ELEMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/property_tree/ptree.hpp>

#include "sim/scenario/schema.h"
#include "vsssim/scenario/source_location.h"
#include "vsssim/scenario/values.h"

namespace vsssim::scenario::internal {

class Errors {
 public:
  explicit Errors(std::size_t max) : max_(max) {}
  void Add(const SourceLocation& where, std::string message);
  bool full() const { return list_.size() >= max_; }
  std::size_t count() const { return list_.size(); }
  std::vector<Diagnostic>& list() { return list_; }

 private:
  std::size_t max_;
  std::vector<Diagnostic> list_;
};

class Element {
 public:
  Element(const boost::property_tree::ptree& node, std::string name, std::string file,
          Errors* errors);

  const std::string& name() const { return name_; }
  const std::string& file() const { return file_; }
  SourceLocation where() const;
  // The attribute's own line when the reader knows it (XML), else the element's.
  SourceLocation where(std::string_view attribute) const;

  // Reports unknown/duplicate attributes and children and missing required attributes.
  // `extra` lists further allowed attributes. Returns false when it reported anything.
  bool CheckShape(const ElementSpec& spec, const std::vector<std::string_view>& extra = {}) const;
  // Reports a second child called `name` (for elements allowed at most once).
  bool CheckAtMostOne(std::string_view child) const;

  std::optional<std::string> Attr(std::string_view name) const;
  bool Has(std::string_view name) const { return Attr(name).has_value(); }
  // Attribute names in document order.
  std::vector<std::string> AttributeNames() const;
  std::vector<Element> Children() const;
  // The element's text, leading and trailing white space removed.
  std::string Text() const;

  Errors* errors() const { return errors_; }
  void Error(std::string message) const;
  void AttrError(std::string_view attribute, std::string message) const;

  // Reads attribute `attribute` with `parse` (text -> optional<T>) into *out. Absent: leaves
  // *out and returns true. Present but unparseable: reports "<element> attribute: "text" is not
  // `expected`" (with a hint from `candidates`) and returns false.
  template <class T, class Parse>
  bool Read(std::string_view attribute, Parse parse, std::string_view expected, T* out,
            const std::vector<std::string_view>& candidates = {}) const {
    std::optional<std::string> text = Attr(attribute);
    if (!text) return true;
    auto value = parse(*text);
    if (!value) {
      BadValue(attribute, *text, expected, candidates);
      return false;
    }
    *out = static_cast<T>(*value);
    return true;
  }
  // Reads a required non-empty text attribute (CheckShape reported a missing one).
  std::string RequiredName(std::string_view attribute) const;

  void BadValue(std::string_view attribute, std::string_view text, std::string_view expected,
                const std::vector<std::string_view>& candidates) const;

 private:
  const boost::property_tree::ptree* node_;
  std::string name_;
  std::string file_;
  Errors* errors_;
};

// Every name of enum E (the SDK names) plus `aliases`, for suggestions.
template <class E>
std::vector<std::string_view> EnumNames(std::vector<std::string_view> aliases = {}) {
  for (const auto& entry : vss::EnumInfo<E>::kEntries) aliases.push_back(entry.name);
  return aliases;
}

}  // namespace vsssim::scenario::internal

#endif  // VSSSIM_SIM_SCENARIO_ELEMENT_H_
