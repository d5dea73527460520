#!/usr/bin/env bash
# Union Portal benchmark, first version.
#
# usage:  bash bench/run.sh                 (after `mvn -B -ntp -q install -DskipTests`)
#         BENCH_RUNS=1 bash bench/run.sh    (one run per measurement instead of three)
#
# What it does, all against 127.0.0.1 only, on a fresh copy of the distribution tar.gz unpacked into
# bench/target/ (ignored by git through `target/`), on free ports, in demo mode:
#   1. start-up: `bin/start` until an authenticated GET /api/mutual-aid/plans answers 200, with
#      union-mutual-aid installed at start (etc/org.unionportal.modules.cfg), on a fresh data folder
#      and again on the existing one (bin/stop between runs);
#   2. hot install / uninstall of union-mutual-aid through bin/client, until the module's REST and menu
#      entry appear / disappear; plus the bare bin/client round trip (`feature:list -i`) as overhead, and
#      the number of OTHER bundles whose starts/stops counters changed (should be 0);
#   3. memory: VmRSS and heap after GC (jcmd) after start, after the wrk runs and after 20
#      install/uninstall cycles;
#   4. throughput and latency with wrk (-d 10s, 2 threads, --latency) on the claims list, a claim's
#      detail and /api/portal/health, at 1, 16 and 64 connections;
#   5. bulk: a 100,000-row roster CSV uploaded (checked, preview) and confirmed.
# Every figure is the median over BENCH_RUNS runs (default 3). The table is printed and written to
# bench/results/<date>.md with the machine's cores, memory, `java -version` and the date.
#
# Needs: bash, curl, python3, tar, a JDK 17 (java, jcmd), wrk (installed with apt-get when missing).
# Bounded in time: every wait has a deadline; the portal is stopped on exit, also on failure.
# Environment: BENCH_RUNS (3), BENCH_CYCLES (20), BENCH_ROWS (100000), BENCH_WRK_DURATION (10s),
#              BENCH_DIST (the tar.gz).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
RUNS=${BENCH_RUNS:-3}
CYCLES=${BENCH_CYCLES:-20}
ROWS=${BENCH_ROWS:-100000}
WRK_DURATION=${BENCH_WRK_DURATION:-10s}
DIST=${BENCH_DIST:-$ROOT/karaf-assembly/target/union-portal-distribution-0.1.0-SNAPSHOT.tar.gz}
WORK=$BENCH_DIR/target
RESULTS_DIR=$BENCH_DIR/results
MODULE=union-mutual-aid
PASSWORD=demo1234
START_TIMEOUT=180   # seconds, per start
CHANGE_TIMEOUT=120  # seconds, per hot install / uninstall

HOME_DIR=""     # the unpacked distribution (karaf home)
HTTP_PORT=""
SSH_PORT=""
BASE=""
KARAF_PID=""    # the Karaf JVM, from karaf.pid
ROWS_OUT=()     # table rows: "| what | value |"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
# median of the arguments (numbers), printed with 2 decimals; "n/a" when there are none
median() {
    python3 -c "import statistics,sys; v=[float(x) for x in sys.argv[1:]]; print(f'{statistics.median(v):.2f}' if v else 'n/a')" "$@"
}
row() { ROWS_OUT+=("| $1 | $2 |"); }

# ------------------------------------------------------------------------------------------ tools

