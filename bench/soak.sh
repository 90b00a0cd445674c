#!/usr/bin/env bash
# Soak: the headless app with the embedded store and the demo campaigns, driven for DURATION_MINUTES at ten times a
# busy stream's event rate over its own HTTP ports, with the heap after a full GC (jcmd GC.run, then GC.heap_info),
# the resident memory, the threads and the CPU time sampled every minute. Prints one CSV row a minute and a summary
# (first, last, min, max, and the trend after the warm-up against the samples' scatter). Linux only; needs jcmd
# (the JDK) and python3.
#
#   bench/soak.sh                          # one hour
#   DURATION_MINUTES=3 WARMUP_MINUTES=1 bench/soak.sh     # a quick check of the script
#   SUMMARY_OF=target/soak/soak.csv WARMUP_MINUTES=40 bench/soak.sh   # an earlier run's summary again, nothing run
#
# What it sends (see docs/BENCHMARKS.md, "Soak"): per second, SCANS_PER_SECOND QR scans (GET /t/{code}?src=qr) and
# CLICKS_PER_SECOND link clicks (GET /t/{code}) to the links port, each from a new viewer address in X-Forwarded-For
# (the app runs with --public-tracking-url, so the loopback proxy's header names the viewer, as behind a tunnel);
# and the rotation paced to one showing every ROTATION_DISPLAY_SECONDS + ROTATION_GAP_SECONDS, each answered with
# its impression beacon (POST /beacon with the showing's ticket) by a client that keeps the overlay's event stream
# open, as the OBS page does. The tracking codes come from the showings' messages.
# Settings, from the environment: DURATION_MINUTES (60), WARMUP_MINUTES (35, left out of the trend: the tracker
# remembers event ids for 30 minutes and viewers' clicks for 10, so the heap fills until then), SCANS_PER_SECOND
# (10), CLICKS_PER_SECOND (20), ROTATION_DISPLAY_SECONDS (10), ROTATION_GAP_SECONDS (22), JAVA_OPTIONS (the
# installers' options), OUT (target/soak: the app's log, the CSV and the summary).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION_MINUTES="${DURATION_MINUTES:-60}"
WARMUP_MINUTES="${WARMUP_MINUTES:-35}"
SCANS_PER_SECOND="${SCANS_PER_SECOND:-10}"
CLICKS_PER_SECOND="${CLICKS_PER_SECOND:-20}"
ROTATION_DISPLAY_SECONDS="${ROTATION_DISPLAY_SECONDS:-10}"
ROTATION_GAP_SECONDS="${ROTATION_GAP_SECONDS:-22}"
OUT="${OUT:-target/soak}"
# The JVM options the installers use (packaging/), as in bench/desktop-footprint.sh.
read -r -a java_options <<< "${JAVA_OPTIONS:--Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -XX:-UsePerfData}"

