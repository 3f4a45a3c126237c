#!/usr/bin/env bash
# ci/test-windows.sh: cross-build vsssim for Windows with mingw-w64 and run the whole CTest
# suite under wine64. Installs what it needs (ci/setup-mingw.sh) on a fresh Debian 12.
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
