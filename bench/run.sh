#!/usr/bin/env bash
# Union Portal benchmark.
#
# usage:  bash bench/run.sh                 (after `mvn -B -ntp -q install -DskipTests`)
#         BENCH_RUNS=1 bash bench/run.sh    (one run per measurement instead of three)
#         BENCH_RUNS=1 BENCH_CYCLES=2 BENCH_ROWS=2000 BENCH_WRK_DURATION=3s bash bench/run.sh   (smoke test)
#         BENCH_ONLY=startup,hotdeploy,throughput,bulk,batch bash bench/run.sh   (only those figures, any of them, for a quick before/after)
#   on PostgreSQL (a server with a user that may CREATE DATABASE; each portal copy gets a fresh database):
#         BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/ BENCH_DB_USER=portal BENCH_DB_PASSWORD=portal bash bench/run.sh
#   one node vs two nodes behind haproxy (PostgreSQL only; haproxy from Debian's package):
#         BENCH_NODES=2 BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/ bash bench/run.sh
#   a PostgreSQL smoke test of both (a few minutes; the figures mean nothing at this size):
#         BENCH_NODES=2 BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/ BENCH_RUNS=1 BENCH_CYCLES=1 BENCH_ROWS=2000 \
#         BENCH_WRK_DURATION=2s BENCH_HOUSEHOLDS=500 BENCH_ENROLMENTS=2000 BENCH_WRITE_ENROLMENTS=300 \
#         BENCH_LIST_CLAIMS=100 BENCH_RESULTS_DIR=bench/target/smoke-results bash bench/run.sh
#
# What it does, all against 127.0.0.1 only, on a fresh copy of the distribution tar.gz unpacked into
# bench/target/ (ignored by git through `target/`), on free ports, in demo mode:
#   0. builds the bare baseline bundle bench/baseline/ (its own Maven project, not a module of the root
#      pom: `mvn -B -q -f bench/baseline/pom.xml package`): a JAX-RS whiteboard resource on the DEFAULT
#      application and a plain HTTP-whiteboard servlet, both answering {"status":"ok","n":42};
#   1. start-up: `bin/start` until an authenticated GET /api/mutual-aid/plans answers 200, with
#      union-mutual-aid installed at start (etc/org.unionportal.modules.cfg), on a fresh data folder
#      and again on the existing one (bin/stop between runs; the first stop also writes the class-data
#      archive data/cds/portal.jsa that the start on existing data maps, see bin/setenv); RSS and heap after GC after each
#      start on the existing data;
#   2. hot install / uninstall of union-mutual-aid through bin/client, until the module's REST and menu
#      entry appear / disappear; plus the bare bin/client round trip (`feature:list -i`) as overhead, and
#      the number of OTHER bundles whose starts/stops counters changed (should be 0);
#   3. the baseline in the same container: the portal is restarted once with the framework property
#      org.apache.cxf.osgi.http.transport.disable=true in the copy's etc/system.properties (unless the
#      distribution already sets it). Without it CXF's HTTP transport bundle gives every JAX-RS
#      application one shared destination registry in which every application's endpoint is "/", so a
#      second application with a resource (here the default one) fails with "There is an endpoint
#      already running on /" and takes the portal's /api endpoint down with it (every /api answer 404).
#      Then the baseline jar is copied into the copy's deploy/ folder, and the script waits until
#      <default.application.base>/bench-baseline (read from the copy's
#      etc/org.apache.aries.jax.rs.whiteboard.default.cfg: /api/unscoped) and /bench-baseline-servlet
#      answer the baseline JSON itself (not only 200: the web shell answers any unknown path with 200
#      and its HTML page) and the portal still answers;
#   4. data for the claims endpoints: BENCH_WRITE_ENROLMENTS gig workers enrolled (through the API) in
#      the free WX-XINBAO plan, ACTIVE at once, and BENCH_LIST_CLAIMS claims filed on them
#      (bench/claims_setup.py), so that the list has full pages of SUBMITTED claims;
#   5. throughput and latency with wrk (-d BENCH_WRK_DURATION, 2 threads, 1 at 1 connection, --latency)
#      at 1, 16 and 64 connections: the bare servlet, the bare JAX-RS resource, the claims list
#      (GET /api/mutual-aid/claims?status=SUBMITTED&size=50, a page of 50; once as served, kept until the next
#      write, and once read afresh with Cache-Control: no-cache), a claim's detail and
#      /api/portal/health, interleaved (each run measures all of them, then the next run), then the
#      write: POST /api/mutual-aid/claims with bench/write_claim.lua, every request a new valid claim
#      (a one-day hospital stay on a distinct enrolment/day pair, so no 409 for the same event or an
#      overlapping stay). Writes come after all reads, so the reads see the same table in every run.
#      Non-2xx answers and socket errors are counted per figure; every portal figure is also given as
#      a share of the bare JAX-RS resource's requests/s at the same connections;
#   5b. only with BENCH_NODES=2 (PostgreSQL): a second copy of the distribution started on the same database,
#      haproxy round-robin on 127.0.0.1 in front of both (health check /api/portal/ready, the configuration of
#      README "Running several nodes"), and the list, list-afresh, detail and write runs of step 5 again through
#      the balancer: once with the second node in maintenance (1 node), once with both (2 nodes), reads before
#      writes; then the second node and haproxy are stopped and the rest runs on the first node. Both nodes share
#      this machine's cores, so the ratio is the cluster's overhead and gain on one machine;
#   6. memory: RSS and heap after GC (jcmd) after the wrk runs and after BENCH_CYCLES install/uninstall
#      cycles (states reached once per benchmark: the median of BENCH_RUNS readings, 1 s apart);
#   7. bulk: a BENCH_ROWS-row roster CSV uploaded (checked, preview) and confirmed.
#   8. files: a BENCH_ROWS-row roster read from CSV and XLSX, checked, and written as XLSX, in one JVM
#      (the benchmark-tagged RosterBenchmark of bundles/mutual-aid; five runs, medians).
# Every figure is the median over BENCH_RUNS runs (default 3), except where said otherwise (the most
# other bundles restarted is a maximum, error counts are sums). The tables are printed and written to
# bench/results/<date>.md with the machine's cores, memory, `java -version` and the date; the raw wrk
# figures of every run stay in bench/target/wrk-runs.tsv.
#
# Needs: bash, curl, python3, tar, a JDK 17 (java, jcmd), Maven (for the baseline bundle), wrk
# (installed with apt-get when missing).
# Bounded in time: every wait has a deadline; the portal is stopped on exit, also on failure.
# Environment: BENCH_RUNS (3), BENCH_CYCLES (20), BENCH_ROWS (100000), BENCH_WRK_DURATION (10s),
#              BENCH_HOUSEHOLDS (20000, the hardship batch), BENCH_ENROLMENTS (300000, the figures page),
#              BENCH_WRITE_ENROLMENTS (5000), BENCH_LIST_CLAIMS (1000), BENCH_DIST (the tar.gz),
#              BENCH_DB_URL (empty: embedded Derby; jdbc:postgresql://127.0.0.1:5432/ : PostgreSQL, each fresh
#              copy of the portal on a fresh database bench_<time> made with psql, configured by run.sh, and the
#              in-process bulk figures on a database of their own there), BENCH_DB_USER (portal,
#              needs CREATEDB), BENCH_DB_PASSWORD (portal), BENCH_NODES (1; 2: step 5b, needs BENCH_DB_URL and haproxy),
#              BENCH_START_TIMEOUT (180 s per start), BENCH_JAVA_OPTS (added to the portal's JVM options, e.g. a JFR
#              recording: -XX:StartFlightRecording=filename=/tmp/p.jfr,settings=profile,dumponexit=true).
# On PostgreSQL the script checks that the portal's datasource sets reWriteBatchedInserts = true (the driver then
# sends the JDBC batches of roster confirmation and batch generation as multi-row inserts).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
RUNS=${BENCH_RUNS:-3}
CYCLES=${BENCH_CYCLES:-20}
ROWS=${BENCH_ROWS:-100000}
WRK_DURATION=${BENCH_WRK_DURATION:-10s}
WRITE_ENROLMENTS=${BENCH_WRITE_ENROLMENTS:-5000}
LIST_CLAIMS=${BENCH_LIST_CLAIMS:-1000}
DIST=${BENCH_DIST:-$ROOT/karaf-assembly/target/union-portal-distribution-0.1.0-SNAPSHOT.tar.gz}
WORK=$BENCH_DIR/target
RESULTS_DIR=${BENCH_RESULTS_DIR:-$BENCH_DIR/results}
MODULE=union-mutual-aid       # the module of the hot-deploy and throughput figures
# installed at start, as ./run.sh does: every module the distribution ships, each as a root feature, so
# that the hot-deploy figures can uninstall and install one of them
ALL_MODULES="*"
HARDSHIP_HOUSEHOLDS=${BENCH_HOUSEHOLDS:-20000}
FIGURES_ENROLMENTS=${BENCH_ENROLMENTS:-300000}
PASSWORD=demo1234
ONLY=${BENCH_ONLY:-}
DB_URL=${BENCH_DB_URL:-}
DB_USER=${BENCH_DB_USER:-portal}
DB_PASSWORD=${BENCH_DB_PASSWORD:-portal}
if [ -n "$DB_URL" ]; then
    DB_URL="${DB_URL%/}/"
    DB_LABEL="PostgreSQL"
    # the in-process JUnit benchmarks: ModuleTestDatabase makes a schema of its own in a database made for them
    # when first needed (junit_benchmark): a user with CREATEDB, as README asks for, may not create schemas in the
    # server's database postgres (PostgreSQL 15 and later)
    TEST_DB_PROPERTY=""
