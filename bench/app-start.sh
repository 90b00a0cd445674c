#!/usr/bin/env bash
# Starts an app image (what the installers install) several times with demo data and prints, per start and as the
# median: seconds until it is ready (headless: the "obs browser source:" line; window: the window is mapped), the
# process's CPU time until then, and its resident and anonymous memory after SETTLE seconds. Linux only.
#
#   ./mvnw -B -Pinstaller -Dinstaller.types=none -DskipTests package
#   bench/app-start.sh [APP_IMAGE]            # default: target/installer/image/gametriggers-companion
#
# Settings, from the environment: MODE (headless, window or both; default both), RUNS (5), SETTLE (10 seconds),
# JAVA_OPTIONS (replaces the image's JVM options, in a copy of the image, e.g. JAVA_OPTIONS="-Xmx256m"). The window
# needs a display: xvfb-run (xvfb, xauth) makes one, and xwininfo (x11-utils) sees the window.
# See docs/BENCHMARKS.md, "Installer size".
set -euo pipefail
cd "$(dirname "$0")/.."

image=$(cd "${1:-target/installer/image/gametriggers-companion}" && pwd)
MODE="${MODE:-both}"
RUNS="${RUNS:-5}"
SETTLE="${SETTLE:-10}"

work=$(mktemp -d)
app=""
cleanup() {
    if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then
        kill -TERM "$app"
        for _ in $(seq 1 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$app" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${JAVA_OPTIONS:-}" ]; then
    cp -a "$image" "$work/image"
    image="$work/image"
    cfg="$image/lib/app/gametriggers-companion.cfg"
    sed -i '/^java-options=-X/d' "$cfg"
    for option in $JAVA_OPTIONS; do echo "java-options=$option" >>"$cfg"; done
fi
launcher="$image/bin/gametriggers-companion"
echo "JVM options: $(sed -n 's/^java-options=//p' "$image/lib/app/gametriggers-companion.cfg" | xargs)"

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# One start: prints "seconds cpu_ms rss_mb anon_mb".
one_start() {
    local mode=$1 data="$work/data-$RANDOM" port start ready ticks cpu rss anon
    port=$(free_port)
    local args=(--demo --data-dir "$data" --overlay-port "$port")
    [ "$mode" = headless ] && args=(--headless "${args[@]}")
    start=$(date +%s.%N)
    "$launcher" "${args[@]}" >"$work/out" 2>"$work/err" &
    app=$!
    for _ in $(seq 1 3000); do
        if [ "$mode" = headless ]; then
            grep -q '^obs browser source: ' "$work/out" && break
        else
            xwininfo -root -tree 2>/dev/null | grep -q '"GameTriggers Companion"' && break
        fi
        kill -0 "$app" 2>/dev/null || { echo "the app stopped:" >&2; tail -5 "$work/err" >&2; exit 1; }
        sleep 0.01
    done
    ready=$(date +%s.%N)
    ticks=$(awk '{print $14 + $15}' "/proc/$app/stat")
    cpu=$(( ticks * 1000 / $(getconf CLK_TCK) ))
    sleep "$SETTLE"
    rss=$(awk '/^Rss:/{print int($2 / 1024)}' "/proc/$app/smaps_rollup")
    anon=$(awk '/^Anonymous:/{print int($2 / 1024)}' "/proc/$app/smaps_rollup")
    kill -TERM "$app"
    wait "$app" 2>/dev/null || true
    app=""
    rm -rf "$data"
    python3 -c "print(round($ready - $start, 2), $cpu, $rss, $anon)"
}

measure() {
    local mode=$1
    : >"$work/results"
    for _ in $(seq 1 "$RUNS"); do one_start "$mode" >>"$work/results"; done
    python3 - "$mode" "$SETTLE" "$work/results" <<'PY'
import statistics, sys
mode, settle, results = sys.argv[1:]
rows = [line.split() for line in open(results) if line.strip()]
for r in rows:
    print(f"  {mode}: ready {r[0]} s, cpu {r[1]} ms, rss {r[2]} MB, anonymous {r[3]} MB")
cols = list(zip(*rows))
median = lambda i: statistics.median(float(x) for x in cols[i])
print(f"{mode}, median of {len(rows)}: ready {median(0):.2f} s, cpu {median(1):.0f} ms, "
      f"rss {median(2):.0f} MB, anonymous {median(3):.0f} MB (after {settle} s)")
PY
}

if [ "$MODE" = headless ] || [ "$MODE" = both ]; then
    measure headless
fi
if [ "$MODE" = window ] || [ "$MODE" = both ]; then
    if [ -z "${DISPLAY:-}" ]; then
        # A display of its own for the window runs; the script runs again inside it.
        MODE=window JAVA_OPTIONS="" xvfb-run -a -s "-screen 0 1440x900x24" "$0" "$image"
    else
        measure window
    fi
fi
