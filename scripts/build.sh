#!/usr/bin/env bash
# Configure and build gazette into build/ (incremental on re-runs), showing
# progress: one line rewritten in place on a terminal, a line per tenth of
# the build otherwise; the full log only when something fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/deps.sh"
build="${GAZETTE_BUILD_DIR:-$root/build}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if [ ! -f "$build/CMakeCache.txt" ]; then
    echo "gazette: configuring $build" >&2
    if ! cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE="${GAZETTE_BUILD_TYPE:-RelWithDebInfo}" >"$log" 2>&1; then
        cat "$log" >&2
        exit 2
    fi
fi
echo "gazette: building in $build with $(nproc) jobs (a first build takes a few minutes)" >&2
tty=0
[ -t 2 ] && tty=1
set +e
cmake --build "$build" -j"$(nproc)" -- --no-print-directory 2>&1 | tee "$log" |
    awk -v tty="$tty" '
        match($0, /^\[ *[0-9]+%\]/) {
            pct = substr($0, 2, RLENGTH - 3) + 0
            if (tty) { printf "\r\033[K%s", substr($0, 1, 100) > "/dev/stderr"; shown = 1 }
            else if (int(pct / 10) > last) { last = int(pct / 10); print "  " substr($0, 1, 100) > "/dev/stderr" }
        }
        END { if (shown) printf "\r\033[K" > "/dev/stderr" }'
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
    echo "gazette: the build failed; its log:" >&2
    cat "$log" >&2
    exit 2
fi
echo "gazette: built" >&2