ensure_wrk() {
    command -v wrk >/dev/null && return
    log "installing wrk with apt-get"
    # apt-get update only when the package lists do not know wrk yet (it is slow)
    if ! apt-cache show wrk >/dev/null 2>&1; then apt-get update -qq; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    command -v wrk >/dev/null || die "wrk could not be installed"
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Sets "key = value" in a cfg file (replacing the line, or appending it).
set_cfg() {
    local file=$1 key=$2 value=$3
    if grep -qE "^[[:space:]]*${key//./\\.}[[:space:]]*[=:]" "$file"; then
        sed -i -E "s|^[[:space:]]*${key//./\\.}[[:space:]]*[=:].*$|$key = $value|" "$file"
    else
        echo "$key = $value" >>"$file"
    fi
}

# ------------------------------------------------------------------------------------------ portal

# Unpacks a fresh copy (so a fresh data folder) on new free ports, with the module installed at start.
unpack() {
    [ -f "$DIST" ] || die "no distribution at $DIST; run mvn -B -ntp -q install -DskipTests first"
    gzip -t "$DIST" || die "$DIST is not a complete tar.gz (being rebuilt?)"
    rm -rf "$WORK/portal"
    mkdir -p "$WORK/portal"
    tar -xzf "$DIST" -C "$WORK/portal"
    HOME_DIR=$(dirname "$(ls -d "$WORK"/portal/*/bin/karaf | head -1)")
    HOME_DIR=$(dirname "$HOME_DIR")
    HTTP_PORT=$(free_port)
    SSH_PORT=$(free_port)
    while [ "$SSH_PORT" = "$HTTP_PORT" ]; do SSH_PORT=$(free_port); done
    BASE="http://127.0.0.1:$HTTP_PORT"
    set_cfg "$HOME_DIR/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP_PORT"
    set_cfg "$HOME_DIR/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT"
    set_cfg "$HOME_DIR/etc/org.unionportal.modules.cfg" install "$MODULE"
    mkdir -p "$HOME_DIR/client-home"
    log "unpacked into $HOME_DIR (http $HTTP_PORT, ssh $SSH_PORT)"
}

# Logs in; prints the token, or nothing when login does not work (yet).
login() {
    curl -s -m 5 -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/auth/login" 2>/dev/null |
        python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])' 2>/dev/null || true
}

# HTTP status of an authenticated GET ($1 token, $2 path).
status() {
    curl -s -m 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" "$BASE$2" 2>/dev/null || echo 000
}

# Starts in the background (bin/start) and sets STARTUP_S to the seconds until an authenticated
# GET /api/mutual-aid/plans answers 200 (logging in again and again until login works).
# (A global, not stdout: called in $(...) a die would only leave the subshell, and KARAF_PID be lost.)
STARTUP_S=""
start_portal() {
    local t0 token="" deadline
    t0=$(now)
    (cd "$HOME_DIR" && EXTRA_JAVA_OPTS=-Dunionportal.demo=true JAVA_OPTS="" bin/start >>"$HOME_DIR/bench-console.log" 2>&1)
    deadline=$((SECONDS + START_TIMEOUT))
    while ((SECONDS < deadline)); do
        [ -n "$token" ] || token=$(login admin)
        if [ -n "$token" ] && [ "$(status "$token" /api/mutual-aid/plans)" = 200 ]; then
            STARTUP_S=$(elapsed "$t0" "$(now)")
            KARAF_PID=$(cat "$HOME_DIR/karaf.pid" 2>/dev/null || true)
            return
        fi
        sleep 0.1
    done
    die "the portal did not answer GET /api/mutual-aid/plans within ${START_TIMEOUT}s (see $HOME_DIR/data/log/karaf.log)"
}