driver=$(cat <<'PY'
import http.client, json, os, random, re, statistics, subprocess, sys, threading, time, urllib.parse

def trend(points):
    """Least-squares slope per minute, and the scatter (standard deviation) of the points around that line."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0
    residuals = [y - (my + slope * (x - mx)) for x, y in zip(xs, ys)]
    return slope, statistics.pstdev(residuals)

def summarize(rows, counts, minutes, warmup):
    """rows: (minute, heap, rss, threads, metaspace); first, last, min, max, and the trend after the warm-up."""
    summary = ["counts: " + json.dumps(counts, sort_keys=True),
               "requests per second over the run: %.1f" % (sum(v for k, v in counts.items()
                                                                 if k.split()[0] in ("qr", "link")) / (minutes * 60))]
    settled = [r for r in rows if r[0] >= warmup] or rows
    for name, index in (("heap after full GC (KB)", 1), ("resident (KB)", 2), ("threads", 3), ("metaspace (KB)", 4)):
        values = [r[index] for r in rows]
        slope, scatter = trend([(r[0], r[index]) for r in settled])
        summary.append("%s: first %d, last %d, min %d, max %d; from minute %d: trend %+.1f per minute (%+.0f over %d "
                       "minutes), scatter around it %.0f, range %d..%d"
                       % (name, values[0], values[-1], min(values), max(values), settled[0][0], slope,
                          slope * (settled[-1][0] - settled[0][0]), settled[-1][0] - settled[0][0], scatter,
                          min(r[index] for r in settled), max(r[index] for r in settled)))
    return summary

if sys.argv[1] == "summary":
    rows, counts = [], {}
    for line in list(open(sys.argv[2]))[1:]:
        fields = line.split(",", 9)
        rows.append((int(fields[0]), int(fields[1]), int(fields[3]), int(fields[4]), int(fields[2])))
        counts = json.loads(fields[9].strip().strip('"').replace("'", '"'))
    print("\n".join(summarize(rows, counts, rows[-1][0], int(sys.argv[3]))))
    sys.exit(0)

pid, rotation_url, links_port = int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
minutes, warmup = int(sys.argv[5]), int(sys.argv[6])
scans, clicks, out = float(sys.argv[7]), float(sys.argv[8]), sys.argv[9]
overlay = urllib.parse.urlsplit(rotation_url)
key = overlay.path.rsplit("/", 1)[1]
ticks = os.sysconf("SC_CLK_TCK")

lock = threading.Lock()
counts = {}          # what the driver saw, by kind: "qr 302", "link 429", "beacon counted", "error ..."
codes = []           # tracking codes seen in showings
stop = threading.Event()

def count(name):
    with lock:
        counts[name] = counts.get(name, 0) + 1

def beacon(ticket):
    time.sleep(2)    # on air for a while first, as the page does
    try:
        c = http.client.HTTPConnection(overlay.hostname, overlay.port, timeout=15)
        c.request("POST", "/beacon", json.dumps({"ticket": ticket, "onAirMs": 2000}),
                  {"Content-Type": "application/json"})
        r = c.getresponse()
        body = r.read()
        count("beacon " + (json.loads(body)["outcome"] if r.status == 200 else str(r.status)))
        c.close()
    except Exception as e:
        count("error beacon " + type(e).__name__)

def event_stream():
    """The OBS page's part: the event stream kept open, a beacon for every showing."""
    while not stop.is_set():
        try:
            c = http.client.HTTPConnection(overlay.hostname, overlay.port, timeout=120)
            c.request("GET", "/events/" + key, headers={"Accept": "text/event-stream"})
            r = c.getresponse()
            event = None
            while not stop.is_set():
                line = r.fp.readline()
                if not line:
                    break
                line = line.decode().rstrip("\n")
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:") and event == "show":
                    show = json.loads(line[5:])
                    count("showings")
                    code = re.search(r"/t/([A-Za-z0-9_-]{12})", show.get("trackingUrl", ""))
                    with lock:
                        if code and code.group(1) not in codes:
                            codes.append(code.group(1))
                    threading.Thread(target=beacon, args=(show["ticket"],), daemon=True).start()
            count("event stream reconnects")
        except Exception as e:
            count("error event stream " + type(e).__name__)
            time.sleep(1)

def clicker(index, workers, rate, deadline):
    """Evenly spaced requests; a late one goes at once (the schedule is kept, so the rate is)."""
    while not codes and not stop.is_set():
        time.sleep(0.2)
    conn = None
    start = time.monotonic()
    n = 0
    while not stop.is_set():
        due = start + (n * workers + index) / rate
        if due > deadline:
            return
        wait = due - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        n += 1
        kind = "qr" if random.random() < scans / (scans + clicks) else "link"
        with lock:
            code = random.choice(codes)
        path = "/t/" + code + ("?src=qr" if kind == "qr" else "")
        viewer = "%d.%d.%d.%d" % (random.randint(1, 223), random.randint(0, 255), random.randint(0, 255),
                                  random.randint(1, 254))
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", links_port, timeout=15)
            conn.request("GET", path, headers={"X-Forwarded-For": viewer})
            r = conn.getresponse()
            r.read()
            count(kind + " " + str(r.status))
            if r.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except Exception as e:
            count("error " + kind + " " + type(e).__name__)
            if conn:
                conn.close()
            conn = None

def sample():
    """The heap after a full GC, resident memory, threads, CPU time of the app."""
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
    heap = sum(int(k) for k in re.findall(r"generation\s+total \d+K, used (\d+)K", info))
    meta = re.search(r"Metaspace\s+used (\d+)K", info)
    status = open("/proc/%d/status" % pid).read()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    threads = int(re.search(r"Threads:\s+(\d+)", status).group(1))
    stat = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) / ticks
    try:
        c = http.client.HTTPConnection(overlay.hostname, overlay.port, timeout=10)
        c.request("GET", "/health")
        waiting = json.loads(c.getresponse().read())["store"]["eventsWaiting"]
    except Exception:
        waiting = "?"
    return heap, int(meta.group(1)) if meta else 0, rss, threads, cpu, waiting

