#!/usr/bin/env bash
# Builds Union Portal (skipping tests) and starts it in the foreground with demo data on embedded Derby
# (or on PostgreSQL with UNION_DB_URL set, see below) and every module installed.
# Open http://127.0.0.1:8181/ and sign in as admin / demo1234. Stop with Ctrl-D or `system:shutdown`.
# Data lives in karaf-assembly/target/assembly/data (kept across runs, removed by `mvn clean`).
#
#   ./run.sh                       build, configure, start
#   ./run.sh --no-build            configure and start the distribution built before
#   ./run.sh --configure-only DIR  only write run.sh's configuration into the unpacked distribution DIR
#                                  (the integration tests start their portal exactly like this)
set -euo pipefail
cd "$(dirname "$0")"
home=karaf-assembly/target/assembly
build=true
start=true
case "${1:-}" in
  --no-build) build=false ;;
  --configure-only) build=false; start=false; home="${2:?--configure-only needs the distribution folder}" ;;
esac
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  export JAVA_HOME
fi
if $build; then
  mvn -B -ntp -q install -DskipTests
fi
# The demo runs every module: `install = *` is the one config line a district sets to its own choice.
# Only an empty line is filled in, so a choice made in the file is kept. The portal applies the line
# when its value changes, so a module uninstalled at runtime stays uninstalled at the next start.
modules_cfg="$home/etc/org.unionportal.modules.cfg"
# (union-all, which pinned every module, is gone: a folder configured by an older run.sh gets * instead.)
if grep -q '^install *= *\(union-all\)\? *$' "$modules_cfg"; then
  sed -i 's/^install *= *\(union-all\)\? *$/install = */' "$modules_cfg"
fi
# The database: embedded Derby as shipped. With UNION_DB_URL set (jdbc:postgresql://host:port/database), plus
# UNION_DB_USER and UNION_DB_PASSWORD, etc/org.ops4j.datasource-portal.cfg becomes the shipped PostgreSQL one
# with these values (README, "Running on PostgreSQL"). Without UNION_DB_URL the file is left as it is.
if [ -n "${UNION_DB_URL:-}" ]; then
  case "$UNION_DB_URL" in
    jdbc:postgresql:*) ;;
    *) echo "run.sh: UNION_DB_URL must look like jdbc:postgresql://127.0.0.1:5432/portal" >&2; exit 2 ;;
  esac
  # the shipped PostgreSQL file with url, user and password replaced (values taken as they are, through ENVIRON)
  UNION_DB_USER="${UNION_DB_USER:-portal}" UNION_DB_PASSWORD="${UNION_DB_PASSWORD:-portal}" awk '
    /^url *=/      { print "url = " ENVIRON["UNION_DB_URL"]; next }
    /^user *=/     { print "user = " ENVIRON["UNION_DB_USER"]; next }
    /^password *=/ { print "password = " ENVIRON["UNION_DB_PASSWORD"]; next }
    { print }' "$home/etc/org.ops4j.datasource-portal.cfg.postgresql" > "$home/etc/org.ops4j.datasource-portal.cfg"
fi
if ! $start; then
  exit 0
fi
export EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -Dunionportal.demo=true"
exec "$home/bin/karaf"