# bin/stop, then waits for the JVM to end (kills that one pid after 60 s).
stop_portal() {
    [ -n "$HOME_DIR" ] && [ -d "$HOME_DIR" ] || return 0
    local pid
    pid=$(cat "$HOME_DIR/karaf.pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    (cd "$HOME_DIR" && timeout 60 bin/stop >/dev/null 2>&1) || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
    log "karaf (pid $pid) did not stop within 60 s: killing it"
    kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    stop_portal || true
    [ $rc -eq 0 ] || log "ended with exit code $rc; portal stopped; logs in $WORK/portal"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# One Karaf shell command over SSH, as the platform administrator; output on stdout.
client() {
    (cd "$HOME_DIR" && echo "$1" | KARAF_OPTS="-Duser.home=$HOME_DIR/client-home" \
        EXTRA_JAVA_OPTS="-Duser.home=$HOME_DIR/client-home" JAVA_OPTS="" \
        timeout 120 bin/client -a "$SSH_PORT" -h 127.0.0.1 -u admin -p "$PASSWORD" -b 2>&1)
}

# Prints "id symbolicName starts stops" per bundle (admin endpoint).
bundle_counters() {
    curl -s -m 10 -H "Authorization: Bearer $1" "$BASE/api/portal/system/bundles" |
        python3 -c 'import sys,json
for b in json.load(sys.stdin): print(b["id"], b["symbolicName"], b.get("starts"), b.get("stops"))'
}

# Number of bundles present in both snapshots ($1, $2 files) whose counters differ.
changed_bundles() {
    python3 - "$1" "$2" <<'PY'
import sys
def load(f):
    return {l.split()[0]: l.split()[1:] for l in open(f) if l.strip()}
a, b = load(sys.argv[1]), load(sys.argv[2])
changed = [a[k][0] for k in a if k in b and a[k] != b[k]]
print(len(changed), " ".join(changed))
PY
}

menu_has_plans() {
    curl -s -m 10 -H "Authorization: Bearer $1" "$BASE/api/portal/menu" | grep -q '"mutual-aid.plans"'
}

# Waits until the module is there ($2=up) or gone ($2=down); token $1.
await_module() {
    local token=$1 want=$2 deadline=$((SECONDS + CHANGE_TIMEOUT)) code
    while ((SECONDS < deadline)); do
        code=$(status "$token" /api/mutual-aid/plans)
        if [ "$want" = up ]; then
            [ "$code" = 200 ] && menu_has_plans "$token" && return 0
        else
            [ "$code" = 404 ] && ! menu_has_plans "$token" && return 0
        fi
        sleep 0.05
    done
    die "module did not become $want within ${CHANGE_TIMEOUT}s (plans answered $code)"
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$KARAF_PID/status"; }

# Heap used after a full GC, in MB (jcmd GC.run, then the "used" of GC.heap_info's first line).
heap_mb() {
    jcmd "$KARAF_PID" GC.run >/dev/null 2>&1 || true
    jcmd "$KARAF_PID" GC.heap_info 2>/dev/null |
        awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); gsub(/[^0-9]/, "", v); printf "%.0f", v/1024; exit } }'
}

# RSS read after the GC, so that every memory row is taken in the same state.
memory_row() {
    local heap
    heap=$(heap_mb)
    row "memory $1: RSS / heap used after GC" "$(rss_mb) MB / $heap MB"
}

# ------------------------------------------------------------------------------------------ measurements

measure_startup() {
    local fresh=() warm=() i
    for i in $(seq 1 "$RUNS"); do
        unpack
        start_portal; fresh+=("$STARTUP_S"); log "start-up, fresh data: ${fresh[-1]} s"
        stop_portal
        start_portal; warm+=("$STARTUP_S"); log "start-up, existing data: ${warm[-1]} s"
        [ "$i" = "$RUNS" ] || stop_portal
    done
    row "start-up to first authenticated 200 of /api/mutual-aid/plans, fresh data (s)" "$(median "${fresh[@]}")"
    row "start-up to first authenticated 200 of /api/mutual-aid/plans, existing data (s)" "$(median "${warm[@]}")"
    # the portal stays running (existing data) for the rest of the benchmark
}

