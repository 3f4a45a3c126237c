// The sample database writer (and one deliberately broken variant) for the writer conformance
// suite (vsssim/conformance/sdk_writer.h). Each function creates a writer with its own databases
// and starts it (Initialize + Subscribe), as the writer's application does.
#ifndef EXAMPLES_SDK_WRITER_SDK_WRITER_FACTORIES_H_
#define EXAMPLES_SDK_WRITER_SDK_WRITER_FACTORIES_H_

#include <memory>

#include "vsssim/conformance/sdk_writer.h"

// The sample writer over two databases (Orders, Customers).
std::unique_ptr<CVssWriter> CreateSampleDatabaseWriter();
// Broken on purpose: OnFreeze returns false without SetWriterFailure (WRT-RET-01).
std::unique_ptr<CVssWriter> CreateFreezeFalseWithoutFailureWriter();

#endif  // EXAMPLES_SDK_WRITER_SDK_WRITER_FACTORIES_H_
