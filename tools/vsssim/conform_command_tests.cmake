# CTest tests of `vsssim conform --writer-plugin` (label "conform"): one test per exit code,
# on the plug-ins of conformance/plugin/testing and the example writer's plug-in.
set(check ${CMAKE_CURRENT_SOURCE_DIR}/conform_command_check.cmake)
set(out ${CMAKE_CURRENT_BINARY_DIR})
function(vsssim_conform_test name)
  cmake_parse_arguments(ARG "" "EXPECT_RC;EXPECT_OUTPUT;JUNIT_REGEX" "ARGS" ${ARGN})
  set(junit "")
  if(ARG_JUNIT_REGEX)
    set(junit ${out}/${name}.xml)
    list(APPEND ARG_ARGS --junit ${junit})
  endif()
  string(REPLACE ";" "|" args "${ARG_ARGS}")  # '|'-separated: one -D value
  add_test(NAME cli.conform_${name}
           COMMAND ${CMAKE_COMMAND} -DVSSSIM=$<TARGET_FILE:vsssim> "-DARGS=${args}"
                   -DEXPECT_RC=${ARG_EXPECT_RC} "-DEXPECT_OUTPUT=${ARG_EXPECT_OUTPUT}"
                   -DJUNIT=${junit} "-DJUNIT_REGEX=${ARG_JUNIT_REGEX}" -P ${check})
  set_tests_properties(cli.conform_${name} PROPERTIES LABELS "cli;conform" TIMEOUT 120)
endfunction()

add_test(NAME cli.conform_help COMMAND vsssim conform --help)
set_tests_properties(cli.conform_help PROPERTIES LABELS "cli;conform"
  PASS_REGULAR_EXPRESSION "--writer-plugin.*--writer-exec.*--writer-guard.*--junit.*--name.*--filter.*--warmup.*--between-steps")

# Exit 2, "file: what is wrong": the file, the library, the symbols, the ABI version.
vsssim_conform_test(missing_file_is_bad_input EXPECT_RC 2
  ARGS --writer-plugin ${out}/no-such-plugin.so
  EXPECT_OUTPUT "no-such-plugin.so: no such file")
vsssim_conform_test(not_a_library_is_bad_input EXPECT_RC 2
  ARGS --writer-plugin ${CMAKE_CURRENT_SOURCE_DIR}/main.cc
  EXPECT_OUTPUT "main.cc: cannot load the library: ")
vsssim_conform_test(missing_symbol_is_bad_input EXPECT_RC 2
  ARGS --writer-plugin $<TARGET_FILE:vsssim_test_not_a_plugin>
  EXPECT_OUTPUT ": not a vsssim writer plug-in: it does not export vsssim_writer_plugin_abi_version")
vsssim_conform_test(missing_create_is_bad_input EXPECT_RC 2
  ARGS --writer-plugin $<TARGET_FILE:vsssim_test_no_create_plugin>
  EXPECT_OUTPUT ": not a vsssim writer plug-in: it does not export vsssim_create_writer")
vsssim_conform_test(unlinked_plugin_says_what_to_link EXPECT_RC 2
  ARGS --writer-plugin $<TARGET_FILE:vsssim_test_unlinked_plugin>
  EXPECT_OUTPUT ": cannot load the library: undefined symbol vsssim::[^\n]*: the plug-in was built without vsssim's libraries; link it with vsssim::writer_plugin")
vsssim_conform_test(wrong_abi_is_bad_input EXPECT_RC 2
  ARGS --writer-plugin $<TARGET_FILE:vsssim_test_wrong_abi_plugin>
  EXPECT_OUTPUT ": plug-in ABI version 99, this vsssim supports 1")
vsssim_conform_test(bad_name_is_bad_input EXPECT_RC 2
  ARGS --writer-plugin $<TARGET_FILE:vsssim_test_good_plugin> --name "bad name"
  EXPECT_OUTPUT "--name bad name: use only letters, digits and '_'")
# Exit 0 / 1: the suite ran; the JUnit report names each check's rule.
if(TARGET vsssim_conformance_writer)
  vsssim_conform_test(example_writer_passes EXPECT_RC 0
    ARGS --writer-plugin $<TARGET_FILE:notes_writer_plugin>
    EXPECT_OUTPUT "PASSED"
    JUNIT_REGEX "<testcase name=\"[A-Za-z]+ \\[[A-Z0-9-]+\\][^\"]*\" classname=\"notes_writer_plugin\"")
  vsssim_conform_test(throwing_writer_breaks_wrt_ret_02 EXPECT_RC 1
    ARGS --writer-plugin $<TARGET_FILE:vsssim_test_throwing_plugin> --name Throwing
    EXPECT_OUTPUT "FAILED"
    JUNIT_REGEX "<testcase name=\"NoExceptionEscapes \\[WRT-RET-02\\][^\"]*\" classname=\"Throwing\"[^>]*>[^<]*<properties>([^<]*<property [^>]*/>)*[^<]*</properties>[^<]*<failure type=\"WRT-RET-02\" message=\"WRT-RET-02: expected ")
  # Application time (docs/conformance.md): durations, else bad input.
  vsssim_conform_test(warmup_not_a_duration_is_bad_input EXPECT_RC 2
    ARGS --writer-plugin $<TARGET_FILE:vsssim_test_good_plugin> --warmup soon
    EXPECT_OUTPUT "--warmup soon: not a duration")
  vsssim_conform_test(application_time_options_run EXPECT_RC 0
    ARGS --writer-plugin $<TARGET_FILE:vsssim_test_good_plugin> --warmup 5s
         --between-steps 250ms --filter "*.FullBackup"
    EXPECT_OUTPUT "PASSED")
  # The plug-in route's report read by a real JUnit consumer, as the gtest route's is
  # (conformance/examples/CMakeLists.txt).
  vsssim_add_junitparser_test(cli.conform_junit_reads_in_junitparser
    REPORT ${out}/conform-junitparser.xml
    COMMAND $<TARGET_FILE:vsssim> conform --writer-plugin $<TARGET_FILE:vsssim_test_throwing_plugin>
            --name Throwing --junit ${out}/conform-junitparser.xml
    CHECK_ARGS --rule-in-name --min-failures 1 --min-passed 10
    LABELS cli conform)
  vsssim_conform_test(filter_selecting_nothing_is_bad_input EXPECT_RC 2
    ARGS --writer-plugin $<TARGET_FILE:vsssim_test_good_plugin> --filter NoSuchCheck
    EXPECT_OUTPUT "--filter NoSuchCheck: selects none of the [0-9]+ checks")
