# The public target names (vsssim::sim, vsssim::conformance_writer, vsssim::testing, ...) and,
# unless VSSSIM_NO_INSTALL_RULES is set, the install rules and the CMake package that
# find_package(vsssim) reads (cmake/vsssimConfig.cmake.in). Include once, at the end of the
# top-level CMakeLists.txt, after every library is defined.
#
# Every library reachable from the roots below is installed and exported as vsssim::<name>,
# <name> being the target name without its "vsssim_" prefix (vsssim_storage ->
# vsssim::storage); the build-tree names (vsssim_storage, vsssim::vsssim_storage) stay.
include_guard(GLOBAL)

set(vsssim_package_roots vsssim_sim vsssim_writer_plugin vsssim_interpreter vsssim_rules
    vsssim_conformance_writer vsssim_testing vsssim_requester_plugin vsssim_conformance_requester
    vsssim_sdk vsssim_sdk_wmain vsssim_conformance_sdk_requester vsssim_conformance_sdk_writer)

# Adds to ${out} every non-imported library `target` links, transitively (itself included).
function(vsssim_collect_libraries target out)
  set(found ${${out}})
  if(NOT TARGET ${target})
    return()
  endif()
  get_target_property(aliased ${target} ALIASED_TARGET)
  if(aliased)
    set(target ${aliased})
  endif()
  get_target_property(imported ${target} IMPORTED)
  if(imported OR target IN_LIST found)
    return()
  endif()
  list(APPEND found ${target})
  get_target_property(type ${target} TYPE)
  set(deps "")
  if(NOT type STREQUAL "INTERFACE_LIBRARY")
    get_target_property(deps ${target} LINK_LIBRARIES)
  endif()
  get_target_property(interface_deps ${target} INTERFACE_LINK_LIBRARIES)
  foreach(dep IN LISTS deps interface_deps)
    if(dep MATCHES "^\\$<LINK_ONLY:([^>]+)>$")
      set(dep ${CMAKE_MATCH_1})
    endif()
    if(dep AND NOT dep MATCHES "\\$<" AND TARGET ${dep})
      vsssim_collect_libraries(${dep} found)
    endif()
  endforeach()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

set(vsssim_package_libraries "")
foreach(root IN LISTS vsssim_package_roots)
  vsssim_collect_libraries(${root} vsssim_package_libraries)
endforeach()

foreach(lib IN LISTS vsssim_package_libraries)
  string(REGEX REPLACE "^vsssim_" "" export_name ${lib})
  set_target_properties(${lib} PROPERTIES EXPORT_NAME ${export_name})
  if(NOT TARGET vsssim::${export_name})
    add_library(vsssim::${export_name} ALIAS ${lib})
  endif()
endforeach()

if(VSSSIM_NO_INSTALL_RULES)
  return()
endif()

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
set(vsssim_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/vsssim)

install(TARGETS ${vsssim_package_libraries} EXPORT vsssimTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET vsssim)
  set_target_properties(vsssim PROPERTIES EXPORT_NAME vsssim)
  install(TARGETS vsssim EXPORT vsssimTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
# Debug information is most of the installed size (static libraries built RelWithDebInfo:
# about 290 MB with it, and every plug-in and test executable linked from them carries it).
# It is stripped at install time unless asked for: -DVSSSIM_INSTALL_DEBUG_INFO=ON keeps it.
# `strip --strip-debug` keeps the symbol tables, so the libraries still link.
option(VSSSIM_INSTALL_DEBUG_INFO "Install the libraries and the tool with debug information" OFF)
if(NOT VSSSIM_INSTALL_DEBUG_INFO AND CMAKE_STRIP AND NOT MSVC)
  set(vsssim_installed_files "")
  foreach(lib IN LISTS vsssim_package_libraries)
    get_target_property(type ${lib} TYPE)
    if(type STREQUAL "STATIC_LIBRARY" OR type STREQUAL "SHARED_LIBRARY")
      list(APPEND vsssim_installed_files "${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:${lib}>")
    endif()
  endforeach()
  if(TARGET vsssim)
    list(APPEND vsssim_installed_files "${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:vsssim>")
  endif()
  install(CODE "
    foreach(file IN ITEMS ${vsssim_installed_files})
      if(NOT IS_ABSOLUTE \"\${file}\")
        set(file \"\${CMAKE_INSTALL_PREFIX}/\${file}\")
      endif()
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug \"\$ENV{DESTDIR}\${file}\"
                      RESULT_VARIABLE rc ERROR_VARIABLE err)
      if(NOT rc EQUAL 0)
        message(FATAL_ERROR \"strip --strip-debug \${file}: \${err}\")
      endif()
    endforeach()")
endif()
# Public headers only: sim/include and conformance/include hold nothing else.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/sim/include/ ${PROJECT_SOURCE_DIR}/conformance/include/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(EXPORT vsssimTargets NAMESPACE vsssim:: DESTINATION ${vsssim_cmake_dir})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/vsssimConfig.cmake.in
  ${PROJECT_BINARY_DIR}/vsssimConfig.cmake INSTALL_DESTINATION ${vsssim_cmake_dir})
# 0.x: a minor version may change the API, so a request for 0.1 accepts 0.1.* only.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/vsssimConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/vsssimConfig.cmake
              ${PROJECT_BINARY_DIR}/vsssimConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/VsssimConformance.cmake
        DESTINATION ${vsssim_cmake_dir})
