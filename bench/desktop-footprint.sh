#!/usr/bin/env bash
# The desktop app's footprint on a streaming PC: launch to ready, resident memory after a minute idle with the demo
# campaigns, and CPU while idle, with the window open and with the window closed to the background (--background:
# the services run, the window is not shown; under Xvfb there is no tray). Needs Xvfb (apt-get install -y xvfb).
# Usage: bench/desktop-footprint.sh [runs]   (runs per mode)
# MODE=window, background or both (default): which of the two to measure, runs of each in turn; MODE=headless measures
# the services without JavaFX (--headless), the floor under both.
# APP_IMAGE=target/installer/image/gametriggers-companion measures the installed app's launcher instead (build it with
# ./mvnw -Pinstaller -Dinstaller.types=none -DskipTests package).
# THREAD_CPU=1 also prints, to stderr, the threads that used CPU during the idle measurement (ticks of 10 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
idle_seconds=${IDLE_SECONDS:-60}
cpu_seconds=${CPU_SECONDS:-30}
case "${MODE:-both}" in
    both) modes=(window background) ;;
    window|background|headless) modes=("$MODE") ;;
    *) echo "MODE must be window, background, both or headless, not: $MODE" >&2; exit 1 ;;
esac
# The JVM options the installers use (packaging/), so the numbers are the ones streamers get; JAVA_OPTIONS overrides.
read -r -a java_options <<< "${JAVA_OPTIONS:--Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -XX:-UsePerfData}"

if [ -n "${APP_IMAGE:-}" ]; then
    launch=("$APP_IMAGE/bin/gametriggers-companion")
else
    ./mvnw -q -B -DskipTests package
    ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -DincludeScope=runtime
    launch=(java "${java_options[@]}" -cp "target/classes:$(cat target/runtime-classpath.txt)"
            com.gametriggers.companion.app.Main)
fi
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# "ticks name" per thread; the name is in parentheses and may hold spaces.
thread_ticks() {
    for stat in /proc/"$1"/task/*/stat; do
        # A thread may end between the listing and the read.
        { sed -E 's/^[0-9]+ \((.*)\) [A-Za-z] (([^ ]+ ){10})([0-9]+) ([0-9]+) .*/\4 \5 \1/' "$stat" 2>/dev/null || true; } \
            | awk '{name = $3; for (i = 4; i <= NF; i++) name = name " " $i; print $1 + $2, name}'
    done
}

# The display is up before the clock starts, so the launch time is the app's alone. Xvfb picks a free display number
# itself (other programs on the machine may run displays of their own), and goes only after the app: an app whose X
# server vanishes crashes in GTK.
display_file=$(mktemp)
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$display_file" 2>/dev/null &
xvfb=$!
pid=""
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done; fi
      kill $xvfb 2>/dev/null; rm -f "$display_file"' EXIT
for _ in $(seq 1 50); do [ -s "$display_file" ] && break; sleep 0.1; done
display=":$(head -1 "$display_file")"

# Ready: the window's first frame, or, in the background, the overlay server listening (the services are up).
echo "mode,run,launch_to_ready_ms,jvm_start_to_first_frame_ms,rss_mb_after_${idle_seconds}s,idle_cpu_percent_of_one_core"
for mode in "${modes[@]}"; do
  case "$mode" in
      window) ready="First frame"; extra=() ;;
      *) ready="Overlay server at"; extra=("--$mode") ;;
  esac
  for run in $(seq 1 "$runs"); do
    data=$(mktemp -d)
    port=$((20000 + RANDOM % 20000))
    launched=$(date +%s%3N)
    DISPLAY=$display "${launch[@]}" --demo "${extra[@]}" --data-dir "$data" --overlay-port "$port" \
        --links-port $((port + 1)) >"$data/app.out" 2>"$data/app.log" &
    launcher=$!
    pid=""
    for _ in $(seq 1 150); do
        pid=$( (pgrep -f -- "--data-dir $data" || true) | while read -r candidate; do
            case "$(cat "/proc/$candidate/comm" 2>/dev/null)" in sh|bash|"") ;; *) echo "$candidate" ;; esac
        done | sed -n 1p)
        if [ -n "$pid" ] && grep -q "$ready" "$data/app.log"; then break; fi
        sleep 0.2
    done
    line=$(grep "$ready" "$data/app.log" | head -1 || true)
    jvm_frame=$(echo "$line" | grep -o "First frame [0-9]* ms" | grep -o "[0-9]*" || echo "-")
    # The log line's clock time (HH:mm:ss.SSS, today) against the launch time.
    ready_ms=$(date -d "$(echo "$line" | cut -c1-12)" +%s%3N 2>/dev/null || echo "")
    to_ready=$([ -n "$ready_ms" ] && echo $((ready_ms - launched)) || echo "?")
    sleep "$idle_seconds"
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
        echo "$mode,$run,the app stopped before it was measured: $(tail -1 "$data/app.log")"
        wait "$launcher" 2>/dev/null || true
        rm -rf "$data"
        continue
    fi
    rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    before=$(cpu_ticks "$pid")
    [ -n "${THREAD_CPU:-}" ] && thread_ticks "$pid" >"$data/threads.before"
    sleep "$cpu_seconds"
    after=$(cpu_ticks "$pid" 2>/dev/null || echo "")
    if [ -z "$after" ]; then
        echo "$mode,$run,the app stopped while it was measured: $(tail -1 "$data/app.log")"
        wait "$launcher" 2>/dev/null || true
        rm -rf "$data"
        continue
    fi
    if [ -n "${THREAD_CPU:-}" ]; then
        thread_ticks "$pid" >"$data/threads.after"
        echo "$mode run $run: threads' CPU ticks over ${cpu_seconds}s:" >&2
        awk 'NR == FNR {before[substr($0, index($0, " ") + 1)] += $1; next}
             {name = substr($0, index($0, " ") + 1); used[name] += $1}
             END {for (name in used) if (used[name] - before[name] > 0) print "  " used[name] - before[name], name}' \
            "$data/threads.before" "$data/threads.after" | sort -rn >&2
    fi
    cpu=$(awk -v d=$((after - before)) -v t="$ticks" -v s="$cpu_seconds" 'BEGIN {printf "%.2f", 100 * d / t / s}')
    echo "$mode,$run,$to_ready,$jvm_frame,$((rss_kb / 1024)),$cpu"
    kill "$pid"
    wait "$launcher" 2>/dev/null || true
    pid=""
    rm -rf "$data"
  done
done
