#!/usr/bin/env bash
# Build with sanitizers and run the tests under them:
#   scripts/sanitize.sh [address,undefined|thread] [ctest args...]
# (default: both, one after the other, in build-asan/ and build-tsan/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/deps.sh"
kinds=("address,undefined" "thread")
if [ $# -gt 0 ]; then kinds=("$1"); shift; fi
for kind in "${kinds[@]}"; do
    dir="$root/build-${kind%%,*}"
    [ "$kind" = thread ] && dir="$root/build-tsan"
    [ "$kind" = "address,undefined" ] && dir="$root/build-asan"
    cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGAZETTE_SANITIZE="$kind" >/dev/null
    cmake --build "$dir" -j"$(nproc)" -- --no-print-directory >/dev/null
    echo "== tests under -fsanitize=$kind"
    (cd "$dir" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 ctest --output-on-failure -j"$(nproc)" "$@")
done