else
    DB_LABEL="Derby"
    TEST_DB_PROPERTY="unionportal.test.postgresql="
fi
START_TIMEOUT=${BENCH_START_TIMEOUT:-180}   # seconds, per start (raise it on a loaded machine)
CHANGE_TIMEOUT=120  # seconds, per hot install / uninstall
BASELINE_TIMEOUT=60 # seconds, from copying the baseline jar into deploy/ until both baselines answer
BUILD_TIMEOUT=600   # seconds, for building the baseline bundle
BASELINE_POM=$BENCH_DIR/baseline/pom.xml
BASELINE_JSON='{"status":"ok","n":42}'
BASELINE_SERVLET=/bench-baseline-servlet
BASELINE_JAXRS=""   # <default.application.base>/bench-baseline, from the unpacked etc/
BASELINE_JAR=""
CXF_ISOLATION=org.apache.cxf.osgi.http.transport.disable
WRK_TSV=$WORK/wrk-runs.tsv  # one line per wrk run: key, connections, run, req/s, p50, p99, requests, non-2xx, socket errors
CLAIMS_INFO=""      # what claims_setup.py prepared (JSON)
LIST_TOTAL=""       # SUBMITTED claims in the table during the list runs

NODES=${BENCH_NODES:-1}
HOME_DIR=""     # the unpacked distribution (karaf home)
HTTP_PORT=""
SSH_PORT=""
BASE=""
KARAF_PID=""    # the Karaf JVM, from karaf.pid
ROWS_OUT=()     # table rows: "| what | value |"
NOTES_OUT=()    # extra notes for the report

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
# median of the arguments (numbers; empty ones skipped), printed with 2 decimals; "n/a" when there are none
median() {
    python3 -c "import statistics,sys; v=[float(x) for x in sys.argv[1:] if x.strip() not in ('', 'n/a')]; print(f'{statistics.median(v):.2f}' if v else 'n/a')" "$@"
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

# Builds bench/baseline/ (its own Maven project; never the root pom) and sets BASELINE_JAR.
build_baseline() {
    log "building the baseline bundle (mvn -B -q -f bench/baseline/pom.xml package)"
    timeout "$BUILD_TIMEOUT" mvn -B -q -f "$BASELINE_POM" package >"$WORK/baseline-build.log" 2>&1 ||
        timeout "$BUILD_TIMEOUT" mvn -B -q -o -f "$BASELINE_POM" package >>"$WORK/baseline-build.log" 2>&1 ||
        die "the baseline bundle did not build (see $WORK/baseline-build.log)"
    BASELINE_JAR=$(ls "$BENCH_DIR"/baseline/target/bench-baseline-*.jar 2>/dev/null | grep -v -- '-sources' | head -1)
    [ -n "$BASELINE_JAR" ] || die "no bench/baseline/target/bench-baseline-*.jar after the build"
}

# wrk's -d (10s, 2m, ...) in seconds, plus a minute: the hard limit of one wrk run.
wrk_limit() {
    local d=$WRK_DURATION n
    n=${d%[smh]}
    [[ $n =~ ^[0-9]+$ ]] || die "BENCH_WRK_DURATION must be like 10s, 2m or 1h, not $d"
    case $d in *m) n=$((n * 60)) ;; *h) n=$((n * 3600)) ;; esac
    echo $((n + 60))
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

