#!/usr/bin/env bash
# Remote shards: seeds 000-002 in a local index, 003-004 served by
# xapian-tcpsrv, joined by a stub file. gazette-search over the stub must
# answer every query as over one index of all five (hits, order, totals,
# snippets, facets, suggestions; scores aside, which may differ in the last
# bits). Filter-only queries weigh every hit 0, so their order is by
# document id, which differs between layouts: those compare as sets.
#   remote_shard.sh INDEX_BIN SEARCH_BIN CORPUS WORK
set -euo pipefail
index_bin=$1 search_bin=$2 corpus=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
"$index_bin" -q --index "$work/local" "$corpus"/000_* "$corpus"/001_* "$corpus"/002_*
"$index_bin" -q --index "$work/served" "$corpus"/003_* "$corpus"/004_*
"$index_bin" -q --index "$work/whole" "$corpus"

server=""
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true' EXIT
port=""
for _ in 1 2 3 4 5; do  # a random free port; retry on a clash
    try=$((20000 + RANDOM % 40000))
    # Its own session: on SIGTERM xapian-tcpsrv signals its whole process
    # group, which would otherwise include this script and ctest.
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$try" "$work/served" \
        >>"$work/server.log" 2>&1 </dev/null &
    server=$!
    for _ in $(seq 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$try") 2>/dev/null; then port=$try; break 2; fi
        kill -0 "$server" 2>/dev/null || break
        sleep 0.1
    done
    kill "$server" 2>/dev/null || true
    server=""
done
[ -n "$port" ] || { echo "FAIL could not start xapian-tcpsrv"; exit 1; }
printf 'auto local\nremote 127.0.0.1:%s\n' "$port" >"$work/news.stub"

same() {  # ordered|set gazette-search-args...: stub and whole index agree
    local mode=$1 a b
    shift
    a=$("$search_bin" --index "$work/news.stub" --json "$@")
    b=$("$search_bin" --index "$work/whole" --json "$@")
    python3 - "$a" "$b" "$*" "$mode" <<'PY'
import json, sys
def strip(s):
    d = json.loads(s)
    for h in d["hits"]:
        h.pop("score")
        if sys.argv[4] == "set":
            h.pop("rank")
    if sys.argv[4] == "set":
        d["hits"].sort(key=lambda h: h["path"])
    return d
a, b = strip(sys.argv[1]), strip(sys.argv[2])
if a != b:
    sys.exit(f"FAIL {sys.argv[3]}:\n stub:  {a}\n whole: {b}")
print(f"ok   {sys.argv[3]}: {[h['path'][-24:-21] for h in a['hits']]} total {a['total']}")
PY
}
first=$("$search_bin" --index "$work/news.stub" --json CFE treaty suspension |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["path"])')
[[ "$first" == *002_585ae4fd7902f67d.txt ]] || { echo "FAIL first hit $first"; exit 1; }
same ordered CFE treaty suspension
same ordered --facets NATO
same ordered --sort date NATO
same ordered --sort date --reverse --limit 2 --offset 1 NATO
same ordered --reverse NATO
same ordered --outlet rt NATO
same ordered '"red carpet"'
same ordered rogozn treaty
same set outlet:expatica
same set --facets speaker:rogozin
same set date:2009-01-01..2009-12-31
