// Text that is always valid inside an XML 1.0 document, whatever bytes it came from. The JUnit
// report carries writer-controlled strings (file names, metadata, exception messages) that may
// hold invalid UTF-8 or control characters; XML cannot hold either, and one such byte makes the
// whole report unreadable for a CI server.
//
// Thread safety: pure functions.
#ifndef VSSSIM_CONFORMANCE_REPORT_XML_TEXT_H_
#define VSSSIM_CONFORMANCE_REPORT_XML_TEXT_H_

#include <string>
#include <string_view>

namespace vsssim::conformance::report {

// `bytes` as valid UTF-8 holding only characters XML 1.0 allows (tab, LF, CR, U+0020..U+D7FF,
// U+E000..U+FFFD, U+10000..U+10FFFF): every byte that is not part of such a character becomes
// the four characters "\xNN" (its value in hex), so nothing is lost silently. Escaping of
// '<', '&' and quotes is the XML writer's job (tinyxml2), not this function's.
std::string XmlSafeText(std::string_view bytes);

// The first line of `text` (up to the first CR or LF), for one-line attributes such as a
// failure's message; at most `max_bytes` bytes, cut at a character boundary with "..." added.
std::string FirstLine(std::string_view text, std::size_t max_bytes = 500);

}  // namespace vsssim::conformance::report

#endif  // VSSSIM_CONFORMANCE_REPORT_XML_TEXT_H_
