#!/usr/bin/env bash
# Renders the app icon from its source, gametriggers-companion.svg, into every file the installers and the window use.
# The results are committed, so building an installer needs none of these tools; run this after changing the SVG.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert, for the .ico) and python3 (for the .icns).
set -euo pipefail
cd "$(dirname "$0")"
src=gametriggers-companion.svg
name=gametriggers-companion

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" "$src" --output "png/$name-$size.png"
done

# Windows: one .ico with the sizes Explorer, the taskbar and the installer pick from.
convert png/$name-{16,24,32,48,64,256}.png "$name.ico"
# macOS: an .icns is a list of (type, length, PNG) records; the types name the size (and @2x) Finder and the Dock pick.
python3 - "$name" <<'PY'
import struct, sys
name = sys.argv[1]
types = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024),
         ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
body = b""
for kind, size in types:
    png = open(f"png/{name}-{size}.png", "rb").read()
    body += kind.encode("ascii") + struct.pack(">I", 8 + len(png)) + png
open(f"{name}.icns", "wb").write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
# Linux: the installers use one PNG (the desktop entry scales it).
cp png/$name-256.png "$name.png"
# The window's own icons (16 to 256 px) go onto the class path from png/ as they are (pom.xml, <resources>).
