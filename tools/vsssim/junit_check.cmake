# cmake -DVSSSIM=<exe> [-DEMULATOR=<wine>] -DFIXTURES=<dir> -DOUT=<file> -P junit_check.cmake
# `vsssim run --junit` writes one <testcase> per scenario: a pass and a caught failure.
file(REMOVE ${OUT})
execute_process(COMMAND ${EMULATOR} ${VSSSIM} run --junit ${OUT} ${FIXTURES}/bvt/full-backup.xml
                        ${FIXTURES}/negative/wrong-final-state.xml
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit 1 (one failure), got ${rc}")
endif()
file(READ ${OUT} xml)
foreach(pattern "<testsuite name=\"vsssim\" tests=\"2\" failures=\"1\" errors=\"0\">"
                "<testcase classname=\"vsssim.scenario\" name=\"full-backup\" file=\"[^\"]*full-backup.xml\"/>"
                "name=\"neg-wrong-final-state\"[^>]*>\n    <failure message=\"scenario failed \\(seed 803\\)\">")
  if(NOT xml MATCHES "${pattern}")
    message(FATAL_ERROR "JUnit report lacks ${pattern}:\n${xml}")
  endif()
endforeach()
