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
    # Left out: tests that load the instrumented library into programs built
    # without sanitizers (python3 through ctypes; consumers of an installed
    # copy), which would need the runtime preloaded. They check packaging,
    # not memory or thread safety, and run in the ordinary build.
    (cd "$dir" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 ctest --output-on-failure -j"$(nproc)" \
        -E "packaging_install_and_consumers|Python ctypes" "$@")
done
