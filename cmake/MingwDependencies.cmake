# Dependencies of the mingw-w64 cross build, all from Debian (nothing downloaded from elsewhere,
# nothing vendored): ci/setup-mingw.sh prepares VSSSIM_MINGW_DEPS_DIR with
#   include/   symlinks to Debian's header-only Boost, CLI11, nlohmann-json and utfcpp headers
#   tinyxml2/  the tinyxml2 Debian source package, unpacked by `apt-get source`
# and GoogleTest is built from Debian's /usr/src/googletest.
# This file defines the same imported targets find_package gives the native build.
if(NOT IS_DIRECTORY "${VSSSIM_MINGW_DEPS_DIR}/include")
  message(FATAL_ERROR "VSSSIM_MINGW_DEPS_DIR (${VSSSIM_MINGW_DEPS_DIR}) is not prepared: "
                      "run ci/setup-mingw.sh")
endif()

add_library(vsssim_mingw_headers INTERFACE)
# SYSTEM: Boost's headers are not ours to keep warning-free.
target_include_directories(vsssim_mingw_headers SYSTEM INTERFACE "${VSSSIM_MINGW_DEPS_DIR}/include")
add_library(Boost::headers ALIAS vsssim_mingw_headers)
add_library(CLI11::CLI11 ALIAS vsssim_mingw_headers)
add_library(nlohmann_json::nlohmann_json ALIAS vsssim_mingw_headers)
add_library(vsssim_mingw_utf8cpp INTERFACE)
target_include_directories(vsssim_mingw_utf8cpp SYSTEM INTERFACE
                           "${VSSSIM_MINGW_DEPS_DIR}/include/utf8cpp")
add_library(utf8cpp ALIAS vsssim_mingw_utf8cpp)

file(GLOB vsssim_tinyxml2_source "${VSSSIM_MINGW_DEPS_DIR}/tinyxml2/tinyxml2.cpp")
if(NOT vsssim_tinyxml2_source)
  message(FATAL_ERROR "tinyxml2 sources missing in ${VSSSIM_MINGW_DEPS_DIR}/tinyxml2")
endif()
add_library(vsssim_tinyxml2 STATIC ${vsssim_tinyxml2_source})
target_include_directories(vsssim_tinyxml2 SYSTEM PUBLIC "${VSSSIM_MINGW_DEPS_DIR}/tinyxml2")
add_library(tinyxml2::tinyxml2 ALIAS vsssim_tinyxml2)

# Always: the conformance suites are GoogleTest programs (not only the tests).
set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
set(gtest_disable_pthreads OFF CACHE BOOL "" FORCE)
add_subdirectory(/usr/src/googletest "${CMAKE_BINARY_DIR}/googletest" EXCLUDE_FROM_ALL)
# GoogleTest 1.12 defines the GTest:: aliases itself.
foreach(lib gtest gtest_main gmock gmock_main)
  if(NOT TARGET GTest::${lib})
    add_library(GTest::${lib} ALIAS ${lib})
  endif()
endforeach()