endif()

# Each check in a process of its own (conform_isolated.h, issue #23 item 5): a plug-in that
# aborts, exits or loops in OnFreeze fails the checks that reach Freeze with WRT-TIME-05 and
# what happened, the other checks still pass, and the JUnit report has every check. POSIX
# hosts only (the Windows build runs plug-ins in-process).
if(TARGET vsssim_conformance_writer AND NOT WIN32)
  vsssim_conform_test(aborting_plugin_is_a_failed_check EXPECT_RC 1
    ARGS --writer-plugin $<TARGET_FILE:vsssim_test_abort_plugin> --name Aborting
    EXPECT_OUTPUT "\\[       OK \\] WriterConformance/Aborting.MetadataIsValid.*WRT-TIME-05: expected the writer to answer every event[^\n]*, actual the process running the check ended \\(killed by signal 6[^\n]*\n\\[  FAILED  \\] WriterConformance/Aborting.FullBackup\n.*\\[==========\\] 22 checks ran, each in a process of its own"
    JUNIT_REGEX "<testcase name=\"FullBackup \\[WRT-TIME-05\\] the process running the check\" classname=\"Aborting\"[^>]*>[^<]*<properties>[^<]*<property name=\"rule\" value=\"WRT-TIME-05\"/>[^<]*<property name=\"writer\" value=\"Aborting\"/>[^<]*</properties>[^<]*<failure type=\"WRT-TIME-05\" message=\"WRT-TIME-05: expected ")
  vsssim_conform_test(exiting_plugin_is_a_failed_check EXPECT_RC 1
    ARGS --writer-plugin $<TARGET_FILE:vsssim_test_exit_plugin> --name Exiting
         --filter "*.FullBackup:*.MetadataIsValid"
    EXPECT_OUTPUT "actual the process running the check ended \\(exit [0-9]+\\) before the check finished\n\\[  FAILED  \\] WriterConformance/Exiting.FullBackup"
    JUNIT_REGEX "<testsuites name=\"AllTests\" tests=\"2\" failures=\"1\"")
  vsssim_conform_test(looping_plugin_is_killed_at_the_check_timeout EXPECT_RC 1
    ARGS --writer-plugin $<TARGET_FILE:vsssim_test_loop_plugin> --name Looping
         --filter "*.FullBackup" --check-timeout 2s
    EXPECT_OUTPUT "actual the check ran longer than the check timeout \\(2000 ms of real time\\) and its process was killed"
    JUNIT_REGEX "<failure type=\"WRT-TIME-05\"")
  vsssim_conform_test(plugin_that_aborts_at_load_is_bad_input EXPECT_RC 2
    ARGS --writer-plugin $<TARGET_FILE:vsssim_test_load_plugin>
    EXPECT_OUTPUT "conform: no check could run: the process that loads the plug-in ended \\(killed by signal 6")
  vsssim_conform_test(in_process_runs_in_vsssim EXPECT_RC 0
    ARGS --writer-plugin $<TARGET_FILE:vsssim_test_good_plugin> --in-process --filter "*.FullBackup"
    EXPECT_OUTPUT "\\[==========\\] 1 test from 1 test suite ran")
  vsssim_conform_test(check_timeout_not_a_duration_is_bad_input EXPECT_RC 2
    ARGS --writer-plugin $<TARGET_FILE:vsssim_test_good_plugin> --check-timeout soon
    EXPECT_OUTPUT "--check-timeout soon: not a positive duration")
  vsssim_conform_test(in_process_with_writer_exec_is_bad_input EXPECT_RC 2
    ARGS --writer-exec true --in-process
    EXPECT_OUTPUT "--in-process and --check-timeout go with --writer-plugin or --requester-plugin")
endif()

# `--writer-exec` (writer processes, docs/serve.md; POSIX hosts only): a command that never
# says hello is bad input, said at once with how the process ended; misused options exit 2.
if(NOT WIN32)
  vsssim_conform_test(writer_exec_that_exits_is_bad_input EXPECT_RC 2
    ARGS --writer-exec "exit 3"
    EXPECT_OUTPUT "--writer-exec \"exit 3\": no hello within 10000 ms \\(the process ended: exit 3\\)")
  vsssim_conform_test(writer_exec_missing_command_is_bad_input EXPECT_RC 2
    ARGS --writer-exec "no-such-writer-command-17"
    EXPECT_OUTPUT "the process ended: exit 127")
  vsssim_conform_test(writer_guard_needs_writer_exec EXPECT_RC 2
    ARGS --writer-guard 5s
    EXPECT_OUTPUT "--writer-guard goes with --writer-exec")
  vsssim_conform_test(writer_guard_must_be_a_duration EXPECT_RC 2
    ARGS --writer-exec true --writer-guard soon
    EXPECT_OUTPUT "--writer-guard soon: not a positive duration")
endif()
