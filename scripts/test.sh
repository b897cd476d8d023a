#!/usr/bin/env bash
# Install missing packages, build, and run every test:
#   scripts/test.sh [--fast] [ctest args...]
# 1. the whole suite (CTest) in build/, then ranking quality on the TIME
#    collection (scripts/eval.py), failing below the recorded MAP;
# 2. the whole suite again under ASan+UBSan (clang, build-asan/), which
#    also replays every fuzz target's seeds;
# 3. each libFuzzer target for a short smoke run (GAZETTE_FUZZ_SECONDS,
#    default 30) under ASan+UBSan.
# --fast runs step 1 only. ctest args apply to steps 1 and 2
# (e.g. -LE slow leaves out the cases labelled slow).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fast=0
if [ "${1:-}" = --fast ]; then fast=1; shift; fi
bash "$root/scripts/deps.sh" browser  # the search page's test drives Chromium
bash "$root/scripts/build.sh"
build="${GAZETTE_BUILD_DIR:-$root/build}"
(cd "$build" && ctest --output-on-failure -j"$(nproc)" "$@")
python3 "$root/scripts/eval.py" --bin "$build" --data "$root/tests/data/evaldata" \
    --collections time --check "$root/tests/data/eval_map.json"
[ "$fast" = 1 ] && exit 0
bash "$root/scripts/sanitize.sh" address,undefined "$@"
bash "$root/scripts/fuzz" all "${GAZETTE_FUZZ_SECONDS:-30}"
