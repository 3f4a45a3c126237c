# cmake -DVSSSIM=<exe> [-DEMULATOR=<wine>] -DARGS=<a|b|c> -DEXPECT_RC=<n> -DEXPECT_OUTPUT=<regex>
#       -P cli_expect.cmake
# Runs `vsssim ARGS...` ('|'-separated) and checks both its exit code and its output (stdout
# and stderr together): what PASS_REGULAR_EXPRESSION alone cannot do.
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND ${EMULATOR} ${VSSSIM} ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc STREQUAL EXPECT_RC)
  message(FATAL_ERROR "vsssim ${ARGS}: exit ${rc}, expected ${EXPECT_RC}\n${out}${err}")
endif()
if(NOT "${out}${err}" MATCHES "${EXPECT_OUTPUT}")
  message(FATAL_ERROR "vsssim ${ARGS}: output does not match '${EXPECT_OUTPUT}':\n${out}${err}")
endif()
