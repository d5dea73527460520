#!/usr/bin/env bash
# Builds Union Portal (skipping tests) and starts it in the foreground with demo data on embedded Derby
# and every module installed.
# Open http://127.0.0.1:8181/ and sign in as admin / demo1234. Stop with Ctrl-D or `system:shutdown`.
# Data lives in karaf-assembly/target/assembly/data (kept across runs, removed by `mvn clean`).
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  export JAVA_HOME
fi
if [ "${1:-}" != "--no-build" ]; then
  mvn -B -ntp -q install -DskipTests
fi
# The demo runs every module: the one config line a district would set to its own choice.
modules_cfg=karaf-assembly/target/assembly/etc/org.unionportal.modules.cfg
if grep -q '^install *= *$' "$modules_cfg"; then
  sed -i 's/^install *= *$/install = union-all/' "$modules_cfg"
fi
export EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -Dunionportal.demo=true"
exec karaf-assembly/target/assembly/bin/karaf
