# cmake -DVSSSIM=<vsssim> -DPLUGIN=<lib> -DNAME=<writer> -DCHECKER=<suite_junit_check>
#       -DTABLE=<expected_failures.txt> -DOUT=<prefix> [-DFILTER=<gtest filter>]
#       -P run_plugin_check.cmake
# The plug-in route of the suite's self-test: `vsssim conform --writer-plugin` on one example
# writer's plug-in, its JUnit report checked against that writer's line of the table.
file(REMOVE ${OUT}.xml)
set(args --writer-plugin ${PLUGIN} --name ${NAME} --junit ${OUT}.xml)
if(FILTER)  # "*.Check:*.Other" -> "WriterConformance/<name>.Check:..."
  string(REPLACE ":" ";" checks "${FILTER}")
  set(filter "")
  foreach(check ${checks})
    string(REPLACE "*." "WriterConformance/${NAME}." check "${check}")
    list(APPEND filter ${check})
  endforeach()
  string(REPLACE ";" ":" filter "${filter}")
  list(APPEND args --filter ${filter})
endif()
execute_process(COMMAND ${VSSSIM} conform ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
message("${out}")
if(NOT rc MATCHES "^[01]$" OR NOT EXISTS ${OUT}.xml)
  message(FATAL_ERROR "vsssim conform exit ${rc}, no report:\n${err}")
endif()
# This writer's line of the table only (the checker wants every listed writer in the report).
file(STRINGS ${TABLE} lines REGEX "^${NAME}[ \t]")
if(NOT lines)
  message(FATAL_ERROR "${TABLE}: no line for ${NAME}")
endif()
file(WRITE ${OUT}.table "${lines}\n")
execute_process(COMMAND ${CHECKER} ${OUT}.xml ${OUT}.table RESULT_VARIABLE check_rc)
if(NOT check_rc EQUAL 0)
  message(FATAL_ERROR "the JUnit report of ${NAME} does not match ${TABLE} (see above)")
endif()