measure_hot_deploy() {
    local token ins=() uns=() overhead=() i t0 before="$WORK/before.txt" after="$WORK/after.txt"
    local changed_in=0 changed_un=0 names_in="" names_un="" out
    token=$(login admin)
    # the module is installed at start: remove it first, so that every run starts from "absent"
    client "feature:uninstall $MODULE" >/dev/null
    await_module "$token" down
    for i in $(seq 1 "$RUNS"); do
        t0=$(now); client "feature:list -i" >/dev/null; overhead+=("$(elapsed "$t0" "$(now)")")

        bundle_counters "$token" >"$before"
        t0=$(now)
        client "feature:install $MODULE" >/dev/null
        await_module "$token" up
        ins+=("$(elapsed "$t0" "$(now)")")
        bundle_counters "$token" >"$after"
        read -r n names < <(changed_bundles "$before" "$after") || true
        ((n > changed_in)) && { changed_in=$n; names_in=$names; }

        bundle_counters "$token" >"$before"
        t0=$(now)
        client "feature:uninstall $MODULE" >/dev/null
        await_module "$token" down
        uns+=("$(elapsed "$t0" "$(now)")")
        bundle_counters "$token" >"$after"
        read -r n names < <(changed_bundles "$before" "$after") || true
        ((n > changed_un)) && { changed_un=$n; names_un=$names; }
        log "hot install ${ins[-1]} s, uninstall ${uns[-1]} s, client round trip ${overhead[-1]} s"
    done
    client "feature:install $MODULE" >/dev/null
    await_module "$token" up
    row "hot install until REST 200 + menu entry, incl. bin/client (s)" "$(median "${ins[@]}")"
    row "hot uninstall until REST 404 + menu entry gone, incl. bin/client (s)" "$(median "${uns[@]}")"
    row "bin/client round trip alone (feature:list -i), overhead in both above (s)" "$(median "${overhead[@]}")"
    row "other bundles restarted by install (max over runs; should be 0)" "$changed_in${names_in:+ ($names_in)}"
    row "other bundles restarted by uninstall (max over runs; should be 0)" "$changed_un${names_un:+ ($names_un)}"
}

# wrk on one path at 1, 16 and 64 connections; one table row per connection count.
measure_wrk_path() {
    local label=$1 path=$2 token=$3 c rps=() p50=() p99=() out i threads
    cat >"$WORK/auth.lua" <<EOF
wrk.headers["Authorization"] = "Bearer $token"
EOF
    for c in 1 16 64; do
        rps=(); p50=(); p99=()
        threads=$((c < 2 ? 1 : 2))  # wrk needs at least one connection per thread
        for i in $(seq 1 "$RUNS"); do
            out=$(wrk -t"$threads" -c"$c" -d"$WRK_DURATION" --timeout 10s --latency -s "$WORK/auth.lua" "$BASE$path")
            rps+=("$(awk '/Requests\/sec/ {print $2}' <<<"$out")")
            p50+=("$(awk '$1=="50%" {print $2}' <<<"$out" | to_ms)")
            p99+=("$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)")
            if grep -q 'Non-2xx' <<<"$out"; then log "WARNING: $label c=$c: $(grep 'Non-2xx' <<<"$out")"; fi
        done
        row "wrk $label, $c conn: req/s, p50 ms, p99 ms" "$(median "${rps[@]}") / $(median "${p50[@]}") / $(median "${p99[@]}")"
        log "wrk $label c=$c: ${rps[-1]} req/s"
    done
}

# wrk prints 1.23ms, 456.00us, 1.02s: in milliseconds
to_ms() {
    awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }; printf "%.3f\n", v }'
}

measure_throughput() {
    local token claim
    token=$(login admin)
    claim=$(curl -s -m 10 -H "Authorization: Bearer $token" "$BASE/api/mutual-aid/claims?size=50" |
        python3 -c 'import sys,json; print(json.load(sys.stdin)["items"][0]["id"])')
    measure_wrk_path "GET /api/mutual-aid/claims?size=50" "/api/mutual-aid/claims?size=50" "$token"
    measure_wrk_path "GET /api/mutual-aid/claims/$claim" "/api/mutual-aid/claims/$claim" "$token"
    measure_wrk_path "GET /api/portal/health (baseline)" "/api/portal/health" "$token"
}

