# Runs vshadow-lite (or its driver with a writer) with VSSSIM_TRACE=${TRACE} (the default
# in-process machine writes its trace there at exit) and checks: exit 0; the backup's
# asynchronous calls finished (VSS_S_ASYNC_FINISHED), a snapshot of C:\ was committed, the BCD
# was saved, both requesters were released, and the trace holds no finding. WITH_WRITER: also
# the writer's component added, the restore's PreRestore and PostRestore finished and the
# writer's events delivered.
# -DEMULATOR (may be empty) -DPROGRAM -DTRACE -DWITH_WRITER=ON|OFF
file(REMOVE ${TRACE})
set(ENV{VSSSIM_TRACE} ${TRACE})
execute_process(COMMAND ${EMULATOR} ${PROGRAM} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "vshadow-lite exited ${rc}\n${out}\n${err}")
endif()
if(NOT EXISTS ${TRACE})
  message(FATAL_ERROR "no trace written to ${TRACE}")
endif()
file(READ ${TRACE} trace)
foreach(expected
    "requester:r1 GatherWriterMetadata async=done hr=VSS_S_ASYNC_FINISHED"
    "requester:r1 PrepareForBackup async=done hr=VSS_S_ASYNC_FINISHED"
    "requester:r1 DoSnapshotSet async=done hr=VSS_S_ASYNC_FINISHED"
    "vss -> provider CommitSnapshots [^\n]*hr=S_OK"
    "requester:r1 SaveAsXML hr=S_OK"
    "requester:r1 BackupComplete async=done hr=VSS_S_ASYNC_FINISHED"
    "requester:r1 -> vss Release"
    "requester:r2 -> vss InitializeForRestore"
    "requester:r2 -> vss Release"
    "\ndigest [0-9a-f]+\n$")
  list(APPEND checks "${expected}")
endforeach()
if(WITH_WRITER)
  list(APPEND checks
    "requester:r1 -> vss AddComponent [^\n]*DemoDBData"
    "vss -> writer:DemoDB Freeze"
    "vss -> writer:DemoDB Thaw"
    "vss -> writer:DemoDB BackupComplete"
    "requester:r2 -> vss SetSelectedForRestore [^\n]*DemoDBData"
    "requester:r2 PreRestore async=done hr=VSS_S_ASYNC_FINISHED"
    "vss -> writer:DemoDB PreRestore"
    "requester:r2 PostRestore async=done hr=VSS_S_ASYNC_FINISHED"
    "vss -> writer:DemoDB PostRestore")
endif()
foreach(expected IN LISTS checks)
  if(NOT trace MATCHES "${expected}")
    message(FATAL_ERROR "the trace lacks '${expected}':\n${trace}")
  endif()
endforeach()
if(trace MATCHES "\n[0-9.]+ #[0-9]+ finding [^\n]*")
  message(FATAL_ERROR "the trace has a finding: ${CMAKE_MATCH_0}")
endif()
message(STATUS "vshadow-lite: backup and restore went through\n${out}")
