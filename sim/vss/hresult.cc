#include "vsssim/vss/hresult.h"

#include <cstdio>
#include <iterator>

#include "sim/vss/text.h"
#include "vsssim/vss/enum_table.h"

namespace vsssim {
namespace {

constexpr HResultEntry kTable[] = {
#define VSSSIM_HRESULT_ROW_(name, value, meaning) \
  {#name, HResult{static_cast<std::uint32_t>(value)}, meaning},
    VSSSIM_HRESULT_TABLE(VSSSIM_HRESULT_ROW_)
#undef VSSSIM_HRESULT_ROW_
};

const HResultEntry* Find(HResult hr) {
  for (const HResultEntry& e : kTable) {
    if (e.value == hr) return &e;
  }
  return nullptr;
}

}  // namespace

std::string_view NameOf(HResult hr) {
  const HResultEntry* e = Find(hr);
  return e ? e->name : std::string_view{};
}

std::string_view MeaningOf(HResult hr) {
  const HResultEntry* e = Find(hr);
  return e ? e->meaning : std::string_view{};
}

std::string ToString(HResult hr) {
  std::string_view name = NameOf(hr);
  if (!name.empty()) return std::string(name);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%08X", static_cast<unsigned>(hr.value));
  return buffer;
}

HResultText::HResultText(HResult hr) : name_(NameOf(hr)) {
  if (!name_.empty()) return;
  static constexpr char kDigits[] = "0123456789ABCDEF";
  hex_[0] = '0';
  hex_[1] = 'x';
  for (int i = 0; i < 8; ++i) hex_[2 + i] = kDigits[(hr.value >> (28 - 4 * i)) & 0xFu];
}

std::optional<HResult> ParseHResult(std::string_view text) {
  text = vss::internal::Trim(text);
  for (const HResultEntry& e : kTable) {
    if (vss::internal::EqualsIgnoreCase(e.name, text)) return e.value;
  }
  std::optional<std::int64_t> v = vss::internal::ParseInteger(text);
  if (!v) return std::nullopt;
  return HResult{static_cast<std::uint32_t>(*v)};
}

const HResultEntry* HResultTableBegin() { return std::begin(kTable); }
const HResultEntry* HResultTableEnd() { return std::end(kTable); }

}  // namespace vsssim
