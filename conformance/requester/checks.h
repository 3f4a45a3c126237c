// The checks of the requester conformance suite, one function per GoogleTest test
// (requester_suite.cc registers them with their rules; docs/conformance-requester.md
// describes each). Each builds fresh RequesterWorlds with probe writers, runs the backup
// application in them and reports broken rules through the Reporter.
//
// Thread safety: call on the test thread only.
#ifndef VSSSIM_CONFORMANCE_REQUESTER_CHECKS_H_
#define VSSSIM_CONFORMANCE_REQUESTER_CHECKS_H_

#include "conformance/writer/report.h"
#include "vsssim/conformance/requester_suite.h"

namespace vsssim::conformance::requester_checks {

void FullBackup(const RequesterUnderTest& requester, Reporter& report);
void SlowWritersArePending(const RequesterUnderTest& requester, Reporter& report);
void SnapshotSetInProgress(const RequesterUnderTest& requester, Reporter& report);
void WriterFailureAtEachPhase(const RequesterUnderTest& requester, Reporter& report);
void RestoreDuties(const RequesterUnderTest& requester, Reporter& report);

}  // namespace vsssim::conformance::requester_checks

#endif  // VSSSIM_CONFORMANCE_REQUESTER_CHECKS_H_