rate = scans + clicks
workers = max(2, int(rate // 10))
print("rate: %g QR scans/s + %g link clicks/s, each from a new viewer address; one beacon per showing"
      % (scans, clicks), flush=True)
begin = time.monotonic()
deadline = begin + minutes * 60
threading.Thread(target=event_stream, daemon=True).start()
threads = [threading.Thread(target=clicker, args=(i, workers, rate, deadline), daemon=True) for i in range(workers)]
for t in threads:
    t.start()

rows = []
header = "minute,heap_after_full_gc_kb,metaspace_kb,rss_kb,threads,cpu_s_in_minute,events_waiting,load1,sent_in_minute"
print(header, flush=True)
csv = open(os.path.join(out, "soak.csv"), "w")
csv.write(header + ",counts\n")
last_cpu, last_sent = None, 0
for minute in range(0, minutes + 1):
    while time.monotonic() < begin + minute * 60:
        time.sleep(0.5)
    heap, meta, rss, nthreads, cpu, waiting = sample()
    with lock:
        snapshot = dict(counts)
    sent = sum(v for k, v in snapshot.items() if k.split()[0] in ("qr", "link", "error"))
    load1 = open("/proc/loadavg").read().split()[0]
    cpu_minute = "" if last_cpu is None else "%.1f" % (cpu - last_cpu)
    row = "%d,%d,%d,%d,%d,%s,%s,%s,%d" % (minute, heap, meta, rss, nthreads, cpu_minute, waiting, load1,
                                         sent - last_sent)
    print(row, flush=True)
    csv.write(row + ',"' + json.dumps(snapshot, sort_keys=True).replace('"', "'") + '"\n')
    csv.flush()
    rows.append((minute, heap, rss, nthreads, meta))
    last_cpu, last_sent = cpu, sent
stop.set()
for t in threads:
    t.join(timeout=20)

summary = summarize(rows, counts, minutes, warmup)
with open(os.path.join(out, "summary.txt"), "w") as f:
    f.write("\n".join(summary) + "\n")
print("\n".join(summary), flush=True)
PY
)
if [ -n "${SUMMARY_OF:-}" ]; then
    exec python3 -c "$driver" summary "$SUMMARY_OF" "$WARMUP_MINUTES"
fi

for tool in jcmd python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (a JDK's jcmd, python3)" >&2; exit 1; }
done

./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -DincludeScope=runtime
mkdir -p "$OUT"
data=$(mktemp -d)
app=""
cleanup() {
    if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then
        kill -TERM "$app"
        for _ in $(seq 1 150); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$app" 2>/dev/null || true
    fi
    rm -rf "$data"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
overlay_port=$(free_port)
links_port=$(free_port)
cat >"$data/settings.properties" <<EOF
rotation.displaySeconds=$ROTATION_DISPLAY_SECONDS
rotation.secondsBetweenSponsors=$ROTATION_GAP_SECONDS
rotation.secondsAfterGoingLive=0
EOF

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
echo "JVM options: ${java_options[*]}"
java "${java_options[@]}" -cp "target/classes:$(cat target/runtime-classpath.txt)" com.gametriggers.companion.app.Main \
    --headless --demo --data-dir "$data" --overlay-port "$overlay_port" --links-port "$links_port" \
    --public-tracking-url https://soak.invalid/ >"$OUT/app.out" 2>"$OUT/app.err" &
app=$!
for _ in $(seq 1 600); do
    grep -q '^obs browser source: ' "$OUT/app.out" && break
    kill -0 "$app" 2>/dev/null || { echo "the app stopped:" >&2; tail -5 "$OUT/app.err" >&2; exit 1; }
    sleep 0.1
done
rotation_url=$(sed -n 's/^obs browser source: //p' "$OUT/app.out")
[ -n "$rotation_url" ] || { echo "the app did not start within 60 s" >&2; exit 1; }
echo "app pid $app, overlay port $overlay_port, links port $links_port"

python3 -c "$driver" drive "$app" "$rotation_url" "$links_port" "$DURATION_MINUTES" "$WARMUP_MINUTES" \
    "$SCANS_PER_SECOND" "$CLICKS_PER_SECOND" "$OUT"
grep -c 'WARN\|ERROR' "$OUT/app.err" | sed 's/^/app log warnings or errors: /' || true
