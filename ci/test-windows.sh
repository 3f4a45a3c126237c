#!/usr/bin/env bash
# ci/test-windows.sh: cross-build vsssim for Windows with mingw-w64 and run the whole CTest
# suite under wine64; then a Windows writer process under wine64 against the Linux service over
# TCP loopback (issue #17). Installs what it needs (ci/setup-mingw.sh) on a fresh Debian 12.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup-mingw.sh
# The native build too: SIM-DET-01 compares its traces with the Windows build's.
host_preset=default
if [ "${CI:-}" = "true" ]; then host_preset=ci; fi
ci/build.sh "${host_preset}"
export VSSSIM_HOST_TOOL="${PWD}/build/${host_preset}/tools/vsssim/vsssim"
ci/build.sh mingw

export WINEPREFIX="${PWD}/build/mingw/wineprefix" WINEDEBUG=-all
wineserver="$(command -v wineserver || echo /usr/lib/wine/wineserver64)"
# The first start of a fresh prefix takes a while (seen: ~15 s); do it once, up front, with a
# generous limit, and keep one wineserver alive for the whole run so each test starts fast.
if [ ! -f "${WINEPREFIX}/system.reg" ]; then
  timeout 300 /usr/lib/wine/wine64 wineboot --init >/dev/null 2>&1 || true
fi
# `wineserver -p` refuses to start while wineboot's own server still runs (it would then exit
# when idle, and every test would start a fresh server: slow, and racy under ctest -j).
"${wineserver}" -k >/dev/null 2>&1 || true
"${wineserver}" -w >/dev/null 2>&1 || true
"${wineserver}" -p >/dev/null 2>&1
trap '"${wineserver}" -k >/dev/null 2>&1 || true' EXIT
# Start Wine's own services (services.exe, rpcss, ...) now, with their output going nowhere:
# started by the first test instead, they would inherit its output pipe and keep CTest
# waiting for it to close until the test times out.
timeout 300 /usr/lib/wine/wine64 wineboot >/dev/null 2>&1 || true
ctest --preset mingw -j 2

# Issue #17: a writer built for Windows runs under wine64 against the Linux-side service over
# TCP loopback. The mingw build of examples/remote-cpp-writer subscribes to `vsssim serve
# --listen tcp:127.0.0.1:0` (the native build), and `vsssim run --connect` backs it up with the
# scenario below; serve's shutdown must end it with exit 0. The native build of the same writer
# goes through the same steps, and both runs must give one trace digest (SIM-DET-01): over the
# wire protocol the Windows writer is the same writer. docs/serve.md, docs/wire-protocol.md.
wire_dir="${PWD}/build/mingw/wine-tcp"
rm -rf "${wire_dir}"
mkdir -p "${wire_dir}"
cat >"${wire_dir}/scenario.xml" <<'XML'
<scenario name="writer-process-over-tcp" seed="23">
  <description>A FULL component-mode backup of RemoteCppWriter, a writer process subscribed to vsssim serve over TCP loopback (ci/test-windows.sh: once built for Windows and run under wine64, once built for Linux). exec="false": with --connect the subscribed writer of that name is used; were it missing, the run would fail.</description>
  <volume name="C:" size="64MiB"/>
  <writer name="RemoteCppWriter" exec="false"/>
  <requester>
    <call method="InitializeForBackup"/>
    <call method="SetBackupState" select-components="yes" backup-type="VSS_BT_FULL"/>
    <call method="GatherWriterMetadata" expect="S_OK"/>
    <call method="GetWriterMetadataCount" expect-count="1"/>
    <call method="AddComponent" writer="RemoteCppWriter" component="RemoteCppData"/>
    <call method="StartSnapshotSet"/>
    <call method="AddToSnapshotSet" volume="C:"/>
    <call method="PrepareForBackup" expect="S_OK"/>
    <call method="DoSnapshotSet" expect="S_OK"/>
    <call method="SetBackupSucceeded" writer="RemoteCppWriter" component="RemoteCppData" succeeded="yes"/>
    <call method="BackupComplete" expect="S_OK"/>
    <call method="GatherWriterStatus"/>
    <call method="GetWriterStatus" writer="RemoteCppWriter" expect-state="VSS_WS_STABLE" expect-failure="S_OK"/>
    <release/>
  </requester>
  <expect>
    <events writer="RemoteCppWriter">Identify PrepareForBackup PrepareForSnapshot Freeze Thaw PostSnapshot BackupComplete BackupShutdown</events>
  </expect>
</scenario>
XML

# wait_for_line FILE PATTERN SECONDS: until a line of FILE matches PATTERN (grep -E).
wait_for_line() {
  local deadline=$((SECONDS + $3))
  until grep -qE "$2" "$1" 2>/dev/null; do
    if [ "${SECONDS}" -ge "${deadline}" ]; then return 1; fi
    sleep 0.2
  done
}

