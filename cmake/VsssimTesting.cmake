# vsssim_add_gtest(<name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>])
# Builds one GoogleTest executable and registers each of its tests with CTest.

# One precompiled header for every test executable (VSSSIM_PCH, default ON): GoogleTest,
# GoogleMock and the standard headers most tests include, compiled once by the small program
# vsssim_gtest_pch and reused by each test target (REUSE_FROM). Parsing <gtest/gtest.h> costs
# about 3 s of every test source on g++; with the header precompiled it is a fraction of that.
# REUSE_FROM needs the same compile flags, so vsssim_gtest_pch is made like a test executable
# (vsssim_target_defaults); extra -D definitions of a test (VSSSIM_SPEC_DIR, ...) are fine
# because the precompiled headers do not use them.
option(VSSSIM_PCH "Precompile the GoogleTest headers the test executables share" ON)
if(VSSSIM_PCH)
  set(vsssim_pch_main "${CMAKE_BINARY_DIR}/vsssim_gtest_pch_main.cc")
  file(CONFIGURE OUTPUT "${vsssim_pch_main}"
       CONTENT "// Generated: the owner of the tests' precompiled header.\nint main() { return 0; }\n")
  add_executable(vsssim_gtest_pch "${vsssim_pch_main}")
  vsssim_target_defaults(vsssim_gtest_pch)
  target_link_libraries(vsssim_gtest_pch PRIVATE GTest::gmock GTest::gtest)
  target_precompile_headers(vsssim_gtest_pch PRIVATE
    <gmock/gmock.h> <gtest/gtest.h>
    <algorithm> <cstdint> <functional> <map> <memory> <optional> <set> <sstream> <string>
    <string_view> <utility> <vector>)
endif()

function(vsssim_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  vsssim_target_defaults(${name})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gmock GTest::gtest_main)
  if(VSSSIM_PCH)
    target_precompile_headers(${name} REUSE_FROM vsssim_gtest_pch)
  endif()
  if(CMAKE_CROSSCOMPILING)
    # Under an emulator (wine) every start costs a second or so: one CTest test per
    # executable; GoogleTest still reports each failing case by name.
    add_test(NAME ${name} COMMAND ${name} --gtest_brief=1)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT 600)
  else()
    # PRE_TEST: tests are listed when CTest runs, not at build time.
    gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 120
                         PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()
