# cmake [-DEMULATOR=<wine>] -DSUITE=<exe> -DCHECKER=<exe> -DTABLE=<expected_failures.txt> -DOUT=<junit.xml>
#       -P run_suite_check.cmake
# Runs the writer suite over every example writer with --gtest_output=xml (the broken writers
# make it exit 1) and checks the JUnit report against the expected-failures table.
file(REMOVE ${OUT})
execute_process(COMMAND ${EMULATOR} ${SUITE} --gtest_output=xml:${OUT} --gtest_brief=1
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT EXISTS ${OUT})
  message(FATAL_ERROR "the suite wrote no JUnit report (exit ${rc}):\n${out}\n${err}")
endif()
execute_process(COMMAND ${EMULATOR} ${CHECKER} ${OUT} ${TABLE} RESULT_VARIABLE check_rc)
if(NOT check_rc EQUAL 0)
  message(FATAL_ERROR "the JUnit report does not match ${TABLE} (see above)")
endif()