# writer_over_tcp LABEL WRITER SCENARIO COMMAND...: serve on TCP, the writer COMMAND (named
# WRITER) subscribed to it, SCENARIO run through --connect; prints the run's digest. Fails
# (exit 1) with the logs.
writer_over_tcp() {
  local label="$1" dir="${wire_dir}/$1" writer_name="$2" scenario="$3"
  shift 3
  mkdir -p "${dir}"
  "${VSSSIM_HOST_TOOL}" serve --listen tcp:127.0.0.1:0 --token-file "${dir}/token" \
    >"${dir}/serve.out" 2>"${dir}/serve.err" &
  local serve_pid=$!
  local writer_pid="" status=0 digest=""
  if ! wait_for_line "${dir}/serve.out" '^requesters ' 30; then
    echo "ci/test-windows.sh: ${label}: vsssim serve printed no addresses" >&2
    status=1
  fi
  local writers requesters token
  writers="$(sed -n 's/^writers //p' "${dir}/serve.out")"
  requesters="$(sed -n 's/^requesters //p' "${dir}/serve.out")"
  token="$(sed -n 's/^token //p' "${dir}/serve.out")"
  case "${writers}" in
    tcp:127.0.0.1:*) ;;
    *) echo "ci/test-windows.sh: ${label}: writers address '${writers}' is not TCP loopback" >&2
       status=1 ;;
  esac
  if [ "${status}" -eq 0 ]; then
    VSSSIM_ADDRESS="${writers}" VSSSIM_TOKEN="${token}" "$@" >"${dir}/writer.log" 2>&1 &
    writer_pid=$!
    # A fresh wine process can take a while to start (seen: seconds).
    if ! wait_for_line "${dir}/serve.err" "writer ${writer_name} subscribed" 180; then
      echo "ci/test-windows.sh: ${label}: the writer never subscribed" >&2
      status=1
    elif ! "${VSSSIM_HOST_TOOL}" run --connect "${requesters}" --token-file "${dir}/token" \
        "${scenario}" >"${dir}/run.txt" 2>&1 || ! grep -q '^PASS ' "${dir}/run.txt"; then
      echo "ci/test-windows.sh: ${label}: the backup over TCP failed" >&2
      status=1
    fi
    digest="$(sed -n 's/^PASS .* digest \([0-9a-f]*\).*/\1/p' "${dir}/run.txt")"
  fi
  kill -TERM "${serve_pid}" 2>/dev/null || true
  wait "${serve_pid}" || status=1
  if [ -n "${writer_pid}" ]; then
    # serve's shutdown ends the writer: exit 0 (ServeWriter's code after shutdown).
    if ! timeout 60 tail --pid="${writer_pid}" -f /dev/null; then
      kill -KILL "${writer_pid}" 2>/dev/null || true
    fi
    if ! wait "${writer_pid}"; then
      echo "ci/test-windows.sh: ${label}: the writer did not exit 0 after serve's shutdown" >&2
      status=1
    fi
  fi
  if [ "${status}" -ne 0 ] || [ -z "${digest}" ]; then
    for f in serve.out serve.err writer.log run.txt; do
      echo "--- ${label}/${f}" >&2
      cat "${dir}/${f}" >&2 2>/dev/null || true
    done
    return 1
  fi
  echo "${digest}"
}

windows_digest="$(writer_over_tcp windows RemoteCppWriter "${wire_dir}/scenario.xml" \
  /usr/lib/wine/wine64 "${PWD}/build/mingw/examples/remote-cpp-writer/remote_cpp_writer.exe")"
native_digest="$(writer_over_tcp native RemoteCppWriter "${wire_dir}/scenario.xml" \
  "${PWD}/build/${host_preset}/examples/remote-cpp-writer/remote_cpp_writer")"
if [ "${windows_digest}" != "${native_digest}" ]; then
  echo "ci/test-windows.sh: the Windows writer's trace digest ${windows_digest} differs from" \
       "the native writer's ${native_digest} (SIM-DET-01)" >&2
  exit 1
fi
echo "ci/test-windows.sh: the Windows writer under wine64 over TCP: PASS, digest ${windows_digest}" \
     "(the same as the native writer's)"

