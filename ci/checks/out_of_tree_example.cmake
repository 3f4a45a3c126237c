# The CI proof that the installed package works for a user (docs/conformance.md):
#   cmake -DBUILD_DIR=<vsssim build> -DEXAMPLE=<examples/out-of-tree-writer> -DWORK=<scratch dir>
#         -DGENERATOR=<gen> -DCXX=<compiler> -DBUILD_TYPE=<type> -DCTEST=<ctest>
#         [-DOBJDUMP=<objdump> -DDEBUG_INFO=<ON|OFF>] -P this file
# 1. cmake --install BUILD_DIR into WORK/prefix (a fresh, temporary prefix);
# 2. checks that no installed CMake file points back into the source or build tree, and (unless
#    DEBUG_INFO is ON) that no installed library or program carries debug information;
# 3. configures and builds the example with find_package(vsssim) against that prefix only;
# 4. runs its tests (the suite for NotesWriter, one CTest test per check);
# 5. runs the installed `vsssim conform --writer-plugin` on the example's plug-in, with a
#    JUnit report that must name each check's rule.
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (exit ${rc}):\n${ARGN}\n${out}\n${err}")
  endif()
  message(STATUS "${what}: ok")
  set(last_output "${out}${err}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK}")
set(prefix "${WORK}/prefix")
run("install" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

file(GLOB_RECURSE package_files "${prefix}/*.cmake")
get_filename_component(source_dir "${EXAMPLE}/../.." ABSOLUTE)
foreach(f IN LISTS package_files)
  file(READ "${f}" text)
  foreach(tree "${source_dir}/" "${BUILD_DIR}/")
    string(FIND "${text}" "${tree}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${f} refers to ${tree}: the package is not relocatable")
    endif()
  endforeach()
endforeach()

# VSSSIM_INSTALL_DEBUG_INFO=OFF (the default): `strip --strip-debug` ran at install time.
if(OBJDUMP AND NOT DEBUG_INFO)
  file(GLOB installed "${prefix}/lib/*.a" "${prefix}/bin/*")
  foreach(f IN LISTS installed)
    execute_process(COMMAND "${OBJDUMP}" -h "${f}" OUTPUT_VARIABLE sections ERROR_QUIET)
    if(sections MATCHES "\\.debug_info")
      message(FATAL_ERROR "${f} was installed with debug information (VSSSIM_INSTALL_DEBUG_INFO is OFF)")
    endif()
  endforeach()
  message(STATUS "installed without debug information")
endif()

run("configure the example" ${CMAKE_COMMAND} -S "${EXAMPLE}" -B "${WORK}/build" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
    "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
run("build the example" ${CMAKE_COMMAND} --build "${WORK}/build" -j 2)
run("test the example" ${CTEST} --test-dir "${WORK}/build" --output-on-failure -j 2)
if(NOT last_output MATCHES "100% tests passed, 0 tests failed out of ([0-9]+)")
  message(FATAL_ERROR "unexpected ctest summary:\n${last_output}")
endif()
message(STATUS "the example's suite: ${CMAKE_MATCH_1} checks passed")

file(GLOB plugin "${WORK}/build/*notes_writer_plugin*")
run("vsssim conform --writer-plugin" "${prefix}/bin/vsssim" conform --writer-plugin "${plugin}"
    --junit "${WORK}/report.xml")
file(READ "${WORK}/report.xml" xml)
if(NOT xml MATCHES "<testcase name=\"[^\"]+\"[^>]*>[^<]*<properties>[^<]*<property name=\"rule\" value=\"[A-Z0-9-]+\"")
  message(FATAL_ERROR "${WORK}/report.xml names no rule:\n${xml}")
endif()
message(STATUS "installed package: find_package, the CMake function and the plug-in all work")
