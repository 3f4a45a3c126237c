// A GUID as VSS uses it (writer class ids, instance ids, snapshot and snapshot-set ids).
// Stored as the 16 bytes of the Windows GUID structure's fields (Data1..Data4), compared by
// value. Text form: "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (lower case, as VSS writes it in
// XML documents); parsing also accepts braces and any letter case.
//
// Thread safety: a plain value type.
#ifndef VSSSIM_VSS_GUID_H_
#define VSSSIM_VSS_GUID_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace vsssim {

struct Guid {
  std::uint32_t data1 = 0;
  std::uint16_t data2 = 0;
  std::uint16_t data3 = 0;
  std::array<std::uint8_t, 8> data4{};

  bool IsNull() const { return *this == Guid{}; }
  // "e8132975-6f93-4464-a53e-1050253ae220"
  std::string ToString() const;
  // "{E8132975-6F93-4464-A53E-1050253AE220}", the form Windows tools print.
  std::string ToBracedString() const;
  // Accepts 36 hex-and-dash characters, optionally inside braces, any case.
  static std::optional<Guid> Parse(std::string_view text);

  friend bool operator==(const Guid& a, const Guid& b) {
    return a.data1 == b.data1 && a.data2 == b.data2 && a.data3 == b.data3 && a.data4 == b.data4;
  }
  friend bool operator!=(const Guid& a, const Guid& b) { return !(a == b); }
  friend bool operator<(const Guid& a, const Guid& b) {
    return std::tie(a.data1, a.data2, a.data3, a.data4) <
           std::tie(b.data1, b.data2, b.data3, b.data4);
  }
};

// GUID_NULL.
inline const Guid kGuidNull{};

// Guid::ToString() without allocating: the 36 characters held in the object, for trace
// attributes and XML written on every backup. `GuidText(id).view()` lives to the end of the
// full expression.
class GuidText {
 public:
  explicit GuidText(const Guid& guid);
  std::string_view view() const { return std::string_view(text_, sizeof text_); }

 private:
  char text_[36];
};

}  // namespace vsssim

#endif  // VSSSIM_VSS_GUID_H_
