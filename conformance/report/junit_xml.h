// Writes a ReportRecord as JUnit XML in the shape GitLab and Jenkins show: one <testcase> per
// case with at most ONE result element — <failure type="RULE-ID" message="RULE-ID: expected
// ..., actual ...">, <error type="exception" ...> or <skipped message="reason"/> — whose body
// holds the rest (replay line, seed, trace excerpt, further problems of the same case). Every
// string passes through XmlSafeText, so any bytes give a well-formed document.
//
// Thread safety: pure function.
#ifndef VSSSIM_CONFORMANCE_REPORT_JUNIT_XML_H_
#define VSSSIM_CONFORMANCE_REPORT_JUNIT_XML_H_

#include <string>

#include "conformance/report/junit_record.h"

namespace vsssim::conformance::report {

std::string JUnitXml(const ReportRecord& record);

}  // namespace vsssim::conformance::report

#endif  // VSSSIM_CONFORMANCE_REPORT_JUNIT_XML_H_
