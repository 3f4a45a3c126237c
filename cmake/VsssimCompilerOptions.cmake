# Compiler settings shared by every vsssim target: call vsssim_target_defaults(<target>).

# Applied to every target of the project.
function(vsssim_target_defaults target)
  target_compile_options(${target} PRIVATE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic>
    $<$<AND:$<CXX_COMPILER_ID:GNU,Clang>,$<BOOL:${VSSSIM_WERROR}>>:-Werror>
    $<$<CXX_COMPILER_ID:MSVC>:/W4 /permissive- /EHsc /utf-8>
    $<$<AND:$<CXX_COMPILER_ID:MSVC>,$<BOOL:${VSSSIM_WERROR}>>:/WX>)
  # Boost 1.74 headers that MSM pulls in warn about deprecated includes and global
  # placeholders; these two defines are Boost's documented way to opt in quietly.
  target_compile_definitions(${target} PRIVATE
    BOOST_BIND_GLOBAL_PLACEHOLDERS BOOST_ALLOW_DEPRECATED_HEADERS)
endfunction()

if(VSSSIM_SANITIZERS)
  add_compile_options(-fsanitize=${VSSSIM_SANITIZERS} -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${VSSSIM_SANITIZERS})
  # GCC's -Wmaybe-uninitialized is unreliable with sanitizer instrumentation (the GCC manual
  # says so); with -O1 it fires inside libstdc++'s <regex>. Sanitizer builds check memory at
  # run time instead; the normal builds keep the warning.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()

# VSSSIM_FUZZ: coverage instrumentation for libFuzzer in every library (the harnesses in
# fuzz/ link libFuzzer itself with -fsanitize=fuzzer); other programs run as usual.
if(VSSSIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "VSSSIM_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++ (the asan preset does)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# vsssim_add_library(<name> SOURCES <files...> [DEPS <targets...>])
# A static library of one simulator layer: public headers under sim/include, private headers
# by their path from the repository root ("sim/vss/text.h").
function(vsssim_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  add_library(vsssim::${name} ALIAS ${name})
  vsssim_target_defaults(${name})
  target_include_directories(${name}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/sim/include>
    PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()
