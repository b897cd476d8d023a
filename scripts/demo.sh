#!/usr/bin/env bash
# One command from a fresh Debian machine to ranked, highlighted results:
# install missing packages, build, index corpus/ into index/, run a search.
#   scripts/demo.sh [QUERY...]      (default query: CFE treaty suspension)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
build="${GAZETTE_BUILD_DIR:-$root/build}"
index="$root/index"
# index/ is the demo's own; an index from an older gazette (another schema
# version) is rebuilt rather than refused.
if ! out="$("$build/gazette-index" --index "$index" "$root/corpus" 2>&1)"; then
    if [[ "$out" == *"has schema version"* ]]; then
        echo "demo: $index was built by another gazette version; rebuilding it"
        find "$index" -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
        out="$("$build/gazette-index" --index "$index" "$root/corpus" 2>&1)" || { echo "$out" >&2; exit 2; }
    else
        echo "$out" >&2
        exit 2
    fi
fi
echo "$out"
echo
if [ $# -eq 0 ]; then set -- "CFE treaty suspension"; fi
"$build/gazette-search" --index "$index" "$@"
