// Planted for check.layers_catch_upward_include: nothing in sim/ includes conformance/.
#include "vsssim/conformance/writer_suite.h"
