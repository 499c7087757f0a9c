#!/usr/bin/env bash
# A real Neo4j 5 (Community, embedded in a small Java launcher) for the test suite, no Docker.
#
#   server.sh start   build if needed, start (or reuse a live one), wait for Bolt; the last line
#                     on stdout is the URI, bolt://127.0.0.1:PORT; exit 0
#   server.sh stop    stop the server by its pid (SIGTERM, wait, then SIGKILL)
#   server.sh status  print the URI and exit 0 when a server is up, exit 1 otherwise
#   server.sh import DIR [ARGFILE]
#                     a fresh start on a database made by `neo4j-admin database import full`
#                     (org.neo4j.cli.AdminTool from the same Maven artifacts) from the CSV files
#                     in DIR, with the options in DIR/ARGFILE (default import.args, as
#                     `kg export --format neo4j-import` writes it); fails when a server is up
#
# NEO4J_TEST_PORT (default 17687) picks the port; each port has its own run directory
# (run/PORT: data, pid, ready, log), so several servers can run at once. A fresh start wipes the
# data. NEO4J_TEST_HEAP (default 2g, as docker-compose) sets the JVM heap, held from the start (a
# heap grown from 256m spent 36 s of a 1M-edge write in young GCs, 2g 1.7 s; the GC log is
# run/PORT/gc.log), NEO4J_TEST_PAGECACHE (default 1g, taken as
# it fills: 256m no longer held the 100,000-paper benchmark graph) the page cache,
# NEO4J_TEST_START_TIMEOUT (default 180)
# the seconds to wait for Bolt; NEO4J_TEST_PASSWORD, when set, turns auth on with that password
# for user neo4j (the default is auth off). NEO4J_TEST_GDS=1 starts it with the Graph Data Science
# plugin (Maven artifact org.neo4j.gds:proc, built into target/gds); the default is without. Progress and errors go to stderr; a failure is one line there
# and a non-zero exit.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${NEO4J_TEST_PORT:-17687}"
RUN="$HERE/run/$PORT"
PID_FILE="$RUN/pid"
READY_FILE="$RUN/ready"
LOG_FILE="$RUN/neo4j.log"
JAR="$HERE/target/neo4j-test-server-1.0.0.jar"
URI="bolt://127.0.0.1:$PORT"