# Unpacks a fresh copy (so a fresh data folder) on new free ports, with the module installed at start, into
# $WORK/${1:-portal}. On PostgreSQL each copy gets a fresh database, except with $2 = same-database: then the copy
# uses the database of the previous one (PORTAL_DB), as a second node of one cluster.
PORTAL_DB=""
unpack() {
    local folder="$WORK/${1:-portal}" same_db=${2:-}
    [ -f "$DIST" ] || die "no distribution at $DIST; run mvn -B -ntp -q install -DskipTests first"
    gzip -t "$DIST" || die "$DIST is not a complete tar.gz (being rebuilt?)"
    rm -rf "$folder"
    mkdir -p "$folder"
    tar -xzf "$DIST" -C "$folder"
    HOME_DIR=$(dirname "$(ls -d "$folder"/*/bin/karaf | head -1)")
    HOME_DIR=$(dirname "$HOME_DIR")
    HTTP_PORT=$(free_port)
    SSH_PORT=$(free_port)
    while [ "$SSH_PORT" = "$HTTP_PORT" ]; do SSH_PORT=$(free_port); done
    BASE="http://127.0.0.1:$HTTP_PORT"
    set_cfg "$HOME_DIR/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP_PORT"
    set_cfg "$HOME_DIR/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT"
    set_cfg "$HOME_DIR/etc/org.unionportal.modules.cfg" install "$ALL_MODULES"
    if [ -n "$DB_URL" ]; then
        # a fresh database for the fresh copy, configured as ./run.sh configures it (README, "Running on PostgreSQL")
        local db hostport
        if [ "$same_db" = same-database ] && [ -n "$PORTAL_DB" ]; then
            db=$PORTAL_DB
        else
            db="bench_$(date +%Y%m%d%H%M%S)_$$"
            hostport=${DB_URL#jdbc:postgresql://}
            hostport=${hostport%%/*}
            PGPASSWORD="$DB_PASSWORD" psql -q -h "${hostport%:*}" -p "${hostport##*:}" -U "$DB_USER" -d postgres \
                -c "CREATE DATABASE $db" || die "cannot create the database $db on $DB_URL (psql, user $DB_USER)"
            PORTAL_DB=$db
        fi
        UNION_DB_URL="$DB_URL$db" UNION_DB_USER="$DB_USER" UNION_DB_PASSWORD="$DB_PASSWORD" \
            bash "$ROOT/run.sh" --configure-only "$HOME_DIR"
        # the bulk figures (issue 12) count on the driver turning JDBC batches into multi-row inserts
        grep -qE '^[[:space:]]*reWriteBatchedInserts[[:space:]]*=[[:space:]]*true' "$HOME_DIR/etc/org.ops4j.datasource-portal.cfg" ||
            die "$HOME_DIR/etc/org.ops4j.datasource-portal.cfg does not set reWriteBatchedInserts = true"
        log "portal database: PostgreSQL $DB_URL$db (reWriteBatchedInserts = true)"
    fi
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
    (cd "$HOME_DIR" && EXTRA_JAVA_OPTS="-Dunionportal.demo=true ${BENCH_JAVA_OPTS:-}" JAVA_OPTS="" bin/start >>"$HOME_DIR/bench-console.log" 2>&1)
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

# bin/stop of the copy in $1 (default: HOME_DIR), then waits for the JVM to end (kills that one pid after 60 s).
stop_portal() {
    local home=${1:-$HOME_DIR} pid
    [ -n "$home" ] && [ -d "$home" ] || return 0
    pid=$(cat "$home/karaf.pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    (cd "$home" && timeout 60 bin/stop >/dev/null 2>&1) || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
    log "karaf (pid $pid) did not stop within 60 s: killing it"
    kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    stop_second_node || true
    stop_portal "$NODE1_HOME" || true
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

# Heap used after a full GC, in MB (jcmd GC.run, then the "used" of GC.heap_info's heap lines).
heap_mb() {
    jcmd "$KARAF_PID" GC.run >/dev/null 2>&1 || true
    # G1 prints one "garbage-first heap ... used NK" line; the serial collector (bin/setenv) one per generation
    jcmd "$KARAF_PID" GC.heap_info 2>/dev/null |
        awk '/generation|garbage-first heap|Shenandoah|ZHeap/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); gsub(/[^0-9]/, "", v); sum += v } }
             END { printf "%.0f", sum / 1024 }'
}

# RSS read after the GC, so that every memory row is taken in the same state. The states after the
# wrk runs and after the install/uninstall cycles are reached once per benchmark, so their figure is
# the median of RUNS readings (a full GC, then RSS), 1 s apart, in that one JVM.
memory_row() {
    local rss=() heap=() i
    for i in $(seq 1 "$RUNS"); do
        [ "$i" = 1 ] || sleep 1
        heap+=("$(heap_mb)"); rss+=("$(rss_mb)")
    done
    row "memory $1: RSS / heap used after GC (median of $RUNS reading(s))" \
        "$(median "${rss[@]}" | cut -d. -f1) MB / $(median "${heap[@]}" | cut -d. -f1) MB"
}

# ------------------------------------------------------------------------------------------ measurements

measure_startup() {
    local fresh=() warm=() rss=() heap=() i
    for i in $(seq 1 "$RUNS"); do
        unpack
        start_portal; fresh+=("$STARTUP_S"); log "start-up, fresh data: ${fresh[-1]} s"
        stop_portal
        start_portal; warm+=("$STARTUP_S"); log "start-up, existing data: ${warm[-1]} s"
        heap+=("$(heap_mb)"); rss+=("$(rss_mb)")   # RSS read after heap_mb's GC, as in memory_row
        log "memory after start: RSS ${rss[-1]} MB, heap after GC ${heap[-1]} MB"
        [ "$i" = "$RUNS" ] || stop_portal
    done
    row "start-up to first authenticated 200 of /api/mutual-aid/plans, fresh data (s)" "$(median "${fresh[@]}")"
    row "start-up to first authenticated 200 of /api/mutual-aid/plans, existing data (s)" "$(median "${warm[@]}")"
    row "memory after start (existing data): RSS / heap used after GC" "$(median "${rss[@]}" | cut -d. -f1) MB / $(median "${heap[@]}" | cut -d. -f1) MB"
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

# Body of a GET without authentication ("" when there is no answer).
body_of() { curl -s -m 5 "$BASE$1" 2>/dev/null || true; }

# Restarts the portal once with CXF's shared OSGi HTTP transport switched off (see the header, step 3),
# unless the distribution already does it. Start-up and hot install/uninstall are measured before this,
# on the distribution as shipped.
isolate_cxf_applications() {
    if grep -qsE "^[[:space:]]*${CXF_ISOLATION//./\\.}[[:space:]]*[=:][[:space:]]*true" \
        "$HOME_DIR/etc/system.properties" "$HOME_DIR/etc/config.properties" "$HOME_DIR/etc/custom.properties" \
        || grep -qs -- "-D${CXF_ISOLATION}=true" "$HOME_DIR/bin/setenv"; then
        log "the distribution already sets $CXF_ISOLATION=true"
        NOTES_OUT+=("The distribution itself sets $CXF_ISOLATION=true; no restart was needed for the baseline.")
        return
    fi
    log "restarting with $CXF_ISOLATION=true, so that a second JAX-RS application can live beside the portal's"
    stop_portal
    printf '\n# bench/run.sh: one CXF destination registry per JAX-RS application (see bench/run.sh)\n%s = true\n' \
        "$CXF_ISOLATION" >>"$HOME_DIR/etc/system.properties"
    start_portal
    log "restarted in $STARTUP_S s"
    NOTES_OUT+=("Before the throughput section the portal was restarted once with $CXF_ISOLATION=true (in etc/system.properties of the benchmark's copy only). Without it, CXF's HTTP transport bundle gives all JAX-RS applications ONE destination registry in which every application's endpoint is \"/\": the baseline resource on the default application then fails with \"There is an endpoint already running on /\" and takes the portal's /api down with it (every /api answer 404). Start-up and hot install/uninstall above ran on the distribution as shipped.")
}

# Copies the baseline jar into deploy/ and waits until both baselines answer their JSON and the portal
# still answers (a failing second JAX-RS application takes /api down, see isolate_cxf_applications).
deploy_baseline() {
    local token base t0 deadline jaxrs="" servlet=""
    base=$(awk -F'=' '/^[[:space:]]*default\.application\.base[[:space:]]*=/ {gsub(/[[:space:]]/, "", $2); print $2}' \
        "$HOME_DIR/etc/org.apache.aries.jax.rs.whiteboard.default.cfg" 2>/dev/null | tail -1)
    BASELINE_JAXRS="${base%/}/bench-baseline"
    token=$(login admin)
    cp "$BASELINE_JAR" "$HOME_DIR/deploy/"
    t0=$(now)
    deadline=$((SECONDS + BASELINE_TIMEOUT))
    while ((SECONDS < deadline)); do
        jaxrs=$(body_of "$BASELINE_JAXRS"); servlet=$(body_of "$BASELINE_SERVLET")
        [ "$jaxrs" = "$BASELINE_JSON" ] && [ "$servlet" = "$BASELINE_JSON" ] && break
        sleep 0.1
    done
    [ "$jaxrs" = "$BASELINE_JSON" ] && [ "$servlet" = "$BASELINE_JSON" ] ||
        die "the baselines did not answer within ${BASELINE_TIMEOUT}s: $BASELINE_JAXRS gave '${jaxrs:0:100}', $BASELINE_SERVLET gave '${servlet:0:100}'"
    log "baselines answer $BASELINE_JSON at $BASELINE_JAXRS and $BASELINE_SERVLET, $(elapsed "$t0" "$(now)") s after the copy"
    sleep 2   # a broken portal application shows a moment later
    [ "$(status "$token" /api/mutual-aid/plans)" = 200 ] ||
        die "after the baseline bundle came, the portal's /api/mutual-aid/plans answers $(status "$token" /api/mutual-aid/plans)"
}

# The claims the throughput runs need: gig workers' enrolments and LIST_CLAIMS filed claims
# (claims_setup.py). Sets CLAIMS_INFO (its JSON) and CLAIMS_{ENROLMENTS,DAYS,FIRST,NEXT,CAPACITY}.
CLAIMS_ENROLMENTS=""; CLAIMS_DAYS=""; CLAIMS_FIRST=""; CLAIMS_NEXT=""; CLAIMS_CAPACITY=""
prepare_claims() {
    local token csv="$WORK/gig-workers.csv"
    token=$(login operator)
    [ -n "$token" ] || die "operator cannot log in"
    python3 "$BENCH_DIR/gen_roster.py" "$WRITE_ENROLMENTS" 0 "$csv" 新就业形态劳动者
    log "enrolling $WRITE_ENROLMENTS gig workers and filing $LIST_CLAIMS claims (bench/claims_setup.py)"
    CLAIMS_INFO=$(timeout 1800 python3 "$BENCH_DIR/claims_setup.py" "$BASE" "$token" "$csv" "$WORK/claims.dat" "$LIST_CLAIMS") ||
        die "claims_setup.py failed: $CLAIMS_INFO"
    log "claims: $CLAIMS_INFO"
    read -r CLAIMS_ENROLMENTS CLAIMS_DAYS CLAIMS_FIRST CLAIMS_NEXT CLAIMS_CAPACITY < <(python3 -c '
import json, sys
d = json.loads(sys.argv[1])
print(d["enrolments"], d["days"], d["first"], d["nextIndex"], d["capacity"])' "$CLAIMS_INFO")
}

# wrk prints 1.23ms, 456.00us, 1.02s, 1.50m: in milliseconds
to_ms() {
    awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /m$/) { sub(/m$/, "", v); v = v * 60000 } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }; printf "%.3f\n", v }'
}

# One wrk run: $1 key, $2 connections, $3 run number, $4 path, $5 Lua script, then the script's arguments.
# Appends a line to WRK_TSV; the output stays in WRK_OUT (for write_claim.lua's next-offset).
WRK_OUT=""
run_wrk() {
    local key=$1 c=$2 run=$3 path=$4 script=$5 threads rps p50 p99 reqs bad err
    shift 5
    threads=$((c < 2 ? 1 : 2))  # wrk needs at least one connection per thread
    WRK_OUT=$(timeout -k 10 "$WRK_LIMIT" wrk -t"$threads" -c"$c" -d"$WRK_DURATION" --timeout 10s --latency \
        -s "$script" "$BASE$path" ${1+--} "$@" 2>&1) || die "wrk on $path (c=$c) failed: ${WRK_OUT:0:500}"
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$WRK_OUT")
    [ -n "$rps" ] || die "no Requests/sec from wrk on $path (c=$c): ${WRK_OUT:0:500}"
    p50=$(awk '$1=="50%" {print $2}' <<<"$WRK_OUT" | to_ms)
    p99=$(awk '$1=="99%" {print $2}' <<<"$WRK_OUT" | to_ms)
    reqs=$(awk '/ requests in / {print $1}' <<<"$WRK_OUT")
    bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$WRK_OUT")
    err=$(awk '/Socket errors:/ { s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i + 0; print s }' <<<"$WRK_OUT")
    bad=${bad:-0}; err=${err:-0}
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$key" "$c" "$run" "$rps" "$p50" "$p99" "$reqs" "$bad" "$err" >>"$WRK_TSV"
    log "wrk $key c=$c run $run: $rps req/s, p50 $p50 ms, p99 $p99 ms, $reqs requests, non-2xx $bad, socket errors $err"
    if ((bad > 0 || err > 0)); then log "WARNING: $key c=$c: $bad non-2xx answers, $err socket errors"; fi
}

declare -A WRK_PATH=()
declare -A WRK_LABEL=()
WRK_KEYS=(servlet jaxrs list listfresh detail health write)
measure_throughput() {
    local token op claim i c key offset next
    deploy_baseline
    prepare_claims
    token=$(login admin)
    op=$(login operator)
    [ -n "$op" ] || die "operator cannot log in"
    OPERATOR_TOKEN=$op
    claim=$(curl -s -m 10 -H "Authorization: Bearer $token" "$BASE/api/mutual-aid/claims?status=SUBMITTED&size=50" |
        python3 -c 'import sys,json; d=json.load(sys.stdin); assert len(d["items"]) == 50, d["total"]; print(d["items"][0]["id"], d["total"])') ||
        die "the claims list has no full page of 50 SUBMITTED claims (BENCH_LIST_CLAIMS=$LIST_CLAIMS)"
    read -r claim LIST_TOTAL <<<"$claim"
    cat >"$WORK/auth.lua" <<EOF
wrk.headers["Authorization"] = "Bearer $token"
EOF
    # the list read afresh: the portal keeps a page until the next write, unless asked not to
    cat >"$WORK/auth-fresh.lua" <<EOF
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Cache-Control"] = "no-cache"
EOF
    WRK_PATH=(
        [servlet]="$BASELINE_SERVLET"
        [jaxrs]="$BASELINE_JAXRS"
        [list]="/api/mutual-aid/claims?status=SUBMITTED&size=50"
        [listfresh]="/api/mutual-aid/claims?status=SUBMITTED&size=50"
        [detail]="/api/mutual-aid/claims/$claim"
        [health]="/api/portal/health"
        [write]="/api/mutual-aid/claims")
    WRK_LABEL=(
        [servlet]="bare servlet: GET $BASELINE_SERVLET"
        [jaxrs]="bare JAX-RS: GET $BASELINE_JAXRS"
        [list]="list 50 claims: GET ${WRK_PATH[list]} (page 1 of $LIST_TOTAL; kept until the next write)"
        [listfresh]="list 50 claims read afresh: the same with Cache-Control: no-cache"
        [detail]="detail: GET ${WRK_PATH[detail]}"
        [health]="health: GET ${WRK_PATH[health]}"
        [write]="write: POST ${WRK_PATH[write]} (a new claim each)")
    : >"$WRK_TSV"
    # reads, interleaved: each run measures every endpoint at every connection count
    for i in $(seq 1 "$RUNS"); do
        for c in 1 16 64; do
            for key in servlet jaxrs list listfresh detail health; do
                run_wrk "$key" "$c" "$i" "${WRK_PATH[$key]}" "$WORK/$([ "$key" = listfresh ] && echo auth-fresh.lua || echo auth.lua)"
            done
        done
    done
    # writes last: they grow the claims table that the list reads
    offset=$CLAIMS_NEXT
    for i in $(seq 1 "$RUNS"); do
        for c in 1 16 64; do
            run_wrk write "$c" "$i" "${WRK_PATH[write]}" "$BENCH_DIR/write_claim.lua" \
                "$WORK/claims.dat" "$offset" "$((c < 2 ? 1 : 2))" "$op"
            next=$(awk '/^next-offset/ {print $2}' <<<"$WRK_OUT")
            [ -n "$next" ] || die "write_claim.lua printed no next-offset"
            offset=$next
        done
    done
    WRITE_OFFSET=$offset
    ((offset <= CLAIMS_CAPACITY)) ||
        log "WARNING: claim numbers up to $offset used, more than the $CLAIMS_CAPACITY distinct enrolment/day pairs: later writes repeat claims (409); raise BENCH_WRITE_ENROLMENTS"
    NOTES_OUT+=("Claims: $LIST_CLAIMS filed before the reads (the list's filter matched $LIST_TOTAL SUBMITTED claims during the reads), then up to $((offset - CLAIMS_NEXT)) by the wrk write runs (claim numbers used), on $CLAIMS_ENROLMENTS gig workers' enrolments (WX-XINBAO) over $CLAIMS_DAYS days from $CLAIMS_FIRST: at most $(((offset + CLAIMS_ENROLMENTS - 1) / CLAIMS_ENROLMENTS)) claims per enrolment at the end. Each write is a one-day hospital stay on its own enrolment/day pair, payable, no rejections (checked on the first seeded one).")
}

# The throughput table (markdown) and one line per portal figure, from WRK_TSV.
wrk_report() {
    local labels="" key
    for key in "${WRK_KEYS[@]}"; do labels+="$key=${WRK_LABEL[$key]}"$'\n'; done
    python3 - "$WRK_TSV" "$labels" <<'EOF'
import statistics, sys
from collections import defaultdict
tsv, labels = sys.argv[1], sys.argv[2]
order = [l.split("=", 1)[0] for l in labels.splitlines() if l]
label = dict(l.split("=", 1) for l in labels.splitlines() if l)
data = defaultdict(list)
for line in open(tsv):
    k, c, run, rps, p50, p99, reqs, bad, err = line.rstrip("\n").split("\t")
    data[(k, int(c))].append((float(rps), float(p50), float(p99), int(reqs or 0), int(bad), int(err)))
med = statistics.median
rps = {kc: med([r[0] for r in v]) for kc, v in data.items()}
print("| endpoint | conn | req/s | % of bare JAX-RS | p50 ms | p99 ms | runs | requests | non-2xx | socket errors |")
print("|---|---|---|---|---|---|---|---|---|---|")
lines = []
for k in order:
    for c in (1, 16, 64):
        v = data.get((k, c))
        if not v:
            continue
        base = rps.get(("jaxrs", c))
        share = 100 * rps[(k, c)] / base if base else None
        pct = "n/a" if share is None else f"{share:.1f} %" if share < 10 else f"{share:.0f} %"
        bad, err = sum(r[4] for r in v), sum(r[5] for r in v)
        total = sum(r[3] for r in v)
        print(f"| {label[k]} | {c} | {rps[(k, c)]:,.0f} | {pct} | {med([r[1] for r in v]):.2f} | {med([r[2] for r in v]):.2f} "
              f"| {len(v)} | {total:,} | {bad:,} | {err:,} |")
        if k != "jaxrs":
            short = label[k].split(":")[0]
            failed = 100 * (bad + err) / total if total else 100
            flag = ""
            if bad or err:
                flag = (f" (NOT VALID: " if failed > 1 else " (WARNING: ") + f"{bad:,} non-2xx and {err:,} socket errors in {total:,} requests = {failed:.2g} %)"
            target = ""
            if k in ("list", "listfresh") and base:
                target = " (target >= 50 %: " + ("met" if rps[(k, c)] >= 0.5 * base else "NOT met") + ")"
            lines.append(f"- {short} @{c}: {rps[(k, c)]:,.0f} req/s = {pct} of bare JAX-RS{target}{flag}")
print()
print("Each figure as a share of the bare JAX-RS resource's requests/s at the same connections (ratio of the medians):")
print()
print("\n".join(lines))
EOF
}

measure_cycles() {
    local token i
    token=$(login admin)
    log "$CYCLES install/uninstall cycles"
    for i in $(seq 1 "$CYCLES"); do
        client "feature:uninstall $MODULE" >/dev/null; await_module "$token" down
        client "feature:install $MODULE" >/dev/null; await_module "$token" up
        client "feature:uninstall union-hardship-aid" >/dev/null; await_status "$token" /api/hardship-aid/households 404
        client "feature:install union-hardship-aid" >/dev/null; await_status "$token" /api/hardship-aid/households 200
    done
}

# Waits until GET $2 answers status $3; token $1.
await_status() {
    local deadline=$((SECONDS + CHANGE_TIMEOUT)) code
    while ((SECONDS < deadline)); do
        code=$(status "$1" "$2")
        [ "$code" = "$3" ] && return 0
        sleep 0.05
    done
    die "$2 did not answer $3 within ${CHANGE_TIMEOUT}s (last $code)"
}

# Runs a JUnit class tagged "benchmark" (skipped by the build) in bundle $1: class $2, with the system
# property $3 (name=value); prints its "BENCH <$4> ... <$5>=<value>" median (offline first, then online).
# On PostgreSQL, makes the in-process benchmarks' database once (not in a subshell: it sets TEST_DB_PROPERTY).
inprocess_database() {
    [ -z "$TEST_DB_PROPERTY" ] || return 0
    local db="bench_inprocess_$(date +%Y%m%d%H%M%S)_$$" hostport=${DB_URL#jdbc:postgresql://}
    hostport=${hostport%%/*}
    PGPASSWORD="$DB_PASSWORD" psql -q -h "${hostport%:*}" -p "${hostport##*:}" -U "$DB_USER" -d postgres \
        -c "CREATE DATABASE $db" || die "cannot create the database $db on $DB_URL (psql, user $DB_USER)"
    TEST_DB_PROPERTY="unionportal.test.postgresql=${DB_URL}$db?user=${DB_USER}&password=${DB_PASSWORD}"
}

junit_benchmark() {
    local out median
    out=$(cd "$ROOT" && mvn -B -ntp -q -o test -pl "bundles/$1" -Dtest="$2" -Dsurefire.excludedGroups=none \
        -D"$3" -D"$TEST_DB_PROPERTY" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
        || mvn -B -ntp -q test -pl "bundles/$1" -Dtest="$2" -Dsurefire.excludedGroups=none -D"$3" -D"$TEST_DB_PROPERTY" 2>&1) ||
        die "$2 failed: ${out: -2000}"
    printf '%s\n' "$out" | grep '^BENCH' >&2 || true
    median=$(printf '%s\n' "$out" | sed -n "s/^BENCH $4 .*$5=\([0-9.]*\).*/\1/p")
    [ -n "$median" ] || die "no result from $2: ${out: -2000}"
    echo "$median"
}

# The quarterly hardship batch for $HARDSHIP_HOUSEHOLDS households: the generation itself (rules, reading the
# households, writing the lines in one transaction) on a Derby database on disk (or PostgreSQL, BENCH_DB_URL), in a JVM of its own, three
# quarters, median. Run with the portal stopped.
measure_hardship_batch() {
    local median
    log "hardship batch for $HARDSHIP_HOUSEHOLDS households (mvn, bundles/hardship-aid)"
    # an assignment of its own, so that a failure (die in the subshell) stops the script (set -e)
    inprocess_database
    median=$(junit_benchmark hardship-aid HardshipBatchBenchmark "bench.households=$HARDSHIP_HOUSEHOLDS" hardship-batch-median seconds)
    row "bulk: generate a quarterly hardship batch for $HARDSHIP_HOUSEHOLDS households ($((2 * HARDSHIP_HOUSEHOLDS)) lines), in-process $DB_LABEL (s)" "$median"
}

# The mutual-aid figures page's queries over $FIGURES_ENROLMENTS enrolments (five times, median), the same way:
# a benchmark-tagged JUnit class on a Derby database on disk (or PostgreSQL), in a JVM of its own, with the portal stopped.
measure_figures() {
    local median
    log "figures over $FIGURES_ENROLMENTS enrolments (mvn, bundles/mutual-aid)"
    inprocess_database
    median=$(junit_benchmark mutual-aid FiguresBenchmark "bench.enrolments=$FIGURES_ENROLMENTS" figures-median ms)
    row "bulk: the mutual-aid figures page's queries over $FIGURES_ENROLMENTS enrolments, in-process $DB_LABEL (ms)" "$median"
}

# Reading, checking and writing a $ROWS-row roster inside one JVM (no HTTP, no database): the mutual-aid roster
# reader on CSV and XLSX, the roster checks, and the XLSX writer (TableExport); five runs each, medians.
measure_roster_files() {
    local out what median
    log "roster files of $ROWS rows (mvn, bundles/mutual-aid)"
    out=$(cd "$ROOT" && mvn -B -ntp -q -o test -pl bundles/mutual-aid -Dtest=RosterBenchmark -Dsurefire.excludedGroups=none \
        -Dbench.rosterRows="$ROWS" -Dsurefire.failIfNoSpecifiedTests=false 2>&1) || die "RosterBenchmark failed: ${out: -2000}"
    printf '%s\n' "$out" | grep '^BENCH' >&2 || true
    for what in roster-csv-read roster-checks roster-xlsx-read roster-xlsx-write; do
        median=$(printf '%s\n' "$out" | sed -n "s/^BENCH $what-median .*ms=\([0-9.]*\).*/\1/p")
        [ -n "$median" ] || die "no $what result from RosterBenchmark: ${out: -2000}"
        row "files: $what, $ROWS rows, in one JVM (ms)" "$median"
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

# ------------------------------------------------------------------------------------------ two nodes (BENCH_NODES=2)

# A second copy of the distribution on the first one's PostgreSQL database, and haproxy (round-robin, health check
# on /api/portal/ready, as README "Running several nodes") on 127.0.0.1 in front of both. The list, detail and write
# runs go through the balancer twice: with the second node in maintenance (1 node) and with both (2 nodes), so that
# both figures pay the balancer's hop. Both nodes, haproxy, wrk and PostgreSQL share this machine's cores: the ratio
# is the cluster's overhead and gain on ONE machine, not the scaling across machines.
OPERATOR_TOKEN=""   # the operator's token of the write runs
WRITE_OFFSET=""     # the next claim number of write_claim.lua after the single-node writes
NODE1_HOME=""
NODE2_HOME=""; NODE2_HTTP=""
HAPROXY_PID=""
HAPROXY_DIR=$WORK/haproxy
BALANCER=""
HAPROXY_TIMEOUT=60  # seconds until haproxy sees a node up / in maintenance

start_second_node() {
    local home=$HOME_DIR http=$HTTP_PORT ssh=$SSH_PORT base=$BASE pid=$KARAF_PID
    NODE1_HOME=$home
    unpack portal2 same-database
    NODE2_HOME=$HOME_DIR; NODE2_HTTP=$HTTP_PORT
    log "starting the second node on the same database (http $NODE2_HTTP)"
    start_portal
    log "second node up in $STARTUP_S s"
    HOME_DIR=$home; HTTP_PORT=$http; SSH_PORT=$ssh; BASE=$base; KARAF_PID=$pid
}

stop_second_node() {
    if [ -n "$HAPROXY_PID" ]; then
        kill "$HAPROXY_PID" 2>/dev/null || true
        wait "$HAPROXY_PID" 2>/dev/null || true
        HAPROXY_PID=""
    fi
    [ -z "$NODE2_HOME" ] || stop_portal "$NODE2_HOME"
}

# One command on haproxy's admin socket; its answer on stdout.
haproxy_cmd() {
    python3 - "$HAPROXY_DIR/admin.sock" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(5)
s.connect(sys.argv[1])
s.sendall((sys.argv[2] + "\n").encode())
out = b""
while True:
    d = s.recv(65536)
    if not d:
        break
    out += d
print(out.decode())
PY
}

# haproxy's status of server $1 of backend portal (UP, DOWN, MAINT, ...); empty when the socket does not answer.
server_status() {
    { haproxy_cmd "show stat" 2>/dev/null || true; } | awk -F, -v s="$1" '$1 == "portal" && $2 == s { print $18 }'
}

# Waits until haproxy shows server $1 with a status starting with $2.
await_server() {
    local deadline=$((SECONDS + HAPROXY_TIMEOUT)) st=""
    while ((SECONDS < deadline)); do
        st=$(server_status "$1")
        [[ $st == "$2"* ]] && return 0
        sleep 0.2
    done
    die "haproxy did not see server $1 as $2 within ${HAPROXY_TIMEOUT}s (last: '$st'; see $HAPROXY_DIR/haproxy.log)"
}

start_balancer() {
    local port
    port=$(free_port)
    rm -rf "$HAPROXY_DIR"
    mkdir -p "$HAPROXY_DIR"
    # the configuration of README "Running several nodes", on this benchmark's addresses
    cat >"$HAPROXY_DIR/haproxy.cfg" <<CFG
global
    stats socket $HAPROXY_DIR/admin.sock mode 600 level admin
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
frontend portal
    bind 127.0.0.1:$port
    default_backend portal
backend portal
    balance roundrobin
    option httpchk GET /api/portal/ready
    http-check expect status 200
    server n1 127.0.0.1:$HTTP_PORT check inter 500ms fall 2 rise 2
    server n2 127.0.0.1:$NODE2_HTTP check inter 500ms fall 2 rise 2
CFG
    haproxy -f "$HAPROXY_DIR/haproxy.cfg" -db >"$HAPROXY_DIR/haproxy.log" 2>&1 &
    HAPROXY_PID=$!
    BALANCER="http://127.0.0.1:$port"
    await_server n1 UP
    await_server n2 UP
    log "haproxy (pid $HAPROXY_PID) on $BALANCER, round-robin over 127.0.0.1:$HTTP_PORT and 127.0.0.1:$NODE2_HTTP"
}

# $1 = 1: only n1 serves (n2 in maintenance); 2: both.
serve_with() {
    if [ "$1" = 1 ]; then
        haproxy_cmd "set server portal/n2 state maint" >/dev/null
        await_server n2 MAINT
    else
        haproxy_cmd "set server portal/n2 state ready" >/dev/null
        await_server n2 UP
    fi
}

measure_nodes() {
    local op i c key n base=$BASE offset=$WRITE_OFFSET next
    start_second_node
    start_balancer
    # the writes' token of the single-node runs: sessions live in the database, so both nodes know it (and a new
    # sign-in, 600,000 PBKDF2 iterations, can take longer than login()'s 5 s on a loaded machine)
    op=$OPERATOR_TOKEN
    BASE=$BALANCER
    # reads first (1 node, then 2 nodes), then the writes: the reads of both see the same claims table
    for n in 1 2; do
        serve_with "$n"
        for i in $(seq 1 "$RUNS"); do
            for c in 1 16 64; do
                for key in list listfresh detail; do
                    run_wrk "nodes$n-$key" "$c" "$i" "${WRK_PATH[$key]}" "$WORK/$([ "$key" = listfresh ] && echo auth-fresh.lua || echo auth.lua)"
                done
            done
        done
    done
    for n in 1 2; do
        serve_with "$n"
        for i in $(seq 1 "$RUNS"); do
            for c in 1 16 64; do
                run_wrk "nodes$n-write" "$c" "$i" "${WRK_PATH[write]}" "$BENCH_DIR/write_claim.lua" \
                    "$WORK/claims.dat" "$offset" "$((c < 2 ? 1 : 2))" "$op"
                next=$(awk '/^next-offset/ {print $2}' <<<"$WRK_OUT")
                [ -n "$next" ] || die "write_claim.lua printed no next-offset"
                offset=$next
            done
        done
    done
    BASE=$base
    ((offset <= CLAIMS_CAPACITY)) ||
        log "WARNING: claim numbers up to $offset used, more than the $CLAIMS_CAPACITY distinct enrolment/day pairs: later writes repeat claims (409); raise BENCH_WRITE_ENROLMENTS"
    stop_second_node
    NOTES_OUT+=("Two nodes (BENCH_NODES=2): a second copy of the distribution on the same PostgreSQL database, haproxy round-robin on 127.0.0.1 (health check /api/portal/ready). Both columns of the two-node table go through haproxy: '1 node' with the second node in maintenance, '2 nodes' with both. Both nodes, haproxy, wrk and PostgreSQL run on this one machine ($(nproc) cores): the ratio shows the cluster's overhead and gain on one machine, not scaling across machines.")
}

# The 1-vs-2-node table (markdown) from WRK_TSV's nodes1-* and nodes2-* lines.
nodes_report() {
    local labels="" key
    for key in list listfresh detail write; do labels+="$key=${WRK_LABEL[$key]}"$'\n'; done
    python3 - "$WRK_TSV" "$labels" <<'PY'
import statistics, sys
from collections import defaultdict
tsv, labels = sys.argv[1], sys.argv[2]
order = [l.split("=", 1)[0] for l in labels.splitlines() if l]
label = dict(l.split("=", 1) for l in labels.splitlines() if l)
data = defaultdict(list)
for line in open(tsv):
    k, c, run, rps, p50, p99, reqs, bad, err = line.rstrip("\n").split("\t")
    if k.startswith("nodes"):
        data[(k, int(c))].append((float(rps), float(p99), int(reqs or 0), int(bad), int(err)))
med = statistics.median
print("| endpoint, through haproxy | conn | 1 node req/s | 2 nodes req/s | 2 nodes / 1 node | p99 ms, 1 / 2 nodes | non-2xx + socket errors, 1 / 2 nodes |")
print("|---|---|---|---|---|---|---|")
for k in order:
    for c in (1, 16, 64):
        one, two = data.get((f"nodes1-{k}", c)), data.get((f"nodes2-{k}", c))
        if not one or not two:
            continue
        r1, r2 = med([r[0] for r in one]), med([r[0] for r in two])
        ratio = f"{r2 / r1:.2f}" if r1 else "n/a"
        e1, e2 = sum(r[3] + r[4] for r in one), sum(r[3] + r[4] for r in two)
        print(f"| {label[k]} | {c} | {r1:,.0f} | {r2:,.0f} | {ratio} | {med([r[1] for r in one]):.2f} / {med([r[1] for r in two]):.2f} | {e1:,} / {e2:,} |")
PY
}

# ------------------------------------------------------------------------------------------ report

write_report() {
    local file="$RESULTS_DIR/$(date +%Y-%m-%d-%H%M).md" note
    mkdir -p "$RESULTS_DIR"
    {
        echo "# Union Portal benchmark, $(date -Is)"
        echo
        echo "Medians over $RUNS run(s). Distribution: $(basename "$DIST"). Demo mode, $([ -n "$DB_URL" ] && echo "PostgreSQL ($DB_URL)" || echo "embedded Derby"), $NODES node(s), 127.0.0.1 only."
        echo
        echo "| measurement | value |"
        echo "|---|---|"
        printf '%s\n' "${ROWS_OUT[@]}"
        echo
        if [ -s "$WRK_TSV" ] && { [ -z "$ONLY" ] || [[ ,$ONLY, == *,throughput,* ]]; }; then
            echo "## Throughput and latency (wrk)"
            echo
            wrk_report
            echo
        fi
        if [ "$NODES" = 2 ]; then
            echo "## One node vs two nodes behind haproxy (wrk, PostgreSQL)"
            echo
            nodes_report
            echo
        fi
        echo "Notes:"
        echo "- Hot install/uninstall times include one bin/client JVM start; subtract the client round trip for the portal's own share."
        echo "- Baselines, in the same container and the same run: bench/baseline/, a JAX-RS whiteboard resource on the default application ($BASELINE_JAXRS: the distribution moves the default application to $(dirname "$BASELINE_JAXRS")) and a plain HTTP-whiteboard servlet ($BASELINE_SERVLET), both returning the fixed $BASELINE_JSON. The bare JAX-RS resource is the reference of every percentage."
        echo "- /api/portal/health goes through the portal's application: authentication filter (a database transaction per request), JSON provider; no module code."
        echo "- wrk: -d $WRK_DURATION, --timeout 10s, 2 threads (1 at 1 connection); the admin token in an Authorization header on every GET (also on the baselines, which ignore it); the write as the demo operator (bench/write_claim.lua). Reads are interleaved (each run measures every endpoint at 1, 16 and 64 connections), the writes come after all reads. Every figure is the median of the runs; requests, non-2xx and socket errors are sums over the runs. A figure with more than 1 % non-2xx answers or socket errors is marked NOT VALID; any lower count is marked as a WARNING (the portal's log, data/log/karaf.log of the copy, says why)."
        for note in "${NOTES_OUT[@]}"; do echo "- $note"; done
        echo "- Memory after start is the median over the runs' start-ups on existing data; the two later memory rows are states reached once per benchmark, so their figure is the median of $RUNS reading(s) 1 s apart in that JVM."
        echo "- Raw wrk figures of every run: bench/target/wrk-runs.tsv (until the next benchmark)."
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

# BENCH_ONLY=startup,hotdeploy,throughput,bulk,batch (any of them): only those measurements (for a quick before/after of
# one figure), in that order; the report holds only their rows (and the wrk table with throughput). batch is the in-process
# hardship batch of the checked-out source tree, not of BENCH_DIST.
measure_only() {
    local step
    for step in ${ONLY//,/ }; do
        case $step in
            startup) measure_startup ;;
            bulk) [ -n "$KARAF_PID" ] || { unpack; start_portal; }; measure_bulk ;;
            hotdeploy) [ -n "$KARAF_PID" ] || { unpack; start_portal; }; measure_hot_deploy ;;
            throughput) WRK_LIMIT=$(wrk_limit) || exit 1
                ensure_wrk; build_baseline
                [ -n "$KARAF_PID" ] || { unpack; start_portal; }
                isolate_cxf_applications; measure_throughput ;;
            batch) stop_portal; measure_hardship_batch ;;
            *) die "BENCH_ONLY knows startup, hotdeploy, throughput, bulk and batch, not $step" ;;
        esac
    done
    stop_portal
    write_report
}

WRK_LIMIT=""
main() {
    case $NODES in
        1) ;;
        2) [ -n "$DB_URL" ] || die "BENCH_NODES=2 needs BENCH_DB_URL (PostgreSQL: embedded Derby opens a database in one process only)"
           command -v haproxy >/dev/null || die "BENCH_NODES=2 needs haproxy (apt-get install haproxy)" ;;
        *) die "BENCH_NODES must be 1 or 2, not $NODES" ;;
    esac
    mkdir -p "$WORK"
    if [ -n "$ONLY" ]; then measure_only; return; fi
    WRK_LIMIT=$(wrk_limit) || exit 1
    ensure_wrk
    build_baseline
    measure_startup                 # also the memory after start
    measure_hot_deploy
    isolate_cxf_applications
    measure_throughput              # deploys the baseline bundle, prepares the claims, runs wrk
    memory_row "after wrk runs"
    if [ "$NODES" = 2 ]; then measure_nodes; fi   # stops the second node again: the cycles below run on one
    measure_cycles
    memory_row "after $CYCLES install/uninstall cycles"
    measure_bulk
    stop_portal
    measure_hardship_batch
    measure_figures
    measure_roster_files
    write_report
}

main "$@"
