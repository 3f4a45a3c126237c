# cmake [-DEMULATOR=<wine>] -DCHECKER=<exe> -DTABLE=<expected_failures.txt> -DOUT_DIR=<dir>
#       (-DSUITE=<exe> | -DVSSSIM=<exe> -DPLUGINS=<Name=lib|Name=lib...>) -P run_check.cmake
# The gtest route runs SUITE (every example registered) with --gtest_output=xml; the plug-in
# route runs `vsssim conform --requester-plugin LIB --name Name --junit` per plug-in. Both
# then compare the JUnit reports with the expected-failures table.
file(MAKE_DIRECTORY ${OUT_DIR})
set(reports "")
if(SUITE)
  set(out ${OUT_DIR}/gtest-route.xml)
  file(REMOVE ${out})
  execute_process(COMMAND ${EMULATOR} ${SUITE} --gtest_output=xml:${out} --gtest_brief=1
                  RESULT_VARIABLE rc OUTPUT_VARIABLE text ERROR_VARIABLE err)
  if(NOT EXISTS ${out})
    message(FATAL_ERROR "the suite wrote no JUnit report (exit ${rc}):\n${text}\n${err}")
  endif()
  list(APPEND reports ${out})
else()
  string(REPLACE "|" ";" plugin_list "${PLUGINS}")
  foreach(pair IN LISTS plugin_list)
    string(REPLACE "=" ";" parts ${pair})
    list(GET parts 0 name)
    list(GET parts 1 lib)
    set(out ${OUT_DIR}/plugin-${name}.xml)
    file(REMOVE ${out})
    execute_process(COMMAND ${EMULATOR} ${VSSSIM} conform --requester-plugin ${lib} --name ${name}
                            --junit ${out}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE text ERROR_VARIABLE err)
    # 0: every check passed; 1: a rule is broken. Anything else is a broken run.
    if(NOT rc EQUAL 0 AND NOT rc EQUAL 1)
      message(FATAL_ERROR "vsssim conform --requester-plugin ${lib}: exit ${rc}\n${err}")
    endif()
    if(NOT EXISTS ${out})
      message(FATAL_ERROR "vsssim conform wrote no JUnit report for ${name} (exit ${rc})")
    endif()
    list(APPEND reports ${out})
  endforeach()
endif()
execute_process(COMMAND ${EMULATOR} ${CHECKER} ${TABLE} ${reports} RESULT_VARIABLE check_rc)
if(NOT check_rc EQUAL 0)
  message(FATAL_ERROR "the JUnit reports do not match ${TABLE} (see above)")
endif()