# Issue #18: Microsoft's own API. The requester sim/sdk/vssapi/testing/msvc_style_requester.cpp
# (Microsoft's API only; L__FUNCTION__, CComPtr) was built by the mingw preset against
# mingw-w64's own headers and libvssapi.a, and CTest ran it above under wine64 with vsssim's
# vssapi.dll (sdk.msvc_style_requester). Here it is also built with clang -fms-extensions for
# the mingw-w64 target (how code with MSVC extensions builds, docs/sdk.md), run the same way,
# and both Windows runs must give the trace digest of the Linux build of the same source.
sdk_dir="${PWD}/build/mingw/sim/sdk/vssapi"
sdk_machine="${PWD}/sim/sdk/vssapi/testing/machine.xml"
trace_digest() { sed -n 's/^digest //p' "$1"; }
native_trace="${sdk_dir}/native.trace"
VSSSIM_MACHINE="${sdk_machine}" VSSSIM_TRACE="${native_trace}" \
  "${PWD}/build/${host_preset}/sim/sdk/vssapi/sdk_msvc_style_requester" >/dev/null
native_sdk_digest="$(trace_digest "${native_trace}")"
gcc_sdk_digest="$(trace_digest "${sdk_dir}/msvc_style_requester.trace")"
mingw_gcc="$(ls -d /usr/lib/gcc/x86_64-w64-mingw32/*-posix | head -n 1)"
clang_exe="${sdk_dir}/unmodified/msvc_style_requester_clang.exe"
clang++ --target=x86_64-w64-mingw32 -fms-extensions -O1 \
  -isystem "${mingw_gcc}/include/c++" -isystem "${mingw_gcc}/include/c++/x86_64-w64-mingw32" \
  -I "${PWD}/sim/sdk/include/msvc" "${PWD}/sim/sdk/vssapi/testing/msvc_style_requester.cpp" \
  -L "${mingw_gcc}" -static -lvssapi -lole32 -loleaut32 -luuid -lstdc++ -lgcc_eh -lpthread \
  -o "${clang_exe}"
clang_trace="${sdk_dir}/clang.trace"
WINEDLLOVERRIDES=vssapi=n VSSSIM_MACHINE="${sdk_machine}" VSSSIM_TRACE="${clang_trace}" \
  /usr/lib/wine/wine64 "${clang_exe}" >"${sdk_dir}/clang.out" 2>&1 || {
    echo "ci/test-windows.sh: the clang -fms-extensions requester failed under wine64:" >&2
    cat "${sdk_dir}/clang.out" >&2
    exit 1
  }
clang_sdk_digest="$(trace_digest "${clang_trace}")"
if [ -z "${native_sdk_digest}" ] || [ "${gcc_sdk_digest}" != "${native_sdk_digest}" ] ||
   [ "${clang_sdk_digest}" != "${native_sdk_digest}" ]; then
  echo "ci/test-windows.sh: the unmodified requester's trace digests differ (SIM-DET-01):" \
       "Linux ${native_sdk_digest:-none}, mingw-w64 g++ ${gcc_sdk_digest:-none}," \
       "clang -fms-extensions ${clang_sdk_digest:-none}" >&2
  exit 1
fi
echo "ci/test-windows.sh: the unmodified requester under wine64 with vsssim's vssapi.dll: PASS," \
     "digest ${native_sdk_digest} (mingw-w64 g++ and clang -fms-extensions, as on Linux)"

# Issue #18, "where the simulated service lives": a writer written against Microsoft's API
# (sim/sdk/vssapi/testing/msvc_style_writer.cpp, a CVssWriter), built with mingw-w64 and linked
# with vsssim's SDK library, runs under wine64; its CVssWriter::Subscribe connects to the Linux
# `vsssim serve` (VSSSIM_ADDRESS), it is backed up, and it exits 0 at serve's shutdown. The
# digest must be the Linux build's, which a scenario starts with <writer exec=...>.
sdk_scenario="${wire_dir}/sdk-writer.xml"
sed 's#exec="[^"]*"#exec="false"#' \
  "${PWD}/build/${host_preset}/sim/sdk/vssapi/msvc_style_writer_process.xml" >"${sdk_scenario}"
sdk_windows_digest="$(writer_over_tcp sdk-windows MsvcStyleWriter "${sdk_scenario}" \
  /usr/lib/wine/wine64 "${PWD}/build/mingw/sim/sdk/vssapi/sdk_msvc_style_writer.exe")"
sdk_native_digest="$("${VSSSIM_HOST_TOOL}" run \
  "${PWD}/build/${host_preset}/sim/sdk/vssapi/msvc_style_writer_process.xml" |
  sed -n 's/^PASS .* digest \([0-9a-f]*\).*/\1/p')"
if [ -z "${sdk_native_digest}" ] || [ "${sdk_windows_digest}" != "${sdk_native_digest}" ]; then
  echo "ci/test-windows.sh: the SDK writer's trace digest under wine64 (${sdk_windows_digest})" \
       "differs from the Linux writer process's (${sdk_native_digest:-none}) (SIM-DET-01)" >&2
  exit 1
fi
echo "ci/test-windows.sh: the CVssWriter writer built for Windows, under wine64, subscribed to" \
     "the Linux vsssim serve: PASS, digest ${sdk_windows_digest} (as on Linux)"