measure_cycles() {
    local token i
    token=$(login admin)
    log "$CYCLES install/uninstall cycles"
    for i in $(seq 1 "$CYCLES"); do
        client "feature:uninstall $MODULE" >/dev/null; await_module "$token" down
        client "feature:install $MODULE" >/dev/null; await_module "$token" up
    done
}

measure_bulk() {
    local token plan i csv up=() conf=() t0 body upload code
    token=$(login operator)
    [ -n "$token" ] || die "operator cannot log in"
    plan=$(curl -s -m 10 -H "Authorization: Bearer $token" "$BASE/api/mutual-aid/plans" |
        python3 -c 'import sys,json; print(next(p["id"] for p in json.load(sys.stdin) if p["code"]=="WX-3IN1" and p["current"]))')
    for i in $(seq 1 "$RUNS"); do
        csv="$WORK/roster-$i.csv"
        python3 "$BENCH_DIR/gen_roster.py" "$ROWS" "$i" "$csv"   # seed $i: distinct ID numbers per run
        t0=$(now)
        body=$(curl -s -m 600 -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary "@$csv" \
            "$BASE/api/mutual-aid/enrolments/uploads?planId=$plan&fileName=roster-$i.csv")
        up+=("$(elapsed "$t0" "$(now)")")
        # the preview must accept every row, else confirm would be refused
        upload=$(python3 -c 'import sys,json; d=json.loads(sys.argv[1]); print(d["uploadId"] if d.get("canConfirm") else "")' "$body" 2>/dev/null || true)
        [ -n "$upload" ] || die "roster upload refused: ${body:0:500}"
        t0=$(now)
        code=$(curl -s -m 600 -o "$WORK/confirm.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
            "$BASE/api/mutual-aid/enrolments/uploads/$upload/confirm")
        conf+=("$(elapsed "$t0" "$(now)")")
        [[ $code == 2* ]] || die "confirm answered $code: $(head -c 500 "$WORK/confirm.json")"
        log "bulk: preview counted $(python3 -c 'import sys,json; print(json.loads(sys.argv[1])["rows"])' "$body") rows"
        log "bulk $ROWS rows: upload+preview ${up[-1]} s, confirm ${conf[-1]} s"
    done
    row "bulk: upload + preview of $ROWS-row roster CSV (s)" "$(median "${up[@]}")"
    row "bulk: confirm $ROWS rows (s)" "$(median "${conf[@]}")"
}

# ------------------------------------------------------------------------------------------ report

write_report() {
    local file="$RESULTS_DIR/$(date +%Y-%m-%d-%H%M).md"
    mkdir -p "$RESULTS_DIR"
    {
        echo "# Union Portal benchmark, $(date -Is)"
        echo
        echo "Medians over $RUNS run(s). Distribution: $(basename "$DIST"). Demo mode, embedded Derby, 127.0.0.1 only."
        echo
        echo "| measurement | value |"
        echo "|---|---|"
        printf '%s\n' "${ROWS_OUT[@]}"
        echo
        echo "Notes:"
        echo "- Hot install/uninstall times include one bin/client JVM start; subtract the client round trip for the portal's own share."
        echo "- /api/portal/health is only a cheap baseline (no module code); a bare JAX-RS baseline bundle is future work."
        echo "- wrk: -d $WRK_DURATION, 2 threads (1 at 1 connection), admin token in an Authorization header (Lua script)."
        echo
        echo "Machine: $(nproc) cores"
        echo
        echo '```'
        free -m
        java -version 2>&1
        echo '```'
    } >"$file"
    cat "$file"
    log "written to $file"
}

main() {
    mkdir -p "$WORK"
    ensure_wrk
    measure_startup
    memory_row "after start"
    measure_hot_deploy
    measure_throughput
    memory_row "after wrk runs"
    measure_cycles
    memory_row "after $CYCLES install/uninstall cycles"
    measure_bulk
    stop_portal
    write_report
}

main "$@"
