# cmake -DMODE=<cxx|md|md-check> -DDATA=<rules.tsv> [-DTEXT=<rule_text.tsv>] -DOUT=<file>
#       -P rules_codegen.cmake
# Turns the rule registry (rules.tsv, format in its header) into
#   cxx       the C++ table behind vsssim/rules/rules.h (sim/rules/rule_table.h); with TEXT,
#             each rule also carries the catalogue's whole text, section and sources
#             (rule_text.tsv, written by import_rule_text.py)
#   md        docs/rules.md
#   md-check  nothing; fails when OUT (the committed docs/rules.md) differs from what md writes
# Malformed input fails with <file>:<line>: <what>. Needs only CMake (no Python at build time).
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/VsssimWriteIfChanged.cmake)
foreach(var MODE DATA OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "rules_codegen.cmake: ${var} is not set")
  endif()
endforeach()

# CMake lists split on ';', group on '[' ']' and escape with '\': hide those characters while a
# line is a list element and put them back when writing.
# Stops with `text` on one unwrapped line (message(FATAL_ERROR) would wrap file:line).
function(rules_fail text)
  message("${text}")
  message(FATAL_ERROR "rules_codegen.cmake: malformed rule registry")
endfunction()

string(ASCII 1 kSemi)
string(ASCII 2 kOpen)
string(ASCII 3 kClose)
string(ASCII 4 kBackslash)
function(rules_unhide out text)
  string(REPLACE "${kSemi}" ";" text "${text}")
  string(REPLACE "${kBackslash}" "\\" text "${text}")
  string(REPLACE "${kOpen}" "[" text "${text}")
  string(REPLACE "${kClose}" "]" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The lines of file `path` as a list, with ';', '[', ']' and '\' hidden (rules_unhide).
function(rules_read_lines out path)
  file(READ "${path}" content)
  string(REPLACE "\\" "${kBackslash}" content "${content}")
  string(REPLACE ";" "${kSemi}" content "${content}")
  string(REPLACE "[" "${kOpen}" content "${content}")
  string(REPLACE "]" "${kClose}" content "${content}")
  string(REPLACE "\r" "" content "${content}")
  string(REPLACE "\n" ";" content "${content}")
  set(${out} "${content}" PARENT_SCOPE)
endfunction()

rules_read_lines(lines "${DATA}")

set(kLevels MUST SHOULD MAY VSS GAP)
set(ids "")
set(count 0)
set(number 0)
set(previous "")
foreach(line IN LISTS lines)
  math(EXPR number "${number} + 1")
  if(line STREQUAL "" OR line MATCHES "^#")
    continue()
  endif()
  string(REPLACE "\t" ";" fields "${line}")
  list(LENGTH fields n)
  if(NOT n EQUAL 5)
    rules_fail("${DATA}:${number}: expected 5 tab-separated fields (id level spec source text), found ${n}")
  endif()
  list(GET fields 0 id)
  list(GET fields 1 level)
  list(GET fields 2 spec)
  list(GET fields 3 source)
  list(GET fields 4 text)
  if(NOT id MATCHES "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]+$")
    rules_fail("${DATA}:${number}: '${id}' is not a rule ID (like WRT-IDENTIFY-03)")
  endif()
  if(NOT level IN_LIST kLevels)
    rules_fail("${DATA}:${number}: ${id}: unknown level '${level}' (MUST SHOULD MAY VSS GAP)")
  endif()
  if(NOT previous STREQUAL "" AND NOT previous STRLESS id)
    rules_fail("${DATA}:${number}: ${id} is not after ${previous}: sort by id, each id once")
  endif()
  foreach(field spec source text)
    if("${${field}}" STREQUAL "")
      rules_fail("${DATA}:${number}: ${id}: empty ${field}")
    endif()
  endforeach()
  set(previous "${id}")
  math(EXPR count "${count} + 1")
  list(APPEND ids "${id}")
  set(level_${id} "${level}")
  set(spec_${id} "${spec}")
  set(source_${id} "${source}")
  set(text_${id} "${text}")
endforeach()
if(count EQUAL 0)
  message(FATAL_ERROR "${DATA}: no rules")
endif()

# The catalogue's whole text of each rule (rule_text.tsv: id, section, text, sources). A rule
# the catalogue lacks (vsssim's own, e.g. SIM-WIRE-01) keeps its registry text.
if(DEFINED TEXT AND NOT TEXT STREQUAL "")
  rules_read_lines(text_lines "${TEXT}")
  set(number 0)
  foreach(line IN LISTS text_lines)
    math(EXPR number "${number} + 1")
    if(line STREQUAL "" OR line MATCHES "^#")
      continue()
    endif()
    string(REPLACE "\t" ";" fields "${line}")
    list(LENGTH fields n)
    if(NOT n EQUAL 4)
      rules_fail("${TEXT}:${number}: expected 4 tab-separated fields (id section text sources), found ${n}")
    endif()
    list(GET fields 0 id)
    list(GET fields 1 section)
    list(GET fields 2 full)
    list(GET fields 3 sources)
    set(section_${id} "${section}")
    set(full_${id} "${full}")
    set(sources_${id} "${sources}")
  endforeach()
endif()

function(rules_cxx_string out text)
  rules_unhide(text "${text}")
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  set(${out} "\"${text}\"" PARENT_SCOPE)
endfunction()

function(rules_md_cell out text)
  rules_unhide(text "${text}")
  string(REPLACE "&" "&amp;" text "${text}")
  string(REPLACE "<" "&lt;" text "${text}")
  string(REPLACE ">" "&gt;" text "${text}")
  string(REPLACE "|" "\\|" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "cxx")
  set(kLevelEnum_MUST kMust)
  set(kLevelEnum_SHOULD kShould)
  set(kLevelEnum_MAY kMay)
  set(kLevelEnum_VSS kVss)
  set(kLevelEnum_GAP kGap)
  set(body "")
  foreach(id IN LISTS ids)
    rules_cxx_string(text "${text_${id}}")
    rules_cxx_string(source "${source_${id}}")
    rules_cxx_string(spec "${spec_${id}}")
    if(DEFINED full_${id})
      rules_cxx_string(full "${full_${id}}")
      rules_cxx_string(section "${section_${id}}")
      rules_cxx_string(sources "${sources_${id}}")
    else()
      set(full "${text}")
      set(section "${spec}")
      set(sources "${source}")
    endif()
    string(APPEND body "    {\"${id}\", RuleLevel::${kLevelEnum_${level_${id}}}, ${text},\n"
                       "     ${source}, ${spec},\n     ${full},\n     ${section}, ${sources}},\n")
  endforeach()
  set(result "// Generated from sim/rules/rules.tsv by sim/rules/rules_codegen.cmake.
// Do not edit: change rules.tsv.
#include \"sim/rules/rule_table.h\"

namespace vsssim::rules::internal {

const Rule kRuleTable[] = {
${body}};
const std::size_t kRuleTableSize = ${count};

}  // namespace vsssim::rules::internal
")
  vsssim_write_if_changed("${OUT}" "${result}")
  return()
endif()

if(MODE STREQUAL "md" OR MODE STREQUAL "md-check")
  set(rows "")
  foreach(level IN LISTS kLevels)
    set(n_${level} 0)
  endforeach()
  foreach(id IN LISTS ids)
    set(level "${level_${id}}")
    math(EXPR n_${level} "${n_${level}} + 1")
    rules_md_cell(text "${text_${id}}")
    rules_md_cell(spec "${spec_${id}}")
    rules_unhide(source "${source_${id}}")
    if(source MATCHES "^https?://")
      string(REGEX REPLACE "^.*/([^/]+)/?$" "\\1" label "${source}")
      set(source "[${label}](${source})")
    else()
      rules_md_cell(source "${source}")
    endif()
    string(APPEND rows "| ${id} | ${level} | ${text} | ${spec} | ${source} |\n")
  endforeach()
  set(result "# Rule registry

<!-- Generated from sim/rules/rules.tsv by sim/rules/rules_codegen.cmake.
     Do not edit: change rules.tsv, then run `cmake --build <build-dir> --target vsssim_rules_docs`.
     The CTest test check.rules_md_up_to_date fails while this file is stale. -->

Every rule of the VSS behaviour catalogue (`../shared/spec/CATALOGUE.md`) and of the
simulator-defined checks (`../shared/spec/SIM-RULES.md`) that vsssim can check: ${count} rules.
Findings, scenario verdicts, `vsssim rules` and the conformance suites name rules by these IDs;
the texts are one-line paraphrases, the catalogue has the full rule.

Levels: **MUST** / **SHOULD** / **MAY** are the catalogue's severity hints (${n_MUST} / ${n_SHOULD} / ${n_MAY});
**VSS** states what VSS does (${n_VSS}); **GAP** is a documentation gap or conflict that the
simulator resolves by a named choice (${n_GAP}, see `undocumented-choices.md`).
A finding against a MUST, VSS or GAP rule fails a scenario that does not list it; SHOULD and
MAY findings are only reported.

| ID | Level | Rule | Spec | Source |
|---|---|---|---|---|
${rows}")
  if(MODE STREQUAL "md")
    vsssim_write_if_changed("${OUT}" "${result}")
    return()
  endif()
  if(NOT EXISTS "${OUT}")
    message(FATAL_ERROR "${OUT} does not exist: run `cmake --build <build-dir> --target vsssim_rules_docs`")
  endif()
  file(READ "${OUT}" committed)
  if(NOT committed STREQUAL result)
    message(FATAL_ERROR "${OUT} is stale: it differs from what sim/rules/rules.tsv "
                        "generates. Run `cmake --build <build-dir> --target vsssim_rules_docs`.")
  endif()
  message(STATUS "${OUT} matches ${DATA} (${count} rules)")
  return()
endif()

message(FATAL_ERROR "rules_codegen.cmake: unknown MODE '${MODE}' (cxx, md, md-check)")
