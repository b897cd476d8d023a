#!/usr/bin/env bash
# Build with sanitizers and run the whole test suite under them:
#   scripts/sanitize.sh [address,undefined|thread] [ctest args...]
# (default: both, one after the other). address,undefined builds with clang
# in build-asan/, with the libFuzzer targets (fuzz/) whose seeds the suite
# replays; scripts/fuzz fuzzes in the same build. thread builds in
# build-tsan/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/deps.sh" sanitize
kinds=("address,undefined" "thread")
if [ $# -gt 0 ]; then kinds=("$1"); shift; fi
for kind in "${kinds[@]}"; do
    if [ "$kind" = thread ]; then
        dir="$root/build-tsan"
        cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGAZETTE_SANITIZE=thread >/dev/null
    else
        dir="$root/build-asan"
        bash "$root/scripts/configure-asan.sh" "$dir"
    fi
    cmake --build "$dir" -j"$(nproc)" -- --no-print-directory >/dev/null
    echo "== tests under -fsanitize=$kind"
    # Left out: tests that load the instrumented library into programs built
    # without sanitizers (python3 through ctypes; consumers of an installed
    # copy), which would need the runtime preloaded. They check packaging,
    # not memory or thread safety, and run in the ordinary build.
    (cd "$dir" && ASAN_OPTIONS=detect_leaks=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 ctest --output-on-failure -j"$(nproc)" \
        -E "packaging_install_and_consumers|Python ctypes" "$@")
done
