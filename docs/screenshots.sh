#!/usr/bin/env bash
# Refreshes the screenshots in docs/: the window from the real app under Xvfb (the demo campaigns with a few tracked
# clicks), then the overlay page and the earnings chart as their tests draw them under target/.
# Needs xvfb, xdotool, imagemagick and python3-pymongo (apt-get install -y xvfb xdotool imagemagick python3-pymongo),
# and chromium with chromium-driver for the overlay page. The test suite itself never writes into docs/.
# Usage: docs/screenshots.sh [scale]   (scale 1.5 also writes docs/window-150.png)
set -euo pipefail
# Whatever happens, no app or Xvfb started here outlives the script.
trap 'jobs -p | xargs -r kill 2>/dev/null || true' EXIT
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -DincludeScope=runtime
classpath="target/classes:$(cat target/runtime-classpath.txt)"
data=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
jvm=(java -Xms32m -Xmx256m -XX:+UseSerialGC)
app=(-cp "$classpath" com.gametriggers.companion.app.Main --demo --data-dir "$data" --overlay-port "$port")

# 1. Headless: the demo campaigns, and one tracked visit per sponsor through its real tracking link.
# The links made public on this machine itself, so the stored tracking links are ones curl can open.
links_port=$((port + 1))
"${jvm[@]}" "${app[@]}" --headless --links-port "$links_port" --public-tracking-url "http://127.0.0.1:$links_port" \
    >"$data/headless.out" 2>"$data/headless.log" &
headless=$!
for _ in $(seq 1 150); do grep -q "^store:" "$data/headless.out" 2>/dev/null && break; sleep 0.2; done
store=$(sed -n 's/^store: //p' "$data/headless.out")
/usr/bin/python3 - "$store" <<'PY' | while read -r url; do curl -s -o /dev/null "$url"; done
import sys, pymongo
participations = pymongo.MongoClient(sys.argv[1]).gametriggers.campaignparticipations
for n, p in enumerate(participations.find().sort("joinedAt")):
    print(p["trackingUrl"].replace("src=link", "src=qr" if n % 2 == 0 else "src=link"))
PY
sleep 2
kill "$headless"; wait "$headless" || true

# 2. The window on a screen of its own size, one section at a time.
shoot() { # display width height [jvm options...]
    Xvfb ":$1" -screen 0 "$2x$3x24" -nolisten tcp & xvfb=$!
    sleep 1
    DISPLAY=":$1" "${jvm[@]}" "${@:4}" "${app[@]}" --links-port 0 >"$data/window.out" 2>"$data/window.log" & window=$!
    for _ in $(seq 1 150); do grep -q "First frame" "$data/window.log" 2>/dev/null && break; sleep 0.2; done
    sleep 4
}
key() { DISPLAY=":$1" xdotool key "$2"; sleep "${3:-2}"; }
click() { DISPLAY=":$1" xdotool mousemove "$2" "$3" click 1; sleep "${4:-2}"; }
grab() { DISPLAY=":$1" import -window root "$2"; }
stop() { kill "$window"; wait "$window" || true; kill "$xvfb"; wait "$xvfb" 2>/dev/null || true; }

shoot 91 1280 720
click 91 400 117                     # the first sponsor, so its QR code and chat command show
grab 91 docs/main-window.png
key 91 ctrl+2 3; grab 91 docs/window-earnings.png
key 91 ctrl+3 5; click 91 280 431 6  # "Show a sponsor now", then the card slides into the preview
grab 91 docs/window-overlay.png
key 91 ctrl+4 2; grab 91 docs/window-settings.png
stop

if [ "${1:-}" = 1.5 ]; then
    shoot 92 1920 1080 -Dglass.gtk.uiScale=1.5
    click 92 600 176
    grab 92 docs/window-150.png
    stop
fi
rm -rf "$data"

# 3. The overlay as OBS shows it (1920x1080, transparent around the card) and a month of earnings.
./mvnw -q -B test -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='OverlayPageTest#theQrCodeOnThePageOpensTheTrackingLink,EarningsViewTest#aMonthOfThreeSponsorsRendersAsAScreenshot'
cp target/overlay-screenshots/overlay-1920x1080.png docs/overlay.png
cp target/screenshots/earnings.png docs/earnings.png
