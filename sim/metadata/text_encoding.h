// Turns the bytes of a saved WMD/BCD into UTF-8 for the XML parser. Windows saves these
// documents as UTF-8 or UTF-16 (WMDX-12), with or without a byte-order mark.
//
// Detection: a BOM (EF BB BF, FF FE, FE FF) decides; without one, a first byte pair of
// '<' 00 means UTF-16LE and 00 '<' UTF-16BE; anything else is UTF-8. UTF-8 input is
// validated; UTF-16 input is transcoded. Errors (odd length, unpaired surrogate, invalid
// UTF-8 sequence) carry the 1-based line where they occur. Internal to sim/metadata.
//
// Thread safety: pure functions.
#ifndef VSSSIM_SIM_METADATA_TEXT_ENCODING_H_
#define VSSSIM_SIM_METADATA_TEXT_ENCODING_H_

#include <string>
#include <string_view>

namespace vsssim::metadata::internal {

enum class TextEncoding { kUtf8, kUtf16LE, kUtf16BE };

struct DecodeResult {
  bool ok = false;
  TextEncoding encoding = TextEncoding::kUtf8;
  std::size_t bom_size = 0;  // bytes of BOM at the start of the input
  std::string utf8;          // the text without BOM, when ok (empty for UTF-8 input when !copy)
  int error_line = 0;        // when !ok
  std::string error;         // when !ok
};

// With copy = false, valid UTF-8 input is only checked: `utf8` stays empty and the text is
// bytes.substr(bom_size) (saves a copy of a multi-megabyte document).
DecodeResult DecodeToUtf8(std::string_view bytes, bool copy = true);

// UTF-16LE bytes with a BOM, for tests and for writing UTF-16 documents.
std::string EncodeUtf16LE(std::string_view utf8, bool with_bom);

}  // namespace vsssim::metadata::internal

#endif  // VSSSIM_SIM_METADATA_TEXT_ENCODING_H_
