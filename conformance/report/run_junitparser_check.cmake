# cmake -DPYTHON=<python3> -DCHECK=<junitparser_check.py> -DREPORT=<xml> "-DCOMMAND=<a|b|...>"
#       ["-DCHECK_ARGS=<a|b|...>"] [-DEMULATOR=<wine>] -P run_junitparser_check.cmake
# Runs COMMAND (a test program that writes the JUnit report REPORT; its exit code does not
# matter: failing checks are the point), then reads REPORT with junitparser_check.py. Fails
# when no report was written, when Python or junitparser is missing (never passes without
# looking), or when the report does not hold what GitLab and Jenkins need.
if(NOT PYTHON OR NOT EXISTS "${PYTHON}")
  message(FATAL_ERROR "no python3 to run junitparser with (VSSSIM_JUNIT_PYTHON='${PYTHON}'): "
                      "install the Debian packages python3 and python3-junitparser (ci/setup.sh "
                      "does), or configure with -DVSSSIM_JUNIT_PYTHON=<python3 with junitparser>")
endif()
string(REPLACE "|" ";" COMMAND "${COMMAND}")
string(REPLACE "|" ";" CHECK_ARGS "${CHECK_ARGS}")
file(REMOVE "${REPORT}")
execute_process(COMMAND ${EMULATOR} ${COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT EXISTS "${REPORT}")
  string(REPLACE ";" " " command_line "${COMMAND}")
  message(FATAL_ERROR "${command_line}: wrote no JUnit report ${REPORT} (exit ${rc}):\n${out}\n"
                      "${err}")
endif()
execute_process(COMMAND "${PYTHON}" "${CHECK}" "${REPORT}" ${CHECK_ARGS}
                RESULT_VARIABLE check_rc OUTPUT_VARIABLE check_out ERROR_VARIABLE check_err)
if(check_rc EQUAL 3)
  message(FATAL_ERROR "cannot check ${REPORT}: ${check_err}")
elseif(NOT check_rc EQUAL 0)
  message(FATAL_ERROR "junitparser: ${REPORT} is not what CI servers need:\n${check_out}"
                      "${check_err}")
endif()
message(STATUS "${check_out}")
