# cmake -DROOT=<dir> -P no_wall_clock.cmake
# Fails if a C++ source under ROOT reads the wall clock or an unseeded random source.
# sim/platform/ is exempt: it talks to a real operating system.
# A line may opt out with the comment `wall-clock-ok: <reason>`.
if(NOT ROOT)
  message(FATAL_ERROR "ROOT is not set")
endif()
set(forbidden
  "system_clock" "steady_clock" "high_resolution_clock" "random_device"
  "[^_a-zA-Z]s?rand[ ]*\\(" "[^_a-zA-Z:.]time[ ]*\\([ ]*(NULL|nullptr|0)?[ ]*\\)"
  "gettimeofday" "clock_gettime" "GetTickCount" "QueryPerformanceCounter" "GetSystemTime"
  "std::this_thread::sleep" "usleep[ ]*\\(" "[^_a-zA-Z]sleep[ ]*\\(")
file(GLOB_RECURSE sources "${ROOT}/*.h" "${ROOT}/*.cc" "${ROOT}/*.cpp" "${ROOT}/*.hpp")
set(violations "")
foreach(source IN LISTS sources)
  if(source MATCHES "/platform/")
    continue()
  endif()
  file(STRINGS "${source}" lines)
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    if(line MATCHES "wall-clock-ok:")
      continue()
    endif()
    foreach(pattern IN LISTS forbidden)
      if(line MATCHES "${pattern}")
        string(APPEND violations "${source}:${number}: forbidden '${pattern}': ${line}\n")
      endif()
    endforeach()
  endforeach()
endforeach()
if(violations)
  message(FATAL_ERROR "wall clock or unseeded randomness in the simulator:\n${violations}")
endif()
message(STATUS "no wall clock or unseeded randomness in ${ROOT}")
