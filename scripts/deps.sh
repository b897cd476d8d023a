#!/usr/bin/env bash
# Install the Debian packages gazette builds with, if any are missing.
# Sourced by demo.sh and test.sh; safe to run on its own.
set -euo pipefail

GAZETTE_PACKAGES=(
    build-essential cmake pkg-config python3 doxygen xapian-tools help2man bash-completion
    libxapian-dev libfmt-dev catch2 libcli11-dev nlohmann-json3-dev libxxhash-dev
    libre2-dev libuchardet-dev libgumbo-dev zlib1g-dev libcpp-httplib-dev
)

# `deps.sh sanitize`: also what sanitizer and fuzzing builds need (clang,
# its sanitizer runtimes, libFuzzer). `deps.sh browser`: the headless
# browser the search page's test drives (chromium, chromium-driver).
for extra in "$@"; do
    case "$extra" in
        sanitize) GAZETTE_PACKAGES+=(clang libclang-rt-14-dev libfuzzer-14-dev) ;;
        browser) GAZETTE_PACKAGES+=(chromium chromium-driver) ;;
        *) echo "deps.sh: unknown extra \"$extra\" (sanitize, browser)" >&2; exit 2 ;;
    esac
done

missing=()
for p in "${GAZETTE_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "gazette: installing missing packages: ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi
