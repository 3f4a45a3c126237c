# cmake -DREGISTRY=<rules.tsv> -DSCAN=<dir>[,<dir>...] [-DSPEC=<spec dir>] -P check_rule_ids.cmake
# Fails when a file under a SCAN directory names a rule ID that the registry lacks, or (with
# SPEC) when a rule of the catalogue is missing from the registry.
#
# What counts as a rule ID: a token <PREFIX>-<digits> where PREFIX is one of the ID prefixes of
# the catalogue itself (SPEC/CATALOGUE.md and SPEC/SIM-RULES.md: REQ-ORDER, WRT-SEQ, CTX-NW,
# SIM-QUIESCE, ...), not preceded by a letter, digit, '_' or '-'. Without SPEC (or when the
# directory is missing) the prefixes come from the registry, which was made from the catalogue.
# Files: C++ sources and headers, CMake files, XML/JSON/Markdown fixtures. Anything under a
# directory named `planted` is skipped (the check's own planted violations). A line may opt out
# with the comment `rule-id-ok: <reason>` (e.g. a test about an unknown ID).
cmake_minimum_required(VERSION 3.25)
if(NOT REGISTRY OR NOT SCAN)
  message(FATAL_ERROR "check_rule_ids.cmake: REGISTRY and SCAN must be set")
endif()

# The lines of `text` as a list, one element per line (file(STRINGS) would split at ';' and
# merge at '[' ']'): those characters and '\' become '_', which no rule ID contains.
function(lines_of out text)
  foreach(special ";" "[" "]" "\\")
    string(REPLACE "${special}" "_" text "${text}")
  endforeach()
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The registry's IDs (first field of every non-comment line).
file(READ "${REGISTRY}" registry_text)
lines_of(registry_lines "${registry_text}")
set(known "")
foreach(line IN LISTS registry_lines)
  if(line MATCHES "^([A-Z][^\t]*)\t")
    list(APPEND known "${CMAKE_MATCH_1}")
  endif()
endforeach()

# The ID prefixes, from the catalogue's rule tables ("| ID | ..." rows) or from the registry.
set(prefix_source "")
set(ids_for_prefixes "")
if(SPEC AND EXISTS "${SPEC}/CATALOGUE.md")
  foreach(spec_file CATALOGUE.md SIM-RULES.md)
    if(EXISTS "${SPEC}/${spec_file}")
      file(READ "${SPEC}/${spec_file}" spec_text)
      lines_of(rows "${spec_text}")
      foreach(row IN LISTS rows)
        if(row MATCHES "^\\| ([A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]+) \\|")
          list(APPEND ids_for_prefixes "${CMAKE_MATCH_1}")
        endif()
      endforeach()
    endif()
  endforeach()
  set(prefix_source "${SPEC}")
else()
  set(ids_for_prefixes ${known})
  set(prefix_source "${REGISTRY} (no catalogue at '${SPEC}')")
endif()
set(prefixes "")
foreach(id IN LISTS ids_for_prefixes)
  string(REGEX REPLACE "-[0-9]+$" "" prefix "${id}")
  list(APPEND prefixes "${prefix}")
endforeach()
list(REMOVE_DUPLICATES prefixes)
if(NOT prefixes)
  message(FATAL_ERROR "no rule ID prefixes found in ${prefix_source}")
endif()
# Longest first, so that CTX-WRT is tried before CTX-W.
list(SORT prefixes ORDER DESCENDING)
string(JOIN "|" alternatives ${prefixes})
set(id_pattern "(${alternatives})-[0-9]+")
set(token_pattern "(^|[^A-Za-z0-9_-])${id_pattern}")

string(REPLACE "," ";" scan_dirs "${SCAN}")
set(violations "")
set(files_scanned 0)
set(ids_seen 0)
foreach(dir IN LISTS scan_dirs)
  file(GLOB_RECURSE files RELATIVE "${dir}"
       "${dir}/*.h" "${dir}/*.cc" "${dir}/*.cpp" "${dir}/*.hpp" "${dir}/*.cmake" "${dir}/*.in"
       "${dir}/CMakeLists.txt" "${dir}/*.xml" "${dir}/*.json" "${dir}/*.md")
  foreach(relative IN LISTS files)
    if(relative MATCHES "(^|/)planted/")
      continue()
    endif()
    set(path "${dir}/${relative}")
    math(EXPR files_scanned "${files_scanned} + 1")
    file(READ "${path}" content)
    string(REGEX MATCHALL "${token_pattern}" tokens "${content}")
    if(NOT tokens)
      continue()
    endif()
    set(unknown "")
    foreach(token IN LISTS tokens)
      string(REGEX MATCH "${id_pattern}" id "${token}")
      math(EXPR ids_seen "${ids_seen} + 1")
      if(NOT id IN_LIST known)
        list(APPEND unknown "${id}")
      endif()
    endforeach()
    if(NOT unknown)
      continue()
    endif()
    # Locate each unknown ID by line (and honour the opt-out comment).
    list(REMOVE_DUPLICATES unknown)
    lines_of(lines "${content}")
    set(number 0)
    foreach(line IN LISTS lines)
      math(EXPR number "${number} + 1")
      if(line MATCHES "rule-id-ok:")
        continue()
      endif()
      foreach(id IN LISTS unknown)
        if(line MATCHES "(^|[^A-Za-z0-9_-])${id}($|[^0-9])")
          string(APPEND violations "${path}:${number}: ${id} is not in the rule registry\n")
        endif()
      endforeach()
    endforeach()
  endforeach()
endforeach()

# The registry holds every rule of the catalogue: a rule added to the spec must be added to
# rules.tsv too (only when the catalogue was read).
if(SPEC AND EXISTS "${SPEC}/CATALOGUE.md")
  foreach(id IN LISTS ids_for_prefixes)
    if(NOT id IN_LIST known)
      string(APPEND violations "${SPEC}: ${id} is in the spec but not in ${REGISTRY}\n")
    endif()
  endforeach()
endif()

if(violations)
  # Plain message(): one unwrapped file:line per violation.
  message("${violations}")
  message(FATAL_ERROR "rule IDs missing from the registry (see the lines above): add each rule "
                      "to sim/rules/rules.tsv, or fix the ID")
endif()
list(LENGTH prefixes prefix_count)
list(LENGTH known known_count)
message(STATUS "${ids_seen} rule IDs in ${files_scanned} files, all among the ${known_count} "
               "registry rules (${prefix_count} ID prefixes from ${prefix_source})")
