// A planted violation: check.no_wall_clock_catches_violation passes only if the check flags it.
#include <chrono>
auto Planted() { return std::chrono::steady_clock::now(); }
