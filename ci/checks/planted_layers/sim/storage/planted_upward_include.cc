// Planted for check.layers_catch_upward_include: storage may not reach the scenario layer.
#include "vsssim/scenario/loader.h"
