# cmake -DWINDOWS_TOOL=<vsssim.exe> -DEMULATOR=<wine64> -DFIXTURES=<dir> -P same_trace_across_platforms.cmake
# with VSSSIM_HOST_TOOL=<native vsssim> in the environment. SIM-DET-01: both must print the
# same trace, byte for byte, for every seed tried.
if(NOT DEFINED ENV{VSSSIM_HOST_TOOL} OR NOT EXISTS "$ENV{VSSSIM_HOST_TOOL}")
  message("SKIPPED: VSSSIM_HOST_TOOL does not name a native vsssim")
  return()
endif()
foreach(seed 1 2 3 42 1000)
  execute_process(COMMAND "$ENV{VSSSIM_HOST_TOOL}" demo --seed ${seed}
                  OUTPUT_VARIABLE linux RESULT_VARIABLE linux_rc)
  execute_process(COMMAND ${EMULATOR} "${WINDOWS_TOOL}" demo --seed ${seed}
                  OUTPUT_VARIABLE windows RESULT_VARIABLE windows_rc)
  # Windows console output may end lines in CRLF; the trace itself must not differ otherwise.
  string(REPLACE "\r\n" "\n" windows "${windows}")
  if(NOT linux_rc EQUAL 0 OR NOT windows_rc EQUAL 0)
    message(FATAL_ERROR "seed ${seed}: exit codes linux=${linux_rc} windows=${windows_rc}")
  endif()
  if(NOT linux STREQUAL windows)
    message(FATAL_ERROR "SIM-DET-01: seed ${seed} gives different traces\n--- linux\n${linux}\n--- windows\n${windows}")
  endif()
  string(REGEX MATCH "digest [0-9a-f]+" digest "${linux}")
  message(STATUS "seed ${seed}: ${digest} on both")
endforeach()

# Every bundled scenario (not the negative ones, which fail on purpose): `vsssim run` prints one
# line per scenario with its seed and trace digest; the two platforms must print the same.
file(GLOB_RECURSE scenarios "${FIXTURES}/bvt/*.xml" "${FIXTURES}/examples/*.xml"
     "${FIXTURES}/regression/*.xml" "${FIXTURES}/scenarios/*.xml")
list(SORT scenarios)
list(LENGTH scenarios count)
if(count LESS 20)
  message(FATAL_ERROR "only ${count} bundled scenarios found under ${FIXTURES}")
endif()
execute_process(COMMAND "$ENV{VSSSIM_HOST_TOOL}" run ${scenarios}
                OUTPUT_VARIABLE linux RESULT_VARIABLE linux_rc)
execute_process(COMMAND ${EMULATOR} "${WINDOWS_TOOL}" run ${scenarios}
                OUTPUT_VARIABLE windows RESULT_VARIABLE windows_rc)
string(REPLACE "\r\n" "\n" windows "${windows}")
if(NOT linux STREQUAL windows OR NOT linux_rc EQUAL windows_rc)
  message(FATAL_ERROR "SIM-DET-01: bundled scenarios differ (exit ${linux_rc} vs ${windows_rc})"
                      "\n--- linux\n${linux}\n--- windows\n${windows}")
endif()
string(REGEX MATCHALL "digest [0-9a-f]+" digests "${linux}")
list(LENGTH digests digest_count)
if(NOT digest_count EQUAL count)
  message(FATAL_ERROR "expected ${count} digests, got ${digest_count}:\n${linux}")
endif()
message(STATUS "${count} bundled scenarios: the same ${digest_count} digests on both")
