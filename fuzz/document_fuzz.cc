// libFuzzer harness: the WMD reader (-DVSSSIM_FUZZ_BCD=0) or the BCD reader (1) on any bytes
// (UTF-8 or UTF-16, as the readers detect), then every writer of what they read: the XML
// writer (whose output must read back), the JSON model (`show --json`) and the validator.
// Diagnostics and output must be valid text; nothing may crash, hang or exhaust memory.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "vsssim/metadata/model_json.h"
#include "vsssim/metadata/validate.h"
#include "vsssim/metadata/xml_codec.h"
#include "vsssim/vss/text.h"

#ifndef VSSSIM_FUZZ_BCD
#define VSSSIM_FUZZ_BCD 0
#endif

namespace {

void RequireText(const std::string& s) {
  if (!vsssim::vss::IsValidUtf8(s)) std::abort();
}

template <class Read, class Write, class Validate>
void Exercise(std::string_view bytes, Read read, Write write, Validate validate) {
  auto r = read(bytes, "fuzz.xml");
  for (const vsssim::metadata::Diagnostic& d : r.diagnostics) RequireText(d.ToString());
  if (!r.document) return;
  const std::string xml = write(*r.document);
  RequireText(xml);
  auto back = read(xml, "rewritten.xml");
  if (!back.document) std::abort();  // what we write, we read
  RequireText(vsssim::metadata::ToJson(*r.document));
  for (const vsssim::metadata::Diagnostic& d : validate(*r.document, "fuzz.xml")) {
    RequireText(d.ToString());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace m = vsssim::metadata;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (VSSSIM_FUZZ_BCD) {
    Exercise(bytes, m::ReadBackupComponentsXml, m::WriteBackupComponentsXml,
             m::ValidateBackupComponents);
  } else {
    Exercise(bytes, m::ReadWriterMetadataXml, m::WriteWriterMetadataXml, m::ValidateWriterMetadata);
  }
  return 0;
}
