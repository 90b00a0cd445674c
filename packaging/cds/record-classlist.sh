#!/usr/bin/env bash
# Records which JDK and JavaFX classes the app loads while it opens its window with demo data and starts its overlay
# server, into gametriggers-companion.classlist next to this script. The installer build archives these classes in the
# runtime (class data sharing), so the JVM maps them at start instead of reading and checking them one by one. Rerun it
# after a change that loads many new JDK or JavaFX classes (a new view, the WebView preview), on Linux:
#
#   ./mvnw -B -Pinstaller -Dinstaller.types=none -DskipTests package && packaging/cds/record-classlist.sh
#
# Needs a display, or xvfb (xvfb-run) to make one, and x11-utils (xwininfo) to see the window.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=$(cd "${1:-$here/../../target/installer/image/gametriggers-companion}" && pwd)
launcher=$image/bin/gametriggers-companion
[ -x "$launcher" ] || { echo "no app image at $image; build it first (see the top of this script)" >&2; exit 1; }

if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$here/$(basename "$0")" "$image"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/loaded.classlist" \
    "$launcher" --demo --data-dir "$work/data" --overlay-port "$port" >"$work/out.log" 2>&1 &
app=$!
for _ in $(seq 1 300); do
    xwininfo -root -tree 2>/dev/null | grep -q '"GameTriggers Companion"' && break
    sleep 0.1
done
# The services start behind the window; wait until the overlay server answers, and let the window settle.
for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
    sleep 0.1
done
sleep 5
kill -TERM "$app"
wait "$app" || true

# Keep the classes of the runtime image (JDK and JavaFX); the app's own jars are on the class path, outside the archive.
jimage list "$image/lib/runtime/lib/modules" | awk '/^Module: /{next} /\.class$/{sub(/\.class$/, ""); gsub(/^ +/, ""); print}' \
    | sort -u >"$work/runtime-classes"
{
    echo "# JDK and JavaFX classes GameTriggers Companion loads at start (window, demo data, overlay server), recorded by"
    echo "# record-classlist.sh with -XX:DumpLoadedClassList; the installer build archives them (class data sharing)."
    awk 'NR == FNR { inRuntime[$1] = 1; next }
         /^#/ { next }
         /^@lambda-proxy / { if ($2 in inRuntime) print; next }
         /^@/ { print; next }
         ($1 in inRuntime) { print }' "$work/runtime-classes" "$work/loaded.classlist"
} >"$here/gametriggers-companion.classlist"
echo "$(grep -vc '^[#@]' "$here/gametriggers-companion.classlist") classes recorded in $here/gametriggers-companion.classlist"
