#!/usr/bin/env bash
# Writes the data-folder fixture DataFolderCompatibilityTest opens: a data folder as the release at COMMIT leaves it
# (embedded store, journal with unsent events, settings, profile, Twitch sign-in). Run it once per release whose
# data folders later versions must read, and commit the folder it prints.
#
#   bench/data-folder-fixture.sh <commit of the release> <name, e.g. 0.1.0>
#
# It checks the release out in a worktree under target/, copies DataFolderFixture (which uses only what that release
# already had) into it, runs it there and copies the result to src/test/resources/data-folder/<name>/.
set -euo pipefail
commit=${1:?commit of the release}
name=${2:?fixture name, e.g. 0.1.0}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/data-folder-fixture"
out="$root/src/test/resources/data-folder/$name"
generator=src/test/java/com/gametriggers/companion/app/DataFolderFixture.java

[ -e "$out" ] && { echo "$out exists; remove it first" >&2; exit 1; }
rm -rf "$work"
git -C "$root" worktree prune
git -C "$root" worktree add --detach "$work/release" "$commit" >/dev/null
trap 'git -C "$root" worktree remove --force "$work/release"' EXIT
cp "$root/$generator" "$work/release/$generator"
cd "$work/release"
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat "$work/classpath")" \
    com.gametriggers.companion.app.DataFolderFixture "$work/data"
mkdir -p "$(dirname "$out")"
cp -r "$work/data" "$out"
du -sh "$out"
find "$out" -type f | sort
