// The checks of the writer conformance suite, one function per GoogleTest test (suite.cc
// registers them per writer with their rule IDs; docs/conformance-suite.md describes each).
// Each builds fresh Worlds for the writer, drives it through the simulated coordinator and
// reports broken rules through the Reporter.
//
// Thread safety: call on the test thread only.
#ifndef VSSSIM_CONFORMANCE_WRITER_CHECKS_H_
#define VSSSIM_CONFORMANCE_WRITER_CHECKS_H_

#include "conformance/writer/report.h"
#include "vsssim/conformance/writer_suite.h"

namespace vsssim::conformance::checks {

// checks_identify.cc
void MetadataIsValid(const WriterUnderTest& writer, Reporter& report);
void IdentifyIsDeterministic(const WriterUnderTest& writer, Reporter& report);
void IdentifyInjectedAnywhere(const WriterUnderTest& writer, Reporter& report);
// checks_backup.cc
void FullBackup(const WriterUnderTest& writer, Reporter& report);
void CopyBackup(const WriterUnderTest& writer, Reporter& report);
void IncrementalBackup(const WriterUnderTest& writer, Reporter& report);
void DifferentialBackup(const WriterUnderTest& writer, Reporter& report);
void LogBackup(const WriterUnderTest& writer, Reporter& report);
// checks_abort.cc
void RequesterDeathAtEveryStep(const WriterUnderTest& writer, Reporter& report);
void AbortAtEveryPoint(const WriterUnderTest& writer, Reporter& report);
void RepeatedAbortIsIdempotent(const WriterUnderTest& writer, Reporter& report);
void FreezeWindowExpiry(const WriterUnderTest& writer, Reporter& report);
void QuiescentBetweenFreezeAndThaw(const WriterUnderTest& writer, Reporter& report);
// checks_findings.cc
void VetoUsesDocumentedCode(const WriterUnderTest& writer, Reporter& report);
void HandlerPlacement(const WriterUnderTest& writer, Reporter& report);
void ThreadRule(const WriterUnderTest& writer, Reporter& report);
void NoExceptionEscapes(const WriterUnderTest& writer, Reporter& report);
void VetoSetsWriterFailure(const WriterUnderTest& writer, Reporter& report);
void HandlersDoNotBlock(const WriterUnderTest& writer, Reporter& report);
// checks_reuse.cc
void ReuseAfterRequesterDeath(const WriterUnderTest& writer, Reporter& report);
void ReuseAfterAbort(const WriterUnderTest& writer, Reporter& report);
// checks_restore.cc
void RestoreFromFullBackup(const WriterUnderTest& writer, Reporter& report);

}  // namespace vsssim::conformance::checks

#endif  // VSSSIM_CONFORMANCE_WRITER_CHECKS_H_
