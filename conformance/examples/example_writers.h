// Every example writer as a conformance::WriterUnderTest: the tutorial TinyStore writer and
// one deliberately broken writer per bug (broken_writers.h).
//
// Thread safety: pure function.
#ifndef VSSSIM_CONFORMANCE_EXAMPLES_EXAMPLE_WRITERS_H_
#define VSSSIM_CONFORMANCE_EXAMPLES_EXAMPLE_WRITERS_H_

#include <vector>

#include "vsssim/conformance/writer_suite.h"

namespace vsssim::examples {

std::vector<conformance::WriterUnderTest> ExampleWriters();

}  // namespace vsssim::examples

#endif  // VSSSIM_CONFORMANCE_EXAMPLES_EXAMPLE_WRITERS_H_
