#!/usr/bin/env bash
# Loads the overlay server's beacon (POST /beacon) and tracking redirect (GET /t/{code}) on loopback with wrk, and
# prints wrk's reports. Installs nothing (needs wrk and curl). Stops by itself: the server is stopped (stdin closed,
# then SIGTERM, then SIGKILL) whatever happens, and every wait is bounded.
#
#   bench/overlay-http.sh
#
# Settings, from the environment: PORT (17731), DURATION (20s), THREADS (2), CONNECTIONS (32), TICKETS (200000).
# See docs/BENCHMARKS.md, "Overlay server: beacons, tracking redirects, the page".
set -euo pipefail

cd "$(dirname "$0")/.."

PORT="${PORT:-17731}"
DURATION="${DURATION:-20s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
TICKETS="${TICKETS:-200000}"
OUT_DIR="target/overlay-bench"
LUA="$OUT_DIR/beacon.lua"
SERVER_OUT="$OUT_DIR/server.out"
SERVER_ERR="$OUT_DIR/server.err"
STDIN_FIFO="$OUT_DIR/server.stdin"

if ! command -v curl >/dev/null 2>&1; then
    echo "curl is not installed. Install it with: apt-get install -y curl" >&2
    exit 1
fi
if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is not installed. Install it with: apt-get install -y wrk" >&2
    exit 1
fi

echo "== machine"
echo "nproc: $(nproc)"
java -version 2>&1 | sed 's/^/java: /'
echo "uname: $(uname -a)"
wrk --version 2>&1 | head -1 | sed 's/^/wrk: /' || true
echo "load average before the build: $(cat /proc/loadavg)"

echo "== building test classes"
timeout 600 ./mvnw -q -B test-compile

mkdir -p "$OUT_DIR"
rm -f "$STDIN_FIFO" "$SERVER_OUT" "$SERVER_ERR"
mkfifo "$STDIN_FIFO"

server_pid=""
stop_server() {
    # Closing the server's stdin asks it to stop; it prints its tracker stats on the way out.
    exec 3>&-
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        for _ in $(seq 1 450); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            echo "the server did not stop within 45 s of its stdin closing: SIGTERM" >&2
            kill -TERM "$server_pid" 2>/dev/null || true
            for _ in $(seq 1 100); do
                kill -0 "$server_pid" 2>/dev/null || break
                sleep 0.1
            done
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
    rm -f "$STDIN_FIFO"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== starting OverlayBenchServer on 127.0.0.1:$PORT"
# The server reads the fifo as its stdin (3>&-: it must not hold the writing end itself); this shell holds the
# writing end on fd 3 until the end (opened read-write, so it never blocks). --max-seconds bounds the server even if this script is killed with SIGKILL.
timeout -s TERM 900 ./mvnw -q -B exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=com.gametriggers.companion.overlay.OverlayBenchServer \
    -Dexec.args="--port $PORT --tickets $TICKETS --lua $LUA --wrk-threads $THREADS --max-seconds 600" \
    <"$STDIN_FIFO" >"$SERVER_OUT" 2>"$SERVER_ERR" 3>&- &
server_pid=$!
exec 3<>"$STDIN_FIFO"

ready=""
for _ in $(seq 1 1800); do
    ready="$(grep -m1 '^ready ' "$SERVER_OUT" 2>/dev/null || true)"
    [ -n "$ready" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "OverlayBenchServer exited before it was ready:" >&2
        cat "$SERVER_OUT" "$SERVER_ERR" >&2
        exit 1
    fi
    sleep 0.1
done
if [ -z "$ready" ]; then
    echo "OverlayBenchServer not ready within 180 s:" >&2
    cat "$SERVER_OUT" "$SERVER_ERR" >&2
    exit 1
fi
cat "$SERVER_OUT"
beacon_url="$(sed -n 's/^ready .*beacon=\([^ ]*\).*/\1/p' <<<"$ready")"
t_url="$(sed -n 's/^ready .* t=\([^ ]*\).*/\1/p' <<<"$ready")"

run_wrk() {
    local name="$1"
    shift
    echo
    echo "== $name"
    echo "load average before: $(cat /proc/loadavg)"
    echo "\$ wrk $*"
    timeout 120 wrk "$@"
    echo "load average after: $(cat /proc/loadavg)"
}

# Between runs: until the tracker has written what the last run recorded into the store (GET /health says
# eventsWaiting 0), at most 60 s, so one run's background writing does not load the next.
await_drained() {
    local health_url="${beacon_url%/beacon}/health" health=""
    for _ in $(seq 1 600); do
        health="$(curl -s --max-time 2 "$health_url" || true)"
        case "$health" in *'"eventsWaiting":0'*) break ;; esac
        sleep 0.1
    done
    echo "health after the run: $health"
}

run_wrk "beacons: POST /beacon, a distinct ticket each" \
    -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$beacon_url"
await_drained
run_wrk "tracking redirects: GET /t/{code}?src=qr (302)" \
    -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$t_url"
await_drained

echo
echo "== stopping the server"
stop_server
sed -n '/^stdin closed\|^load average at stop\|^tracker\|^stored/p' "$SERVER_OUT"
warnings="$(grep -c 'WARN\|ERROR' "$SERVER_ERR" || true)"
echo "server log: $SERVER_ERR ($warnings warning or error lines)"
exit 0