fail() { echo "neo4j-test-server: $*" >&2; exit 1; }
say() { echo "neo4j-test-server: $*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

live_pid() {
  # The pid in the pid file when that process is still our launcher.
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid="$(cat "$PID_FILE" 2>/dev/null)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  grep -q "kg.testserver.Launcher" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

need_java() {
  command -v java >/dev/null || fail "java not found: install a JDK 17 or 21 (e.g. apt-get install openjdk-17-jdk-headless)"
  local major
  major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  [ -n "$major" ] && [ "$major" -ge 17 ] || fail "java ${major:-?} found, Neo4j 5 needs Java 17 or 21"
}

build() {
  local stale=0 src
  [ -f "$JAR" ] && [ -d "$HERE/target/lib" ] && [ -d "$HERE/target/gds" ] || stale=1
  for src in "$HERE/pom.xml" $(find "$HERE/src" -name '*.java'); do
    [ "$src" -nt "$JAR" ] && stale=1
  done
  [ "$stale" = 1 ] || return 0
  command -v mvn >/dev/null || fail "mvn not found: install Maven (e.g. apt-get install maven) to build the launcher"
  say "building the launcher with Maven (the first build downloads Neo4j into ~/.m2)..."
  # Servers on other ports may build at the same moment: one build at a time.
  (
    flock 9
    if [ ! -f "$JAR" ] || [ ! -d "$HERE/target/gds" ] || [ "$HERE/pom.xml" -nt "$JAR" ] || [ -n "$(find "$HERE/src" -newer "$JAR" -name '*.java')" ]; then
      # A new pom may pin other versions: drop the old jars so only one of each is on the path.
      [ "$HERE/pom.xml" -nt "$JAR" ] && rm -rf "$HERE/target/lib" "$HERE/target/gds"
      mvn -q -B -f "$HERE/pom.xml" package -DskipTests >"$HERE/.build.log" 2>&1 \
        || { echo "neo4j-test-server: Maven build failed: $(grep -m1 -E 'ERROR.*(\.java|resolve|Could not)' "$HERE/.build.log" || grep -m1 ERROR "$HERE/.build.log")" >&2; exit 1; }
      touch "$JAR"
    fi
  ) 9>"$HERE/.build.lock" || exit 1
}

wait_ready() {
  local pid="$1" timeout="${NEO4J_TEST_START_TIMEOUT:-180}" waited=0
  while [ "$waited" -lt "$((timeout * 2))" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      fail "Neo4j exited during start-up: $(grep -m1 -iE 'exception|error' "$LOG_FILE" || tail -1 "$LOG_FILE") (log: $LOG_FILE)"
    fi
    if [ -f "$READY_FILE" ] && port_open; then
      return 0
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  fail "Bolt did not accept connections on $URI within ${timeout}s (log: $LOG_FILE)"
}

java_cp() {
  # With NEO4J_TEST_GDS=1 the Graph Data Science jars (target/gds) join the classpath.
  if [ "${NEO4J_TEST_GDS:-0}" = 1 ]; then
    echo "$JAR:$HERE/target/lib/*:$HERE/target/gds/*"
  else
    echo "$JAR:$HERE/target/lib/*"
  fi
}

start() {
  local pid
  if [ -z "${IMPORT_DIR:-}" ] && pid="$(live_pid)"; then
    say "reusing the server running as pid $pid"
    wait_ready "$pid"
    echo "$URI"
    exit 0
  fi
  rm -f "$PID_FILE" "$READY_FILE"
  need_java
  port_open && fail "port $PORT is taken by another process: set NEO4J_TEST_PORT to a free port"
  build
  rm -rf "$RUN/data"
  mkdir -p "$RUN/data"
  [ -n "${IMPORT_DIR:-}" ] && import_csv
  say "starting Neo4j on $URI (log: $LOG_FILE)..."
  local plugins=""
  [ "${NEO4J_TEST_GDS:-0}" = 1 ] && plugins="$HERE/target/gds"
  # setsid: the server outlives the shell that started it and is stopped by its pid.
  NEO4J_TEST_PLUGINS="$plugins" setsid java \
    "-Xms${NEO4J_TEST_HEAP:-2g}" "-Xmx${NEO4J_TEST_HEAP:-2g}" "-Xlog:gc:file=$RUN/gc.log" \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/java.lang=ALL-UNNAMED \
    -Dio.netty.tryReflectionSetAccessible=true \
    -cp "$(java_cp)" \
    kg.testserver.Launcher "$PORT" "$RUN/data" "$READY_FILE" \
    </dev/null >"$LOG_FILE" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_FILE"
  wait_ready "$pid"
  say "Neo4j is up (pid $pid)"
  echo "$URI"
}

import_csv() {
  # The import tool writes $NEO4J_HOME/data/databases/neo4j, where the launcher's home is RUN/data.
  say "importing $IMPORT_DIR/$IMPORT_ARGS with neo4j-admin database import full (log: $RUN/import.log)..."
  ( cd "$IMPORT_DIR" && NEO4J_HOME="$RUN/data" java "-Xmx${NEO4J_TEST_HEAP:-1g}" -cp "$(java_cp)" \
      org.neo4j.cli.AdminTool database import full --overwrite-destination "@$IMPORT_ARGS" neo4j \
      </dev/null >"$RUN/import.log" 2>&1 ) \
    || fail "the import failed: $(grep -m1 -iE 'exception|error|invalid' "$RUN/import.log" || tail -1 "$RUN/import.log") (log: $RUN/import.log)"
}

stop() {
  local pid waited=0
  if ! pid="$(live_pid)"; then
    rm -f "$PID_FILE" "$READY_FILE"
    say "no server running on port $PORT"
    exit 0
  fi
  say "stopping Neo4j (pid $pid)..."
  kill -TERM "$pid" 2>/dev/null
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 60 ]; do
    sleep 0.5
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "no clean shutdown within 30s: killing pid $pid"
    kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$PID_FILE" "$READY_FILE"
}

status() {
  local pid
  if pid="$(live_pid)" && [ -f "$READY_FILE" ] && port_open; then
    echo "$URI"
    exit 0
  fi
  say "no server running on port $PORT"
  exit 1
}

mkdir -p "$RUN"
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  import)
    [ -n "${2:-}" ] && [ -d "$2" ] || fail "usage: server.sh import DIR [ARGFILE] (DIR: a directory of CSV files)"
    IMPORT_DIR="$(cd "$2" && pwd)"
    IMPORT_ARGS="${3:-import.args}"
    [ -f "$IMPORT_DIR/$IMPORT_ARGS" ] || fail "no $IMPORT_ARGS in $IMPORT_DIR"
    live_pid >/dev/null && fail "a server is running on port $PORT: stop it first (server.sh stop)"
    start ;;
  *) echo "usage: server.sh start|stop|status|import DIR (port from NEO4J_TEST_PORT, default 17687)" >&2; exit 2 ;;
esac
