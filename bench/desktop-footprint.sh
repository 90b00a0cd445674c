#!/usr/bin/env bash
# The window's footprint on a streaming PC: launch to first frame, resident memory after a minute idle with the demo
# campaigns, and CPU while idle. Needs Xvfb (apt-get install -y xvfb). Usage: bench/desktop-footprint.sh [runs]
# APP_IMAGE=target/installer/image/gametriggers-companion measures the installed app's launcher instead (build it with
# ./mvnw -Pinstaller -Dinstaller.types=none -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
idle_seconds=${IDLE_SECONDS:-60}
cpu_seconds=${CPU_SECONDS:-30}
# The JVM options the installers use (packaging/), so the numbers are the ones streamers get; JAVA_OPTIONS overrides.
read -r -a java_options <<< "${JAVA_OPTIONS:--Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}"

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

# The display is up before the clock starts, so the launch time is the app's alone.
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1

echo "run,launch_to_first_frame_ms,jvm_start_to_first_frame_ms,rss_mb_after_${idle_seconds}s,idle_cpu_percent_of_one_core"
for run in $(seq 1 "$runs"); do
    data=$(mktemp -d)
    port=$((20000 + RANDOM % 20000))
    launched=$(date +%s%3N)
    DISPLAY=$display "${launch[@]}" --demo --data-dir "$data" --overlay-port "$port" \
        >"$data/app.out" 2>"$data/app.log" &
    launcher=$!
    pid=""
    for _ in $(seq 1 100); do
        pid=$( (pgrep -f -- "--data-dir $data" || true) | while read -r candidate; do
            case "$(cat "/proc/$candidate/comm" 2>/dev/null)" in sh|bash|"") ;; *) echo "$candidate" ;; esac
        done | sed -n 1p)
        if [ -n "$pid" ] && grep -q "First frame" "$data/app.log"; then break; fi
        sleep 0.2
    done
    line=$(grep "First frame" "$data/app.log" || true)
    jvm_frame=$(echo "$line" | grep -o "First frame [0-9]* ms" | grep -o "[0-9]*" || echo "?")
    # The log line's clock time (HH:mm:ss.SSS, today) against the launch time.
    frame_ms=$(date -d "$(echo "$line" | cut -c1-12)" +%s%3N 2>/dev/null || echo "")
    first_frame=$([ -n "$frame_ms" ] && echo $((frame_ms - launched)) || echo "?")
    sleep "$idle_seconds"
    rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    before=$(cpu_ticks "$pid")
    sleep "$cpu_seconds"
    after=$(cpu_ticks "$pid")
    cpu=$(awk -v d=$((after - before)) -v t="$ticks" -v s="$cpu_seconds" 'BEGIN {printf "%.2f", 100 * d / t / s}')
    echo "$run,$first_frame,$jvm_frame,$((rss_kb / 1024)),$cpu"
    kill "$pid"
    wait "$launcher" 2>/dev/null || true
    rm -rf "$data"
done
